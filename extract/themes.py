"""The territory's own axes, mapped to the theme vocabulary.

Themes come from three places:

- the document's structure: axis headings ("Axe 1 : Petite-enfance"), plan titles ("PLAN
  D'ACTION PARENTALITÉ"), diagnostic slide titles ("A retenir sur la Petite Enfance"), headings
  that are nothing but a field's name ("PARENTALITE :", "Enfance jeunesse :"), the axes of action
  trees;
- enumerations of fields in running text about this CTG: "elle porte sur quatre axes : la
  petite enfance, ...", "dans les domaines de la jeunesse, du logement et de l'accès aux droits",
  "en faveur de la parentalité et du logement", a list after "autour de trois thématiques :";
- the fields named by the territory's own objectives ("étoffer l'accompagnement à la
  parentalité").

What is said of CTGs in general ("une CTG peut couvrir ...", "la CTG porte sur tous les
champs d'action de la Caf : ...", a "Qu'est-ce que la CTG ?" section) gives no theme
(``extract.scope``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.normalize import (
    clean,
    fold,
    fold_aligned,
    fold_key,
    is_theme_label,
    parse_number_words,
    theme_mentions,
    themes_in,
)
from extract.plan_prose import axis_heading, excluded_intro, plan_heading, plan_sections
# body_size, generic_blocks and is_heading are imported by objectives and figures from here too.
from extract.scope import (  # noqa: F401
    HEADING_MAX_CHARS,
    Scope,
    Statement,
    body_size,
    field_led,
    generic_blocks,
    is_heading,
    statements,
)
from extract.text import once_per_document, phrase_pattern
from models.document import Block, Document, Page
from models.objectives import Level, Objective
from models.themes import Theme, ThemeRecord

# An axis heading: "Axe 1 : Petite-enfance", "AXE 3 – Enfance jeunesse", "Orientation n°3 :
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
# A heading or title led by fields, then about the CTG: "Enfance et parentalité : une CTG
# pour 2025-2029", "Parentalité – la nouvelle convention signée".
LABEL_LEAD = re.compile(r"^\s*(?P<label>[^:–—|]{3,80}?)\s*[:–—|]\s*(?P<rest>\S.*)$")
# At most this many words before a colon name the field leading a part of an inline list.
INLINE_HEAD_WORDS = 6
# Rules of objectives read in running text (extract.plan_prose) or on labelled lines ("Objectif 1.1 :
# adapter les horaires des structures petite enfance"), whose fields are themes.
FIELD_NAMING_RULES = ("intro_list", "inline_list", "clauses", "projects_listed", "planned_item", "labelled_item", "lead_infinitive")
# A list item opening with its field: "• Petite enfance : augmenter ...", "- La jeunesse, avec ...".
ITEM_FIELD = re.compile(r"^\s*(?:[•●▪◦‣*–—-]\s*)?(?P<head>[^,:–—;]{3,60}?)\s*(?:,|:|\s[–—]\s)")
# The CTG itself, named in such a heading's rest.
CTG_NAMED = re.compile(r"\b(?:ctg|convention)", re.IGNORECASE)
# A sentence that announces its axes, then sets each apart as a line of its own: "La Ville et la Caf
# ont choisi de concentrer leur convention sur quatre volets." then "1. L'accueil du jeune enfant",
# "2. Les loisirs des 3-11 ans"... (the count in words or digits).
ANNOUNCED_PARTS = re.compile(r"\b(?P<count>\d|deux|trois|quatre|cinq|six|sept)\s+(?:grands\s+|grandes\s+)?"
                             r"(?:axes|volets|orientations|priorit[ée]s|chantiers|th[ée]matiques|domaines|champs|th[èe]mes)"
                             r"(?:\s+(?:prioritaires|principaux|principales|strat[ée]giques))?\s*[.:]?\s*$",
                             re.IGNORECASE)
# Such a line is short, with no full stop.
ANNOUNCED_LINE_MAX_WORDS = 10


@dataclass(frozen=True)
class ThemeHeading:
    page: Page
    index: int              # position of the block in the page's reading order
    block: Block
    label: str              # the heading as written
    themes: tuple[Theme, ...]
    rule: str


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


@dataclass(frozen=True)
class ProseThemes:
    statement: Statement
    label: str                 # the enumeration as written, from its cue on
    themes: tuple[Theme, ...]
    rule: str


def _blank(text: str, pattern: re.Pattern) -> str:
    """``text`` with the phrases of ``pattern`` (matched on its folded form) turned into spaces."""
    chars = list(text)
    for match in pattern.finditer(fold_aligned(text)):
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


@dataclass(frozen=True)
class _ProseCues:
    enumeration: re.Pattern      # opens an enumeration of fields: "dans les domaines de", "axes"
    boilerplate: re.Pattern      # the national template's phrases, blanked before reading
    topic: re.Pattern            # a CTG, a plan or its axes
    axis_predicate: re.Pattern   # "constitue le second axe", "demeure la priorité"
    weak: frozenset              # folded words (facilities' names too) that name a field only inside an enumeration


@lru_cache(maxsize=1)
def _prose_cues() -> _ProseCues:
    data = lexicon.themes()["prose"]
    return _ProseCues(phrase_pattern(data["enumeration_cues"]), phrase_pattern(data["boilerplate"]),
                      phrase_pattern(data["topic_words"]), phrase_pattern(data["axis_predicates"]),
                      frozenset(fold(w) for w in data["weak"] + data["facilities"]))


def _item_field(item: str) -> str | None:
    """The field a list item opens with ("• Petite enfance : augmenter ..." -> "Petite enfance"),
    or the whole item when it is a field's name ("– de l'accès aux droits.")."""
    match = ITEM_FIELD.match(item)
    if match and is_theme_label(match["head"]):
        return match["head"]
    whole = re.sub(r"^\s*(?:[•●▪◦‣*–—-]\s*)?", "", item).strip(" .;,")
    return whole if is_theme_label(whole) else None


def _inline_heads(text: str) -> list[str]:
    """The fields leading the parts of an inline list, each part "field : objective": "... retient
    les axes suivants : petite enfance : conforter ... ; jeunesse : créer ..." -> ["petite
    enfance", "jeunesse"]. A field is the longest run of words before a colon that names fields
    only (a scan may have lost the ";" before it)."""
    heads = []
    for colon in re.finditer(r":", text):
        words = re.split(r"[;:.]", text[:colon.start()])[-1].split()
        for size in range(min(INLINE_HEAD_WORDS, len(words)), 0, -1):
            candidate = " ".join(words[-size:])
            if is_theme_label(candidate):
                heads.append(candidate)
                break
    return heads


def _announced_line(text: str) -> bool:
    """A line set apart for an announced axis: short, with no full stop ("1. L'accueil du jeune
    enfant", "• Le soutien aux parents")."""
    return len(text.split()) <= ANNOUNCED_LINE_MAX_WORDS and not text.rstrip().endswith((".", ";", ","))


def prose_themes(doc: Document) -> list[ProseThemes]:
    """Fields enumerated in the document's running text about this CTG (see the module docstring).
    An enumeration follows a cue ("dans les domaines de", "axes", "en faveur de") and names at
    least two fields, one of them by its full name; without a cue it must name three such fields.
    Weak words ("enfants", "parents", "jeunes") and the names of facilities ("accueils de loisirs",
    "centres sociaux") count only inside an enumeration. A statement that
    does not point at this CTG must at least speak of a CTG, a plan or its axes: "des associations
    qui agissent en faveur de la jeunesse et du logement" lists no axes."""
    cues = _prose_cues()
    cue_pattern, boilerplate, topic, weak, axis_predicate = (cues.enumeration, cues.boilerplate, cues.topic, cues.weak,
                                                              cues.axis_predicate)
    found = []
    announced = 0  # lines still to read after a sentence announcing that many axes
    for statement, in_plan in zip(statements(doc), plan_sections(doc)):
        if statement.scope is Scope.GENERIC:
            announced = 0
            continue
        if announced and not statement.items and _announced_line(statement.text):
            # "• Les jeunes vers l'autonomie": the axis named by the line, weak words included.
            announced -= 1
            themes = tuple(t for t in themes_in(statement.text) if t is not Theme.AUTRE)
            if themes:
                found.append(ProseThemes(statement, clean(statement.text), themes, "announced_axis"))
            continue
        count = ANNOUNCED_PARTS.search(statement.text) if statement.scope is Scope.OWN and not statement.items else None
        if count:
            announced = int(count["count"]) if count["count"].isdigit() else parse_number_words(count["count"]) or 0
        if in_plan and statement.heading and not statement.items and axis_heading(statement) \
                and not plan_heading(statement):
            # An axis heading under the plan's heading: "Accompagner les parents", "Le handicap,
            # une priorité transversale" (weak words count: the heading names the axis).
            themes = tuple(t for t in themes_in(statement.text) if t is not Theme.AUTRE)
            if themes:
                found.append(ProseThemes(statement, clean(statement.text), themes, "axis_heading"))
            continue
        text = _blank(statement.full_text, boilerplate)
        predicate = axis_predicate.search(fold_aligned(statement.text))
        if predicate and not statement.items:
            # "La jeunesse constitue le second axe", "L'accueil du jeune enfant demeure la priorité":
            # the fields before the predicate, weak words included, are axes.
            named = [t for start, _, t in theme_mentions(statement.text[:predicate.end()]) if t is not Theme.AUTRE]
            if named:
                found.append(ProseThemes(statement, clean(statement.text[:predicate.end()]),
                                         tuple(dict.fromkeys(named)), "field_as_axis"))
                continue
        if statement.scope is Scope.NEUTRAL and not topic.search(fold_aligned(text)):
            continue
        lead = LABEL_LEAD.match(statement.text)
        if lead and is_theme_label(lead["label"]) and CTG_NAMED.search(lead["rest"]):
            themes = tuple(t for t in themes_in(lead["label"]) if t is not Theme.AUTRE)
            found.append(ProseThemes(statement, clean(lead["label"]), themes, "title_fields"))
            continue
        if statement.items and excluded_intro(statement.text):
            continue  # a diagnostic's findings, the parties' engagements
        if statement.items and (AXIS_HEADING.match(clean(statement.text)) or field_led(statement.text)
                                or is_theme_label(statement.text)):
            continue  # "Axe 2 – Jeunesse" and its objectives: the heading gives the theme (heading_themes)
        heads = _inline_heads(statement.full_text)
        if len(heads) >= 2:
            themes = tuple(dict.fromkeys(t for head in heads for t in themes_in(head) if t is not Theme.AUTRE))
            found.append(ProseThemes(statement, "; ".join(heads), themes, "fields_listed"))
            continue
        fields = [_item_field(item) for item in statement.items]
        heads = [head for head in fields if head]
        if len(heads) >= 2:
            # A list whose items open with their field ("• Petite enfance : augmenter ..."): the
            # fields are the heads; the objectives after them name other things in passing. An item
            # without a field may still name one in full ("la vie sociale de nos bourgs").
            named = [t for item, head in zip(statement.items, fields) if head is None
                     for start, end, t in theme_mentions(item) if fold(item[start:end]) not in weak]
            themes = tuple(dict.fromkeys([t for head in heads for t in themes_in(head)] + named))
            themes = tuple(t for t in themes if t is not Theme.AUTRE)
            found.append(ProseThemes(statement, "; ".join(clean(h) for h in heads), themes, "fields_listed"))
            continue
        mentions = [(start, end, theme) for start, end, theme in theme_mentions(text) if theme is not Theme.AUTRE]
        if len(mentions) < 2:
            continue
        cue = cue_pattern.search(fold_aligned(text))
        if cue and len([m for m in mentions if m[0] >= cue.start()]) >= 2:
            # The enumeration after its cue; a cue after the fields ("... figurent parmi les priorités")
            # keeps them all.
            mentions = [m for m in mentions if m[0] >= cue.start()]
        strong = {theme for start, end, theme in mentions if fold(text[start:end]) not in weak}
        distinct = {theme for _, _, theme in mentions}
        if (cue and strong and len(distinct) >= 2) or len(strong) >= 3:
            start = min(cue.start(), mentions[0][0]) if cue else mentions[0][0]
            ordered = tuple(dict.fromkeys(theme for _, _, theme in mentions))
            found.append(ProseThemes(statement, clean(text[start:mentions[-1][1]]), ordered,
                                     "fields_listed" if cue else "fields_named"))
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
    for enumeration in prose_themes(doc):
        statement = enumeration.statement
        for theme in enumeration.themes:
            rows.setdefault((theme, fold_key(enumeration.label)), ThemeRecord(
                doc_id=doc.doc_id, page=statement.page.number, rule=enumeration.rule,
                snippet=statement.full_text[:300], bbox=statement.block.bbox.as_tuple(), theme=theme,
                label=enumeration.label[:300]))
    for objective in objectives:
        if objective.rule in FIELD_NAMING_RULES:
            # The territory's own objectives name its fields: "étoffer l'accompagnement à la
            # parentalité", and so does the facility an objective works on ("ouvrir une crèche"), as
            # readers of real CTG texts count it (a weak word, though, only when nothing stronger does).
            cues = _prose_cues()
            mentions = [(fold(objective.text[start:end]), t) for start, end, t in theme_mentions(objective.text)]
            # A weak word counts when nothing stronger names the field: "les jeunes" in "prévenir les
            # conduites à risque des jeunes", not "enfants" in "places pour les enfants de moins de 3 ans".
            strong = [t for word, t in mentions if word not in cues.weak]
            named = strong or [t for _, t in mentions]
            for theme in dict.fromkeys(named):
                if theme is not Theme.AUTRE:
                    rows.setdefault((theme, fold_key(objective.text)), ThemeRecord(
                        doc_id=doc.doc_id, page=objective.page, rule="objective_field", snippet=objective.snippet,
                        bbox=objective.bbox, theme=theme, label=objective.text[:300]))
            continue
        if objective.level is Level.ENJEU and objective.rule == "action_tree":
            label, rule = objective.text, "action_tree_axis"
        elif objective.rule == "plan_list_item" and objective.parent_text:
            label, rule = objective.parent_text, "plan_list_field"  # "La petite enfance, avec ..."
        elif objective.rule in ("action_tree", "plan_table_column") and objective.level is not Level.ENJEU \
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
