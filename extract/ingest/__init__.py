"""Ingest: any supported file -> one typed ``Document`` view.

The only package that reads files or imports PyMuPDF, pdfplumber or the OCR engine. The file's
type is decided by its content, the name only says what it should be: a text file renamed
``.pdf`` is reported as such instead of crashing a PDF parser.
"""

from __future__ import annotations

import os
import re

from extract.errors import UnreadableDocument
from extract.ingest.markup import read_html, read_text
from extract.ingest.pdf import OcrMode, read_pdf
from models.document import Document

SUPPORTED_SUFFIXES = (".pdf", ".html", ".htm", ".txt")

# The PDF header may follow a little junk (the spec tolerates it within the first 1024 bytes).
PDF_MAGIC = re.compile(rb"%PDF-\d")
# The start of an HTML document.
HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml|<!--)", re.IGNORECASE)

__all__ = ["OcrMode", "SUPPORTED_SUFFIXES", "ingest", "sniff"]


def sniff(head: bytes) -> str:
    """'pdf', 'html', 'text' or 'binary', from the first bytes of a file."""
    if PDF_MAGIC.search(head[:1024]):
        return "pdf"
    if HTML_START.match(head):
        return "html"
    sample = head[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from exc


def ingest(path: str, doc_id: str, ocr_mode: OcrMode = OcrMode.AUTO, data: bytes | None = None) -> Document:
    """Read one file (``data``: its bytes, when the caller already has them).
    Raises ``DocumentError`` subclasses with a one-line reason."""
    if data is None:
        data = read_bytes(path)
    if not data.strip():
        raise UnreadableDocument("empty file")
    suffix = os.path.splitext(path)[1].lower()
    found = sniff(data)
    if suffix == ".pdf":
        if found != "pdf":
            raise UnreadableDocument(f"not a PDF: the file holds {_describe(found)} (renamed .pdf?)")
        return read_pdf(data, path, doc_id, ocr_mode)
    if found == "pdf":  # a PDF named .html/.txt is still a PDF
        return read_pdf(data, path, doc_id, ocr_mode)
    if found == "binary":
        raise UnreadableDocument(f"not a text file: binary content in a {suffix} file")
    if suffix in (".html", ".htm") or found == "html":
        return read_html(data, path, doc_id)
    return read_text(data, path, doc_id)


def _describe(kind: str) -> str:
    return {"html": "HTML", "text": "plain text", "binary": "binary data"}.get(kind, kind)
