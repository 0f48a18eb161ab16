"""Shared fixtures: the corpus files as named constants, an in-memory document builder, and one
database built from the whole corpus for the tests that read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.ingest.markup import read_html, read_text
from models.document import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"

VALROS = CORPUS / "valros-dossier-de-presse-2023.pdf"
VALROS_SCAN = CORPUS / "valros-dossier-de-presse-2023-scan.pdf"
VALLEE = CORPUS / "vallee-herault-communique-2023.pdf"
VALLEE_HTML = CORPUS / "vallee-herault-communique-2023-web.html"
FRONTIGNAN = CORPUS / "frontignan-article-2024.pdf"
VALENCIENNES = CORPUS / "valenciennes-metropole-convention-2025-2029.pdf"
GARD = CORPUS / "gard-rhodanien-diagnostic-plan-actions.pdf"
CORPUS_FILES = [VALROS, VALROS_SCAN, VALLEE, VALLEE_HTML, FRONTIGNAN, VALENCIENNES, GARD]


def make_doc(text: str, doc_id: str = "snippet") -> Document:
    """A document view built in memory from plain text: blank lines separate blocks, form feeds
    separate pages."""
    return read_text(text.encode("utf-8"), f"<{doc_id}>", doc_id)


def make_html_doc(body: str, doc_id: str = "page") -> Document:
    """A web page's document view built in memory from the HTML of its body."""
    return read_html(f"<html><body>{body}</body></html>".encode(), f"{doc_id}.html", doc_id)


@pytest.fixture(scope="session")
def nlp():
    """The spaCy French pipeline, loaded once, as the workers load it."""
    from pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def ingested():
    """Each corpus file ingested once per test session: {path: Document}."""
    from extract.ingest import ingest

    cache: dict[Path, Document] = {}

    def get(path: Path) -> Document:
        if path not in cache:
            cache[path] = ingest(str(path), path.stem)
        return cache[path]

    return get


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """The whole corpus extracted once into a DuckDB file (2 workers)."""
    from extract.ingest import OcrMode
    from pipeline import RunOptions, run

    db = str(tmp_path_factory.mktemp("db") / "corpus.duckdb")
    summary = run([str(CORPUS)], RunOptions(db=db, workers=min(2, os.cpu_count() or 1), ocr=OcrMode.AUTO))
    assert summary.error == 0, summary.errors
    return db
