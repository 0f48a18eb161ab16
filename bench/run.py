"""Benchmark of ``ctg run`` on a synthetic corpus, against raw PyMuPDF and raw Tesseract, in one run.

    .venv/bin/python bench/run.py [--n 500] [--scan-share 0.03] [--seeds ../shared/seeds]
                                  [--out outputs/bench.json]

The machine is shared and noisy, so figures are ratios measured side by side in the same run:

1. builds (or reuses) a synthetic corpus of N documents varied from the seed layouts
   (``bench/synth.py``: other territories, names, years, numbers; PDFs, HTML pages, some scans);
2. born-digital PDFs: ``ctg run`` with 1 and with 2 workers (database included), pages/s,
   documents/s and peak memory (RSS of the whole process tree), next to raw PyMuPDF
   (open + ``page.get_text()``) over the same files;
3. the whole corpus (PDFs, HTML, scans) with 2 workers, then a re-run over the unchanged files;
   and a re-run over 5,000 unchanged small files (loaded once first);
4. scanned pages: OCR seconds per page of ctg's OCR path next to raw Tesseract on the same page
   images;
5. where the time goes: the share of each stage of one document's processing, in process.

Writes the figures as JSON (default ``outputs/bench.json``) and prints them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from batch.files import discover  # noqa: E402
from extract.ingest import ocr as ocr_engine  # noqa: E402
from extract.ingest.pdf import OcrMode, ocr_dpi, read_pdf  # noqa: E402

CTG = str(ROOT / ".venv" / "bin" / "ctg")
# OCR is slow: its per-page comparison uses at most this many pages.
OCR_SAMPLE_PAGES = 12
# Documents timed stage by stage in process.
STAGE_SAMPLE_DOCS = 30

AIMS = {"born_digital_pages_per_s_2_workers": 100, "peak_rss_mb_2_workers": 1536, "ocr_ratio_to_raw_tesseract": 1.3,
        "rerun_5000_unchanged_files_s": 5.0}


def is_scanned(path: str) -> bool:
    with pymupdf.open(path) as doc:
        return all(not page.get_text().strip() for page in doc)


def count_pages(paths: list[str]) -> int:
    total = 0
    for path in paths:
        if path.endswith(".pdf"):
            with pymupdf.open(path) as doc:
                total += doc.page_count
    return total


def raw_pymupdf(paths: list[str]) -> tuple[int, float]:
    started, pages = time.perf_counter(), 0
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages, time.perf_counter() - started


class PeakMemory:
    """Samples the summed RSS of a process and all its descendants until stopped.

    A worker starting Tesseract forks (vfork) a child that shares the worker's memory until it
    becomes Tesseract: such a child, a Python process below a worker, would count the worker's
    memory twice and is left out."""

    def __init__(self, pid: int, every_s: float = 0.1):
        self.pid, self.every_s, self.peak = pid, every_s, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                total = root.memory_info().rss
                for proc in root.children(recursive=True):
                    try:
                        if len(proc.parents()) - len(root.parents()) >= 3 and "python" in proc.name():
                            continue  # main -> forkserver -> worker -> (child about to exec)
                        total += proc.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(self.every_s)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def ctg_run(folder: Path, db: Path, workers: int) -> dict:
    """One ``ctg run`` as a user runs it: wall time, peak RSS of its process tree, summary line."""
    command = [CTG, "run", str(folder), "--db", str(db), "--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakMemory(process.pid) as memory:
        out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ctg run failed ({process.returncode}): {err.strip()}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(memory.peak / 2**20), "summary": out.strip()}


def link_folder(paths: list[str], folder: Path) -> Path:
    """A folder of links to ``paths``: a corpus subset without copying files."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        (folder / Path(path).name).symlink_to(os.path.abspath(path))
    return folder


# A short text document, written once per file of the re-run check.
SMALL_DOCUMENT = """La commune de {name} et la Caisse d'allocations familiales signent la Convention
territoriale globale {start}-{end}. La CTG s'articule autour de trois axes : la petite enfance, la
jeunesse et la parentalité. Le territoire compte {people} habitants.
"""


def rerun_many(folder: Path, db: Path, files: int) -> dict:
    """A folder of ``files`` small documents loaded once, then run again unchanged: the cost of a
    re-run is checking each file (size, mtime) against the database."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (folder / f"ctg-{i:05d}.txt").write_text(
            SMALL_DOCUMENT.format(name=f"Exemple {i}", start=2020 + i % 5, end=2024 + i % 5, people=1000 + i),
            encoding="utf-8")
    first = ctg_run(folder, db, 2)
    again = ctg_run(folder, db, 2)
    return {"files": files, "first_run_seconds": first["seconds"], "rerun_seconds": again["seconds"],
            "rerun_summary": again["summary"]}


def ocr_per_page(paths: list[str]) -> dict:
    """Seconds per page: raw Tesseract on each page image, and ctg's OCR path (rendering at the
    scan's own resolution, straightening, Tesseract, reading its boxes, layout)."""
    sample: list[tuple[str, int]] = []
    for path in paths:
        with pymupdf.open(path) as doc:
            sample += [(path, number) for number in range(doc.page_count)]
    sample = sample[:OCR_SAMPLE_PAGES]
    images = []
    for path, number in sample:
        with pymupdf.open(path) as doc:
            page = doc[number]
            images.append(page.get_pixmap(dpi=ocr_dpi(page), colorspace=pymupdf.csGRAY, alpha=False).tobytes("pnm"))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    for image in images:
        subprocess.run(["tesseract", "stdin", "stdout", "-l", "fra"], input=image, capture_output=True, env=env,
                       check=True)
    raw = (time.perf_counter() - started) / len(images)
    started = time.perf_counter()
    for path in sorted({p for p, _ in sample}):
        with pymupdf.open(path) as doc:
            wanted = [n for p, n in sample if p == path]
            part = pymupdf.open()
            for number in wanted:
                part.insert_pdf(doc, from_page=number, to_page=number)
            data = part.tobytes()
        read_pdf(data, path, Path(path).stem, OcrMode.AUTO)
    ours = (time.perf_counter() - started) / len(images)
    return {"pages": len(images), "raw_tesseract_s_per_page": round(raw, 3), "ctg_s_per_page": round(ours, 3),
            "ratio": round(ours / raw, 2)}


def stage_shares(paths: list[str]) -> dict:
    """Share of one document's processing time per stage, over a sample, in this process:
    ingest (PyMuPDF text layer, rulings, tables, layout) and each extractor."""
    from extract import classify, communes, figures, objectives, ordinal, parties, period, signature, territory, themes
    from extract.ingest import ingest
    from pipeline import load_nlp

    nlp = load_nlp()
    timed: dict[str, float] = {}

    def clock(name, fn, *args):
        started = time.perf_counter()
        result = fn(*args)
        timed[name] = timed.get(name, 0.0) + time.perf_counter() - started
        return result

    for number, path in enumerate(paths[:STAGE_SAMPLE_DOCS + 1]):
        if number == 1:  # the first document warms up: reference lists and lexicons load on first use
            timed.clear()
        doc = clock("ingest", ingest, path, Path(path).stem)
        clock("classify", classify.classify, doc)
        found_territory = clock("territory", territory.extract_territory, doc)
        caf = clock("caf", territory.extract_caf, doc)
        rank = clock("ordinal", ordinal.extract_ordinal, doc)
        clock("signature_date", signature.extract_signature_date, doc)
        clock("period", period.extract_period, doc, rank.value if rank else None)
        clock("parties", parties.extract_parties, doc, nlp, caf, found_territory)
        clock("communes", communes.extract_communes, doc, found_territory, caf)
        found = clock("objectives", objectives.extract_objectives, doc)
        clock("themes", themes.extract_themes, doc, found)
        clock("figures", figures.extract_figures, doc, found_territory)
    total = sum(timed.values())
    return {"documents": min(len(paths), STAGE_SAMPLE_DOCS),
            "share": {k: round(v / total, 3) for k, v in sorted(timed.items(), key=lambda kv: -kv[1])}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="documents in the synthetic corpus (default 500)")
    parser.add_argument("--scan-share", type=float, default=0.03, help="share of scanned PDFs (default 0.03)")
    parser.add_argument("--seeds", type=Path, default=synth.DEFAULT_SEEDS, help="the seed texts and their gold")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="where the synthetic corpus is built or reused (default outputs/bench-corpus-N)")
    parser.add_argument("--rerun-files", type=int, default=5000,
                        help="small files loaded, then run again unchanged (default 5000)")
    parser.add_argument("--out", default=str(ROOT / "outputs" / "bench.json"))
    args = parser.parse_args(argv)
    ocr_engine.check_tesseract()
    corpus = args.corpus or ROOT / "outputs" / f"bench-corpus-{args.n}"

    started = time.perf_counter()
    synth.make_corpus(args.seeds, corpus, args.n, args.scan_share)
    build_s = time.perf_counter() - started
    files = discover([str(corpus)])
    pdfs = [p for p in files if p.endswith(".pdf")]
    scanned = [p for p in pdfs if is_scanned(p)]
    digital = [p for p in pdfs if p not in scanned]
    report: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "pymupdf": pymupdf.VersionBind},
        "corpus": {"folder": str(corpus), "documents": len(files), "born_digital_pdfs": len(digital),
                   "scanned_pdfs": len(scanned), "html": len(files) - len(pdfs),
                   "pages": count_pages(pdfs), "build_s": round(build_s, 1)},
        "aims": AIMS,
    }
    print(json.dumps(report["corpus"]), flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        born = link_folder(digital, scratch / "born-digital")
        pages, raw_s = raw_pymupdf(digital)
        result: dict = {"documents": len(digital), "pages": pages,
                        "raw_pymupdf_pages_per_s": round(pages / raw_s, 1)}
        for workers in (1, 2):
            run = ctg_run(born, scratch / f"born-{workers}.duckdb", workers)
            result[f"{workers}_workers"] = {
                "seconds": run["seconds"], "pages_per_s": round(pages / run["seconds"], 1),
                "documents_per_s": round(len(digital) / run["seconds"], 2), "peak_rss_mb": run["peak_rss_mb"],
                "ratio_to_raw_pymupdf": round(pages / run["seconds"] / (pages / raw_s), 4)}
            print(f"born-digital, {workers} worker(s): {result[f'{workers}_workers']}", flush=True)
        report["born_digital"] = result

        everything = ctg_run(corpus, scratch / "all.duckdb", 2)
        rerun = ctg_run(corpus, scratch / "all.duckdb", 2)
        report["whole_corpus_2_workers"] = {
            "documents": len(files), "seconds": everything["seconds"],
            "documents_per_s": round(len(files) / everything["seconds"], 2),
            "peak_rss_mb": everything["peak_rss_mb"], "summary": everything["summary"],
            "rerun_unchanged_seconds": rerun["seconds"], "rerun_summary": rerun["summary"]}
        print(f"whole corpus: {report['whole_corpus_2_workers']}", flush=True)
        report["rerun_unchanged"] = rerun_many(scratch / "many", scratch / "many.duckdb", args.rerun_files)
        print(f"re-run: {report['rerun_unchanged']}", flush=True)

    if scanned:
        report["scanned"] = {"documents": len(scanned), "ocr": ocr_per_page(scanned)}
        print(f"scanned: {report['scanned']}", flush=True)
    report["stages"] = stage_shares(digital)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2, ensure_ascii=False)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
