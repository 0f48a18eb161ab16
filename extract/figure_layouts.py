"""Key figures as layouts present them: big numbers beside their captions, tables, lines of a
key-figures list ("Habitants 112 000"), and comparison columns headed by other territories.

Key figures are those a document presents as such: under a "Chiffres clés" or "Focus" heading,
as big numbers, in tables. Numbers in the bullet lists of a detailed analysis ("synthèse")
support the analysis and are left out (``section_flags``).
"""

from __future__ import annotations

import re

from extract.figure_text import (
    LABEL_PLACE_IN,
    YEAR,
    Candidate,
    candidates_in,
    names_a_place,
    names_wider_area,
    sentence_year,
)
from extract.figure_units import (
    MAX_LABEL_CHARS,
    CountNoun,
    count_label,
    label_after,
    unit_after,
    words,
)
from extract.normalize import (
    clean,
    fold,
    fold_aligned,
    parse_amount,
    parse_number,
    territory_key,
)
from extract.objectives import MARKUP_DEBRIS
from models.conventions import Territory
from models.document import Block, Page, Table
from models.figures import Unit

# A scale word glued to its number: "2,4millions", "12M€".
GLUED_SCALE = re.compile(r"(\d)(millions?|milliards?|M€|k€|€)", re.IGNORECASE)
# Big numbers: a block holding only a number, maybe a unit sign.
BIG_NUMBER = re.compile(r"^\s*(?:près\s+de\s+|plus\s+de\s+)?(?P<number>\d[\d \u00a0\u202f\u2009\u2007.,]*)\s*(?P<sign>%|€|k€|M€)?\s*$")
# A line of a key-figures list or of a table flattened to text: a label, then a bare number
# ("Habitants 112 000", "Familles allocataires de la Caf : 14 300", "• Places en crèche 310").
KEY_LINE = re.compile(r"^\W*(?P<label>[^\W\d][^\d:;().…\n]{2,70}?)\s*(?::\s*|\s)(?P<number>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\s*$")
# A caption opening on the unit of money of the number above it (folded): "millions d'euros de
# prestations", "M€ versés", "euros par an".
MONEY_CAPTION = re.compile(r"^\s*(?:millions?|milliards?|m€|k€|€|euros?)\b\s*(?:d['’]\s*euros\b|€)?")
# A line ending on a digit, the first sign of a key-figure line.
LINE_ENDS_ON_DIGIT = re.compile(r"\d[ \t]*$", re.MULTILINE)
# Words opening a row label that say it counts something: "Nombre de places", "Nb d'enfants".
COUNT_LEAD = re.compile(r"^\s*(?:nombre|nb)\s+(?:de\s+|d['’]\s*)", re.IGNORECASE)
# A territory's population in brackets heading a comparison column: "(126 968 habitants)".
COLUMN_HEADER = re.compile(r"\(\s*[\d\s\u202f]+habitants?\s*\)", re.IGNORECASE)
# A heading giving the scope of what follows (text folded): "À l'échelle de Grenoble-Alpes
# Métropole", "Au niveau départemental", "Dans le département".
SCOPE_HEADING = re.compile(r"^\W*(?:a\s+l'echelle|au\s+niveau|a\s+l'echelon|en|dans|pour|zoom\s+sur|focus\s+sur)\b")
# Key figures headed by the Caf's name (text folded): "Chiffres clés de la Caf du Cantal", "La Caf de
# l'Aude en chiffres": the Caf's own, over its whole departement.
CAF_KEY_FIGURES = re.compile(r"^(?=.*\b(?:chiffres?[\s-]+cles?|en\s+chiffres|reperes)\b).*\b(?:caf|caisse\s+d'allocations)\b")
# A column header naming a territory by its kind: "Agglomération de Béziers Méditerranée",
# "Département", "France entière", "Région Occitanie".
OTHER_TERRITORY_HEADER = re.compile(r"^(?:agglom[ée]ration|communaut[ée]|d[ée]partement|r[ée]gion|france|m[ée]tropole)\b",
                                    re.IGNORECASE)


def unit_of_label(label: str) -> CountNoun | None:
    """What a row label or a key-figure line's label counts: "Familles allocataires de la Caf" ->
    familles, "Nombre de places" -> places, "Population municipale" -> habitants."""
    label = COUNT_LEAD.sub("", label)
    if fold(clean(label)).strip(" :") in words("population_labels"):
        return unit_after(" habitants")
    return unit_after(" " + label)


def section_flags(page: Page, body: float) -> tuple[set[int], set[int]]:
    """Indexes of the blocks under a key-figures heading, and under an analysis heading."""
    key_cues, analysis_cues = words("key_sections"), words("analysis_sections")
    key, analysis = set(), set()
    mode = None
    for index, block in enumerate(page.blocks):
        folded = fold(block.text)
        heading = len(block.text) < 80 and (block.bold or block.size >= 1.15 * body or block.text.isupper())
        if heading or len(block.text) < 40:
            if any(c in folded for c in key_cues):
                mode = "key"
            elif any(c in folded for c in analysis_cues):
                mode = "analysis"
            elif heading and block.size >= 1.3 * body:
                mode = None
        if mode == "key":
            key.add(index)
        elif mode == "analysis":
            analysis.add(index)
    return key, analysis


def context_year(page: Page, index: int) -> int | None:
    """A year stated just before a figure's block on its page: "en 2022", "(chiffres Caf 2021)"."""
    for block in reversed(page.blocks[max(0, index - 3):index]):
        if len(block.text) > 160:
            continue
        years = {int(m["year"]) for m in YEAR.finditer(block.text)}
        if len(years) == 1:
            return years.pop()
    return None


def foreign_columns(page: Page, territory: Territory | None) -> list[tuple[float, float, float, float]]:
    """(x0, x1, top, bottom) of comparison columns headed by another territory: "Agglomération de
    Béziers Méditerranée (126 968 habitants)" beside "Valros (1 641 habitants)", "Département",
    "France". Figures under such a header are that territory's, not the CTG's. A header stands
    beside another one on its row: a lone "Caf de la Martinique" or "DÉPARTEMENT DE LA
    CORSE-DU-SUD" heads the page, not a column. A heading giving another scope ("À l'échelle de
    la Métropole", "Chiffres clés de la Caf du Cantal") covers what stands under it down to the next
    heading."""
    if territory is None:
        return []
    own = territory_key(territory.name)
    columns = []
    for block in page.blocks:
        text = block.text.strip()
        if len(text) <= 80 and ((SCOPE_HEADING.match(fold(text)) and names_other_area(text)) or CAF_KEY_FIGURES.match(fold(text))) \
                and own not in territory_key(text):
            columns.append((block.bbox.x0 - 25, block.bbox.x1 + 25, block.bbox.y0, _next_heading_top(page, block)))
            continue
        if COLUMN_HEADER.search(text):
            name = COLUMN_HEADER.sub("", text).strip()
            if len(name) < 3:
                above = [b for b in page.blocks if 0 <= block.bbox.y0 - b.bbox.y1 < 30
                         and b.bbox.x_overlap(block.bbox) > 0.3 * block.bbox.width]
                name = above[-1].text if above else ""
        elif len(text) <= 60 and len(text.split()) <= 8 and names_other_area(text) and _has_row_sibling(page, block):
            name = text
        else:
            continue
        if name and territory_key(name) != own and own not in territory_key(name):
            columns.append((block.bbox.x0 - 25, block.bbox.x1 + 25, block.bbox.y0, page.height))
    return columns


def _next_heading_top(page: Page, heading: Block) -> float:
    """Where the next heading at least as prominent as ``heading`` starts below it, or the page end."""
    below = [b.bbox.y0 for b in page.blocks if b.bbox.y0 > heading.bbox.y1 and len(b.text) < 80
             and (b.bold or b.size >= heading.size) and b.bbox.x_overlap(heading.bbox) > 0]
    return min(below, default=page.height)


def _has_row_sibling(page: Page, block: Block) -> bool:
    """Whether a short block stands beside ``block`` on its row, as column headers do."""
    return any(other is not block and len(other.text) <= 60
               and other.bbox.y_overlap(block.bbox) > 0.5 * min(other.bbox.height, block.bbox.height)
               and (other.bbox.x0 >= block.bbox.x1 or other.bbox.x1 <= block.bbox.x0)
               for other in page.blocks)


def names_other_area(header: str, own: str = "") -> bool:
    """Whether a column header names a kind of territory or a departement or larger area:
    "Département du Doubs", "Morbihan", "France", "Région Occitanie"."""
    return bool(OTHER_TERRITORY_HEADER.match(header)) or names_a_place(fold(header).split(), own)


def _foreign_column_indexes(table: Table, territory: Territory | None) -> set[int]:
    """Columns of a table whose header names another territory than the CTG's."""
    if territory is None or not table.rows:
        return set()
    own = territory_key(territory.name)
    return {i for i, header in enumerate(table.rows[0])
            if header and len(header) <= 60 and names_other_area(header) and own not in territory_key(header)}


def _caption_for(page: Page, block: Block) -> Block | None:
    """The caption of a big number: the nearest text block to its right on the same row, or
    right below it."""
    best, best_distance = None, None
    for other in page.blocks:
        if other is block or BIG_NUMBER.match(other.text) or len(other.text) < 4:
            continue
        if other.bbox.y_overlap(block.bbox) > 0 and other.bbox.x0 >= block.bbox.x1 - 2:
            # A caption beside the number may stand a few words' width away.
            distance = (other.bbox.x0 - block.bbox.x1) / 2
        elif other.bbox.x_overlap(block.bbox) > 0.3 * min(other.bbox.width, block.bbox.width) and \
                other.bbox.y0 >= block.bbox.y1 - 2:
            distance = other.bbox.y0 - block.bbox.y1
        else:
            continue
        if distance <= 3 * max(other.size, 8) and (best_distance is None or distance < best_distance):
            best, best_distance = other, distance
    return best


def _row_label(page: Page, block: Block) -> Block | None:
    """The label of a number in a table: the first cell of its row ("Prestations familiales")."""
    row = [b for b in page.blocks if b.table == block.table and b is not block
           and b.bbox.y_overlap(block.bbox) > 0.5 * min(b.bbox.height, block.bbox.height) and b.bbox.x1 <= block.bbox.x0]
    return min(row, key=lambda b: b.bbox.x0) if row else None


def _strip_comparison(caption: str) -> str:
    """"Nord: 35.8% des enfants de 0 à 2 ans" -> "des enfants de 0 à 2 ans"."""
    return re.sub(r"^\s*(?:[A-ZÀ-Ý][\w' -]*|France)\s*:\s*[\d.,]+\s*%\s*", "", caption)


def table_figures(page: Page, year_default: int | None, territory: Territory | None, own: str) -> list[Candidate]:
    """Figures in table rows, labelled by the row's first cell ("Prestations familiales |
    27 162 662 €"), counted as their column's header says when it names a unit ("Places"), else as
    the row's label says; except in the columns of other territories ("Morbihan", "France")."""
    found = []
    for index, table in enumerate(page.tables):
        foreign = _foreign_column_indexes(table, territory)
        block = next((b for b in page.blocks if b.table == index), None)
        if block is None:
            continue
        block = Block(lines=block.lines, bbox=table.bbox, text=block.text, table=index)
        # A column header that names what its numbers count: "Places / capacité", "Nombre d'enfants".
        header_units = {c: unit_of_label(cell) for c, cell in enumerate(table.rows[0]) if c} if table.rows else {}
        for number, row in enumerate(table.rows):
            cells = [GLUED_SCALE.sub(r"\1 \2", MARKUP_DEBRIS.sub("", c)).strip() for c in row]
            if len(cells) < 2 or not cells[0]:
                continue
            for column, cell in enumerate(cells[1:], start=1):
                if column in foreign:
                    continue
                big = BIG_NUMBER.match(cell)
                # Counted by its header, a whole number: "1.1" under "Fiche" numbers an action sheet.
                whole = big is not None and not re.search(r"\d[.,]\d", big["number"])
                unit = header_units.get(column) if number and big and not big["sign"] and whole else None
                row_unit = unit or (unit_of_label(cells[0]) if big and not big["sign"] else None)
                value = parse_number(big["number"].strip()) if row_unit else None
                if row_unit and value is not None and value != 1:
                    # "Allocataires | 61 480": the row's label says what the number counts.
                    found.append(Candidate(value, row_unit.noun, row_unit.family, clean(cells[0])[:MAX_LABEL_CHARS],
                                           year_default, page, block, " | ".join(cells), "table_row", 2))
                    continue
                if big and big["sign"]:
                    value = parse_amount(cell) if big["sign"] != "%" else parse_number(big["number"].strip())
                    if value is not None:
                        unit, category = ("%", Unit.PERCENT) if big["sign"] == "%" else ("EUR", Unit.EUR)
                        found.append(Candidate(value, unit, category, clean(cells[0])[:MAX_LABEL_CHARS], year_default,
                                               page, block, " | ".join(cells), "table_row", 2))
                    continue
                found.extend(candidates_in(page, block, cell, 2, year_default, own))
    return found


def key_lines(page: Page, index: int, block: Block, text: str, in_key_section: bool,
              year_default: int | None) -> list[Candidate]:
    """Counts on the lines of a key-figures list or of a table flattened to text: "Habitants
    112 000", "Places d'accueil du jeune enfant : 1 280". A line counts when its label names what
    it counts, and when it stands under a key-figures heading or beside a line of the same shape
    (a list of one such line is a sentence's end: "... en 2023")."""
    if not LINE_ENDS_ON_DIGIT.search(text):
        return []
    lines = [line for line in text.split("\n") if line.strip()]
    neighbours = [b.text for b in page.blocks[max(0, index - 1):index + 2] if b is not block]
    shaped = [KEY_LINE.match(line) for line in lines]
    if not in_key_section and sum(1 for m in shaped if m) + sum(1 for t in neighbours if KEY_LINE.match(t)) < 2:
        return []
    found = []
    for line, match in zip(lines, shaped):
        if not match:
            continue
        count = unit_of_label(match["label"])
        value = parse_number(match["number"])
        if count is None or value is None or value == 1 or \
                (match["number"].isdigit() and 1900 <= value <= 2100):
            continue
        label = clean(match["label"])[:MAX_LABEL_CHARS]
        found.append(Candidate(value, count.noun, count.family, label, year_default, page, block, clean(line),
                               "key_figure_line", 2))
    return found


def big_number(page: Page, index: int, block: Block, match: re.Match, body: float, key: set[int],
               year_default: int | None, own: str) -> list[Candidate]:
    """A number standing alone, with the unit and label of its caption."""
    value = parse_number(match["number"].strip())
    caption = _row_label(page, block) if block.table is not None else _caption_for(page, block)
    if value is None or caption is None or caption.size > 1.2 * block.size:
        return []  # a caption larger than its number heads a slide the number counts: "6 | Axes de travail"
    caption_text = _strip_comparison(MARKUP_DEBRIS.sub("", caption.text))
    sign = match["sign"]
    if sign == "%":
        unit, category, label = "%", Unit.PERCENT, label_after(caption_text)
    elif sign:
        unit, category, label = "EUR", Unit.EUR, label_after(caption_text)
        value = parse_amount(match.group(0)) or value
    elif money := MONEY_CAPTION.match(fold_aligned(caption_text)):
        # "18,7" over "millions d'euros de prestations légales versés": the caption holds the unit.
        amount = parse_amount(f"{match['number'].strip()} {caption_text}")
        if amount is None:
            return []
        unit, category, label, value = "EUR", Unit.EUR, label_after(caption_text[money.end():]), amount
    else:
        found = unit_after(" " + caption_text)
        if found is None or value == 1:
            return []
        unit, category = found.noun, found.family
        label = count_label(found.written, caption_text[found.end - 1:])
    if unit in ("%", "EUR") and names_wider_area(label, own, LABEL_PLACE_IN):
        return []  # "61,5 %" over "des enfants ... disposent d'un accueil formel en Isère"
    salience = 2 if (block.size >= 1.4 * body or index in key) else 1
    return [Candidate(value, unit, category, label or unit, sentence_year(caption_text, 0, 0) or year_default,
                      page, block, f"{block.text} {caption.text}", "big_number", salience)]

