"""From the raw lines of each page (PDF text layer, OCR, or plain text) to the document view:
running headers and footers set aside, blocks grouped and put in reading order, tables attached."""

from __future__ import annotations

from dataclasses import dataclass

from extract.ingest import layout
from extract.ingest.prose import Dehyphenator, vocabulary
from extract.ingest.tables import TableGrid
from models.document import Document, Line, Media, Page, Table


@dataclass
class RawPage:
    """A page as read, before layout: its lines in any order."""

    number: int
    width: float
    height: float
    lines: list[Line]
    ocr: bool


def build_document(doc_id: str, path: str, media: Media, raw_pages: list[RawPage],
                   tables: dict[int, list[TableGrid]], title: str | None) -> Document:
    split = layout.split_furniture([(p.height, p.lines) for p in raw_pages])
    dehyphenator = Dehyphenator(vocabulary([ln.text for p in raw_pages for ln in p.lines]))
    pages = []
    for raw, (kept, furniture) in zip(raw_pages, split):
        grids = tables.get(raw.number, [])
        pages.append(_layout_page(raw, kept, furniture, grids, dehyphenator))
    return Document(doc_id=doc_id, source_path=path, media=media, pages=tuple(pages), title=title)


def _layout_page(raw: RawPage, lines: list[Line], furniture: list[Line],
                 grids: list[TableGrid], dehyphenator: Dehyphenator) -> Page:
    cells = [(t, i, box) for t, grid in enumerate(grids)
             for i, box in enumerate(b for row in grid.cells for b in row if b is not None)]
    groups = layout.group_blocks(layout.split_at_cells(lines, cells), cells)
    units: list[layout.Unit] = []
    table_units = {t: layout.Unit(bbox=grid.bbox) for t, grid in enumerate(grids)}
    cell_texts: dict[tuple[int, int], list[str]] = {}
    # Cells are numbered row by row, so sorting a table's groups by cell gives its reading order.
    for group in sorted(groups, key=lambda g: g.cell or (-1, -1)):
        if group.cell is None:
            block = layout.to_block(group, dehyphenator)
            units.append(layout.Unit(bbox=block.bbox, blocks=[block]))
        else:
            table = group.cell[0]
            block = layout.to_block(group, dehyphenator, table=table)
            table_units[table].blocks.append(block)
            cell_texts.setdefault(group.cell, []).append(block.text)
    units.extend(unit for unit in table_units.values() if unit.blocks)
    ordered = layout.reading_order(units)
    blocks = tuple(b for unit in ordered for b in unit.blocks)
    page_tables = tuple(Table(bbox=grid.bbox, rows=_rows(grid, t, cell_texts)) for t, grid in enumerate(grids))
    return Page(number=raw.number, width=raw.width, height=raw.height, blocks=blocks,
                tables=page_tables, ocr=raw.ocr, furniture=tuple(furniture))



def _rows(grid: TableGrid, table: int, cell_texts: dict[tuple[int, int], list[str]]) -> tuple[tuple[str, ...], ...]:
    """A table's text row by row; a cell merged into its neighbour reads empty."""
    rows, index = [], 0
    for row in grid.cells:
        texts = []
        for box in row:
            if box is None:
                texts.append("")
            else:
                texts.append(" ".join(cell_texts.get((table, index), ())))
                index += 1
        rows.append(tuple(texts))
    return tuple(rows)
