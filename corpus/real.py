"""Render the real development set (``../shared/real``) into the files users have, with their gold.
The same renders any folder of texts in that shape (``tests/data/realistic``).

Each ``r-*/source.txt`` becomes several files of one document, each a doc_id of its own
(``<folder>__<variant>``) with a copy of the folder's gold:

- ``layout``   the layout the original most plausibly had (``meta.json``'s ``layout_hint``): a web page
               printed to PDF, a two-column press release, a Word-like document, a slide deck, a
               document with ruled tables, or a scan (drawn, then rendered to a grainy tilted image);
- ``browser``  the HTML page printed to PDF by Chromium (menu line, ``<h1>``, one column);
- ``office``   a Word document (a PowerPoint deck for slides) exported to PDF by LibreOffice;
- ``web``      the HTML page itself (web pages and press releases);
- ``scan``     the office export scanned (deliberations and conventions, which users often scan).

Folders are split by territory (the folder name without its ``-2`` suffix): ``split_of`` puts the
third of territories with the lowest SHA-1 in ``test``, the rest in ``dev``. The texts are read from
``../shared/real`` at build time and never copied into the project.

    .venv/bin/python corpus/real.py [--real ../shared/real] [--out outputs/real] [--split dev|test|all]

Writes ``OUT/<split>/`` (the files) and ``OUT/<split>/gold/``; files whose source, meta and
renderer are unchanged are kept (``OUT/manifest.json``). Chromium and LibreOffice variants are
made when those programs are installed (``scripts/system-deps.sh --dev``).
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from layouts import article as layouts  # noqa: E402
from layouts import common, scan  # noqa: E402

HERE = Path(__file__).resolve().parent
RENDERERS = [HERE / "real.py", HERE / "layouts" / "article.py", HERE / "layouts" / "scan.py",
             HERE / "layouts" / "common.py"]
VARIANTS = ("layout", "browser", "office", "web", "scan")
# Shown where a printed page shows its address: neutral, so that no name leaks from a URL.
URL = "https://www.example.fr/actualites/article"
SITE = "Actualités du territoire"
ISSUER = "Le journal du territoire"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]
TEST_SHARE = 1 / 3
SUFFIX = re.compile(r"-\d+$")


@dataclass(frozen=True)
class Source:
    folder: Path
    meta: dict

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def text(self) -> str:
        return (self.folder / "source.txt").read_text(encoding="utf-8")

    def variants(self) -> list[str]:
        kind, hint = self.meta.get("kind"), self.meta.get("layout_hint")
        out = ["layout", "office"]
        if kind != "convention":
            out.append("browser")
        if kind in ("web_page", "press_release"):
            out.append("web")
        if kind in ("deliberation", "convention") and hint != "scanned":
            out.append("scan")
        return out


def territory_group(name: str) -> str:
    """Folders of one territory share a split: ``r-gennevilliers-2`` goes with ``r-gennevilliers``."""
    return SUFFIX.sub("", name)


def split_of(name: str, groups: list[str]) -> str:
    """'test' for the third of territory groups with the lowest SHA-1, else 'dev'."""
    ranked = sorted(set(groups), key=lambda g: hashlib.sha1(g.encode()).hexdigest())
    test = set(ranked[:round(len(ranked) * TEST_SHARE)])
    return "test" if territory_group(name) in test else "dev"


def sources(real: Path, split: str = "all") -> list[Source]:
    folders = sorted(p for p in real.iterdir() if (p / "source.txt").is_file() and (p / "gold.json").is_file())
    groups = [territory_group(p.name) for p in folders]
    return [Source(p, json.loads((p / "meta.json").read_text(encoding="utf-8"))) for p in folders
            if split == "all" or split_of(p.name, groups) == split]


def _digest(src: Source, renderer: str) -> str:
    h = hashlib.sha1(renderer.encode())
    for name in ("source.txt", "meta.json"):
        h.update((src.folder / name).read_bytes())
    return h.hexdigest()


def _renderer_digest() -> str:
    h = hashlib.sha1()
    for path in RENDERERS:
        h.update(path.read_bytes())
    return h.hexdigest()


def write_gold(src: Source, gold_dir: Path, doc_id: str) -> Path:
    gold = json.loads((src.folder / "gold.json").read_text(encoding="utf-8"))
    gold["doc_id"] = doc_id
    path = gold_dir / f"{doc_id}.json"
    text = json.dumps(gold, ensure_ascii=False, indent=1)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        # Written aside then renamed: a scorer reading the folder meanwhile never sees half a file.
        partial = path.with_suffix(".json.part")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    return path


def _layout(src: Source, article: layouts.Article, path: Path) -> None:
    hint, kind = src.meta.get("layout_hint", "plain"), src.meta.get("kind")
    if hint == "twocol":
        layouts.twocol_pdf(article, path, ISSUER)
    elif hint == "slides":
        layouts.slides_pdf(article, path)
    elif hint == "tables":
        layouts.word_pdf(article, path, ruled=True)
    elif hint == "scanned":
        with tempfile.TemporaryDirectory() as tmp:
            drawn = layouts.word_pdf(article, Path(tmp) / "page.pdf")
            scan.build(drawn, path.parent, path.stem)
    elif kind in ("web_page", "press_release", "other"):
        layouts.article_pdf(article, path, SITE, URL)
    else:
        layouts.word_pdf(article, path)


def _chromium(html_text: str, path: Path) -> bool:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "article.html"  # a neutral name: Chromium shows nothing of it without header
        page.write_text(html_text, encoding="utf-8")
        subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={path}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    return path.is_file()


def _libreoffice(inputs: list[Path], out: Path) -> None:
    """Export Word/PowerPoint files to PDF in one LibreOffice run (names kept, suffix .pdf)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if not binary or not inputs:
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([binary, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, inputs)], check=True, capture_output=True, timeout=900)


def render(real: Path, out: Path, split: str = "all", variants: tuple[str, ...] = VARIANTS,
           log=print) -> dict[str, list[Path]]:
    """Render the chosen split(s); returns the files made per split (folder -> paths). Runs one at
    a time (a lock file in ``out``): scorers started together share one rendering."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with tempfile.TemporaryDirectory() as work:
            return _render(real, out, split, variants, log, Path(work))


def _render(real: Path, out: Path, split: str, variants: tuple[str, ...], log, work: Path) -> dict[str, list[Path]]:
    common.register_fonts()
    renderer = _renderer_digest()
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    groups = [territory_group(s.name) for s in sources(real)]
    made: dict[str, list[Path]] = {}
    office_jobs: list[tuple[Path, Path, Source, bool]] = []  # (docx/pptx, pdf wanted, source, then scan)
    for src in sources(real, split):
        which = split_of(src.name, groups)
        folder, gold_dir = out / which, out / which / "gold"
        gold_dir.mkdir(parents=True, exist_ok=True)
        digest = _digest(src, renderer)
        article = layouts.parse(src.name, src.text)
        for variant in src.variants():
            if variant not in variants:
                continue
            doc_id = f"{src.name}__{variant}"
            path = folder / (f"{doc_id}.html" if variant == "web" else f"{doc_id}.pdf")
            write_gold(src, gold_dir, doc_id)
            made.setdefault(which, []).append(path)
            if manifest.get(str(path)) == digest and path.is_file():
                continue
            if variant == "layout":
                _layout(src, article, path)
            elif variant == "web":
                path.write_text(layouts.html_page(article, SITE), encoding="utf-8")
            elif variant == "browser":
                if not _chromium(layouts.html_page(article, SITE), path):
                    made[which].remove(path)
                    (gold_dir / f"{doc_id}.json").unlink()
                    continue
            elif variant in ("office", "scan"):
                slides = src.meta.get("layout_hint") == "slides" and variant == "office"
                office_jobs.append((work / f"{doc_id}.{'pptx' if slides else 'docx'}", path, src, variant == "scan"))
                (layouts.pptx if slides else layouts.docx)(article, office_jobs[-1][0])
            manifest[str(path)] = digest
            log(f"rendered {path}")
    if office_jobs:
        with tempfile.TemporaryDirectory() as tmp:
            _libreoffice([job[0] for job in office_jobs], Path(tmp))
            for source_file, wanted, src, then_scan in office_jobs:
                exported = Path(tmp) / f"{source_file.stem}.pdf"
                if not exported.is_file():  # LibreOffice missing: the variant is left out
                    manifest.pop(str(wanted), None)
                    made[wanted.parent.name].remove(wanted)
                    (wanted.parent / "gold" / f"{wanted.stem}.json").unlink()
                    continue
                if then_scan:
                    scan.build(exported, wanted.parent, wanted.stem)
                else:
                    shutil.move(exported, wanted)
    partial = manifest_path.with_suffix(".json.part")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    os.replace(partial, manifest_path)
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", default="../shared/real", type=Path, help="the real set (default: ../shared/real)")
    ap.add_argument("--out", default="outputs/real", type=Path, help="output folder (default: outputs/real)")
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, among {', '.join(VARIANTS)}")
    args = ap.parse_args(argv)
    if not args.real.is_dir():
        ap.error(f"no real set in {args.real}")
    made = render(args.real, args.out, args.split, tuple(args.variants.split(",")), log=lambda _: None)
    for which, paths in sorted(made.items()):
        print(f"{which}: {len(paths)} files in {args.out / which}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
