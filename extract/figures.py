"""Key figures of the territory: value, unit, label and year.

Each page is read three ways: tables and key-figure layouts (``figure_layouts``: big numbers with
their captions, rows, lines of a key-figures list), and running text (``figure_text``: a number
with what it counts: a percent sign, euros, a count noun of ``figure_units``). Columns headed by
other territories are skipped. The candidates are then consolidated: one figure per fact, the most
salient statement first (a key figure over a passing mention), supporting numbers dropped.
"""

from __future__ import annotations

from extract.figure_layouts import (
    BIG_NUMBER,
    GLUED_SCALE,
    big_number,
    context_year,
    foreign_columns,
    key_lines,
    section_flags,
    table_figures,
)
from extract.figure_text import (
    BROKEN_COMPOUND,
    MILLIONS_ABBREVIATED,
    Candidate,
    candidates_in,
    ocr_repaired,
)
from extract.figure_units import words
from extract.ingest.prose import BULLET
from extract.normalize import fold, fold_key, territory_key
from extract.objectives import MARKUP_DEBRIS
from extract.themes import body_size, generic_blocks
from models.conventions import Territory
from models.document import Block, Document, Page
from models.figures import Figure, Unit


def extract_figures(doc: Document, territory: Territory | None = None) -> list[Figure]:
    body = body_size(doc)
    own = territory_key(territory.name) if territory and territory.name else ""
    candidates: list[Candidate] = []
    generic = generic_blocks(doc)  # what CTGs or the Caf are in general: their figures are no territory's
    for page in doc.pages:
        key, analysis = section_flags(page, body)
        foreign = foreign_columns(page, territory)
        first_table = next((i for i, b in enumerate(page.blocks) if b.table is not None), len(page.blocks))
        candidates.extend(table_figures(page, context_year(page, first_table), territory, own))
        contents = any(fold(b.text).startswith(words("contents_headings")) for b in page.blocks)
        for index, block in enumerate(page.blocks):
            if (page.number, index) in generic or any(x0 <= block.bbox.center_x <= x1 and top - 1 <= block.bbox.y0 < bottom
                                                      for x0, x1, top, bottom in foreign):
                continue
            text = BROKEN_COMPOUND.sub("-", GLUED_SCALE.sub(r"\1 \2", MARKUP_DEBRIS.sub("", block.text)))
            text = MILLIONS_ABBREVIATED.sub(r"\g<space>M€", text)
            if page.ocr:
                text = ocr_repaired(text)
            year_default = context_year(page, index)
            big = BIG_NUMBER.match(text)
            # A cell of a table of labelled rows is read by table_figures, with its row and column.
            in_rows = _in_row_table(page, block)
            if big and in_rows:
                continue
            if big:
                candidates.extend(big_number(page, index, block, big, body, key, year_default, own))
                continue
            if not contents and not in_rows:
                candidates.extend(key_lines(page, index, block, text, index in key, year_default))
            salience = 2 if (index in key or block.table is not None) else 1
            if BULLET.match(text) and index in analysis:
                salience = -1
            candidates.extend(candidates_in(page, block, text, salience, year_default, own))
    return _consolidate(doc, candidates)


def _in_row_table(page: Page, block: Block) -> bool:
    """Whether a block is a cell of a table of rows labelled by their first cell, as table_figures
    reads them (a grid of big numbers and their captions is none)."""
    if block.table is None or block.table >= len(page.tables):
        return False
    rows = page.tables[block.table].rows
    return len(rows) >= 2 and all(len(row) >= 2 for row in rows) and sum(1 for row in rows if row[0].strip()) >= 2


def _consolidate(doc: Document, candidates: list[Candidate]) -> list[Figure]:
    """One figure per fact: a value stated again in the same family ("9 accueils de loisirs",
    later "aux 9 ALSH") or a second value under the same bare unit ("1650 habitants (Insee/2019)",
    later "1 641 habitants": the first stated wins) is one figure; supporting numbers dropped."""
    kept: dict[tuple[float, Unit], list[Candidate]] = {}
    seen_labels: set[tuple[str, str]] = set()
    figures = []
    for c in sorted(candidates, key=lambda c: (-c.salience, c.page.number)):
        if c.salience < 1:
            continue
        label_key = (c.unit, fold_key(c.label)) if fold_key(c.label) == fold_key(c.unit) else None
        same_value = kept.setdefault((c.value, c.category), [])
        if any(_restates(k, c) for k in same_value) or (label_key and label_key in seen_labels):
            continue
        same_value.append(c)
        seen_labels.add(label_key)
        figures.append(Figure(doc_id=doc.doc_id, page=c.page.number, rule=c.rule, snippet=c.snippet,
                              bbox=c.block.bbox.as_tuple(), label=c.label, value=c.value, unit=c.unit,
                              category=c.category, year=c.year))
    return sorted(figures, key=lambda f: f.page)


def _restates(first: Candidate, other: Candidate) -> bool:
    """Whether ``other`` states again the fact of ``first`` (same value and family) rather than
    another fact: two numbers of running text may say different things. "12 % des familles
    monoparentales" and "12 % des familles nombreuses" are two figures; so are "2 crèches et
    2 micro-crèches" in one sentence. Tables and big numbers restate what the text says."""
    if first.rule != "figure_in_text" or other.rule != "figure_in_text" or \
            first.block.table is not None or other.block.table is not None:
        return True
    if first.block is other.block and first.position == other.position:
        return True
    if first.category in (Unit.EUR, Unit.PERCENT):
        return not _different_labels(first.label, other.label)
    return first.sentence != other.sentence


def _different_labels(first: str, other: str) -> bool:
    """Labels whose content words mostly differ: "familles monoparentales" / "familles nombreuses"
    do; "prestations légales versées" / "prestations légales" do not."""
    a, b = ({w for w in fold_key(label).split() if len(w) > 3} for label in (first, other))
    if not a or not b or a <= b or b <= a:
        return False
    return len(a & b) / len(a | b) < 0.5
