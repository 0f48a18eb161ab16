"""Extraction quality on every gold set, in one table: F1 per field and the mean over fields.

    .venv/bin/python bench/quality.py [--sets dev,corpus,heldout,blind] [--out outputs/quality]
                                      [--misses dev] [--json outputs/quality.json]

Sets: ``dev`` and ``test`` are the real development set's splits (``../shared/real``, rendered by
``corpus/real.py`` into ``--rendered``, default ``outputs/real``); ``realistic-dev`` and
``realistic-test`` the splits of ``tests/data/realistic`` (texts written for evaluation); ``fresh``,
``fresh2``, ... are ``tests/data/fresh*``, later sets of such texts measured whole (both their
splits); ``corpus`` is ``corpus/`` with ``corpus/gold``; ``heldout``
and ``blind`` are ``tests/data/*``. Each set is extracted afresh into ``OUT/<set>.duckdb`` (2
workers) and scored with ``ctg eval``'s scorer. ``--misses SET`` also prints that set's
per-document misses (never ask it of ``test`` while tuning: it is the unseen split).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus"))

import duckdb  # noqa: E402

from pipeline import RunOptions, run  # noqa: E402
from store.evaluate import FIELDS, Report, evaluate, format_report, load_gold  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
REALISTIC = ROOT / "tests" / "data" / "realistic"
FIXED_SETS = {
    "corpus": (ROOT / "corpus", ROOT / "corpus" / "gold"),
    "heldout": (ROOT / "tests" / "data" / "heldout", ROOT / "tests" / "data" / "heldout" / "gold"),
    "blind": (ROOT / "tests" / "data" / "blind", ROOT / "tests" / "data" / "blind" / "gold"),
}


def mean_f1(report: Report) -> float:
    return sum(s.f1 for s in report.scores.values()) / len(report.scores)


def score_set(name: str, out: Path, real: Path = REAL, workers: int = 2, rendered: Path = ROOT / "outputs" / "real") -> Report:
    """Extract one set into a fresh database and score it."""
    if name in ("dev", "test"):
        import real as real_set

        real_set.render(real, rendered, name, log=lambda _: None)
        folders = [rendered / name]
    elif name.startswith("fresh"):
        import real as real_set

        folder = ROOT / "outputs" / name
        real_set.render(ROOT / "tests" / "data" / name, folder, "all", log=lambda _: None)
        folders = [folder / split for split in ("dev", "test") if (folder / split).is_dir()]
    elif name in ("realistic-dev", "realistic-test"):
        import real as real_set

        split, folder = name.split("-")[1], ROOT / "outputs" / "realistic"
        real_set.render(REALISTIC, folder, split, log=lambda _: None)
        folders = [folder / split]
    else:
        folders = [FIXED_SETS[name][0]]
    gold_dirs = [FIXED_SETS[name][1]] if name in FIXED_SETS else [f / "gold" for f in folders]
    db = out / f"{name}.duckdb"
    for stale in (db, Path(f"{db}.wal")):
        stale.unlink(missing_ok=True)
    run([str(f) for f in folders], RunOptions(db=str(db), workers=workers, log_dir=str(out / "logs")))
    with duckdb.connect(str(db), read_only=True) as con:
        return evaluate(con, load_gold([str(g) for g in gold_dirs]))


def table(reports: dict[str, Report]) -> str:
    names = list(reports)
    lines = [f"{'field':<16}" + "".join(f"{n:>9}" for n in names)]
    for field in FIELDS:
        lines.append(f"{field:<16}" + "".join(f"{reports[n].scores[field].f1:>9.2f}" for n in names))
    lines.append(f"{'mean':<16}" + "".join(f"{mean_f1(reports[n]):>9.3f}" for n in names))
    lines.append(f"{'documents':<16}" + "".join(f"{reports[n].documents:>9d}" for n in names))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="dev,corpus,heldout,blind")
    ap.add_argument("--out", default="outputs/quality", type=Path)
    ap.add_argument("--real", default=REAL, type=Path)
    ap.add_argument("--rendered", default=ROOT / "outputs" / "real", type=Path,
                    help="where the real set is rendered (files kept while unchanged)")
    ap.add_argument("--misses", default="", help="comma-separated sets whose per-document misses are printed")
    ap.add_argument("--json", type=Path, help="write {set: {field: f1, ..., mean: x}} here")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    reports = {name: score_set(name, args.out, args.real, args.workers, args.rendered) for name in args.sets.split(",") if name}
    for name in filter(None, args.misses.split(",")):
        print(f"\n=== {name}\n{format_report(reports[name])}\n")
    print(table(reports))
    if args.json:
        data = {n: {**{f: round(r.scores[f].f1, 4) for f in FIELDS}, "mean": round(mean_f1(r), 4)}
                for n, r in reports.items()}
        args.json.write_text(json.dumps(data, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
