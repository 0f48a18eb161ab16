"""French communes and EPCI (INSEE code officiel géographique, BANATIC), for validating names
and giving codes. Data in ``resources/reference/`` (see ``scripts/update_reference.py``),
loaded on first use.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract.normalize import fold_key, territory_key
from models.conventions import Caf, Territory, TerritoryType


@dataclass(frozen=True)
class CommuneRef:
    code: str
    name: str
    departement: str
    kind: str  # actuelle | deleguee | associee
    population: int | None


@dataclass(frozen=True)
class EpciRef:
    siren: str
    name: str
    type: str  # CC | CA | CU | METRO | EPT
    members: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("extract.resources").joinpath("reference").joinpath(name).read_bytes()
    return [line.split("\t") for line in gzip.decompress(raw).decode("utf-8").splitlines()]


@lru_cache(maxsize=1)
def communes_by_key() -> dict[str, tuple[CommuneRef, ...]]:
    """Communes by folded name ("saint andre de sangonis"), current ones first."""
    index: dict[str, list[CommuneRef]] = {}
    for code, name, dep, kind, population in _rows("communes.tsv.gz"):
        ref = CommuneRef(code, name, dep, kind, int(population) if population else None)
        index.setdefault(fold_key(name), []).append(ref)
    return {k: tuple(sorted(v, key=lambda c: c.kind != "actuelle")) for k, v in index.items()}


@lru_cache(maxsize=1)
def communes_by_code() -> dict[str, CommuneRef]:
    return {c.code: c for refs in communes_by_key().values() for c in refs if c.kind == "actuelle"}


@lru_cache(maxsize=1)
def epci_by_key() -> dict[str, tuple[EpciRef, ...]]:
    index: dict[str, list[EpciRef]] = {}
    for siren, name, kind, members in _rows("epci.tsv.gz"):
        ref = EpciRef(siren, name, kind, tuple(members.split()))
        # "CA CIVIS (Communauté Intercommunale des Villes Solidaires)": known by both names.
        spelled = re.match(r"^(?P<short>[^(]+?)\s*\((?P<long>[^)]+)\)\s*$", name)
        names = [spelled["short"], f"{kind} {spelled['long']}", spelled["long"]] if spelled else [name]
        for written in names:
            key = territory_key(written)
            if ref not in index.setdefault(key, []):
                index[key].append(ref)
    return {k: tuple(v) for k, v in index.items()}


# A leading article of a commune's name, which writers add or drop ("Les Verrières-de-Joux" for
# Verrières-de-Joux; "du Pont-de-Claix" read as "Pont-de-Claix" for Le Pont-de-Claix).
NAME_ARTICLE = re.compile(r"^(?:le|la|les|l)\s+")


@lru_cache(maxsize=1)
def communes_by_bare_key() -> dict[str, tuple[CommuneRef, ...]]:
    """Current communes by folded name without its leading article."""
    index: dict[str, list[CommuneRef]] = {}
    for key, refs in communes_by_key().items():
        for ref in refs:
            if ref.kind == "actuelle":
                index.setdefault(NAME_ARTICLE.sub("", key), []).append(ref)
    return {k: tuple(v) for k, v in index.items()}


# An apostrophe inside a word, which some names have and their writers drop, or the reverse:
# "Mtsangamouji" for M'Tsangamouji, or a mark a writer adds to a name spelled without one.
INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


@lru_cache(maxsize=1)
def communes_by_glued_key() -> dict[str, tuple[CommuneRef, ...]]:
    """Current communes by folded name, apostrophes inside words removed."""
    index: dict[str, list[CommuneRef]] = {}
    for ref in communes_by_code().values():
        index.setdefault(fold_key(INNER_APOSTROPHE.sub("", ref.name)), []).append(ref)
    return {k: tuple(v) for k, v in index.items()}


def find_communes(name: str, departement: str | None = None) -> tuple[CommuneRef, ...]:
    """Current communes named ``name`` (case, accents and hyphens ignored), within a departement
    when given: "Saint Jean de Fos" -> Saint-Jean-de-Fos (34). A name matching none is tried
    without its leading article, or against names that have one ("Pont-de-Claix" -> Le
    Pont-de-Claix (38)), then without apostrophes inside words ("Mtsangamouji" -> M'Tsangamouji)."""
    key = fold_key(name)

    def within(refs) -> list[CommuneRef]:
        return [c for c in refs if c.kind == "actuelle" and (not departement or c.departement == departement)]

    # Within a departement, a name that is another departement's commune there ("Port", Ain) but
    # this one's with its article ("du François" for Le François, Martinique) is tried without it too.
    found = within(communes_by_key().get(key, ()))
    if not found:
        found = within(communes_by_bare_key().get(NAME_ARTICLE.sub("", key), ()))
    if not found and ("'" in name or "’" in name or key in communes_by_glued_key()):
        found = within(communes_by_glued_key().get(fold_key(INNER_APOSTROPHE.sub("", name)), ()))
    return tuple(found)


@lru_cache(maxsize=1)
def communes_by_departement() -> dict[str, tuple[CommuneRef, ...]]:
    index: dict[str, list[CommuneRef]] = {}
    for ref in communes_by_code().values():
        index.setdefault(ref.departement, []).append(ref)
    return {k: tuple(v) for k, v in index.items()}


def find_communes_by_prefix(name: str, departement: str) -> tuple[CommuneRef, ...]:
    """Current communes of a departement whose name begins with ``name`` as whole words, for
    writers who shorten a long name: "La Londe" -> La Londe-les-Maures (83), "Charleville" ->
    Charleville-Mézières (08). The caller decides what to do with several."""
    key = NAME_ARTICLE.sub("", fold_key(name))
    if not key:
        return ()
    return tuple(c for c in communes_by_departement().get(departement, ())
                 if NAME_ARTICLE.sub("", fold_key(c.name)).startswith(key + " "))


def is_commune_name(name: str) -> bool:
    """Whether any commune, current or merged into a new one, bears this name (or a current one
    with or without its leading article: "Haut Soultzbach" for Le Haut Soultzbach)."""
    key = fold_key(name)
    return key in communes_by_key() or NAME_ARTICLE.sub("", key) in communes_by_bare_key()


def find_epci(name: str, departement: str | None = None) -> EpciRef | None:
    """The EPCI called ``name`` in any of its spellings ("Communauté de communes Vallée de
    l'Hérault" = "CC Vallée de l'Hérault"); None when unknown or ambiguous."""
    found = epci_by_key().get(territory_key(name), ())
    if departement:
        found = tuple(e for e in found if epci_departement(e) == departement)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1024)
def find_epci_by_brand(name: str) -> EpciRef | None:
    """The EPCI whose official name, legal form aside, begins with ``name`` as whole words, when
    exactly one does: a brand that drops the end of the official name ("Loudéac
    Communauté" for "CC Loudéac Communauté - Bretagne Centre"). None when
    ``name`` is an EPCI's whole name (``find_epci``), unknown, or begins several."""
    key = territory_key(name)
    if not key or key in epci_by_key():
        return None
    found = {ref for known, refs in epci_by_key().items() if known.startswith(key + "-") for ref in refs}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def epci_first_words() -> frozenset[str]:
    """The first word of every EPCI's name without legal form nor article ("grand" for "CA du
    Grand Dax"): a cheap test before looking a run of words up."""
    return frozenset(key.split("-")[0] for key in epci_by_key())


def epci_departement(epci: EpciRef) -> str | None:
    """The departement most of an EPCI's communes belong to."""
    codes = communes_by_code()
    counts = Counter(codes[m].departement for m in epci.members if m in codes)
    return counts.most_common(1)[0][0] if counts else None


def territory_code(territory: Territory, caf: Caf | None = None) -> str | None:
    """The INSEE code of a commune or the SIREN of an EPCI, when the reference knows exactly
    one of that name (within the Caf's departement when stated)."""
    departement = caf.department_code if caf else None
    if territory.type is TerritoryType.COMMUNE:
        found = find_communes(territory.name, departement)
        return found[0].code if len(found) == 1 else None
    if territory.type is TerritoryType.EPCI:
        epci = find_epci(territory.name, departement) or (find_epci(territory.name) if departement is None else None)
        return epci.siren if epci else None
    return None
