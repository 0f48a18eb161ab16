"""The ctg pipeline, top to bottom.

For each document (``process_document``, run in a worker process):

1. ingest      - read the file into a typed view: pages, blocks with bbox and font, tables
                 (PyMuPDF, pdfplumber, Tesseract for scans; HTML and text alike);
2. classify    - decide its kind (convention, press release, diagnostic...) from its content;
3. extract     - run each extractor over the view: typed records, each with its provenance;
4. normalize   - put values in canonical form (names, territory key);
5. consolidate - keep one value per fact and drop duplicate records within the document.

Then, for the batch (``run``):

6. load        - write each document's rows in one transaction that replaces its earlier rows;
7. link        - group the documents of one CTG into ``conventions`` (territory + period).

Errors are data: a document that fails at any step gets ``status='error'`` and a one-line
reason; the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from batch.files import Known, assign_doc_ids, discover, unchanged
from batch.pool import Failure, WorkerPool
from batch.progress import Progress
from extract.classify import classify
from extract.communes import extract_communes
from extract.errors import DocumentError, UnreadableDocument
from extract.figures import extract_figures
from extract.ingest import OcrMode, ingest, read_bytes
from extract.normalize import territory_key
from extract.objectives import extract_objectives
from extract.ordinal import extract_ordinal
from extract.parties import extract_parties
from extract.period import extract_period
from extract.reference import territory_code
from extract.signature import extract_signature_date
from extract.territory import extract_caf, extract_territory
from extract.themes import extract_themes
from models.document import Document
from models.documents import DocumentRecord, Status
from models.extraction import Extraction
from store.db import DatabaseBusy, connect
from store.load import count_conventions, link_conventions, load, needs_linking

VERSION = "0.1.0"
# A document may take this long (seconds) before its worker is stopped; OCR of a long scan
# takes about a second per page.
DEFAULT_TIMEOUT_S = 600.0
# Memory ceiling of a worker (MB): a runaway document fails alone instead of starving the machine.
DEFAULT_MEMORY_MB = 4096
# A worker whose memory grew past this (MB) after a document is replaced by a fresh one: a worker
# settles near 400 MB, and big scans leave it fragmented.
RECYCLE_WORKER_MB = 550
# Results are written every LOAD_BATCH documents or LOAD_EVERY_S seconds, whichever comes first.
LOAD_BATCH = 50
LOAD_EVERY_S = 2.0
# How long a write waits for another process (a long `ctg sql`) to release the database.
LOAD_WAIT_S = 30.0
# At the end of a batch, this many waits of LOAD_WAIT_S for a database another process holds.
FINAL_LOAD_ATTEMPTS = 20
# spaCy components the extractors use: named entities only. The others are not even loaded: the
# parser and lemmatizer would triple the time spent in spaCy, and loading them costs each worker
# about 130 MB and 0.7 s.
SPACY_MODEL = "fr_core_news_sm"
SPACY_EXCLUDED = ["parser", "senter", "lemmatizer", "morphologizer", "attribute_ruler"]


def load_nlp():
    """The French spaCy pipeline; loaded once per worker process."""
    import spacy

    return spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDED)


# --- one document ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class FileIdentity:
    """What tells whether a file changed since it was loaded."""

    path: str
    size: int
    mtime: float
    sha256: str | None = None


def identify(path: str) -> FileIdentity:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from exc
    return FileIdentity(path=path, size=stat.st_size, mtime=stat.st_mtime)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def process_document(path: str, doc_id: str, ocr_mode: OcrMode = OcrMode.AUTO, nlp=None) -> Extraction:
    """Steps 1-5 for one file (``nlp``: the loaded spaCy pipeline, or None to do without).
    Never raises: failures come back as an error record."""
    started = time.perf_counter()
    stage, identity, digest = "ingest", None, None
    try:
        identity = identify(path)
        data = read_bytes(path)
        digest = sha256_of(data)
        # 1. ingest
        doc = ingest(path, doc_id, ocr_mode, data)
        # 2. classify
        stage = "classify"
        kind = classify(doc)
        # 3. extract
        stage = "extract"
        territory, caf = extract_territory(doc), extract_caf(doc)
        ordinal, signed = extract_ordinal(doc), extract_signature_date(doc)
        period = extract_period(doc, ordinal.value if ordinal else None)
        parties = extract_parties(doc, nlp, caf, territory)
        communes, communes_count = extract_communes(doc, territory, caf)
        objectives = extract_objectives(doc)
        themes = extract_themes(doc, objectives)
        figures = extract_figures(doc, territory)
        # 4. normalize
        stage = "normalize"
        key = territory_key(territory.name) if territory else None
        if territory:
            territory = territory.model_copy(update={"code": territory_code(territory, caf)})
        # 5. consolidate (one value per fact already; record families dedupe here as they come)
        record = _record(path, doc_id, identity, digest, started, Status.OK, doc=doc, kind=kind)
        return Extraction(document=record, territory=territory, territory_key=key, caf=caf, period=period,
                          signature_date=signed, ordinal=ordinal, communes_count=communes_count,
                          parties=tuple(parties), communes=tuple(communes), themes=tuple(themes),
                          objectives=tuple(objectives), figures=tuple(figures))
    except DocumentError as exc:
        return _failed(path, doc_id, identity, digest, started, exc.stage, exc.reason)
    except MemoryError:
        return _failed(path, doc_id, identity, digest, started, stage, "ran out of memory on this file")
    except Exception as exc:  # a bug or a library crash on odd input: costs this document only
        reason = f"{type(exc).__name__}: {exc}"
        return _failed(path, doc_id, identity, digest, started, stage, reason)


def _record(path: str, doc_id: str, identity: FileIdentity | None, digest: str | None, started: float,
            status: Status, doc: Document | None = None, kind=None, error: str | None = None,
            error_stage: str | None = None) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id, source_path=path, sha256=digest,
        size_bytes=identity.size if identity else None, mtime=identity.mtime if identity else None,
        media=doc.media.value if doc else None, kind=kind, title=doc.title if doc else None,
        n_pages=doc.n_pages if doc else None, n_pages_ocr=doc.n_pages_ocr if doc else None,
        ocr_pages=tuple(p.number for p in doc.pages if p.ocr) if doc else (),
        n_tables=sum(len(p.tables) for p in doc.pages) if doc else None,
        status=status, error=error, error_stage=error_stage,
        extracted_at=_now(), duration_s=round(time.perf_counter() - started, 3),
    )


def _failed(path, doc_id, identity, digest, started, stage: str, reason: str) -> Extraction:
    reason = " ".join(reason.split())[:500] or "unknown error"
    return Extraction(document=_record(path, doc_id, identity, digest, started, Status.ERROR,
                                       error=reason, error_stage=stage))


# --- a batch ---------------------------------------------------------------------------------------

@dataclass
class RunOptions:
    db: str = "outputs/ctg.duckdb"
    workers: int = 1
    ocr: OcrMode = OcrMode.AUTO
    force: bool = False
    strict: bool = False
    timeout_s: float | None = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB
    quiet: bool = True
    log_dir: str | None = None


@dataclass
class RunSummary:
    ok: int = 0
    error: int = 0
    skipped: int = 0
    pages: int = 0
    pages_ocr: int = 0
    seconds: float = 0.0
    conventions: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    log_path: str | None = None


def _known_documents(db: str) -> dict[str, Known]:
    with connect(db, wait_s=LOAD_WAIT_S) as con:
        rows = con.execute("SELECT source_path, doc_id, size_bytes, mtime, sha256, ctg_version FROM documents").fetchall()
    # Rows of other extractors count as not loaded: their file is extracted again (its doc_id kept).
    current = extractor_version()
    return {path: Known(doc_id, size, mtime, sha if version == current else None)
            for path, doc_id, size, mtime, sha, version in rows}


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The release and a digest of the extractors' code and language resources: a file loaded by
    other extractors is extracted again, so that one database never mixes two versions' output."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for folder in ("extract", "models"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{VERSION}+{digest.hexdigest()[:12]}"


_WORKER_NLP = None


def _init_worker() -> None:
    """Runs once in each worker process: the spaCy model is loaded there, once."""
    global _WORKER_NLP
    _WORKER_NLP = load_nlp()


def _process(task: tuple[str, str, str]) -> Extraction:
    path, doc_id, ocr_mode = task
    return process_document(path, doc_id, OcrMode(ocr_mode), _WORKER_NLP)


def _results(tasks: list[tuple[str, str, str]], options: RunOptions):
    """Extractions as they complete; a worker that times out or dies gives an error record. Even
    one worker is a process of its own: a document that hangs or crashes costs only itself."""
    if not tasks:
        return
    pool = WorkerPool(max(1, options.workers), _process, _init_worker, options.timeout_s, options.memory_mb,
                      RECYCLE_WORKER_MB)
    for (path, doc_id, _), result in pool.map(tasks):
        if isinstance(result, Failure):
            stage = "timeout" if result.reason.startswith("timed out") else "worker"
            result = _failed(path, doc_id, None, None, time.perf_counter(), stage, result.reason)
        yield result


class _Loader:
    """Writes extractions in short transactions, holding the database only while it writes, so
    that ``ctg sql`` can read between two writes. Nothing is dropped when the file is busy: the
    batch waits for the next attempt."""

    def __init__(self, db: str, progress: Progress):
        self.db, self.progress = db, progress
        self.batch: list[Extraction] = []
        self.last = time.monotonic()
        self.warned = False

    def add(self, extraction: Extraction) -> None:
        self.batch.append(extraction)
        if len(self.batch) >= LOAD_BATCH or time.monotonic() - self.last >= LOAD_EVERY_S:
            self.flush(wait_s=0.5)
            self.last = time.monotonic()  # busy or not: the next attempt in LOAD_EVERY_S

    def flush(self, wait_s: float) -> bool:
        if not self.batch:
            return True
        try:
            with connect(self.db, wait_s=wait_s) as con:
                load(con, self.batch, extractor_version())
        except DatabaseBusy:
            if not self.warned:
                self.progress.note(f"{self.db} is held by another process; results wait in memory until it is free")
                self.warned = True
            return False
        self.batch.clear()
        return True


def run(paths: list[str], options: RunOptions) -> RunSummary:
    """Extract every supported file under ``paths`` into ``options.db``."""
    started = time.perf_counter()
    summary = RunSummary()
    files = discover(paths)
    known = _known_documents(options.db)
    ids = assign_doc_ids(files, {path: k.doc_id for path, k in known.items()})
    tasks = []
    touched: list[tuple[float, str]] = []  # unchanged files whose mtime moved (a copy, a checkout)
    for path in files:
        if not options.force and unchanged(path, known.get(path)):
            summary.skipped += 1
            mtime = os.stat(path).st_mtime
            if mtime != known[path].mtime:
                touched.append((mtime, path))
        else:
            tasks.append((path, ids[path], options.ocr.value))
    if touched:  # so that the next run compares mtimes again instead of hashing these files
        with connect(options.db, wait_s=LOAD_WAIT_S) as con:
            con.executemany("UPDATE documents SET mtime = ? WHERE source_path = ?", touched)

    log_dir = options.log_dir or os.path.join(os.path.dirname(os.path.abspath(options.db)), "logs")
    os.makedirs(log_dir, exist_ok=True)
    summary.log_path = os.path.join(log_dir, f"run-{datetime.now():%Y%m%d-%H%M%S}.log")
    with open(summary.log_path, "w", encoding="utf-8") as log:
        log.write(f"ctg {extractor_version()} run over {', '.join(paths)}: {len(tasks)} to extract, "
                  f"{summary.skipped} unchanged, {options.workers} workers\n")
        progress = Progress(len(tasks), options.quiet, log)
        loader = _Loader(options.db, progress)
        try:
            # 1-5 in the workers; 6. load, in short transactions as results come
            for result in _results(tasks, options):
                record = result.document
                ok = record.status is Status.OK
                summary.ok += ok
                summary.error += not ok
                summary.pages += record.n_pages or 0
                summary.pages_ocr += record.n_pages_ocr or 0
                if not ok:
                    summary.errors.append((record.doc_id, record.error or ""))
                progress.update(record.doc_id, ok, record.n_pages or 0, record.duration_s, record.error)
                loader.add(result)
        finally:
            # Whatever stopped the batch (the end, Ctrl-C), what was extracted is kept, unless
            # another process holds the database for good.
            for _ in range(FINAL_LOAD_ATTEMPTS):
                if loader.flush(wait_s=LOAD_WAIT_S):
                    break
            else:
                unwritten = ", ".join(x.document.doc_id for x in loader.batch)
                log.write(f"not written, the database stayed held: {unwritten}\n")
                raise DatabaseBusy(f"{options.db} stayed held by another process; not written: {unwritten}")
            progress.close()
        # 7. link the documents of each CTG (a re-run that loaded nothing has nothing to relink)
        with connect(options.db, wait_s=LOAD_WAIT_S) as con:
            summary.conventions = link_conventions(con) if tasks or needs_linking(con) else count_conventions(con)
        summary.seconds = time.perf_counter() - started
        log.write(f"done: {summary.ok} ok, {summary.error} error, {summary.skipped} unchanged, {summary.pages} pages "
                  f"({summary.pages_ocr} OCR), {summary.conventions} conventions, {summary.seconds:.1f} s\n")
    return summary
