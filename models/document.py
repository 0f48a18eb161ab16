"""The typed view of a document that every extractor reads.

Ingest (``extract.ingest``) is the only code that builds it, from PDF, HTML or text. The view is
frozen: narrowing (``Page.crop``, ``Document.select_pages``) returns a new view. Plain frozen
dataclasses rather than pydantic models: a long document has tens of thousands of spans and these
objects are built on the hot path; they carry no untrusted input that needs validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Callable, Iterator


class Media(StrEnum):
    PDF = "pdf"
    HTML = "html"
    TEXT = "txt"


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle in PDF points, origin top-left, y growing downwards (PyMuPDF's convention)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def center_y(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: BBox) -> BBox:
        return BBox(min(self.x0, other.x0), min(self.y0, other.y0),
                    max(self.x1, other.x1), max(self.y1, other.y1))

    def x_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def y_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.y1, other.y1) - max(self.y0, other.y0))

    def contains_point(self, x: float, y: float, tol: float = 0.0) -> bool:
        return self.x0 - tol <= x <= self.x1 + tol and self.y0 - tol <= y <= self.y1 + tol

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 1), round(self.y0, 1), round(self.x1, 1), round(self.y1, 1))

    @staticmethod
    def enclosing(boxes: list[BBox] | tuple[BBox, ...]) -> BBox:
        return BBox(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                    max(b.x1 for b in boxes), max(b.y1 for b in boxes))


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one font. OCR words are spans with ``font='ocr'``."""

    text: str
    bbox: BBox
    font: str
    size: float
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: spans sharing a baseline, left to right. Build it with ``Line.of``."""

    spans: tuple[Span, ...]
    bbox: BBox
    size: float  # the font size carrying most characters
    bold: bool   # every visible character is bold
    text: str    # the spans' text, stripped (stored: layout code reads it many times per line)

    @staticmethod
    def of(spans: tuple[Span, ...] | list[Span]) -> Line:
        weights: dict[float, int] = {}
        for s in spans:
            weights[s.size] = weights.get(s.size, 0) + len(s.text.strip())
        visible = [s for s in spans if s.text.strip()]
        return Line(spans=tuple(spans), bbox=BBox.enclosing([s.bbox for s in spans]),
                    size=max(weights, key=weights.get) if weights else 0.0,
                    bold=bool(visible) and all(s.bold for s in visible),
                    text="".join(s.text for s in spans).strip())


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like group of lines, in reading order within its page.

    ``text`` is the block's prose: lines joined with spaces, words hyphenated at line ends rejoined,
    hard breaks (list items, short lines ending a sentence) kept as ``\\n``.
    ``table`` is the index of the page table the block lies in (a cell), or None.
    """

    lines: tuple[Line, ...]
    bbox: BBox
    text: str
    table: int | None = None

    @property
    def size(self) -> float:
        return max((ln.size for ln in self.lines), default=0.0)

    @property
    def bold(self) -> bool:
        return bool(self.lines) and all(ln.bold for ln in self.lines)


@dataclass(frozen=True, slots=True)
class Table:
    """A ruled table found by pdfplumber (or an HTML ``<table>``): rows of cell texts."""

    bbox: BBox
    rows: tuple[tuple[str, ...], ...]

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    ocr: bool = False
    # Lines dropped as running headers, footers or page numbers, kept for inspection.
    furniture: tuple[Line, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.text)

    @property
    def landscape(self) -> bool:
        return self.width > self.height * 1.05

    def crop(self, bbox: BBox) -> Page:
        """The same page with only the blocks whose centre lies inside ``bbox``."""
        keep = tuple(b for b in self.blocks if bbox.contains_point(b.bbox.center_x, b.bbox.center_y))
        tables = tuple(t for t in self.tables if bbox.contains_point(t.bbox.center_x, t.bbox.center_y))
        return replace(self, blocks=keep, tables=tables)

    def filter(self, keep: Callable[[Block], bool]) -> Page:
        return replace(self, blocks=tuple(b for b in self.blocks if keep(b)))


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    source_path: str
    media: Media
    pages: tuple[Page, ...]
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def n_pages_ocr(self) -> int:
        return sum(1 for p in self.pages if p.ocr)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)

    def blocks(self) -> Iterator[tuple[Page, Block]]:
        for page in self.pages:
            for block in page.blocks:
                yield page, block

    def select_pages(self, keep: Callable[[Page], bool]) -> Document:
        return replace(self, pages=tuple(p for p in self.pages if keep(p)))
