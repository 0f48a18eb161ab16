"""Check the built corpus against its seeds.

    .venv/bin/python corpus/check.py [--seeds ../shared/seeds] [--out corpus] [--determinism]

- every word (>= 3 characters) of each seed is in the text of its PDF/HTML;
- words of the PDF that are not in the seed (page chrome) are listed;
- page count and size of each file; the scan has no text layer;
- the Valros press kit really hyphenates some words at line ends;
- pdfplumber finds the ruled tables of the Valenciennes convention;
- the Gard Rhodanien slides are not stored in reading order;
- with --determinism: two fresh builds are byte-identical to each other and to --out.
"""
from __future__ import annotations

import argparse
import filecmp
import html
import re
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pymupdf  # noqa: E402

DOCS = {  # output file -> seed name
    "valros-dossier-de-presse-2023.pdf": "valros-dossier-de-presse-2023",
    "vallee-herault-communique-2023.pdf": "vallee-herault-communique-2023",
    "vallee-herault-communique-2023-web.html": "vallee-herault-communique-2023",
    "frontignan-article-2024.pdf": "frontignan-article-2024",
    "valenciennes-metropole-convention-2025-2029.pdf": "valenciennes-metropole-convention-2025-2029",
    "gard-rhodanien-diagnostic-plan-actions.pdf": "gard-rhodanien-diagnostic-plan-actions",
}
SCAN = "valros-dossier-de-presse-2023-scan.pdf"

# Seed tokens that are extraction artifacts of the original file (two text boxes
# glued together); the builder places their parts apart.
ARTIFACTS = {"gard-rhodanien-diagnostic-plan-actions": {"2021Mai-Juin": ["2021", "Mai-Juin"]}}


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def text_variants(raw: str) -> list[str]:
    """The document text, with line-end hyphens kept, removed, or kept as joins."""
    return [collapse(raw), collapse(raw.replace("-\n", "")), collapse(raw.replace("-\n", "-"))]


def doc_text(path: Path) -> str:
    if path.suffix == ".html":
        src = path.read_text(encoding="utf-8")
        src = re.sub(r"<(style|script)\b.*?</\1>", " ", src, flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", "\n", src))
    with pymupdf.open(path) as d:
        return "\n".join(p.get_text() for p in d)


def check_words(seed_text: str, raw: str, artifacts: dict) -> tuple[list, list]:
    variants = text_variants(raw)
    missing, placed_apart = [], []
    for tok in sorted(set(t for t in seed_text.split() if len(t) >= 3)):
        if any(tok in v for v in variants):
            continue
        if tok in artifacts and all(any(p in v for v in variants) for p in artifacts[tok]):
            placed_apart.append(tok)
        else:
            missing.append(tok)
    return missing, placed_apart


def extra_words(seed_text: str, raw: str) -> list[str]:
    """Words of the document that the seed does not contain (chrome)."""
    seed = " ".join(text_variants(seed_text))
    toks = set(collapse(raw.replace("-\n", "")).split()) | set(collapse(raw).split())
    return sorted(t for t in toks if len(t) >= 3 and t not in seed
                  and t.strip(".,;:()") not in seed)


def hyphenated_lines(raw: str, seed_text: str) -> list[str]:
    """Line-end hyphens introduced by hyphenation (the joined word is a seed word)."""
    seed_words = set(re.findall(r"\w+", seed_text))
    out = []
    for m in re.finditer(r"(\w+)-\n(\w+)", raw):
        if m.group(1) + m.group(2) in seed_words and f"{m.group(1)}-{m.group(2)}" not in seed_text:
            out.append(f"{m.group(1)}-|{m.group(2)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="../shared/seeds", type=Path)
    ap.add_argument("--out", default="corpus", type=Path)
    ap.add_argument("--determinism", action="store_true")
    args = ap.parse_args(argv)
    ok = True

    for fname, seed in DOCS.items():
        path = args.out / fname
        seed_text = (args.seeds / f"{seed}.txt").read_text(encoding="utf-8")
        raw = doc_text(path)
        pages = ""
        if path.suffix == ".pdf":
            with pymupdf.open(path) as d:
                r = d[0].rect
                pages = f"{d.page_count} pages {r.width:.0f}x{r.height:.0f} pt"
        missing, apart = check_words(seed_text, raw, ARTIFACTS.get(seed, {}))
        print(f"\n== {fname}: {pages} {path.stat().st_size:,d} bytes")
        print(f"   seed words missing: {missing if missing else 'none'}")
        if apart:
            print(f"   artifact tokens placed apart: {apart}")
        print(f"   words not in the seed (chrome): {extra_words(seed_text, raw)}")
        ok &= not missing
        if fname.startswith("valros"):
            hy = hyphenated_lines(raw, seed_text)
            print(f"   hyphenated at line end: {len(hy)} e.g. {hy[:6]}")
            ok &= len(hy) > 0

    # the scan: image only
    with pymupdf.open(args.out / SCAN) as d:
        txt = "".join(p.get_text() for p in d)
        imgs = sum(len(p.get_images()) for p in d)
        print(f"\n== {SCAN}: {d.page_count} pages, {imgs} images, "
              f"{(args.out / SCAN).stat().st_size:,d} bytes, text layer: {txt!r}")
        ok &= txt.strip() == ""

    # ruled tables of the Valenciennes convention
    import pdfplumber
    print("\n== tables found by pdfplumber (lines strategy) in the Valenciennes convention")
    with pdfplumber.open(args.out / "valenciennes-metropole-convention-2025-2029.pdf") as pdf:
        for i, page in enumerate(pdf.pages, 1):
            for t in page.find_tables():
                rows = t.extract()
                first = next((c for c in rows[0] if c), "") if rows else ""
                print(f"   p{i}: {len(rows)}x{len(rows[0]) if rows else 0} "
                      f"{(first or '').replace(chr(10), ' ')[:60]!r}")

    # Gard Rhodanien: the first text drawn is not the slide title
    with pymupdf.open(args.out / "gard-rhodanien-diagnostic-plan-actions.pdf") as d:
        out_of_order = 0
        for p in d:
            blocks = [b[4].strip() for b in p.get_text("blocks") if b[4].strip()]
            title = sorted(p.get_text("blocks"), key=lambda b: b[1])[0][4].strip()
            out_of_order += blocks[0] != title
        print(f"\n== gard: {out_of_order}/{d.page_count} slides whose stream does not start "
              f"with the title")

    if args.determinism:
        import build
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            build.build_all(args.seeds, Path(a))
            build.build_all(args.seeds, Path(b))
            files = sorted(p.relative_to(a) for p in Path(a).rglob("*") if p.is_file())
            same_ab = all(filecmp.cmp(Path(a) / f, Path(b) / f, shallow=False) for f in files)
            same_out = all(filecmp.cmp(Path(a) / f, args.out / f, shallow=False) for f in files)
            print(f"\n== determinism: two builds identical: {same_ab}; "
                  f"identical to {args.out}: {same_out} ({len(files)} files)")
            ok &= same_ab and same_out

    print("\nOK" if ok else "\nPROBLEMS FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
