"""Ruled tables, found by pdfplumber on the pages whose drawings contain rulings.

pdfplumber is precise on ruled tables but parses a page far slower than PyMuPDF, so it only runs
on pages where ``has_rulings`` saw horizontal and vertical rules.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from models.document import BBox

# A drawn line or a thin filled rectangle counts as a ruling when at least this long (points).
MIN_RULE_LENGTH = 15.0
# ... and at most this thick.
MAX_RULE_THICKNESS = 2.0


@dataclass(frozen=True)
class TableGrid:
    bbox: BBox
    cells: tuple[tuple[BBox | None, ...], ...]  # per row, per column (None: merged away)
    texts: tuple[tuple[str, ...], ...]


def has_rulings(drawings: list[dict]) -> bool:
    """True when a page's PyMuPDF drawings hold at least 2 horizontal and 2 vertical rules."""
    horizontal = vertical = 0
    for path in drawings:
        for item in path.get("items", ()):
            if item[0] == "l":
                p1, p2 = item[1], item[2]
                dx, dy = abs(p2.x - p1.x), abs(p2.y - p1.y)
            elif item[0] == "re":
                rect = item[1]
                dx, dy = rect.width, rect.height
                if min(dx, dy) > MAX_RULE_THICKNESS:
                    continue
            else:
                continue
            if dy <= MAX_RULE_THICKNESS and dx >= MIN_RULE_LENGTH:
                horizontal += 1
            elif dx <= MAX_RULE_THICKNESS and dy >= MIN_RULE_LENGTH:
                vertical += 1
        if horizontal >= 2 and vertical >= 2:
            return True
    return False


def find_tables(data: bytes, page_numbers: list[int]) -> dict[int, list[TableGrid]]:
    """Tables of at least 2 rows and 2 columns on the given 1-based pages of a PDF."""
    found: dict[int, list[TableGrid]] = {}
    if not page_numbers:
        return found
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number in page_numbers:
            page = pdf.pages[number - 1]
            grids = []
            for table in page.find_tables():
                rows = table.rows
                if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
                    continue
                texts = tuple(tuple((cell or "").strip() for cell in row) for row in table.extract())
                cells = tuple(tuple(BBox(*c) if c else None for c in row.cells) for row in rows)
                grids.append(TableGrid(bbox=BBox(*table.bbox), cells=cells, texts=texts))
            if grids:
                found[number] = grids
            page.close()  # frees pdfminer's parsed objects for the page
    return found
