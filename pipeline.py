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

from extract.classify import classify
from extract.communes import extract_communes
from extract.errors import DocumentError
from extract.figures import extract_figures
from extract.ingest import SUPPORTED_SUFFIXES, OcrMode, ingest, read_bytes
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
from store.db import connect
from store.load import link_conventions, load

VERSION = "0.1.0"
# spaCy components the extractors use: named entities only (the parser and lemmatizer are not
# needed and would triple the time spent in spaCy).
SPACY_MODEL = "fr_core_news_sm"
SPACY_DISABLED = ["parser", "lemmatizer", "morphologizer", "attribute_ruler"]


def load_nlp():
    """The French spaCy pipeline; loaded once per worker process."""
    import spacy

    return spacy.load(SPACY_MODEL, disable=SPACY_DISABLED)


# --- one document ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class FileIdentity:
    """What tells whether a file changed since it was loaded."""

    path: str
    size: int
    mtime: float
    sha256: str | None = None


def identify(path: str) -> FileIdentity:
    stat = os.stat(path)
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
        period, signed, ordinal = extract_period(doc), extract_signature_date(doc), extract_ordinal(doc)
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


def discover(paths: list[str]) -> list[str]:
    """Supported files under each path (files given directly are taken as they are), sorted."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if f.lower().endswith(SUPPORTED_SUFFIXES) and not f.startswith("."))
        else:
            found.append(path)
    return sorted(dict.fromkeys(os.path.abspath(p) for p in found))


def assign_doc_ids(paths: list[str], known: dict[str, str]) -> dict[str, str]:
    """doc_id of each path: its file name without extension, "-2", "-3"... on collisions.
    ``known`` (path -> doc_id from the database) keeps earlier ids stable across runs."""
    taken = set(known.values())
    ids: dict[str, str] = {}
    for path in paths:
        if path in known:
            ids[path] = known[path]
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate)
        ids[path] = candidate
    return ids


@dataclass(frozen=True)
class _Known:
    doc_id: str
    size: int | None
    mtime: float | None
    sha256: str | None


def _known_documents(db: str) -> dict[str, _Known]:
    with connect(db) as con:
        rows = con.execute("SELECT source_path, doc_id, size_bytes, mtime, sha256 FROM documents").fetchall()
    return {path: _Known(doc_id, size, mtime, sha) for path, doc_id, size, mtime, sha in rows}


def _unchanged(path: str, known: _Known | None) -> bool:
    """Same size and mtime as when loaded; when only the mtime moved, the same sha256."""
    if known is None or known.sha256 is None:
        return False
    try:
        now = identify(path)
    except OSError:
        return False
    if now.size == known.size and now.mtime == known.mtime:
        return True
    if now.size != known.size:
        return False
    try:
        return sha256_of(read_bytes(path)) == known.sha256
    except DocumentError:
        return False


_WORKER_NLP = None


def _init_worker() -> None:
    """Runs once in each worker process: the spaCy model is loaded there, once."""
    global _WORKER_NLP
    _WORKER_NLP = load_nlp()


def _process(task: tuple[str, str, str]) -> Extraction:
    path, doc_id, ocr_mode = task
    return process_document(path, doc_id, OcrMode(ocr_mode), _WORKER_NLP)


def run(paths: list[str], options: RunOptions, on_result=None) -> RunSummary:
    """Extract every supported file under ``paths`` into ``options.db``. ``on_result`` is called
    with each Extraction as it completes (progress reporting)."""
    started = time.perf_counter()
    summary = RunSummary()
    files = discover(paths)
    known = _known_documents(options.db)
    ids = assign_doc_ids(files, {path: k.doc_id for path, k in known.items()})
    tasks = []
    for path in files:
        if not options.force and _unchanged(path, known.get(path)):
            summary.skipped += 1
        else:
            tasks.append((path, ids[path], options.ocr.value))

    def account(result: Extraction) -> None:
        record = result.document
        if record.status is Status.OK:
            summary.ok += 1
            summary.pages += record.n_pages or 0
            summary.pages_ocr += record.n_pages_ocr or 0
        else:
            summary.error += 1
            summary.errors.append((record.doc_id, record.error or ""))
        if on_result:
            on_result(result)

    # 6. load, in small batches so that the database is held only briefly
    batch: list[Extraction] = []

    def flush() -> None:
        if batch:
            with connect(options.db) as con:
                load(con, batch, VERSION)
            batch.clear()

    for result in _results(tasks, options.workers):
        account(result)
        batch.append(result)
        if len(batch) >= 20:
            flush()
    flush()
    # 7. link the documents of each CTG
    with connect(options.db) as con:
        summary.conventions = link_conventions(con)
    summary.seconds = time.perf_counter() - started
    return summary


def _results(tasks: list[tuple[str, str, str]], workers: int):
    if not tasks:
        return
    if workers <= 1 or len(tasks) <= 1:
        _init_worker()
        yield from map(_process, tasks)
        return
    import multiprocessing

    with multiprocessing.get_context("forkserver").Pool(workers, initializer=_init_worker,
                                                        maxtasksperchild=200) as pool:
        yield from pool.imap_unordered(_process, tasks)
