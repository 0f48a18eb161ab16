"""The fields of a CTG (axes), in the contract's vocabulary."""

from __future__ import annotations

from enum import StrEnum

from models.provenance import Grounded


class Theme(StrEnum):
    PETITE_ENFANCE = "petite_enfance"
    ENFANCE = "enfance"
    JEUNESSE = "jeunesse"
    PARENTALITE = "parentalite"
    ANIMATION_VIE_SOCIALE = "animation_vie_sociale"
    ACCES_AUX_DROITS = "acces_aux_droits"
    INCLUSION_NUMERIQUE = "inclusion_numerique"
    LOGEMENT = "logement"
    HANDICAP = "handicap"
    ACCOMPAGNEMENT_SOCIAL = "accompagnement_social"
    AUTRE = "autre"


class ThemeRecord(Grounded):
    theme: Theme
    label: str
