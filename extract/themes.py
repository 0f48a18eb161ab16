"""The territory's own axes, mapped to the theme vocabulary.

Themes come from the document's structure, never from prose: axis headings ("Axe 1 :
Petite-enfance"), plan titles ("PLAN D'ACTION PARENTALITÉ"), diagnostic slide titles ("A
retenir sur la Petite Enfance"), headings that are nothing but a field's name ("PARENTALITE :",
"Enfance jeunesse :"), and the axes of action trees. A sentence listing what CTGs may cover in
general ("Tous les champs d'intervention peuvent être mobilisés : petite enfance, ...") is not a
theme, and sections describing CTGs in general are skipped.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from extract import lexicon
from extract.normalize import clean, fold, fold_key, is_theme_label, themes_in
from extract.text import once_per_document
from models.document import Block, Document, Page
from models.objectives import Level, Objective
from models.themes import Theme, ThemeRecord

# An axis heading: "Axe 1 : Petite-enfance", "AXE 2 – Enfance jeunesse", "Orientation n°3 :
# Parentalité", "Thématique : Accès aux droits".
AXIS_HEADING = re.compile(
    r"""^\s*(?:axe|orientation|priorit[ée]|th[ée]matique|volet|champ\s+d['’]intervention|domaine)\s*
        (?:strat[ée]gique\s*)?(?:n[°o]\s*)?(?:\d{1,2}|[IVX]{1,4})?\s*[:.–\-)]\s*(?P<label>\S.{1,120})$""",
    re.IGNORECASE | re.VERBOSE,
)
# A plan's title: "PLAN D'ACTION PARENTALITÉ", "Plan d'actions - Petite enfance", "Fiches actions Jeunesse".
PLAN_HEADING = re.compile(r"^\s*(?:plan\s+d['’]actions?|fiches?[- ]actions?)\b\s*[:–\-]?\s*(?P<label>.{0,120})$",
                          re.IGNORECASE)
# A diagnostic slide's title: "A retenir sur la Petite Enfance", "Analyse de l'offre Handicap".
DIAGNOSTIC_HEADING = re.compile(
    r"""^\s*(?:[àa]\s+retenir\s+sur|analyse\s+de\s+l['’]offre|analyse\s+des\s+besoins|zoom\s+sur|focus\s+sur)\s*
        (?:(?:la|le|les)\s+|l['’]\s*)?(?P<label>\S.{1,80})$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading ends with these, or is written in capitals, or stands out by size or weight.
HEADING_MAX_CHARS = 90
# A sentence announcing the territory's axes, then listing them: "la convention s'articule autour
# de quatre axes : la petite enfance, l'enfance-jeunesse, la parentalité et l'animation de la vie
# sociale."
INLINE_AXES = re.compile(
    r"\b(?:axes|priorit[ée]s|orientations|th[ée]matiques|champs\s+d['’]action)\b[^.:;]{0,40}:\s*(?P<list>[^.;\n]{5,300})",
    re.IGNORECASE,
)
# Words that make such a sentence about CTGs in general: "peut couvrir l'ensemble des champs".
GENERIC_SENTENCE = re.compile(r"\b(?:peut|peuvent|pourra|pourront|pourrait|l['’]ensemble\s+des|tous\s+les|toutes\s+les"
                              r"|en\s+g[ée]n[ée]ral|de\s+mani[èe]re\s+g[ée]n[ée]rale|branche\s+famille)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ThemeHeading:
    page: Page
    index: int              # position of the block in the page's reading order
    block: Block
    label: str              # the heading as written
    themes: tuple[Theme, ...]
    rule: str


@once_per_document
def generic_blocks(doc: Document) -> set[tuple[int, int]]:
    """(page number, block index) of the sections that describe CTGs in general ("Qu'est-ce
    qu'une CTG ?", "n'est pas un dispositif financier"): their headings and lists are not the
    territory's. A section runs from a heading to the next heading on its page; short labels
    after a sentence announcing a list ("Tous les champs peuvent être mobilisés :") are its items,
    not headings."""
    cues = [fold(c) for c in lexicon.themes()["generic_section_cues"]]
    body = body_size(doc)
    generic: set[tuple[int, int]] = set()
    for page in doc.pages:
        sections: list[list[int]] = [[]]
        listing = False
        for index, block in enumerate(page.blocks):
            text = block.text.strip()
            item = listing and len(text) <= 60
            if block.table is None and is_heading(block, body) and sections[-1] and not item:
                sections.append([])
            sections[-1].append(index)
            listing = item or text.endswith(":")
        for section in sections:
            if any(c in fold(page.blocks[i].text) for i in section for c in cues):
                generic.update((page.number, i) for i in section)
    return generic


@once_per_document
def body_size(doc: Document) -> float:
    sizes = [b.size for _, b in doc.blocks() if b.size and len(b.text) > 80]
    return statistics.median(sizes) if sizes else 11.0


def is_heading(block: Block, body: float) -> bool:
    text = block.text.strip()
    if not text or len(text) > HEADING_MAX_CHARS or "\n" in text:
        return False
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    # A short label closed by a colon ("PARENTALITE :"); a longer one introduces a list.
    return block.bold or block.size >= 1.15 * body or shouting or (text.endswith(":") and len(text) <= 40)


@once_per_document
def heading_themes(doc: Document) -> list[ThemeHeading]:
    """Every heading of the document that names one or more of the territory's fields."""
    generic = generic_blocks(doc)
    body = body_size(doc)
    found: list[ThemeHeading] = []
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if (page.number, index) in generic:
                continue
            text = clean(block.text)
            if block.table is not None:
                # In a table, only a plan's title row counts ("PLAN D'ACTION PARENTALITÉ").
                match = PLAN_HEADING.match(text)
                if match and themes_in(match["label"]):
                    found.append(ThemeHeading(page, index, block, text, tuple(themes_in(match["label"])), "plan_title"))
                continue
            explicit = len(text) <= HEADING_MAX_CHARS and any(
                p.match(text) for p in (AXIS_HEADING, PLAN_HEADING, DIAGNOSTIC_HEADING))
            if not explicit and not is_heading(block, body):
                continue
            for pattern, rule in ((AXIS_HEADING, "axis_heading"), (PLAN_HEADING, "plan_title"),
                                  (DIAGNOSTIC_HEADING, "diagnostic_title")):
                match = pattern.match(text)
                if match:
                    label = match["label"] or _next_text(page, index)
                    themes = themes_in(label) if label and is_theme_label(label) else ()
                    if themes:
                        found.append(ThemeHeading(page, index, block, text, tuple(themes), rule))
                    break
            else:
                if is_theme_label(text) and not _continues_label(page, block):
                    found.append(ThemeHeading(page, index, block, text, tuple(themes_in(text)), "theme_heading"))
    return found


def _continues_label(page: Page, block: Block) -> bool:
    """Whether ``block`` is the end of a label broken over two blocks ("ALLOCATION AU" /
    "LOGEMENT"): a block right above it, in the same type, unfinished, that it would complete.
    A list item above a heading is no start of it."""
    for other in page.blocks:
        if other is block or other.bbox.x_overlap(block.bbox) < 0.3 * min(other.bbox.width, block.bbox.width):
            continue
        if other.bold != block.bold or abs(other.size - block.size) > 0.1 * max(block.size, 1):
            continue
        gap = block.bbox.y0 - other.bbox.y1
        if -2 <= gap < 0.8 * max(block.size, 6) and not re.search(r"[.:;!?)]\s*$", other.text):
            return True
    return False


def inline_axes(doc: Document) -> list[tuple[Page, Block, str, tuple[Theme, ...]]]:
    """Axes listed in a sentence, each item a field's name: (page, block, item, themes)."""
    generic = generic_blocks(doc)
    found = []
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if (page.number, index) in generic:
                continue
            for match in INLINE_AXES.finditer(block.text):
                left = block.text.rfind(".", 0, match.start()) + 1
                if GENERIC_SENTENCE.search(block.text[left:match.end()]):
                    continue
                items = [i.strip() for i in re.split(r",\s*|\s+et\s+", match["list"]) if i.strip()]
                if len(items) >= 2 and all(is_theme_label(i) for i in items):
                    found.extend((page, block, clean(i), tuple(themes_in(i))) for i in items)
    return found


def _axis_label(text: str) -> str:
    """"Axe 4 – Accès aux droits" -> "Accès aux droits"; other texts as they are."""
    match = AXIS_HEADING.match(clean(text))
    return match["label"] if match else text


def _next_text(page: Page, index: int) -> str:
    """"PLAN D'ACTION" alone: its theme is in the next block ("ANIMATION DE LA VIE SOCIALE")."""
    return page.blocks[index + 1].text if index + 1 < len(page.blocks) else ""


def extract_themes(doc: Document, objectives: list[Objective] = ()) -> list[ThemeRecord]:
    """Theme rows from headings, and from the axes of action trees found among ``objectives``."""
    rows: dict[tuple[Theme, str], ThemeRecord] = {}
    for heading in heading_themes(doc):
        for theme in heading.themes:
            key = (theme, fold_key(heading.label))
            rows.setdefault(key, ThemeRecord(doc_id=doc.doc_id, page=heading.page.number, rule=heading.rule,
                                             snippet=heading.label, bbox=heading.block.bbox.as_tuple(),
                                             theme=theme, label=heading.label))
    for page, block, label, themes in inline_axes(doc):
        for theme in themes:
            rows.setdefault((theme, fold_key(label)), ThemeRecord(
                doc_id=doc.doc_id, page=page.number, rule="axes_listed", snippet=block.text[:300],
                bbox=block.bbox.as_tuple(), theme=theme, label=label))
    for objective in objectives:
        if objective.level is Level.ENJEU and objective.rule == "action_tree":
            label, rule = objective.text, "action_tree_axis"
        elif objective.rule == "plan_list_item" and objective.parent_text:
            label, rule = objective.parent_text, "plan_list_field"  # "La petite enfance, avec ..."
        elif objective.rule in ("action_tree", "plan_table_column") and objective.level is Level.OBJECTIF \
                and objective.parent_text and is_theme_label(_axis_label(objective.parent_text)):
            # The axis box or cell: "Petite enfance", "Axe 4 – Accès aux droits et inclusion numérique".
            label, rule = objective.parent_text, "plan_axis"
        else:
            continue
        for theme in themes_in(label):
            rows.setdefault((theme, fold_key(label)), ThemeRecord(
                doc_id=doc.doc_id, page=objective.page, rule=rule, snippet=objective.snippet,
                bbox=objective.bbox, theme=theme, label=label))
    return list(rows.values())
