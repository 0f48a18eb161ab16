"""Batch runs: every corpus file loads, re-runs skip unchanged files, bad files become error rows."""

from __future__ import annotations

import os
import shutil

import duckdb

from extract.ingest import OcrMode
from pipeline import RunOptions, run
from store.db import connect
from store.evaluate import evaluate, load_gold
from tests.conftest import FRONTIGNAN, GOLD, VALLEE, VALLEE_HTML


def small_corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(VALLEE, folder)
    shutil.copy(VALLEE_HTML, folder / "sub")
    shutil.copy(FRONTIGNAN, folder)
    return folder


def rows(db: str, sql: str):
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_corpus_loads_ok_with_kind_territory_and_period_right(corpus_db):
    assert rows(corpus_db, "SELECT count(*), count(*) FILTER (status = 'ok') FROM documents") == [(7, 7)]
    assert rows(corpus_db, "SELECT sum(n_pages_ocr) FROM documents") == [(8,)]
    with connect(corpus_db, read_only=True) as con:
        report = evaluate(con, load_gold([str(GOLD)]))
    for field in ("kind", "period", "territory", "territory_type", "caf_department"):
        score = report.scores[field]
        assert (score.precision, score.recall) == (1.0, 1.0), (field, report.misses)


def test_corpus_documents_of_one_ctg_are_linked(corpus_db):
    linked = dict(rows(corpus_db, "SELECT doc_id, convention_id FROM documents"))
    assert linked["valros-dossier-de-presse-2023"] == linked["valros-dossier-de-presse-2023-scan"] == "valros-2022-2026"
    assert linked["vallee-herault-communique-2023"] == linked["vallee-herault-communique-2023-web"]
    assert rows(corpus_db, "SELECT count(*) FROM conventions") == [(5,)]


def test_rerun_skips_unchanged_files_and_reloads_changed_ones(tmp_path):
    folder, db = small_corpus(tmp_path), str(tmp_path / "ctg.duckdb")
    first = run([str(folder)], RunOptions(db=db))
    assert (first.ok, first.skipped) == (3, 0)
    before = rows(db, "SELECT doc_id, sha256, extracted_at FROM documents ORDER BY doc_id")

    second = run([str(folder)], RunOptions(db=db))
    assert (second.ok, second.skipped) == (0, 3)
    # A touched file with the same content is recognised by its hash.
    os.utime(folder / FRONTIGNAN.name, (1_700_000_000, 1_700_000_000))
    assert run([str(folder)], RunOptions(db=db)).skipped == 3
    assert rows(db, "SELECT doc_id, sha256, extracted_at FROM documents ORDER BY doc_id") == before
    # ... and its new mtime kept, so that the next run need not hash it again.
    assert rows(db, f"SELECT mtime FROM documents WHERE source_path LIKE '%{FRONTIGNAN.name}'") == [(1_700_000_000,)]

    html = folder / "sub" / VALLEE_HTML.name
    html.write_text(html.read_text(encoding="utf-8").replace("2022-2026", "2023-2027"), encoding="utf-8")
    third = run([str(folder)], RunOptions(db=db))
    assert (third.ok, third.skipped) == (1, 2)
    assert rows(db, "SELECT value FROM facts WHERE doc_id = 'vallee-herault-communique-2023-web' "
                    "AND field = 'period_start'") == [("2023",)]
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]

    forced = run([str(folder)], RunOptions(db=db, force=True))
    assert (forced.ok, forced.skipped) == (3, 0)
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]


def test_files_loaded_by_other_extractors_are_extracted_again(tmp_path):
    folder, db = small_corpus(tmp_path), str(tmp_path / "ctg.duckdb")
    run([str(folder)], RunOptions(db=db))
    with duckdb.connect(db) as con:  # as if an earlier ctg had loaded this one
        con.execute("UPDATE documents SET ctg_version = '0.0.9' WHERE doc_id = 'frontignan-article-2024'")
    again = run([str(folder)], RunOptions(db=db))
    assert (again.ok, again.skipped) == (1, 2)
    assert rows(db, "SELECT count(*), count(DISTINCT ctg_version) FROM documents") == [(3, 1)]
    assert rows(db, "SELECT count(*) FROM documents WHERE doc_id = 'frontignan-article-2024'") == [(1,)]


def test_bad_files_get_an_error_row_and_the_batch_goes_on(tmp_path):
    folder = small_corpus(tmp_path)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "page.pdf").write_text("<!DOCTYPE html><html><body>Bonjour</body></html>", encoding="utf-8")
    (folder / "truncated.pdf").write_bytes(VALLEE.read_bytes()[:700])
    db = str(tmp_path / "ctg.duckdb")
    summary = run([str(folder)], RunOptions(db=db, ocr=OcrMode.NEVER))
    assert (summary.ok, summary.error) == (3, 3)
    errors = dict(rows(db, "SELECT doc_id, error FROM documents WHERE status = 'error'"))
    assert errors["empty"] == "empty file"
    assert errors["page"] == "not a PDF: the file holds HTML (renamed .pdf?)"
    assert errors["truncated"].startswith(("not a readable PDF", "PDF has no pages"))
    assert all("\n" not in e for e in errors.values())
