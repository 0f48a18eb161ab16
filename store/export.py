"""Exporting every table to one file each (Parquet, CSV or JSON lines)."""

from __future__ import annotations

import os

import duckdb

TABLES = ("documents", "conventions", "facts", "parties", "communes", "themes", "objectives", "figures")
FORMATS = {"parquet": ("parquet", "(FORMAT PARQUET)"), "csv": ("csv", "(FORMAT CSV, HEADER)"),
           "jsonl": ("jsonl", "(FORMAT JSON)")}


def export(con: duckdb.DuckDBPyConnection, fmt: str, out_dir: str) -> list[str]:
    extension, options = FORMATS[fmt]
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for table in TABLES:
        path = os.path.join(out_dir, f"{table}.{extension}")
        quoted = path.replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' {options}")
        written.append(path)
    return written
