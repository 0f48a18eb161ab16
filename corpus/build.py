"""Build the test corpus: turn the seed texts into realistic PDFs (and one HTML page).

Run from the repository root:

    .venv/bin/python corpus/build.py [--seeds ../shared/seeds] [--out corpus]

The output is deterministic: two runs give byte-identical files.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True          # keep corpus/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

from layouts import common, gard, scan, valenciennes, valros, web  # noqa: E402


def build_all(seeds: Path, out: Path) -> list[Path]:
    common.register_fonts()
    out.mkdir(parents=True, exist_ok=True)
    made = []
    made.append(valros.build(seeds, out))
    made.append(web.build_vallee_herault_pdf(seeds, out))
    made.append(web.build_vallee_herault_html(seeds, out))
    made.append(common.copy_gold(seeds, out, web.VH, f"{web.VH}-web"))
    made.append(web.build_frontignan_pdf(seeds, out))
    made.append(valenciennes.build(seeds, out))
    made.append(gard.build(seeds, out))
    scan_name = f"{valros.NAME}-scan"
    made.append(scan.build(made[0], out, scan_name))
    made.append(common.copy_gold(seeds, out, valros.NAME, scan_name))
    # The seeds' own gold files too, so that a clone holds everything `ctg eval corpus/gold` needs.
    for gold in sorted((seeds / "gold").glob("*.json")):
        made.append(common.copy_gold(seeds, out, gold.stem, gold.stem))
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="../shared/seeds", type=Path,
                    help="folder of the seed texts and their gold/ (default: ../shared/seeds)")
    ap.add_argument("--out", default="corpus", type=Path,
                    help="output folder (default: corpus)")
    args = ap.parse_args(argv)
    if not (args.seeds / "gold").is_dir():
        ap.error(f"no seeds in {args.seeds} (expected *.txt and gold/)")
    for path in build_all(args.seeds, args.out):
        print(f"{path.stat().st_size:>9,d}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
