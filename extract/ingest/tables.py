"""Ruled tables: pdfplumber's table finder on the rules PyMuPDF drew, on the pages whose drawings
hold at least one ruled cell.

pdfplumber's finder is precise on ruled tables; fed the edges explicitly it skips parsing the
page's characters (its slow part, 20x PyMuPDF's whole text extraction), and the cells' text comes
from the lines PyMuPDF already read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
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


def rules(drawings: list[dict]) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
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


def _crosses(v: tuple[float, float, float], h: tuple[float, float, float]) -> bool:
    """Whether a vertical rule (x, y0, y1) and a horizontal one (y, x0, x1) meet."""
    tol = MAX_RULE_THICKNESS
    return h[1] - tol <= v[0] <= h[2] + tol and v[1] - tol <= h[0] <= v[2] + tol


def has_ruled_cell(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]) -> bool:
    """Whether horizontal (y, x0, x1) and vertical (x, y0, y1) rules close at least one cell: two
    vertical rules and two horizontal ones crossing each other. A header rule, a footer rule or
    the connectors of a slide's tree close none."""
    if len(horizontal) < 2 or len(vertical) < 2:
        return False
    if len(vertical) > 200:  # a dense grid: no need to look further
        return True
    for i, left in enumerate(vertical):
        for right in vertical[i + 1:]:
            if abs(left[0] - right[0]) > MAX_RULE_THICKNESS and \
                    sum(1 for h in horizontal if _crosses(left, h) and _crosses(right, h)) >= 2:
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


def rule_edges(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]
               ) -> list[dict]:
    """Rules as pdfplumber edges (rules seen on a scanned page's image)."""
    return [{"object_type": "line_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y,
             "width": x1 - x0, "height": 0} for y, x0, x1 in horizontal] + \
           [{"object_type": "line_edge", "orientation": "v", "x0": x, "x1": x, "top": y0, "bottom": y1,
             "width": 0, "height": y1 - y0} for x, y0, y1 in vertical]


def image_rules(dark: np.ndarray, scale: float, min_length: float = MIN_RULE_LENGTH * 2
                ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rules of the tables drawn on a scanned
    page, in points: runs of dark pixels at least ``min_length`` points long, a pixel's gap in a
    rule bridged, the rows of one thick rule merged, kept when they cross into a grid. ``dark`` is
    the page's boolean ink mask, ``scale`` points per pixel."""
    def runs(mask: np.ndarray) -> list[tuple[int, int, int]]:
        bridged = mask | np.roll(mask, 1, axis=1)  # one missing pixel does not cut a rule
        edges = np.diff(np.pad(bridged.astype(np.int8), ((0, 0), (1, 1))), axis=1)
        rows, starts = np.nonzero(edges == 1)
        _, ends = np.nonzero(edges == -1)
        keep = (ends - starts) * scale >= min_length
        return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))

    def clear_beside(mask: np.ndarray, first: int, last: int, x0: int, x1: int) -> bool:
        """Light on at least one side: the stretches between white text lines inside a dark filled
        box are no rules, but the box's edges are (a dark header row closes the row below it)."""
        above, below = mask[max(0, first - 3), x0:x1], mask[min(mask.shape[0] - 1, last + 3), x0:x1]
        return above.mean() < 0.5 or below.mean() < 0.5

    def merged(found: list[tuple[int, int, int]], mask: np.ndarray) -> list[tuple[float, float, float]]:
        rules: list[list[float]] = []  # [first row, last row, x0, x1]
        thickest = MAX_RULE_THICKNESS * 2 / scale  # in pixel rows
        for row, x0, x1 in sorted(found):
            # Runs on neighbouring rows sharing most of their length are one rule, up to a rule's
            # thickness. A dark filled header band is many rows of shorter runs: it must not
            # swallow the table's side running through it, nor grow into the rules below it.
            # (The pieces a slight skew cuts a rule into are joined by _one_per_line.)
            same = next((rule for rule in reversed(rules) if row - rule[1] <= 2 and row - rule[0] + 1 <= thickest
                         and min(x1, rule[3]) - max(x0, rule[2]) > 0.5 * max(x1 - x0, rule[3] - rule[2])), None)
            if same is None:
                rules.append([row, row, x0, x1])
            else:
                same[1], same[2], same[3] = row, min(same[2], x0), max(same[3], x1)
        kept = [((a + b + 1) / 2 * scale, x0 * scale, x1 * scale) for a, b, x0, x1 in rules
                if (b - a + 1) * scale <= MAX_RULE_THICKNESS * 2 and clear_beside(mask, a, b, x0, x1)]
        return _one_per_line(kept)

    return _grid(merged(runs(dark), dark), merged(runs(dark.T), dark.T))


def _one_per_line(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules side by side within a rule's thickness and overlapping are one: the pieces a slight
    skew cuts a rule into, the stretches of a thick rule cut at the thickness limit."""
    lines: list[tuple[float, float, float]] = []
    for at, start, end in sorted(rules):
        last = lines[-1] if lines else None
        if last and at - last[0] <= MAX_RULE_THICKNESS * 2 and min(end, last[2]) > max(start, last[1]):
            lines[-1] = ((last[0] + at) / 2, min(start, last[1]), max(end, last[2]))
        else:
            lines.append((at, start, end))
    return lines


def _grid(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]
          ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The rules that make a grid: each horizontal one crossing two vertical ones and the
    reverse. The stems and bars of big letters, a heading's underline, a box's single side do not."""
    while True:
        kept_h = [h for h in horizontal if sum(_crosses(v, h) for v in vertical) >= 2]
        kept_v = [v for v in vertical if sum(_crosses(v, h) for h in kept_h) >= 2]
        if (len(kept_h), len(kept_v)) == (len(horizontal), len(vertical)):
            return kept_h, kept_v
        horizontal, vertical = kept_h, kept_v


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
