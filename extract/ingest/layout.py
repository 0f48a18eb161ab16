"""Page geometry: from raw text lines to blocks in reading order.

Pure functions over ``Line`` objects, shared by born-digital PDF pages and OCR'd pages:

1. ``merge_fragments``: pieces of one visual line drawn separately become one line;
2. ``split_furniture``: running headers/footers and page numbers, found across pages, are set aside;
3. ``group_blocks``: lines become paragraph-like blocks (same column, close, same style; table
   cells kept apart);
4. ``reading_order``: blocks are ordered by a recursive XY-cut that reads columns top to bottom
   and a slide's grid column by column, but cuts at full-width elements (titles, boxes).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from models.document import BBox, Block, Line, Span
from extract.ingest.prose import BULLET_GLYPHS, Dehyphenator, is_bullet, join_lines

# Two fragments on one baseline join into one line when the gap is under this many font sizes
# (OCR splits justified lines at their stretched spaces, but column gutters are wider).
FRAGMENT_GAP_EM = 0.9
FRAGMENT_GAP_EM_OCR = 1.3
# A line continues the block above when the vertical gap is under this many font sizes.
LINE_GAP_EM = 0.55
# On OCR'd pages, a line continues the block above when baselines are closer than this many sizes.
OCR_PITCH_EM = 1.6
# Font sizes within this ratio count as the same style; OCR sizes are estimates from line
# heights, hence a looser ratio.
SIZE_RATIO = 1.18
SIZE_RATIO_OCR = 1.5
# Minimum empty width, in points, between two columns for a vertical cut.
MIN_GUTTER = 4.0
# Share of the page height, at the top and the bottom, where running headers and footers live.
MARGIN_BAND = 0.10
# ... and at least this many points: a short page of a text dump still has its header row.
MIN_MARGIN_BAND = 54.0

# A justified line stretched so far that its words came apart: at least this many one-word
# fragments (with letters: table cells of figures are not words), gaps up to this many font
# sizes and alike within this share.
JUSTIFIED_MIN_WORDS = 3
JUSTIFIED_MAX_GAP_EM = 4.0
JUSTIFIED_GAP_SPREAD = 0.3
# A short token that may sit inside a stretched justified line: "9", "2021", "à", "(1)", and the
# high punctuation French sets apart from the word before ("objectif : ouvrir", "pourquoi ?").
SHORT_TOKEN = re.compile(r"^[\w()’'.,:;!?»–—-]{1,5}$")
# An opening quotation mark or dash, set apart from the first word of a stretched justified line.
OPENING_MARK = re.compile(r"^\s*[«“\"(—–]\s*$")
# A bullet drawn apart from its text, and how far (in font sizes) its text may start.
LONE_BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}\-–]\s*$")
BULLET_INDENT_EM = 3.5

# A bullet drawn as a small filled shape (a browser's list disc, a designer's square): its size
# range in points, and how far from square it may be.
DRAWN_BULLET_MIN, DRAWN_BULLET_MAX = 1.5, 8.0
DRAWN_BULLET_SKEW = 1.5
# More small shapes than this on a page are a chart's or a map's dots, not a list's bullets.
DRAWN_BULLET_MAX_COUNT = 150

# How alike two header or footer texts must be (0-100) to count as the same running text.
FURNITURE_SIMILARITY = 85

# A line that is only a page number: "12", "- 3 -", "Page 4", "3/35", "Page 2 sur 9".
PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|sur|of)\s*\d{1,4})?$", re.IGNORECASE
)
# A browser's print stamp: "13/02/2023 09:14" or "07/03/2024, 11:02".
PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?$")
# A bare URL, as browsers print in the page footer.
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


# --- 1. lines ------------------------------------------------------------------------------------

def _same_baseline(a: Line, b: Line) -> bool:
    tolerance = 0.35 * max(min(a.bbox.height, b.bbox.height), 1.0)
    return abs(a.bbox.y1 - b.bbox.y1) <= tolerance and abs(a.bbox.y0 - b.bbox.y0) <= 2 * tolerance


def merge_fragments(lines: list[Line]) -> list[Line]:
    """Join pieces of one visual line (same baseline, small horizontal gap), left to right. A
    lone bullet glyph joins the text it marks across the list indent, and the words of a
    stretched justified line join whatever their spacing."""
    merged: list[Line] = []
    for line in _join_justified(sorted(lines, key=lambda ln: (round(ln.bbox.y1), ln.bbox.x0))):
        for i in range(len(merged) - 1, max(-1, len(merged) - 6), -1):
            prev = merged[i]
            gap = line.bbox.x0 - prev.bbox.x1
            em = max(prev.size, line.size, 1.0)
            reach = BULLET_INDENT_EM if LONE_BULLET.match(prev.text) else \
                FRAGMENT_GAP_EM_OCR if line.spans[0].font == "ocr" else FRAGMENT_GAP_EM
            if LONE_BULLET.match(line.text) and _same_baseline(prev, line) \
                    and 0 <= prev.bbox.x0 - line.bbox.x1 <= BULLET_INDENT_EM * em:
                # A bullet set in a bigger font sits lower and sorts after its own text.
                merged[i] = Line.of([Span(line.spans[0].text.strip() + " ", line.bbox, line.spans[0].font,
                                          line.spans[0].size, line.spans[0].bold, line.spans[0].italic),
                                     *prev.spans])
                break
            if _same_baseline(prev, line) and -0.2 * em <= gap <= reach * em:
                spans = list(prev.spans)
                if gap > 0.15 * em and not spans[-1].text.endswith(" ") and not line.text.startswith(" "):
                    last = spans[-1]
                    spans[-1] = Span(last.text + " ", last.bbox, last.font, last.size, last.bold, last.italic)
                merged[i] = Line.of(spans + list(line.spans))
                break
        else:
            merged.append(line)
    return [ln for ln in merged if ln.text]


def is_drawn_bullet(box: BBox) -> bool:
    """Whether a filled shape of this box can be a list bullet: small and about square."""
    return (DRAWN_BULLET_MIN <= box.width <= DRAWN_BULLET_MAX and DRAWN_BULLET_MIN <= box.height <= DRAWN_BULLET_MAX
            and abs(box.width - box.height) <= DRAWN_BULLET_SKEW)


def attach_drawn_bullets(lines: list[Line], marks: list[BBox]) -> list[Line]:
    """Lines with a "• " span before those that a drawn bullet marks: the mark lies within the
    line's height, just left of its first word. Browsers draw the discs of ``<ul>`` items as
    shapes, so without this the items of a printed web page run together as one paragraph."""
    if not marks or len(marks) > DRAWN_BULLET_MAX_COUNT:
        return lines  # none, or the dots of a chart or a map
    out = list(lines)
    for mark in marks:
        best, best_gap = None, None
        for i, line in enumerate(out):
            em = max(line.size, 1.0)
            gap = line.bbox.x0 - mark.x1
            if line.bbox.y0 - 1 <= mark.center_y <= line.bbox.y1 + 1 and 0 <= gap <= BULLET_INDENT_EM * em \
                    and not LONE_BULLET.match(line.text) and (best_gap is None or gap < best_gap):
                best, best_gap = i, gap
        if best is not None and not out[best].text.startswith("•"):
            first = out[best].spans[0]
            out[best] = Line.of([Span("• ", mark, first.font, first.size, first.bold, first.italic),
                                 *out[best].spans])
    return out


def _join_justified(lines: list[Line]) -> list[Line]:
    """Lines sorted by baseline then x, with each run of one-word fragments evenly spaced on a
    baseline (a justified line stretched over few words) joined into one line. Columns side by
    side are lines of several words each, so they are never such a run."""
    out: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        if sum(1 for fragment in run if not OPENING_MARK.match(fragment.text)) >= JUSTIFIED_MIN_WORDS:
            spans = []
            for fragment in run:
                if spans and not spans[-1].text.endswith(" "):
                    last = spans[-1]
                    spans[-1] = Span(last.text + " ", last.bbox, last.font, last.size, last.bold, last.italic)
                spans.extend(fragment.spans)
            out.append(Line.of(spans))
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        mark = bool(OPENING_MARK.match(line.text)) and line.spans[0].font != "ocr"
        # Inside a run, a short number is a word of the line: "mardi 8 mars 2022 à". A run never
        # starts on one: table cells of figures are not words.
        inner = bool(run) and bool(SHORT_TOKEN.match(line.text))
        if not mark and (" " in line.text or (sum(c.isalpha() for c in line.text) < 2 and not inner)
                         or line.spans[0].font == "ocr"):
            flush()
            out.append(line)
            continue
        if mark:
            flush()  # an opening quote or dash can only start a run: "« Nous avançons ensemble"
        elif run:
            prev = run[-1]
            em = max(prev.size, line.size, 1.0)
            gap = line.bbox.x0 - prev.bbox.x1
            first_gap = run[1].bbox.x0 - run[0].bbox.x1 if len(run) > 1 else gap
            if not (_same_baseline(prev, line) and abs(prev.size - line.size) < 0.5 and 0 < gap <= JUSTIFIED_MAX_GAP_EM * em
                    and abs(gap - first_gap) <= JUSTIFIED_GAP_SPREAD * first_gap + 0.5):
                flush()
        run.append(line)
    flush()
    return out


# --- 2. running headers and footers ---------------------------------------------------------------

def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def split_furniture(pages: list[tuple[float, list[Line]]]) -> list[tuple[list[Line], list[Line]]]:
    """For each page (height, lines), return (kept lines, furniture lines).

    Furniture is a line in the top or bottom band of the page that is a page number, a print
    stamp or a bare URL, or whose text (digits aside) recurs in that band on at least half of the
    pages of a document of two pages or more. Recurrence is fuzzy (similarity >= 85 %) so that
    OCR'd footers with a misread letter still count as one.
    """
    def band(line: Line, height: float) -> str | None:
        margin = max(height * MARGIN_BAND, MIN_MARGIN_BAND)
        if line.bbox.y1 <= margin:
            return "top"
        if line.bbox.y0 >= height - margin:
            return "bottom"
        return None

    exact: dict[tuple[str, str], int] = {}
    for height, lines in pages:
        for key in {(b, _furniture_key(ln.text)) for ln in lines if (b := band(ln, height))}:
            exact[key] = exact.get(key, 0) + 1
    # Pages on which each band text recurs, counting near-identical texts together.
    recurring: dict[tuple[str, str], int] = {}
    for (where, key), count in exact.items():
        recurring[(where, key)] = sum(n for (w, k), n in exact.items()
                                      if w == where and (k == key or fuzz.ratio(k, key) >= FURNITURE_SIMILARITY))
    n_pages = len(pages)
    threshold = max(2, (n_pages + 1) // 2)

    result = []
    for height, lines in pages:
        kept, furniture = [], []
        for line in lines:
            where = band(line, height)
            text = line.text.strip()
            is_furniture = where is not None and (
                PAGE_NUMBER.match(text)
                or PRINT_STAMP.match(text)
                or BARE_URL.match(text)
                or (n_pages >= 2 and recurring.get((where, _furniture_key(text)), 0) >= threshold)
            )
            (furniture if is_furniture else kept).append(line)
        result.append((kept, furniture))
    return result


# --- 3. blocks -----------------------------------------------------------------------------------

@dataclass
class _Group:
    lines: list[Line]
    cell: tuple[int, int] | None  # (table index, cell index) for lines inside a ruled table

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def bbox(self) -> BBox:
        return BBox.enclosing([ln.bbox for ln in self.lines])


def split_at_cells(lines: list[Line], cells: list[tuple[int, int, BBox]]) -> list[Line]:
    """Cut lines whose spans lie in different table cells: two cells' words on one baseline may
    have been joined as fragments of one line."""
    if not cells:
        return lines
    out: list[Line] = []
    for line in lines:
        parts: list[tuple[tuple[int, int] | None, list[Span]]] = []
        for span in line.spans:
            cell = _cell_of_box(span.bbox, cells)
            if parts and (parts[-1][0] == cell or not span.text.strip()):
                parts[-1][1].append(span)
            else:
                parts.append((cell, [span]))
        if len(parts) == 1:
            out.append(line)
        else:
            out.extend(Line.of(spans) for _, spans in parts if "".join(s.text for s in spans).strip())
    return out


def _cell_of_box(box: BBox, cells: list[tuple[int, int, BBox]]) -> tuple[int, int] | None:
    for table, index, cell in cells:
        if cell.contains_point(box.center_x, box.center_y, tol=1.0):
            return (table, index)
    return None


def _cell_of(line: Line, cells: list[tuple[int, int, BBox]]) -> tuple[int, int] | None:
    return _cell_of_box(line.bbox, cells)


def _baseline(line: Line) -> float:
    """The baseline of an OCR'd line: the median of its words' bottoms. The line's own bottom
    drops with any descender ("(Caf)", "Gaspard" vs "juin") or a stray mark read as part of a
    word, by up to a quarter of the font size, which is what tells 1.5 spacing from a new block."""
    if len(line.spans) < 3 and line.bbox.height <= 1.5 * max(line.size, 1.0):
        return line.bbox.y1
    return statistics.median(span.bbox.y1 for span in line.spans)


def _continues(group: _Group, line: Line) -> bool:
    last = group.last
    em = max(last.size, line.size, 1.0)
    gap = line.bbox.y0 - last.bbox.y1
    ocr = line.spans[0].font == "ocr"
    if ocr:
        # OCR boxes hug the ink ("ans" is x-height tall): compare baselines instead of boxes.
        if gap < -0.3 * em or _baseline(line) - _baseline(last) > OCR_PITCH_EM * em:
            return False
    elif gap < -0.3 * em or gap > LINE_GAP_EM * em:
        return False
    small, big = sorted((last.size or 1.0, line.size or 1.0))
    ratio = SIZE_RATIO_OCR if ocr else SIZE_RATIO
    if big / small > ratio or last.bold != line.bold:
        return False
    if is_bullet(line.text):
        return False
    if _closes_heading(last, line):
        return False
    # A finished sentence, then a line starting left of the block: a new paragraph after a list item.
    if line.bbox.x0 < group.bbox.x0 - 0.8 * em and re.search(r"[.!?;]\s*$", last.text):
        return False
    narrower = min(last.bbox.width, line.bbox.width) or 1.0
    aligned = abs(line.bbox.x0 - group.bbox.x0) <= 1.5 * em
    return last.bbox.x_overlap(line.bbox) >= 0.5 * narrower or (aligned and last.bbox.x_overlap(line.bbox) > 0)


# A short line without final punctuation before a longer line starting with a capital is a
# heading above its paragraph ("Axe 2 : Enfance jeunesse" / "Au niveau enfance-jeunesse, ...").
HEADING_WIDTH_SHARE = 0.7
UNFINISHED = re.compile(r"[\w)»\"']$")


def _closes_heading(last: Line, line: Line) -> bool:
    text, following = last.text, line.text
    return (last.bbox.width < HEADING_WIDTH_SHARE * line.bbox.width and bool(UNFINISHED.search(text))
            and following[:1].isupper() and not text[:1].islower() and len(text.split()) <= 8)


def group_blocks(lines: list[Line], cells: list[tuple[int, int, BBox]] = ()) -> list[_Group]:
    """Group lines into blocks. ``cells`` are (table index, cell index, bbox) of ruled tables:
    lines of one cell form one block, whatever their spacing."""
    groups: list[_Group] = []
    open_groups: list[_Group] = []
    for line in sorted(lines, key=lambda ln: (round(ln.bbox.y0, 1), ln.bbox.x0)):
        cell = _cell_of(line, list(cells)) if cells else None
        best, best_gap = None, None
        for group in open_groups:
            if group.cell != cell:
                continue
            if cell is None and not _continues(group, line):
                continue
            if cell is not None and line.bbox.y0 < group.last.bbox.y0:
                continue
            gap = line.bbox.y0 - group.last.bbox.y1
            if best_gap is None or gap < best_gap:
                best, best_gap = group, gap
        if best is None:
            best = _Group([line], cell)
            groups.append(best)
            open_groups.append(best)
        else:
            best.lines.append(line)
        # Groups far above the current line can no longer grow.
        open_groups = [g for g in open_groups if line.bbox.y0 - g.last.bbox.y1 < 4 * max(line.size, 1.0)
                       or g.cell is not None]
    return groups


def to_block(group: _Group, dehyphenator: Dehyphenator, table: int | None = None) -> Block:
    bbox = group.bbox
    lines = sorted(group.lines, key=lambda ln: (round(ln.bbox.y0, 1), ln.bbox.x0))
    width = bbox.width or 1.0
    short = [ln.bbox.x1 < bbox.x1 - 0.2 * width for ln in lines]
    text = join_lines([ln.text for ln in lines], short, dehyphenator)
    return Block(lines=tuple(lines), bbox=bbox, text=text, table=table)


# --- 4. reading order ----------------------------------------------------------------------------

@dataclass
class Unit:
    """Something the XY-cut places as a whole: a block, or a table with its cell blocks."""

    bbox: BBox
    blocks: list[Block] = field(default_factory=list)


def _gaps(intervals: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Empty stretches between the merged intervals, at least ``min_gap`` wide."""
    gaps, end = [], None
    for start, stop in sorted(intervals):
        if end is not None and start - end >= min_gap:
            gaps.append((end, start))
        end = stop if end is None else max(end, stop)
    return gaps


def _side_by_side(units: list[Unit], gap: tuple[float, float]) -> bool:
    """True when what lies left of the gap and what lies right of it share some height: a
    gutter between columns, not the space between a right-aligned line and the next line."""
    left = [u.bbox for u in units if u.bbox.x1 <= gap[0] + 0.01]
    right = [u.bbox for u in units if u.bbox.x0 >= gap[1] - 0.01]
    return BBox.enclosing(left).y_overlap(BBox.enclosing(right)) > 0


def _split_columns(units: list[Unit]) -> list[list[Unit]]:
    gaps = _gutters(units)
    if not gaps:
        return [units]
    columns: list[list[Unit]] = [[] for _ in range(len(gaps) + 1)]
    for unit in units:
        index = sum(1 for _, gap_end in gaps if unit.bbox.x0 >= gap_end - 0.01)
        columns[index].append(unit)
    return [c for c in columns if c]


def _split_rows(units: list[Unit]) -> list[list[Unit]]:
    gaps = _gaps([(u.bbox.y0, u.bbox.y1) for u in units], 0.5)
    rows: list[list[Unit]] = [[] for _ in range(len(gaps) + 1)]
    for unit in units:
        index = sum(1 for _, gap_end in gaps if unit.bbox.y0 >= gap_end - 0.01)
        rows[index].append(unit)
    return [r for r in rows if r]


def _n_lines(units: list[Unit]) -> int:
    return sum(len(b.lines) for u in units for b in u.blocks) or len(units)


def _gutters(units: list[Unit]) -> list[tuple[float, float]]:
    return [g for g in _gaps([(u.bbox.x0, u.bbox.x1) for u in units], MIN_GUTTER) if _side_by_side(units, g)]


def _row_like(units: list[Unit], gutters: list[tuple[float, float]]) -> bool:
    """A one-line label beside a short text: a row of cells ("Objectif 1 | texte"), read across."""
    for gap in gutters:
        left = [u for u in units if u.bbox.x1 <= gap[0] + 0.01]
        right = [u for u in units if u.bbox.x0 >= gap[1] - 0.01]
        if left and right:
            sides = sorted((_n_lines(left), _n_lines(right)))
            if sides[0] == 1 and sides[1] <= 3:
                return True
    return False


def _compatible(group: list[Unit], last: list[Unit], slab: list[Unit]) -> bool:
    """Whether ``slab`` continues the columns of ``group`` (whose last slab is ``last``): not
    when it spans a gutter of the group (a heading after a grid of names)."""
    for start, end in _gutters(group):
        if any(u.bbox.x0 < start - 1 and u.bbox.x1 > end + 1 for u in slab):
            return False
    gutters = _gutters(group + slab)
    return bool(gutters) and not (_row_like(last, gutters) and _row_like(slab, gutters))


def _merge_column_slabs(slabs: list[list[Unit]]) -> list[list[Unit]]:
    """Merge consecutive horizontal slabs that continue the same columns.

    Paragraph gaps of two text columns may line up and cut the columns into slabs; staggered
    boxes of a slide cut it into one-box slabs. Slabs whose union keeps a gutter between
    side-by-side content belong together, unless they are rows of short cells. A slab that could
    join either the group above or the slab below goes with the nearer one.
    """
    groups: list[list[list[Unit]]] = []
    for i, slab in enumerate(slabs):
        if groups:
            current = groups[-1]
            flat = [u for s in current for u in s]
            if _compatible(flat, current[-1], slab):
                following = slabs[i + 1] if i + 1 < len(slabs) else None
                nearer_below = following is not None and _compatible(slab, slab, following) and \
                    _gap(slab, following) < _gap(current[-1], slab) and \
                    not _compatible(flat + slab, slab, following)
                if not nearer_below:
                    current.append(slab)
                    continue
        groups.append([slab])
    return [[u for s in g for u in s] for g in groups]


def _gap(upper: list[Unit], lower: list[Unit]) -> float:
    return min(u.bbox.y0 for u in lower) - max(u.bbox.y1 for u in upper)


def reading_order(units: list[Unit]) -> list[Unit]:
    """Recursive XY-cut: columns first when a gutter runs the full height, else full-width cuts."""
    if len(units) <= 1:
        return units
    columns = _split_columns(units)
    if len(columns) > 1:
        return [u for column in columns for u in reading_order(column)]
    slabs = _split_rows(units)
    if len(slabs) == 1:
        return sorted(units, key=lambda u: (round(u.bbox.y0), u.bbox.x0))
    groups = _merge_column_slabs(slabs)
    if len(groups) == 1:  # every slab shares one gutter yet none runs the full height
        groups = slabs
    return [u for group in groups for u in reading_order(group)]


def median_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines if ln.size]
    return statistics.median(sizes) if sizes else 10.0
