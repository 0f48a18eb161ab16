"""Key figures of the territory: a value, its unit, a label and the year it refers to."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from models.provenance import Grounded


class Unit(StrEnum):
    """Families of units, for comparing figures across documents: money, percentages, and what
    counts are of (crèches and multi-accueils are both EAJE)."""

    EUR = "EUR"
    PERCENT = "%"
    HABITANTS = "habitants"
    ENFANTS = "enfants"
    JEUNES = "jeunes"
    ALLOCATAIRES = "allocataires"
    FAMILLES = "familles"
    FOYERS = "foyers"
    PERSONNES = "personnes"
    MENAGES = "ménages"
    PLACES = "places"
    NAISSANCES = "naissances"
    ASSISTANTS_MATERNELS = "assistants maternels"
    CENTRES_SOCIAUX = "centres sociaux"
    ESPACES_DE_VIE_SOCIALE = "espaces de vie sociale"
    STRUCTURES = "structures"
    EQUIPEMENTS = "équipements"
    ACCUEILS = "accueils"
    PROJETS = "projets"
    ACTIONS = "actions"
    RPE = "RPE"
    LAEP = "LAEP"
    CLAS = "CLAS"
    EAJE = "EAJE"
    MAM = "MAM"
    ESPACES_JEUNES = "espaces jeunes"
    SYNDICATS = "syndicats"
    QUARTIERS_PRIORITAIRES = "quartiers prioritaires"
    ECOLES = "écoles"
    FRANCE_SERVICES = "France services"
    # Items of the plan: its axes (orientations, champs d'intervention), objectives and actions.
    AXES = "axes"
    OBJECTIFS = "objectifs"
    OTHER = "other"


class Figure(Grounded):
    label: str
    value: float
    unit: str = Field(min_length=1, description="EUR, %, or the count noun: habitants, places, multi-accueils...")
    category: Unit = Field(description="the unit's family")
    year: int | None = Field(default=None, ge=1950, le=2100)
