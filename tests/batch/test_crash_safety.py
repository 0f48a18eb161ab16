"""Killing `ctg run` with SIGKILL mid-batch leaves a consistent database, and a re-run finishes the
rest without redoing the finished documents."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import FRONTIGNAN, ROOT, VALLEE, VALROS

TABLES = ("facts", "parties", "communes", "themes", "objectives", "figures")


def make_batch(folder: Path, copies: int) -> None:
    folder.mkdir()
    for i in range(copies):
        for source in (VALROS, VALLEE, FRONTIGNAN):
            shutil.copy(source, folder / f"{source.stem}-{i:02d}.pdf")


def ctg(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import cli, sys; sys.exit(cli.main())", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def loaded(db: str) -> int:
    try:
        with duckdb.connect(db, read_only=True) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except (duckdb.IOException, duckdb.CatalogException):
        return 0  # not created yet, or held by the run at this instant


def per_document(db: str) -> dict[tuple[str, str], int]:
    with duckdb.connect(db, read_only=True) as con:
        counts = {}
        for table in TABLES:
            for doc_id, n in con.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall():
                counts[(table, doc_id)] = n
        return counts


def test_sigkill_mid_batch_then_rerun(tmp_path):
    folder, db = tmp_path / "in", str(tmp_path / "ctg.duckdb")
    make_batch(folder, 12)
    total = len(list(folder.iterdir()))

    process = ctg("run", str(folder), "--db", db, "--workers", "2", "--quiet")
    deadline = time.monotonic() + 120
    while loaded(db) == 0 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-batch
    process.wait()
    first = loaded(db)
    assert 0 < first < total, "the kill should land mid-batch"

    with duckdb.connect(db, read_only=True) as con:
        # No document with half its rows: every loaded document has its facts; no orphan rows.
        assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                           "(SELECT 1 FROM facts f WHERE f.doc_id = d.doc_id)").fetchone()[0] == 0
        for table in TABLES:
            assert con.execute(f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                               f"(SELECT 1 FROM documents d WHERE d.doc_id = t.doc_id)").fetchone()[0] == 0
    before = per_document(db)

    rerun = ctg("run", str(folder), "--db", db, "--workers", "2", "--quiet")
    out, _ = rerun.communicate(timeout=300)
    assert rerun.returncode == 0
    ok, skipped = int(out.split()[0]), int(out.decode().split(", ")[2].split()[0])
    assert (ok, skipped) == (total - first, first)  # finished documents are not redone
    after = per_document(db)
    assert loaded(db) == total
    assert {k: v for k, v in after.items() if k in before} == before  # and not duplicated

    # The database equals the one a run without a kill makes.
    clean = str(tmp_path / "clean.duckdb")
    assert ctg("run", str(folder), "--db", clean, "--workers", "2", "--quiet").wait(timeout=300) == 0
    assert per_document(clean) == after
