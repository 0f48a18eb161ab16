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


def _rules(drawings: list[dict]) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rules: stroked lines and thin rectangles.
    The outline of a filled shape (a slide's rounded box) is not a rule."""
    horizontal, vertical = [], []
    for path in drawings:
        stroked_only = path.get("fill") is None and path.get("color") is not None
        for item in path.get("items", ()):
            if item[0] == "l" and stroked_only:
                x0, y0, x1, y1 = item[1].x, item[1].y, item[2].x, item[2].y
            elif item[0] == "re" and min(item[1].width, item[1].height) <= MAX_RULE_THICKNESS:
                r = item[1]
                x0, y0, x1, y1 = (r.x0, r.y0 + r.height / 2, r.x1, r.y0 + r.height / 2) if r.width > r.height \
                    else (r.x0 + r.width / 2, r.y0, r.x0 + r.width / 2, r.y1)
            else:
                continue
            if abs(y1 - y0) <= MAX_RULE_THICKNESS and abs(x1 - x0) >= MIN_RULE_LENGTH:
                horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) <= MAX_RULE_THICKNESS and abs(y1 - y0) >= MIN_RULE_LENGTH:
                vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return horizontal, vertical


def has_rulings(drawings: list[dict]) -> bool:
    """True when a page's PyMuPDF drawings hold at least one ruled cell: two vertical rules and
    two horizontal rules that cross each other. A header rule, a footer rule or the connectors of
    a slide's tree hold none."""
    horizontal, vertical = _rules(drawings)
    if len(horizontal) < 2 or len(vertical) < 2:
        return False
    if len(vertical) > 200:  # a dense grid: no need to look further
        return True
    tol = MAX_RULE_THICKNESS

    def crosses(v: tuple[float, float, float], h: tuple[float, float, float]) -> bool:
        return h[1] - tol <= v[0] <= h[2] + tol and v[1] - tol <= h[0] <= v[2] + tol

    for i, left in enumerate(vertical):
        for right in vertical[i + 1:]:
            if abs(left[0] - right[0]) > tol and sum(1 for h in horizontal if crosses(left, h) and crosses(right, h)) >= 2:
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
