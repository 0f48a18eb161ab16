"""Benchmark of ``ctg run`` against raw PyMuPDF and raw Tesseract, in one run.

    .venv/bin/python bench/run.py [FOLDER] [--out outputs/bench.json]

The machine is shared and noisy, so figures are ratios measured side by side in the same run:

- born-digital PDFs: pages/s of ``ctg run`` (1 and 2 workers, database included) and of the
  per-document pipeline alone, next to raw PyMuPDF (open + ``page.get_text()``) on the same files;
- scanned PDFs: pages/s of ``ctg run``, and OCR seconds per page of the pipeline next to raw
  Tesseract on the same page images;
- a re-run over the unchanged folder.

Writes the figures as JSON (default ``outputs/bench.json``) and prints them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.ingest import ocr as ocr_engine  # noqa: E402
from extract.ingest.pdf import OCR_DPI, OcrMode, read_pdf  # noqa: E402
from pipeline import discover, process_document  # noqa: E402


def is_scanned(path: str) -> bool:
    with pymupdf.open(path) as doc:
        return all(not page.get_text().strip() for page in doc)


def raw_pymupdf(paths: list[str]) -> tuple[int, float]:
    started, pages = time.perf_counter(), 0
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages, time.perf_counter() - started


def pdfplumber_tables(paths: list[str]) -> dict:
    """Seconds per page of pdfplumber's table finder on the pages ctg sends it (ruled grids),
    next to PyMuPDF's text extraction of the same pages."""
    from extract.ingest.tables import find_tables, has_rulings

    ruled: list[tuple[str, int]] = []
    for path in paths:
        with pymupdf.open(path) as doc:
            ruled += [(path, page.number + 1) for page in doc if has_rulings(page.get_drawings())]
    if not ruled:
        return {"ruled_pages": 0}
    started = time.perf_counter()
    for path, number in ruled:
        find_tables(Path(path).read_bytes(), [number])
    plumber = (time.perf_counter() - started) / len(ruled)
    started = time.perf_counter()
    for path, number in ruled:
        with pymupdf.open(path) as doc:
            doc[number - 1].get_text("dict")
    mupdf = (time.perf_counter() - started) / len(ruled)
    return {"ruled_pages": len(ruled), "pdfplumber_s_per_page": round(plumber, 4),
            "pymupdf_dict_s_per_page": round(mupdf, 4), "ratio": round(plumber / mupdf, 1)}


def pipeline_alone(paths: list[str]) -> tuple[int, float]:
    started, pages = time.perf_counter(), 0
    for path in paths:
        result = process_document(path, Path(path).stem)
        pages += result.document.n_pages or 0
    return pages, time.perf_counter() - started


def ctg_run(paths: list[str], workers: int, scratch: Path, rerun: bool = False) -> dict:
    folder = scratch / f"in-{workers}-{len(paths)}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for path in paths:
        shutil.copy(path, folder)
    db = scratch / f"ctg-{workers}-{len(paths)}.duckdb"
    db.unlink(missing_ok=True)
    command = [str(ROOT / ".venv" / "bin" / "ctg"), "run", str(folder), "--db", str(db), "--workers", str(workers),
               "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    figures = {"seconds": round(seconds, 3)}
    if rerun:
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        figures["rerun_seconds"] = round(time.perf_counter() - started, 3)
    return figures


def ocr_per_page(paths: list[str]) -> dict:
    """Seconds per page: raw Tesseract on the rendered page images, and the pipeline's OCR path."""
    images = []
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                images.append(page.get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY, alpha=False).tobytes("pnm"))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    for image in images:
        subprocess.run(["tesseract", "stdin", "stdout", "-l", "fra"], input=image, capture_output=True, env=env,
                       check=True)
    raw = (time.perf_counter() - started) / len(images)
    started = time.perf_counter()
    for path in paths:
        read_pdf(Path(path).read_bytes(), path, Path(path).stem, OcrMode.AUTO)
    ours = (time.perf_counter() - started) / len(images)
    return {"pages": len(images), "raw_tesseract_s_per_page": round(raw, 3), "ctg_s_per_page": round(ours, 3),
            "ratio": round(ours / raw, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "corpus"))
    parser.add_argument("--out", default=str(ROOT / "outputs" / "bench.json"))
    args = parser.parse_args(argv)
    ocr_engine.check_tesseract()

    pdfs = [p for p in discover([args.folder]) if p.lower().endswith(".pdf")]
    scanned = [p for p in pdfs if is_scanned(p)]
    digital = [p for p in pdfs if p not in scanned]
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                    "folder": args.folder, "born_digital": {}, "scanned": {}}

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        pages, raw_s = raw_pymupdf(digital)
        _, alone_s = pipeline_alone(digital)
        born = report["born_digital"]
        born.update({"files": len(digital), "pages": pages,
                     "raw_pymupdf_pages_per_s": round(pages / raw_s, 1),
                     "pipeline_pages_per_s": round(pages / alone_s, 1)})
        for workers in (1, 2):
            run = ctg_run(digital, workers, scratch, rerun=(workers == 2))
            born[f"ctg_run_{workers}_workers_pages_per_s"] = round(pages / run["seconds"], 1)
            if "rerun_seconds" in run:
                born["rerun_unchanged_seconds"] = run["rerun_seconds"]
        born["ctg_run_2_workers_vs_raw_pymupdf"] = round(born["ctg_run_2_workers_pages_per_s"] /
                                                         born["raw_pymupdf_pages_per_s"], 3)
        born["tables"] = pdfplumber_tables(digital)
        if scanned:
            scan_pages = sum(pymupdf.open(p).page_count for p in scanned)
            run = ctg_run(scanned, 1, scratch)
            report["scanned"] = {"files": len(scanned), "pages": scan_pages,
                                 "ctg_run_1_worker_pages_per_s": round(scan_pages / run["seconds"], 2),
                                 "ocr": ocr_per_page(scanned)}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
