"""The command line, end to end, through ``cli.main``."""

from __future__ import annotations

import shutil

import duckdb

from cli import main
from tests.conftest import GOLD, VALLEE, VALLEE_HTML


def test_run_then_sql_eval_and_export(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(VALLEE, folder)
    shutil.copy(VALLEE_HTML, folder)
    db = str(tmp_path / "out" / "ctg.duckdb")
    assert main(["run", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 ok, 0 error, 0 unchanged")

    assert main(["sql", "SELECT doc_id, kind FROM documents ORDER BY doc_id", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "vallee-herault-communique-2023 press_release" in " ".join(out.split())

    gold = tmp_path / "gold"
    gold.mkdir()
    for name in (VALLEE.stem, VALLEE_HTML.stem):
        shutil.copy(GOLD / f"{name}.json", gold)
    assert main(["eval", str(gold), "--db", db]) == 0
    out = capsys.readouterr().out
    period = next(line for line in out.splitlines() if line.startswith("period"))
    assert period.split()[1:] == ["2", "0", "0", "1.00", "1.00", "1.00"]  # tp fp fn p r f1

    assert main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "documents.csv").read_text().count("\n") == 3
    assert main(["run", str(folder), "--db", db, "--quiet"]) == 0
    assert "0 ok, 0 error, 2 unchanged" in capsys.readouterr().out


def test_wrong_arguments_exit_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err


def test_sql_error_is_one_line(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    duckdb.connect(db).close()
    assert main(["sql", "SELECT nope FROM nowhere", "--db", db]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ctg sql:") and "\n" not in err


def test_strict_run_fails_when_a_file_fails(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")
    db = str(tmp_path / "x.duckdb")
    assert main(["run", str(tmp_path / "in"), "--db", db, "--quiet"]) == 0
    assert main(["run", str(tmp_path / "in"), "--db", db, "--quiet", "--strict", "--force"]) == 1


def test_report_is_a_self_contained_page_with_charts(corpus_db, tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", "--db", corpus_db, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script" not in page and "http" not in page.split("</style>")[0]
    # Every convention of the corpus has its section, with its signatories and plan.
    for name in ("Valros", "Frontignan", "Communauté de communes Vallée de l&#x27;Hérault"):
        assert f"{name} — " in page
    assert "Laurent Degallaix" in page and "Renforcer la politique petite-enfance et enfance" in page


def test_sql_on_a_database_held_by_a_writer_waits_then_says_so(tmp_path, capsys):
    import subprocess
    import sys

    db = str(tmp_path / "x.duckdb")
    duckdb.connect(db).close()
    # Another process holds the file for writing, as `ctg run` does while it loads a batch.
    holder = subprocess.Popen([sys.executable, "-c",
                               "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(3)", db],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["sql", "SELECT 1 AS one", "--db", db, "--wait", "0.5"]) == 2
        err = capsys.readouterr().err.strip()
        assert "held by another process" in err and "\n" not in err
        # A longer wait outlasts the writer and answers.
        assert main(["sql", "SELECT 1 AS one", "--db", db, "--wait", "20"]) == 0
        assert capsys.readouterr().out.split() == ["one", "1"]
    finally:
        holder.kill()
        holder.wait()
