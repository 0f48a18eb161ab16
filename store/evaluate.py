"""Scoring the database against gold annotations (``../shared/seeds/gold/*.json`` format).

Matching rules (seeds README): names and labels compare case- and accent-insensitively;
objectives match on fuzzy similarity (token-set ratio >= 85); figures on unit and value (within
0.5 %), a unit as written or as the same count noun of the unit lexicon ("RPE" and "relais petite
enfance", "centre social" and "centres sociaux", "familles allocataires" and "familles"), or both a
count of allocataires ("foyers allocataires" and "allocataires"). Items of a ``<field>_optional`` list are neither rewarded nor penalized; fields listed in
``unscored`` are skipped; a null or empty gold field means any value emitted is a false positive.
Figures in "communes" are left out on both sides (the real set's README: a commune count is
``communes_count``, listed among figures by some gold files only). A period compares on both ends: a half-known gold period (``{"start": null, "end": 2027}``) matches
only a prediction with the same known end and no start. A group of communes compares on its names,
whatever their order and separators ("A, B et C" is "C, A, B").
"""

from __future__ import annotations

import glob
import json
import os
import re
from dataclasses import dataclass, field

import duckdb
from rapidfuzz import fuzz

from extract.figure_units import unit_after
from extract.normalize import fold_key

# Between the names of a group of communes: "A, B et C", "A, B, C".
LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+et\s+")
OBJECTIVE_MIN_RATIO = 85
FIGURE_TOLERANCE = 0.005
COMMUNES_UNIT = "communes"
ALLOCATAIRES = "allocataire"
# Units that, labelled "... allocataires", count allocataires: "foyers", "familles", "personnes".
ALLOCATAIRE_HEADS = ("foyers", "familles", "menages", "personnes", "allocataires")
SCALAR_FIELDS = ("kind", "territory", "territory_type", "caf_department", "period", "signature_date", "ordinal",
                 "communes_count")
LIST_FIELDS = ("signatories", "communes", "themes", "objectives", "figures")
FIELDS = SCALAR_FIELDS + LIST_FIELDS


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    misses: dict[str, list[str]] = field(default_factory=dict)
    documents: int = 0


def load_gold(dirs: list[str]) -> list[dict]:
    """Gold annotations of the given folders, one per doc_id (the first folder naming it wins)."""
    gold: dict[str, dict] = {}
    for directory in dirs:
        for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
            with open(path, encoding="utf-8") as handle:
                annotation = json.load(handle)
            gold.setdefault(annotation["doc_id"], annotation)
    return list(gold.values())


def _predictions(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict | None:
    row = con.execute("SELECT kind, status FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None or row[1] != "ok":
        return None
    facts = dict(con.execute("SELECT field, value FROM facts WHERE doc_id = ?", [doc_id]).fetchall())
    # A half-known period ("jusqu'en 2027") is stored with one end only; it compares as (None, 2027).
    period = None
    if "period_start" in facts or "period_end" in facts:
        period = tuple(int(facts[k]) if k in facts else None for k in ("period_start", "period_end"))

    def column(sql: str) -> list:
        return con.execute(sql, [doc_id]).fetchall()

    return {
        "kind": row[0],
        "territory": facts.get("territory_name"),
        "territory_type": facts.get("territory_type"),
        "caf_department": facts.get("caf_department"),
        "period": period,
        "signature_date": facts.get("signature_date"),
        "ordinal": int(facts["ordinal"]) if "ordinal" in facts else None,
        "communes_count": int(facts["communes_count"]) if "communes_count" in facts else None,
        "signatories": [r[0] for r in column(
            "SELECT DISTINCT person_name FROM parties WHERE doc_id = ? AND is_signatory AND person_name IS NOT NULL")],
        "communes": [r[0] for r in column("SELECT DISTINCT name FROM communes WHERE doc_id = ?")],
        "themes": [r[0] for r in column("SELECT DISTINCT theme FROM themes WHERE doc_id = ?")],
        "objectives": [r[0] for r in column("SELECT DISTINCT text FROM objectives WHERE doc_id = ?")],
        "figures": [(r[0], r[1], r[2]) for r in column(
            "SELECT DISTINCT value, unit, label FROM figures WHERE doc_id = ?")],
    }


def _gold_scalar(gold: dict, name: str):
    if name == "territory":
        return (gold.get("territory") or {}).get("name")
    if name == "territory_type":
        return (gold.get("territory") or {}).get("type")
    if name == "period":
        period = gold.get("period") or {}
        start, end = period.get("start"), period.get("end")
        return (start, end) if start or end else None
    return gold.get(name)


def _same_scalar(name: str, expected, got) -> bool:
    if name == "territory" and got is not None and _listed(expected) and _listed(got) == _listed(expected):
        return True  # "A, B et C" and "A, B, C": one group of communes
    if name in ("territory", "caf_department"):
        return fold_key(str(expected)) == fold_key(str(got))
    return expected == got or str(expected) == str(got)


def _listed(name) -> frozenset[str] | None:
    """The names of a list ("A, B et C"), or None for a single name."""
    items = [fold_key(item) for item in LIST_SEPARATOR.split(str(name or "")) if item.strip()]
    return frozenset(items) if len(items) >= 2 else None


def _same_unit(expected: str, got: str) -> bool:
    """Units compare as written, or as the same count noun in the unit lexicon: "RPE" is "relais
    petite enfance", "centre social" is "centres sociaux"."""
    if fold_key(expected) == fold_key(got):
        return True
    families = [_unit_family(unit) for unit in (expected, got)]
    return families[0] is not None and families[0] == families[1]


def _counts_allocataires(unit: str | None, label: str | None) -> bool:
    """Whether a figure counts allocataires, whatever noun heads its unit: "5 600 foyers allocataires"
    is a count of foyers (the seeds' gold) or of allocataires (other gold files)."""
    unit, label = fold_key(unit or ""), fold_key(label or "")
    return ALLOCATAIRES in unit or (ALLOCATAIRES in label and unit in ALLOCATAIRE_HEADS)


def _unit_family(unit: str):
    """The count noun a unit opens with: "foyers allocataires" counts foyers, as the seeds' gold does."""
    found = unit_after(unit or "")
    return found.family if found is not None else None


def _matcher(name: str):
    if name == "objectives":
        return lambda g, p: fuzz.token_set_ratio(fold_key(g), fold_key(p)) >= OBJECTIVE_MIN_RATIO
    if name == "figures":
        def same_figure(g: dict, p: tuple) -> bool:
            value, unit, label = p
            tolerance = abs(g["value"]) * FIGURE_TOLERANCE
            both_allocataires = _counts_allocataires(g["unit"], g.get("label")) and _counts_allocataires(unit, label)
            return (_same_unit(g["unit"], unit) or both_allocataires) \
                and abs(g["value"] - value) <= tolerance
        return same_figure
    if name == "signatories":
        return lambda g, p: fold_key(g["name"]) == fold_key(p)
    return lambda g, p: fold_key(str(g)) == fold_key(str(p))


def _describe(name: str, item) -> str:
    if name == "figures":
        return f"{item['value']:g} {item['unit']} ({item['label']})" if isinstance(item, dict) else f"{item[0]:g} {item[1]} ({item[2]})"
    if name == "signatories" and isinstance(item, dict):
        return f"{item['name']} ({item.get('role')}, {item.get('org')})"
    return str(item)


def _match_lists(name: str, gold_items: list, optional: list, predicted: list) -> tuple[Score, list, list]:
    if name == "figures":
        # A count of communes is ``communes_count``; gold files list it among figures or not, so a
        # figure in "communes" is neither rewarded nor penalized (real set README).
        gold_items = [g for g in gold_items if fold_key(g["unit"]) != COMMUNES_UNIT]
        predicted = [p for p in predicted if fold_key(p[1]) != COMMUNES_UNIT]
    same = _matcher(name)
    remaining = list(predicted)
    score, missed = Score(), []
    for item in gold_items:
        hit = next((p for p in remaining if same(item, p)), None)
        if hit is None:
            score.fn += 1
            missed.append(item)
        else:
            score.tp += 1
            remaining.remove(hit)
    extra = [p for p in remaining if not any(same(o, p) for o in optional)]
    score.fp = len(extra)
    return score, missed, extra


def evaluate(con: duckdb.DuckDBPyConnection, gold_docs: list[dict]) -> Report:
    report = Report()
    for gold in gold_docs:
        doc_id = gold["doc_id"]
        report.documents += 1
        unscored = set(gold.get("unscored", ()))
        predicted = _predictions(con, doc_id)
        notes: list[str] = []
        if predicted is None:
            notes.append("document missing from the database or in error")
            predicted = {f: (None if f in SCALAR_FIELDS else []) for f in FIELDS}
        for name in SCALAR_FIELDS:
            if name in unscored:
                continue
            expected, got = _gold_scalar(gold, name), predicted[name]
            score = report.scores[name]
            if expected is None and got is None:
                continue
            if expected is not None and got is not None and _same_scalar(name, expected, got):
                score.tp += 1
                continue
            if got is not None:
                score.fp += 1
            if expected is not None:
                score.fn += 1
            notes.append(f"{name}: expected {expected!r}, got {got!r}")
        for name in LIST_FIELDS:
            if name in unscored:
                continue
            gold_items = gold.get(name) or []
            optional = gold.get(f"{name}_optional") or []
            score, missed, extra = _match_lists(name, gold_items, optional, predicted[name])
            total = report.scores[name]
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
            notes.extend(f"{name}: missed {_describe(name, m)}" for m in missed)
            notes.extend(f"{name}: extra {_describe(name, e)}" for e in extra)
        if notes:
            report.misses[doc_id] = notes
    return report


def format_report(report: Report) -> str:
    lines = [f"{'field':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}"]
    for name, s in report.scores.items():
        lines.append(f"{name:<16}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.2f}{s.recall:>8.2f}{s.f1:>7.2f}")
    lines.append(f"\n{report.documents} gold documents")
    for doc_id, notes in sorted(report.misses.items()):
        lines.append(f"\n{doc_id}")
        lines.extend(f"  - {n}" for n in notes)
    return "\n".join(lines)
