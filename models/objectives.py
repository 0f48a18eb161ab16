"""The action plan: enjeux, objectifs and actions, each attached to a theme."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from models.provenance import Grounded
from models.themes import Theme


class Level(StrEnum):
    ENJEU = "enjeu"
    OBJECTIF = "objectif"
    ACTION = "action"


class Objective(Grounded):
    theme: Theme | None = None
    level: Level
    text: str = Field(min_length=3)
    parent_text: str | None = None
