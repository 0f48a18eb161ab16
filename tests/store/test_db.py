"""Opening the database: schema applied once, versions checked, a held file reported clearly."""

from __future__ import annotations

import duckdb
import pytest

from store.db import SCHEMA_VERSION, SchemaMismatch, connect


def test_schema_is_applied_idempotently(tmp_path):
    db = str(tmp_path / "x.duckdb")
    for _ in range(2):
        with connect(db) as con:
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "facts", "conventions", "parties", "communes", "themes", "objectives", "figures",
            "convention_succession", "ctg_meta"} <= tables
    with connect(db) as con:
        assert con.execute("SELECT value FROM ctg_meta").fetchone() == (str(SCHEMA_VERSION),)


def test_database_of_another_schema_version_is_refused(tmp_path):
    db = str(tmp_path / "old.duckdb")
    with duckdb.connect(db) as con:
        con.execute("CREATE TABLE documents (doc_id VARCHAR)")
    with pytest.raises(SchemaMismatch, match="schema version 0"):
        connect(db)


def test_read_only_open_of_a_missing_database_says_how_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="ctg run"):
        connect(str(tmp_path / "none.duckdb"), read_only=True)
