"""One row per input file: what it is, how it was read, and whether it failed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class DocKind(StrEnum):
    CONVENTION = "convention"
    PRESS_RELEASE = "press_release"
    DIAGNOSTIC = "diagnostic"
    DELIBERATION = "deliberation"
    WEB_PAGE = "web_page"
    OTHER = "other"


class Status(StrEnum):
    OK = "ok"
    ERROR = "error"


class DocumentRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    source_path: str
    sha256: str | None
    size_bytes: int | None = None
    mtime: float | None = None
    media: str | None = None
    kind: DocKind | None = None
    title: str | None = None
    n_pages: int | None = Field(default=None, ge=0)
    n_pages_ocr: int | None = Field(default=None, ge=0)
    ocr_pages: tuple[int, ...] = ()
    n_tables: int | None = Field(default=None, ge=0)
    status: Status
    error: str | None = None
    error_stage: str | None = None
    extracted_at: datetime
    duration_s: float | None = None

    @model_validator(mode="after")
    def _error_is_one_line(self) -> DocumentRecord:
        if self.status is Status.ERROR and not self.error:
            raise ValueError("a document in error needs a reason")
        if self.error and "\n" in self.error:
            raise ValueError("error reasons are one line")
        return self
