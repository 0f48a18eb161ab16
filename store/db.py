"""Opening the DuckDB database, with the schema applied, and a clear message when it is busy.

DuckDB lets one process write a database file at a time: a second process cannot open it, even
to read, while the first holds it. ``ctg run`` therefore opens the file only for the short
moments it writes; another command that finds it held retries for ``wait_s`` seconds, then
says a run holds it.
"""

from __future__ import annotations

import os
import time
from importlib import resources

import duckdb

SCHEMA = resources.files("store").joinpath("schema.sql")
# Bumped whenever schema.sql changes a table: a database made with another version is refused
# with a clear message instead of failing on its first insert.
SCHEMA_VERSION = 2


class DatabaseBusy(RuntimeError):
    pass


class SchemaMismatch(RuntimeError):
    pass


def connect(path: str, read_only: bool = False, wait_s: float = 10.0) -> duckdb.DuckDBPyConnection:
    """Open ``path`` (``:memory:`` for tests), creating it and its folder when writing."""
    if path != ":memory:" and not read_only:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if read_only and path != ":memory:" and not os.path.exists(path):
        raise FileNotFoundError(f"no database at {path}: run `ctg run PATH --db {path}` first")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{path} is held by another process (a `ctg run` in progress?); "
                    "wait for it to finish, or query a copy of the file") from exc
            time.sleep(0.2)
    if not read_only:
        _apply_schema(con, path)
    return con


def _apply_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS ctg_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    found = con.execute("SELECT value FROM ctg_meta WHERE key = 'schema_version'").fetchone()
    if found is None:
        tables = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'documents'").fetchone()
        if tables[0]:
            found = ("0",)
    if found is not None and int(found[0]) != SCHEMA_VERSION:
        con.close()
        raise SchemaMismatch(f"{path} was made with ctg schema version {found[0]}, this ctg writes version "
                             f"{SCHEMA_VERSION}: extract into a new --db file")
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    con.execute("INSERT OR REPLACE INTO ctg_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
