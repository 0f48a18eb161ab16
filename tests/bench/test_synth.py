"""The synthetic benchmark corpus (bench/synth.py): one variant per layout, real new names, no
original name left, deterministic, and a second call served from the cache."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pymupdf
import pytest

from bench.synth import LAYOUTS, Form, Variation, make_corpus, name_pattern
from tests.conftest import SEEDS

N = len(LAYOUTS)          # one variant per layout

# What each seed calls its territory (and a signatory), which no variant may keep.
ORIGINAL_NAMES = {
    "valros": ["Valros", "Michel Loup"],
    "vallee-herault": ["Vallée de l'Hérault", "CCVH", "Gignac", "Jean-François Soto"],
    "vallee-herault-web": ["Vallée de l'Hérault", "CCVH", "Gignac", "Jean-François Soto"],
    "frontignan": ["Frontignan", "Michel Arrouy"],
    "valenciennes": ["Valenciennes", "CAVM", "DEGALLAIX"],
    "gard": ["Gard Rhodanien", "Bagnols-sur-Cèze"],
}
# The legal form before an EPCI's core name: "Communauté d'Agglomération du ".
LEGAL_FORM = re.compile(r"^Communauté (?:de communes|d'agglomération)\s+(?:du |de la |de l'|des |de |d')?",
                        re.I)


def plain(text: str) -> str:
    """Whitespace collapsed, apostrophes made straight."""
    return " ".join(text.replace("’", "'").split())


def document_text(path: Path) -> str:
    if path.suffix == ".html":
        return path.read_text(encoding="utf-8")
    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip(f"seeds folder missing: {SEEDS}")
    out = tmp_path_factory.mktemp("synth")
    started = time.perf_counter()
    files = make_corpus(SEEDS, out, N, scan_share=0, seed=3, workers=2)
    return out, files, time.perf_counter() - started


def layout_key(path: Path) -> str:
    return next(layout.key for layout in sorted(LAYOUTS, key=lambda lay: -len(lay.key))
                if f"-{layout.key}-" in path.name)


def test_one_valid_file_per_layout(built):
    out, files, _ = built
    assert sorted(layout_key(f) for f in files) == sorted(layout.key for layout in LAYOUTS)
    for path in files:
        assert path.is_file() and (out / "gold" / f"{path.stem}.json").is_file()
        if path.suffix == ".html":
            assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        else:
            assert path.read_bytes().startswith(b"%PDF")
            with pymupdf.open(path) as doc:
                assert doc.page_count > 0


def test_new_territory_named_and_original_names_gone(built):
    out, files, _ = built
    for path in files:
        gold = json.loads((out / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert gold["doc_id"] == path.stem and "figures" in gold["unscored"]
        text = plain(document_text(path))
        core = LEGAL_FORM.sub("", plain(gold["territory"]["name"]))
        assert core in text, f"{path.name}: {core!r} not in the document"
        for original in ORIGINAL_NAMES[layout_key(path)]:
            assert not re.search(rf"(?<!\w){re.escape(original)}(?!\w)", text, re.I), \
                f"{path.name}: {original!r} left"


def test_second_call_is_a_cache_hit(built):
    out, files, _ = built
    mtimes = [f.stat().st_mtime_ns for f in files]
    started = time.perf_counter()
    again = make_corpus(SEEDS, out, N, scan_share=0, seed=3, workers=2)
    assert again == files
    assert time.perf_counter() - started < 1
    assert [f.stat().st_mtime_ns for f in files] == mtimes
    assert json.loads((out / "manifest.json").read_text())["files"] == [f.name for f in files]


def test_same_arguments_same_bytes(built, tmp_path):
    _, files, _ = built
    again = make_corpus(SEEDS, tmp_path, N, scan_share=0, seed=3, workers=1)
    assert [f.name for f in again] == [f.name for f in files]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, files))


def test_missing_seeds_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="seeds folder is needed"):
        make_corpus(tmp_path / "no-seeds", tmp_path / "out", 3)


@pytest.mark.parametrize("text, expected", [
    ("la commune de Valros", "la commune d’Agde"),
    ("SIGNATURE DE LA CTG DE VALROS", "SIGNATURE DE LA CTG D’AGDE"),
    ("Maire de Gignac", "Maire du Pouget"),
    ("1 650 habitants (Insee/2019)", "2 475 habitants (Insee/2023)"),
    ("1650 habitants", "2475 habitants"),
    ("39 % des allocataires, 80% des familles", "58 % des allocataires, 100% des familles"),
    ("Axe 2 : Objectif 3, ARTICLE 4 - Annexe 5", "Axe 2 : Objectif 3, ARTICLE 4 - Annexe 5"),
    ("le lundi 6 février 2023 à 17h00", "le lundi 6 février 2027 à 17h00"),
    ("sur 5 ans, de 10 à 17 ans, 13 communes, 2,5 millions",
     "sur 5 ans, de 10 à 17 ans, 13 communes, 2,5 millions"),
    ("1. Une micro-crèche de 12 places", "1. Une micro-crèche de 18 places"),
    ("signée le 2024-02-29", "signée le 2028-02-29"),
])
def test_variation_rules(text, expected):
    forms = (Form(name_pattern("VALROS"), "AGDE", True, 6), Form(name_pattern("Valros"), "Agde", True, 6),
             Form(name_pattern("Gignac"), "Le Pouget", True, 6))
    variation = Variation(forms=forms, leftovers=(), year_delta=4, factor=1.5, apostrophe="’")
    assert variation.apply(text) == expected
