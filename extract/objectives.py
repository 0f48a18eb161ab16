"""The action plan: enjeux, objectifs and actions, each whole and with its theme.

Three structures carry a plan:

- plan tables: a title row ("PLAN D'ACTION PARENTALITÉ"), an "Enjeux :" cell listing enjeux,
  rows "Objectif 1 | Repérer les familles...", or columns "Axe | Objectifs | Actions";
- lists under a theme heading: "Axe 1 : Petite-enfance" / "trois enjeux se montrent majeurs :"
  / "• Améliorer l'interconnaissance..."; the words introducing the list give the level;
- action trees drawn on slides: an "Axe" column, an "Objectifs" column and an "Actions" column
  of boxes, each objective beside its actions.

Lists introduced as someone else's (the Caf's national missions: "pourront figurer les enjeux
suivants, portés par la CAF") or as diagnostic findings ("Enjeux repérés par les communes") are
not the plan. An item must read as an objective: an infinitive ("Améliorer...", "Mieux faire
connaître...") or a noun of action ("Soutien aux familles...", "Renforcement du lien...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.ingest.prose import BULLET, BULLET_GLYPHS
from extract.normalize import clean, fold, fold_key, is_theme_label, themes_in
from extract.objective_shape import ITEM_HEAD, reads_as_aim, reads_as_objective, split_field
from extract.ordinal import RANK_WORD
from extract.plan_prose import prose_objectives, to_objectives
from extract.text import alternation
from extract.themes import (
    PLAN_HEADING,
    ThemeHeading,
    body_size,
    generic_blocks,
    heading_themes,
    is_heading,
)
from models.document import Block, Document, Page, Table
from models.objectives import Level, Objective
from models.themes import Theme

# HTML or Markdown left over by a Word export: "<u>Enjeux :</u> <ul style=...><li>", "**".
MARKUP_DEBRIS = re.compile(r"</?[a-z]+(?:\s+[a-z-]+=\"[^\"]*\")*\s*/?>|\*\*", re.IGNORECASE)
# A row label in a plan table: "Objectif 1", "Action 2.3", "Enjeu :", "Axe II".
ROW_LABEL = re.compile(r"^\s*(?P<level>enjeux?|objectifs?|actions?|axes?)\s*(?:n[°o]\s*)?[\dIVX.]*\s*:?\s*$",
                       re.IGNORECASE)
# A plan table's column header naming a level: "Axe", "Enjeux", "Objectif opérationnel",
# "Actions", "Fiches actions", "Orientations stratégiques", "Intitulé de l'action", "Exemples
# d'actions", "Thématique" (an axis named by its field).
COLUMN_LEVEL = re.compile(
    r"""^\s*(?:(?:fiches?\s+)?intitul[ée]s?\s+(?:de\s+l['’]\s*|des\s+|du\s+|de\s+la\s+)?
             |(?:exemples?|pistes?)\s+d['’]\s*|principales?\s+)?
        (?P<level>enjeux?|axes?|orientations?|priorit[ée]s?|th[ée]matiques?|objectifs?|actions?|fiches?[\s-]+actions?)
        (?:\s+(?:strat[ée]giques?|op[ée]rationnel(?:le)?s?|g[ée]n[ée]ral|g[ée]n[ée]raux|pr[ée]vues?|retenue?s?))?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A plan table's header cell that names no level: "Échéance", "Pilote", "Financement Caf", "Indicateurs".
HEADER_CELL = re.compile(r"^\s*(?:[ée]ch[ée]ances?|calendrier|pilotes?|porteurs?|financements?(?:\s+\w+)?|budget|co[uû]ts?"
                         r"|partenaires?|indicateurs?(?:\s+\w+)?|moyens|dur[ée]e|date)\s*$", re.IGNORECASE)
# At most this long, a table's label cell that OCR could not read is a scrap of a label ("uen", "PRE,").
OCR_SCRAP_MAX_CHARS = 12

# A label that opens a list of one level: "Enjeux :", "Objectifs opérationnels :", "Actions :".
LEVEL_LABEL = re.compile(r"^\s*(?P<level>enjeux?|objectifs?(?:\s+\w+)?|actions?)\s*:\s*(?P<rest>.*)$",
                         re.IGNORECASE | re.DOTALL)
# A labelled item on its own line: "Objectif 1 : Maintenir l'offre...", "Action 1.1.1 : Créer...",
# "Axe 2 : Permettre aux jeunes...", "AXE 1 — Accueillir ...", "Objectif 1.1 Soutenir ..." (a number
# then a capital: no separator needed), "Objectif opérationnel 1.2 : ...", "Orientation stratégique
# n°2 : ...", "Premier chantier : la création ...".
LABELLED_ITEM = re.compile(
    rf"""^\s*(?:[-–•▪*]\s*)?(?:(?:{RANK_WORD})\s+)?
        (?P<level>objectifs?|actions?|enjeux?|axes?|pistes?|fiches?(?:[\s-]+actions?)?|orientations?|priorit[ée]s?|chantiers?)
        (?:\s+(?:strat[ée]giques?|op[ée]rationnel(?:le)?s?|g[ée]n[ée]ral|g[ée]n[ée]raux|sp[ée]cifiques?|prioritaires?))?\s*(?:n[°o]\s*)?
        (?:[\dIVX]+(?:\.\d+)*\s*(?:[:–—]\s*|\s-\s|\s(?=(?-i:[A-ZÀ-Ý])))|\s*[:–—]\s*)(?P<text>\S.+)$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A label run into the line before it, when a layout reflowed a slide's lines: "... du Val Piste :
# développer ...", "... des familles Axe 2 – Jeunesse" (capitalised, as a label is; after a
# sentence's end, "... signée. Objectif : ...", it opens a sentence of prose instead).
RUN_IN_LABEL = re.compile(r"(?<=[\wÀ-ÿ])\s+(?=(?:Objectifs?|Actions?|Enjeux?|Axes?|Pistes?|Fiches?(?:[\s-][Aa]ctions?)?|AXES?|OBJECTIFS?)\s*(?:n[°o]\s*)?"
                          r"(?:(?:[\dIVX]+(?:\.\d+)*)?\s*[:–—-]\s|[\dIVX]+(?:\.\d+)*\s+[A-ZÀ-Ý]))")
# A sentence opening on an ordinal label, which a paragraph runs on: "... à Baud. Deuxième chantier : ...".
ORDINAL_LABEL_BREAK = re.compile(rf"(?<=[.;])\s+(?=(?=[A-ZÀ-Ý])(?i:{RANK_WORD})\s+"
                                 r"(?:chantier|axe|objectif|enjeu|action|priorit[ée]|orientation)\s*:)")
# An enjeu stated as a noun phrase after its label: "Enjeu 2 : La continuité éducative entre les temps
# de l'enfant" (an article, a noun, two words more).
ENJEU_PHRASE = re.compile(r"^(?:l['’]\s*|la\s+|le\s+|les\s+|une?\s+)[\wÀ-ÿ-]{4,}(?:\s+\S+){2,}", re.IGNORECASE)
# A heading naming a level of the plan and nothing else: "Les enjeux", "Nos priorités",
# "Objectifs stratégiques" (not "Les enjeux d'une CTG", about CTGs in general).
LEVEL_HEADING = re.compile(r"^\s*(?:les\s+|nos\s+)?(?:enjeux|priorit[ée]s|orientations(?:\s+strat[ée]giques)?|objectifs(?:\s+strat[ée]giques|\s+op[ée]rationnels)?"
                           r"|axes(?:\s+strat[ée]giques|\s+prioritaires)?)\s*:?\s*$", re.IGNORECASE)
# An introduction that announces the plan: "la CTG s'articule autour de quatre axes :", "Trois
# priorités ont été retenues :".
PLAN_INTRO = re.compile(r"\b(?:axes?|priorit[ée]s|orientations?|objectifs|enjeux|chantiers|ambitions)\b", re.IGNORECASE)

# Column labels of an action tree: "Axe", "Objectifs", "Actions".
TREE_LABELS = {"axe": Level.ENJEU, "axes": Level.ENJEU, "objectifs": Level.OBJECTIF, "objectif": Level.OBJECTIF,
               "actions": Level.ACTION, "action": Level.ACTION}
MAX_ITEM_CHARS = 400


@dataclass
class _Item:
    level: Level
    text: str
    theme: Theme | None
    parent: str | None
    page: Page
    block: Block
    rule: str


def _clean_item(text: str) -> str:
    text = MARKUP_DEBRIS.sub(" ", text)
    text = BULLET.sub("", clean(text))
    return text.strip(" ;,").strip()


def _level_of(intro: str) -> Level | None:
    folded = fold(intro)
    for level in (Level.ACTION, Level.OBJECTIF, Level.ENJEU):
        cues = tuple(fold(cue) for cue in lexicon.plans()["levels"][level.value])
        if alternation(cues, "(?<![a-z])", "(?![a-z])").search(folded):
            return level
    return None


def _excluded(intro: str) -> bool:
    folded = fold(intro)
    return any(fold(cue) in folded for cue in lexicon.plans()["excluded_intros"])


# --- plan tables -------------------------------------------------------------------------------------

def _bullets(cell: str) -> list[str]:
    """The items of a cell holding a list: "Enjeux : • A • B", lines, or items after semicolons."""
    cell = MARKUP_DEBRIS.sub(" ", cell)
    parts = re.split(rf"\s*[{BULLET_GLYPHS}]\s*|\n+|<li>|\s*;\s+", cell)
    return [p for p in (_clean_item(p) for p in parts) if p]


def _column_levels(header: tuple[str, ...]) -> dict[int, Level]:
    """Columns of a plan table whose header names a level ("Axe | Objectif | Actions | Pilote")."""
    levels = {}
    for column, cell in enumerate(header):
        match = COLUMN_LEVEL.match(clean(cell))
        if match:
            levels[column] = _table_level(match["level"])
    return levels if len(levels) >= 2 else {}


def _from_column_table(page: Page, table, block: Block | None, levels: dict[int, Level], theme: Theme | None
                       ) -> list[_Item]:
    """Items of a plan table laid out by columns: each row holds an axis, an objective and its
    actions; a cell left empty continues the one above (merged cells)."""
    items: list[_Item] = []
    above: dict[int, str] = {}
    for row in table.rows[1:]:
        cells = {column: clean(MARKUP_DEBRIS.sub(" ", row[column])) if column < len(row) else ""
                 for column in levels}
        for column, text in cells.items():
            if text:
                above[column] = text
        row_theme = next((themes_in(above[c])[0] for c, level in levels.items()
                          if level is Level.ENJEU and c in above and themes_in(above[c])), theme)
        parent = None
        for column in sorted(levels):
            text = cells[column]
            for item in (_bullets(text) if text else ()):
                if levels[column] is Level.ENJEU and is_theme_label(item):
                    continue  # an axis cell naming its field ("Petite enfance") is a theme, not an enjeu
                # A single word ("Association") is a partner's cell drawn into the column.
                if (reads_as_objective(item) and len(item.split()) > 1) \
                        or (levels[column] is Level.ACTION and _names_an_action(item)):
                    items.append(_Item(levels[column], item, row_theme, parent, page, block, "plan_table_column"))
            if above.get(column) and (reads_as_objective(_clean_item(above[column])) or levels[column] is Level.ENJEU):
                parent = _clean_item(above[column])  # an axis naming its field is a parent too
    return items


def _names_an_action(cell_item: str) -> bool:
    """Whether an item of an actions column names an action whatever its shape ("Guide des familles
    en ligne", "Étude d'une navette vers les accueils de loisirs"): two words at least, not a field's
    name, and a common noun among them (a pilot's or a date's cell drawn into the column, "CA PFV /
    Caf 2024-2028", has none)."""
    return len(cell_item.split()) >= 2 and not is_theme_label(cell_item) \
        and any(len(word) >= 3 and word.islower() for word in re.findall(r"[^\W\d_]+", cell_item))


@dataclass
class _Carried:
    """A plan table's column levels, for its part continued on the next page without its header."""

    levels: dict[int, Level]
    n_cols: int


def _continues(page: Page, index: int, table, carried: _Carried | None) -> bool:
    """Whether the page's first table goes on with the plan table that ended the page before: the
    same columns, no header of its own, and nothing of the body above it."""
    if carried is None or index != 0 or table.n_cols != carried.n_cols or not table.rows:
        return False
    first_block = next((i for i, b in enumerate(page.blocks) if b.text.strip()), None)
    return first_block is not None and page.blocks[first_block].table == 0


def _from_tables(page: Page, theme_of: dict, carried: _Carried | None = None) -> tuple[list[_Item], _Carried | None]:
    """The plan items of the page's tables, and the column levels of a plan table that ends it."""
    items: list[_Item] = []
    last: _Carried | None = None
    for index, table in enumerate(page.tables):
        theme = None
        cells_block = next((b for b in page.blocks if b.table == index), page.blocks[0] if page.blocks else None)
        levels = _column_levels(table.rows[0]) if table.rows else {}
        if not levels and _continues(page, index, table, carried):
            # A plan table cut by the page break: its rows go on under the header of the page before.
            levels, table = carried.levels, Table(bbox=table.bbox, rows=((),) + tuple(table.rows))
        if levels:
            theme = theme_of.get((page.number, id(cells_block))) if cells_block is not None else None
            items.extend(_from_column_table(page, table, cells_block, levels, theme))
            last = _Carried(levels, table.n_cols)
            continue
        last = None
        table_items: list[_Item] = []
        rows = [[clean(MARKUP_DEBRIS.sub(" ", c)) for c in row] for row in table.rows]
        labels = [_table_level(m["level"]) for m in (ROW_LABEL.match(r[0]) for r in rows if r) if m]
        # On a scan, OCR garbles a label now and then ("Objectif 1" read "uen"): among rows
        # labelled with one level, a row whose label cell is a short unreadable scrap has that level.
        scrap_level = labels[0] if page.ocr and len(labels) >= 2 and len(set(labels)) == 1 else None
        for cells in rows:
            filled = [c for c in cells if c]
            if not filled:
                continue
            title = PLAN_HEADING.match(filled[0])
            if title:
                found = themes_in(title["label"]) or themes_in(" ".join(filled[1:]))
                theme = found[0] if found else theme
                continue
            label = ROW_LABEL.match(cells[0])
            scrap = scrap_level is not None and 0 < len(cells[0]) <= OCR_SCRAP_MAX_CHARS
            if (label or scrap) and len(filled) > 1:
                if any(HEADER_CELL.match(c) for c in filled[1:]):
                    continue  # "Axe | Fiche | Échéance | Financement": a header row, not an axis
                level = _table_level(label["level"]) if label else scrap_level
                for text in filled[1:]:
                    text = _clean_item(text)
                    if reads_as_objective(text):
                        table_items.append(_Item(level, text, theme, None, page, cells_block, "plan_table"))
                continue
            opening = LEVEL_LABEL.match(filled[0])
            if opening and len(filled) == 1:
                level = _table_level(opening["level"])
                for text in _bullets(opening["rest"]):
                    if reads_as_objective(text):
                        table_items.append(_Item(level, text, theme, None, page, cells_block, "plan_table"))
        if theme is None and cells_block is not None:
            theme = theme_of.get((page.number, id(cells_block)))
        for item in table_items:
            if item.theme is None:
                item.theme = theme
        items.extend(table_items)
    return items, last


def _table_level(word: str) -> Level:
    word = fold(word)
    if word.startswith(("enjeu", "axe", "orientation", "priorite", "thematique")):
        return Level.ENJEU
    if word.startswith(("action", "piste", "fiche", "chantier")):
        return Level.ACTION
    return Level.OBJECTIF


# --- lists under theme headings ----------------------------------------------------------------------

def _plan_item(text: str, theme: Theme | None) -> tuple[str, Theme | None, str | None] | None:
    """An item of a plan list, as (objective, theme, field as written): "La petite enfance, avec
    l'objectif d'ouvrir une crèche" -> ("ouvrir une crèche", petite_enfance, "La petite enfance")."""
    candidate = _clean_item(text)
    fielded = split_field(candidate)
    if fielded:
        field, rest = fielded
        return (rest, themes_in(field)[0], field) if reads_as_aim(rest) else None
    if 3 < len(candidate) <= MAX_ITEM_CHARS and reads_as_objective(candidate):
        return candidate, theme, None
    return None


def _labelled_items(page: Page, block: Block, theme: Theme | None) -> list[_Item]:
    """"Objectif 1 : ..." lines of a block; "Axe 2 : <objective>" gives an enjeu and its theme."""
    items = []
    for match in LABELLED_ITEM.finditer(ORDINAL_LABEL_BREAK.sub("\n", RUN_IN_LABEL.sub("\n", block.text))):
        level = _table_level(match["level"])
        text = _clean_item(match["text"])
        if (level is Level.ENJEU and is_theme_label(text)) or match["text"].rstrip().endswith(":"):
            continue  # "Axe 1 : Petite enfance" is a heading, "Axe 3 : ... prévoit de :" an introduction
        head = ITEM_HEAD.match(text)
        field = head is not None and is_theme_label(head["head"])
        if field:
            # "Axe 1 – Petite enfance : développer l'offre ...": the field, then the objective.
            text = _clean_item(head["rest"])
        # After its label, as after a field, an article and a noun of action read as an objective:
        # "Premier chantier : la création d'une crèche".
        if not (reads_as_objective(text, after_field=True)
                or (level is Level.ENJEU and ENJEU_PHRASE.match(text) and not is_theme_label(text))):
            continue
        if field:
            item_theme = themes_in(head["head"])[0]
        else:
            item_theme = (themes_in(text) or [theme])[0] if level is Level.ENJEU and not head else theme
        items.append(_Item(level, text, item_theme or (themes_in(text) or [None])[0], None, page, block,
                           "labelled_item"))
    return items


def _intro_then_items(text: str) -> list[str]:
    """A block's text, or its introduction ("... s'engagent à :") and the items after it."""
    first, _, rest = text.partition("\n")
    items = rest.strip()
    # Not a heading over a level label: "ANIMATION DE LA VIE SOCIALE :\nEnjeux :" introduces what follows.
    if first.rstrip().endswith(":") and items and not items.endswith(":"):
        return [first.strip(), items]
    return [text]


def _from_lists(doc: Document, headings: list[ThemeHeading]) -> list[_Item]:
    by_block = {(h.page.number, h.index): h for h in headings}
    generic = generic_blocks(doc)
    body = body_size(doc)
    items: list[_Item] = []
    current: ThemeHeading | None = None
    level: Level | None = None
    excluded = False
    labelled = False  # inside "Enjeux :": plain lines are items too
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if (page.number, index) in generic:
                current = None
                continue
            if block.table is not None:
                continue
            heading = by_block.get((page.number, index))
            if heading is not None:
                current, level, excluded, labelled = heading, _level_of(heading.label), False, False
                continue
            text = block.text.strip()
            labelled_lines = _labelled_items(page, block, current.themes[0] if current and current.themes else None)
            if labelled_lines:
                items.extend(labelled_lines)
                continue
            # An introduction and its items in one block (OCR lost the bullets and the spacing):
            # "les signataires s'engagent à :\nAméliorer les partenariats ..." reads as two.
            for text in _intro_then_items(text):
                if LEVEL_HEADING.match(text):
                    # Inside a theme's section it sets the level ("Enjeux :"); alone it opens a list.
                    current = current or ThemeHeading(page, index, block, text, (), "level_heading")
                    level, excluded, labelled = _level_of(text), False, True
                    continue
                if current is None:
                    # A list announced as the plan ("la CTG s'articule autour de quatre axes :") opens
                    # a scope of its own, whose items name their field.
                    if text.endswith(":") and PLAN_INTRO.search(text) and not _excluded(text) and len(text) < 300:
                        current = ThemeHeading(page, index, block, text, (), "plan_intro")
                        level, excluded, labelled = _level_of(text), False, True
                    continue
                label = LEVEL_LABEL.match(text)
                if label and len(label["rest"]) < 3:
                    level, excluded, labelled = _table_level(label["level"]), False, True
                    continue
                bullet = bool(BULLET.match(text))
                if not bullet and not text.endswith(":") and is_heading(block, body):
                    current = None  # another section begins
                    continue
                if bullet or labelled:
                    candidates = [line for line in text.split("\n") if line.strip()]
                    parsed = [_plan_item(line, current.themes[0] if current.themes else None) for line in candidates]
                    if current.rule == "plan_intro":
                        # Without a theme heading, only items naming their field are the territory's
                        # plan; "Les enjeux d'une CTG : Territorialiser l'offre..." describes CTGs in general.
                        parsed = [p if p and p[2] else None for p in parsed]
                    if bullet or all(parsed):
                        if not excluded:
                            for found in parsed:
                                if found:
                                    objective, theme, field = found
                                    items.append(_Item(level or Level.OBJECTIF, objective, theme, field, page, block,
                                                       "plan_list_item" if field else "list_under_theme"))
                        continue
                    labelled = False  # prose after the labelled list: the list is over
                    if not current.themes:
                        current = None
                        continue
                if text.endswith(":"):
                    # An introduction: "trois enjeux se montrent majeurs :", "La Ctg prévoit de :";
                    # its items follow, bulleted or not (an OCR'd list may have lost its bullets).
                    level = _level_of(text) or level
                    excluded, labelled = _excluded(text), True
                    continue
                if len(text) > MAX_ITEM_CHARS:
                    current = None
    return items


# --- action trees on slides ----------------------------------------------------------------------------

def _from_trees(page: Page) -> list[_Item]:
    # The header cells of a ruled plan table are no tree's labels: tables are read as tables.
    labels = [(TREE_LABELS[fold(b.text).strip()], b) for b in page.blocks
              if b.table is None and fold(b.text).strip() in TREE_LABELS]
    levels = {level for level, _ in labels}
    if levels != {Level.ENJEU, Level.OBJECTIF, Level.ACTION}:
        return []
    columns = sorted(((b.bbox.center_x, level) for level, b in labels))
    label_blocks = {id(b) for _, b in labels}
    top = min(b.bbox.y0 for _, b in labels)
    bottom = max(b.bbox.y1 for _, b in labels)
    boxes: dict[Level, list[Block]] = {Level.ENJEU: [], Level.OBJECTIF: [], Level.ACTION: []}
    span = (columns[-1][0] - columns[0][0]) / max(len(columns) - 1, 1)
    for block in page.blocks:
        if id(block) in label_blocks or not reads_as_objective(block.text):
            continue
        # Boxes lie on the other side of the label row from the slide's title.
        if not (block.bbox.y0 >= bottom - 1 or block.bbox.y1 <= top + 1):
            continue
        x, level = min(columns, key=lambda c: abs(c[0] - block.bbox.center_x))
        if abs(x - block.bbox.center_x) <= 0.6 * span:
            boxes[level].append(block)
    if not boxes[Level.ENJEU] or not boxes[Level.OBJECTIF]:
        return []

    def nearest(block: Block, candidates: list[Block]) -> Block:
        return min(candidates, key=lambda c: abs(c.bbox.center_y - block.bbox.center_y))

    items = []
    for axis in boxes[Level.ENJEU]:
        if is_theme_label(axis.text):
            continue  # an axis that only names its field ("Petite enfance") is a theme, not an enjeu
        theme = (themes_in(axis.text) or [None])[0]
        items.append(_Item(Level.ENJEU, _clean_item(axis.text), theme, None, page, axis, "action_tree"))
    for objective in boxes[Level.OBJECTIF]:
        axis = nearest(objective, boxes[Level.ENJEU])
        theme = (themes_in(axis.text) or [None])[0]
        items.append(_Item(Level.OBJECTIF, _clean_item(objective.text), theme, _clean_item(axis.text), page,
                           objective, "action_tree"))
    for action in boxes[Level.ACTION]:
        objective = nearest(action, boxes[Level.OBJECTIF])
        axis = nearest(objective, boxes[Level.ENJEU])
        theme = (themes_in(axis.text) or [None])[0]
        items.append(_Item(Level.ACTION, _clean_item(action.text), theme, _clean_item(objective.text), page,
                           action, "action_tree"))
    return items


def extract_objectives(doc: Document) -> list[Objective]:
    headings = heading_themes(doc)
    theme_of: dict = {}
    for heading in sorted(headings, key=lambda h: (h.page.number, h.index)):
        # A theme heading governs the blocks after it on its page (plan tables included), up to
        # the next heading.
        for block in heading.page.blocks[heading.index:]:
            theme_of[(heading.page.number, id(block))] = heading.themes[0]
    items: list[_Item] = []
    carried = None
    for page in doc.pages:
        found, carried = _from_tables(page, theme_of, carried)
        items.extend(found)
        items.extend(_from_trees(page))
    items.extend(_from_lists(doc, headings))
    seen: set[str] = set()
    objectives = []
    # What the structure read wins: prose repeats a plan list's items with their field ("Parentalité :
    # créer un lieu ..." where the list gave "créer un lieu ...").
    structural = [fold_key(item.text) for item in items]
    prose = [o for o in to_objectives(doc, prose_objectives(doc))
             if not any(key in fold_key(o.text) or fold_key(o.text) in key for key in structural)]
    for item in items:
        key = fold_key(item.text)
        if key in seen:
            continue
        seen.add(key)
        objectives.append(Objective(doc_id=doc.doc_id, page=item.page.number, rule=item.rule,
                                    snippet=item.text, bbox=item.block.bbox.as_tuple(), theme=item.theme,
                                    level=item.level, text=item.text, parent_text=item.parent))
    for objective in prose:
        if fold_key(objective.text) not in seen:
            seen.add(fold_key(objective.text))
            objectives.append(objective)
    return objectives
