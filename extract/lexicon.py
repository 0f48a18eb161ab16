"""Language and reference resources, kept as data in ``extract/resources/*.json``.

Loaded on first use (no work at import time) and cached for the life of the process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("extract.resources").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    article: str  # after "Caf": "du" (Nord), "de l'" (Hérault), "de la" (Somme)


@lru_cache(maxsize=1)
def calendar() -> dict:
    """Month names and abbreviations, weekdays, number and ordinal words."""
    return _load("calendar.json")


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    return calendar()["months"]


@lru_cache(maxsize=1)
def departements() -> tuple[Departement, ...]:
    return tuple(Departement(d["code"], d["name"], d["article"]) for d in _load("departements.json")["departements"])


@lru_cache(maxsize=1)
def caf_aliases() -> dict[str, str]:
    """Caf names that are not a departement's name -> departement code."""
    return _load("departements.json")["caf_aliases"]


def caf_adjectives() -> dict[str, str]:
    """Departement adjectives written after "Caf" ("la Caf varoise") -> departement code."""
    return _load("departements.json")["caf_adjectives"]


@lru_cache(maxsize=1)
def kind_cues() -> dict:
    """Phrases that point to a document kind, with weights (see classify.py)."""
    return _load("kinds.json")


@lru_cache(maxsize=1)
def territory_forms() -> dict:
    """Legal forms of collectivities (EPCI, commune...) and their abbreviations."""
    return _load("territories.json")


@lru_cache(maxsize=1)
def roles() -> dict:
    """Roles of signatories, civilities and the words that tell an organisation's kind."""
    return _load("roles.json")


@lru_cache(maxsize=1)
def themes() -> dict:
    """Theme lexicon: phrases per theme, 'autre' phrases, heading fillers, generic-section cues."""
    return _load("themes.json")


@lru_cache(maxsize=1)
def scope() -> dict:
    """Cue phrases that tell a sentence about this territory's CTG from one about CTGs in general."""
    return _load("scope.json")


@lru_cache(maxsize=1)
def plans() -> dict:
    """Words that shape an action plan: level cues, verbs and noun heads of objectives, the
    introductions of lists that are not the territory's plan."""
    return _load("plans.json")


@lru_cache(maxsize=1)
def figures() -> dict:
    """How figures are written: count nouns, money words, comparisons, key-figure sections."""
    return _load("figures.json")
