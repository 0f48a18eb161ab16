"""Errors a document can end in. Each carries a one-line reason a person can act on; the
pipeline turns them into a ``documents`` row with ``status='error'``."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be processed. ``stage`` names the pipeline step that failed."""

    stage = "ingest"

    def __init__(self, reason: str, page: int | None = None):
        super().__init__(" ".join(reason.split()))
        self.page = page

    @property
    def reason(self) -> str:
        return str(self)


class UnreadableDocument(DocumentError):
    """The file is empty, truncated, encrypted, of another type than its name says..."""


class OcrUnavailable(DocumentError):
    """A page needs OCR and Tesseract or its French data is missing."""

    stage = "ocr"
