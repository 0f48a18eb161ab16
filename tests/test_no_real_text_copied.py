"""The real development set (``../shared/real``) is other people's writing, kept to measure the
extractors: the project reads it at test time but never copies it. These tests fail when a file of
the project (code, comments, tests, test data, corpus sources, docs) shares a long run of words with
one of those texts, or names one of their signatories."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

REAL = ROOT.parent / "shared" / "real"

# Twelve words in a row is a quotation; shorter runs shared by chance are formulas of the field
# ("la convention territoriale globale entre la Caf et la communauté de communes").
SPAN_WORDS = 12
# A run found in this many real texts is the field's boilerplate, not one writer's sentence.
BOILERPLATE_TEXTS = 3
# The field's formulas, which every writer may use: the Caf's definition of a CTG, titles, legal
# clauses, the usual list of fields. They are cut out of the real texts before comparing.
FORMULAS = [
    "une convention de partenariat qui vise à",
    "renforcer l'efficacité, la cohérence et la coordination des",
    "en direction des habitants d'un territoire",
    "convention territoriale globale de services aux familles entre la caisse d'allocations familiales",
    "la convention territoriale globale (CTG) avec la caisse d'allocations familiales de",
    "la signature de la convention territoriale globale entre la Caf et la",
    "à signer la présente convention par délibération du conseil communautaire en date",
    "la petite enfance, la jeunesse, la parentalité, l'animation de la vie sociale",
    "qu'est-ce que la convention territoriale globale ? La CTG est un",
    "qu'est-ce que c'est ?",
    # the fields of a CTG in their usual order (the national template's list among them) and the
    # authorisation's wording: any writer's
    "la parentalité, l'animation de la vie sociale",
    "dans les domaines de la petite enfance, de l'enfance",
    "de l'animation de la vie sociale, de l'accès aux droits",
    "à signer une convention territoriale globale avec la caisse d'allocations familiales",
]
TEXT_SUFFIXES = {".py", ".json", ".md", ".txt", ".sql", ".html", ".toml", ".cfg", ".sh", ".yml", ""}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not here")

WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _spans(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SPAN_WORDS]) for i in range(len(words) - SPAN_WORDS + 1)}


def _without_formulas(words: list[str]) -> list[list[str]]:
    """The runs of words left between the field's formulas."""
    formulas = [_words(formula) for formula in FORMULAS]
    runs, run, i = [], [], 0
    while i < len(words):
        formula = next((f for f in formulas if words[i:i + len(f)] == f), None)
        if formula:
            runs.append(run)
            run, i = [], i + len(formula)
        else:
            run.append(words[i])
            i += 1
    return runs + [run]


def _project_files() -> list[Path]:
    """The project's tracked text files (what a clone holds), or every file when git is absent."""
    try:
        listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        paths = [ROOT / line for line in listed.splitlines()]
    except (OSError, subprocess.CalledProcessError):
        paths = [p for p in ROOT.rglob("*") if ".git" not in p.parts and ".venv" not in p.parts
                 and "outputs" not in p.parts]
    return [p for p in paths if p.is_file() and p.suffix in TEXT_SUFFIXES and p.name != Path(__file__).name]


@pytest.fixture(scope="module")
def real_spans() -> dict[tuple[str, ...], str]:
    """Each run of words of a real text that is neither boilerplate nor in a seed: {run: doc_id}."""
    seen: Counter = Counter()
    origin: dict[tuple[str, ...], str] = {}
    for source in sorted(REAL.glob("r-*/source.txt")):
        spans = set().union(*(_spans(run) for run in _without_formulas(_words(source.read_text(encoding="utf-8")))))
        for span in spans:
            seen[span] += 1
            origin.setdefault(span, source.parent.name)
    seeds: set[tuple[str, ...]] = set()
    for seed in SEEDS.rglob("*"):
        if seed.is_file() and seed.suffix in {".txt", ".md", ".json"}:
            seeds |= _spans(_words(seed.read_text(encoding="utf-8", errors="ignore")))
    return {span: origin[span] for span, count in seen.items() if count < BOILERPLATE_TEXTS and span not in seeds}


def test_no_project_file_quotes_a_real_text(real_spans):
    quoted = []
    for path in _project_files():
        words = _words(path.read_text(encoding="utf-8", errors="ignore"))
        for i in range(len(words) - SPAN_WORDS + 1):
            span = tuple(words[i:i + SPAN_WORDS])
            if span in real_spans:
                quoted.append(f"{path.relative_to(ROOT)}: '{' '.join(span)}' ({real_spans[span]})")
                break
    assert not quoted, "project files quote real texts:\n" + "\n".join(quoted)


def test_no_project_file_names_a_real_signatory():
    """The persons of the real texts are theirs: snippets written here invent their own."""
    people = set()
    for gold in REAL.glob("r-*/gold.json"):
        record = json.loads(gold.read_text(encoding="utf-8"))
        for key in ("signatories", "signatories_optional"):
            people |= {s["name"] for s in record.get(key) or [] if len((s.get("name") or "").split()) >= 2}
    seeds_text = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in SEEDS.rglob("*.txt"))
    people = {name for name in people if name not in seeds_text}
    assert people, "the real set names no signatory: the check would pass on anything"
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(people, key=len, reverse=True)),
                         re.IGNORECASE)
    named = [f"{path.relative_to(ROOT)}: {m.group(0)}" for path in _project_files()
             if (m := pattern.search(path.read_text(encoding="utf-8", errors="ignore")))]
    assert not named, "project files name persons of the real texts:\n" + "\n".join(named)
