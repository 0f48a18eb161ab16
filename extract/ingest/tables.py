"""Ruled tables: pdfplumber's table finder on the rules PyMuPDF drew, on the pages whose drawings
hold at least one ruled cell.

pdfplumber's finder is precise on ruled tables; fed the edges explicitly it skips parsing the
page's characters (its slow part, 20x PyMuPDF's whole text extraction), and the cells' text comes
from the lines PyMuPDF already read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber
from pdfplumber.table import TableFinder

from models.document import BBox

# A drawn line or a thin filled rectangle counts as a ruling when at least this long (points).
MIN_RULE_LENGTH = 15.0
# ... and at most this thick.
MAX_RULE_THICKNESS = 2.0


@dataclass(frozen=True)
class TableGrid:
    bbox: BBox
    cells: tuple[tuple[BBox | None, ...], ...]  # per row, per column (None: merged away)


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


def vertical_rules(drawings: list[dict]) -> list[tuple[float, float, float]]:
    """The vertical rules (x, y0, y1) of a page's drawings."""
    return _rules(drawings)[1]


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


def table_edges(drawings: list[dict]) -> list[dict]:
    """Every horizontal or vertical segment of the page's drawings, as pdfplumber edges: drawn
    lines and the four sides of rectangles, as pdfplumber's own "lines" strategy sees them."""
    edges = []

    def add(x0: float, top: float, x1: float, bottom: float) -> None:
        x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom)
        if bottom - top < 1:
            edges.append({"object_type": "line_edge", "orientation": "h", "x0": x0, "x1": x1,
                          "top": top, "bottom": top, "width": x1 - x0, "height": 0})
        elif x1 - x0 < 1:
            edges.append({"object_type": "line_edge", "orientation": "v", "x0": x0, "x1": x0,
                          "top": top, "bottom": bottom, "width": 0, "height": bottom - top})

    for path in drawings:
        for item in path.get("items", ()):
            if item[0] == "l":
                add(item[1].x, item[1].y, item[2].x, item[2].y)
            elif item[0] == "re":
                r = item[1]
                for x0, y0, x1, y1 in ((r.x0, r.y0, r.x1, r.y0), (r.x0, r.y1, r.x1, r.y1),
                                       (r.x0, r.y0, r.x0, r.y1), (r.x1, r.y0, r.x1, r.y1)):
                    add(x0, y0, x1, y1)
    return edges


def find_tables(data: bytes, edges_by_page: dict[int, list[dict]]) -> dict[int, list[TableGrid]]:
    """Tables of at least 2 rows and 2 columns on the given 1-based pages of a PDF, from the
    ``table_edges`` of the pages' PyMuPDF drawings.

    pdfplumber's table finder does the geometry (snapping, joining, intersections, cells) on edges
    given explicitly, so it never parses the page's characters, which is where its time goes; the
    cells' text comes from the lines PyMuPDF already read."""
    found: dict[int, list[TableGrid]] = {}
    if not edges_by_page:
        return found
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, edges in edges_by_page.items():
            vertical = [e for e in edges if e["orientation"] == "v"]
            horizontal = [e for e in edges if e["orientation"] == "h"]
            if len(vertical) < 2 or len(horizontal) < 2:
                continue
            finder = TableFinder(pdf.pages[number - 1], {
                "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
            grids = []
            for table in finder.tables:
                rows = table.rows
                if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
                    continue
                cells = tuple(tuple(BBox(*c) if c else None for c in row.cells) for row in rows)
                grids.append(TableGrid(bbox=BBox(*table.bbox), cells=cells))
            if grids:
                found[number] = grids
    return found
