"""The ``ctg`` command line: argument parsing over library calls, errors turned into messages
and exit codes here and only here."""

from __future__ import annotations

import argparse
import os
import sys

DEFAULT_DB = os.path.join("outputs", "ctg.duckdb")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _cmd_run(args: argparse.Namespace) -> int:
    from extract.ingest import OcrMode
    from pipeline import RunOptions, run

    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        print(f"ctg run: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    options = RunOptions(db=args.db, workers=args.workers, ocr=OcrMode(args.ocr), force=args.force,
                         strict=args.strict, timeout_s=args.timeout or None, quiet=args.quiet)
    summary = run(args.paths, options)
    print(f"{summary.ok} ok, {summary.error} error, {summary.skipped} unchanged; {summary.pages} pages "
          f"({summary.pages_ocr} OCR) in {summary.seconds:.1f} s; {summary.conventions} conventions -> {args.db}")
    if not args.quiet:
        for doc_id, reason in summary.errors[:20]:
            print(f"  error {doc_id}: {reason}", file=sys.stderr)
        if len(summary.errors) > 20:
            print(f"  ... {len(summary.errors) - 20} more errors", file=sys.stderr)
        print(f"log: {summary.log_path}", file=sys.stderr)
    return 1 if args.strict and summary.error else 0


def _cmd_sql(args: argparse.Namespace) -> int:
    from store.db import connect

    with connect(args.db, read_only=True, wait_s=args.wait) as con:
        result = con.sql(args.query)
        if result is None:
            return 0
        frame = result.fetchdf()
    import pandas as pd

    with pd.option_context("display.max_rows", args.max_rows, "display.max_columns", None, "display.width", 200,
                           "display.max_colwidth", 80):
        print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from store.db import connect
    from store.evaluate import evaluate, format_report, load_gold

    gold = load_gold(args.gold_dirs)
    if not gold:
        print(f"ctg eval: no gold JSON files in {', '.join(args.gold_dirs)}", file=sys.stderr)
        return 2
    with connect(args.db, read_only=True) as con:
        report = evaluate(con, gold)
    print(format_report(report))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from store.db import connect
    from store.export import export

    with connect(args.db, read_only=True) as con:
        written = export(con, args.format, args.out)
    for path in written:
        print(path)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from store.db import connect
    from store.report import build_report

    with connect(args.db, read_only=True) as con:
        page = build_report(con)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(page)
    print(args.out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ctg", description="Extract CTG documents into DuckDB and query them.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract files and load them into the database")
    run.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    run.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    run.add_argument("--workers", type=int, default=default_workers(),
                     help=f"worker processes (default: the {default_workers()} cores)")
    run.add_argument("--timeout", type=float, default=600.0,
                     help="seconds a document may take before its worker is stopped (default 600; 0: no limit)")
    run.add_argument("--ocr", choices=["auto", "always", "never"], default="auto",
                     help="OCR pages without text (auto), every page (always) or none (never)")
    run.add_argument("--force", action="store_true", help="re-extract files even when unchanged")
    run.add_argument("--strict", action="store_true", help="exit with status 1 when a file fails")
    run.add_argument("--quiet", action="store_true", help="no progress, print only the summary")
    run.set_defaults(func=_cmd_run)

    sql = sub.add_parser("sql", help="run a SQL query on the database and print the result")
    sql.add_argument("query")
    sql.add_argument("--db", default=DEFAULT_DB)
    sql.add_argument("--max-rows", type=int, default=200)
    sql.add_argument("--wait", type=float, default=10.0,
                     help="seconds to wait for a running `ctg run` to release the database (default 10)")
    sql.set_defaults(func=_cmd_sql)

    ev = sub.add_parser("eval", help="score the database against gold JSON files")
    ev.add_argument("gold_dirs", nargs="+", metavar="GOLD_DIR")
    ev.add_argument("--db", default=DEFAULT_DB)
    ev.set_defaults(func=_cmd_eval)

    ex = sub.add_parser("export", help="write one file per table")
    ex.add_argument("--db", default=DEFAULT_DB)
    ex.add_argument("--format", choices=["parquet", "csv", "jsonl"], required=True)
    ex.add_argument("--out", required=True, help="output folder")
    ex.set_defaults(func=_cmd_export)

    rep = sub.add_parser("report", help="write a self-contained HTML report comparing territories and periods")
    rep.add_argument("--db", default=DEFAULT_DB)
    rep.add_argument("--out", required=True, help="the HTML file to write")
    rep.set_defaults(func=_cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "workers", 1) is not None and getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    import duckdb

    from store.db import DatabaseBusy, SchemaMismatch

    try:
        return args.func(args)
    except (DatabaseBusy, SchemaMismatch, FileNotFoundError) as exc:
        print(f"ctg {args.command}: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"ctg {args.command}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
