"""Whose CTG a passage speaks of: this territory's, or CTGs in general.

Real texts about one territory's CTG also explain what a CTG is: "Une CTG peut réunir la Caf
et une intercommunalité", "La CTG s'étend à l'ensemble des domaines où intervient la Caf :
...", "Qu'est-ce que la CTG ?". Lists in such passages are not the territory's themes or
objectives. This module cuts a document into statements (a sentence, or an introduction ending
with ":" and the list items after it) and gives each a scope:

- GENERIC: a section about CTGs in general (``generic_blocks``), or a sentence with a modal
  ("peut", "pourront"), an indefinite or plural CTG ("une CTG", "les CTG"), all fields at once
  ("l'ensemble des domaines", "tous les champs") or the Caf network ("les Caf", "la branche
  famille"), and nothing pointing at this CTG;
- OWN: a sentence pointing at this CTG ("cette convention", "la nouvelle CTG", "notre
  territoire", "ont signé");
- NEUTRAL: neither. A sentence opening with a pronoun ("Elle vise à ...") or with the CTG named
  by a definite article ("La convention vise à ...") takes the scope of the one before it.

Cue phrases are data (``resources/scope.json``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import fold, is_theme_label, mostly_capitals
from extract.text import SENTENCE_END, once_per_document, phrase_pattern
from models.document import Block, Document, Page

# A heading ends with these, or is written in capitals, or stands out by size or weight.
HEADING_MAX_CHARS = 90
# A sentence opening with a pronoun that refers to the sentence before: "Elle vise à ...",
# "Celle-ci porte sur ...", "Il s'agit de ...".
ANAPHORA = re.compile(r"^\s*(?:elle|il|celle-ci|celui-ci|ce\s+dispositif|cette\s+derni[eè]re|ses|son|sa)\b",
                      re.IGNORECASE)
# A sentence whose subject is the CTG named with a definite article, as a story names the one it
# tells of: "La convention vise à ...", "Le document prévoit ..."; it takes the scope of the sentence
# before, as a pronoun does. Not a definition ("La CTG est une démarche ...", "La convention
# territoriale globale constitue ..."), which any page about CTGs opens with.
DEFINITE_CTG = re.compile(r"""^\s*(?:la\s+(?:ctg|convention(?:\s+territoriale\s+globale)?(?:\s*\(ctg\))?)|le\s+(?:document|texte))\b
                              (?!\s*,)(?!\s+(?:est|constitue|d[ée]signe|se\s+d[ée]finit|repr[ée]sente|s['’]inscrit)\b)""",
                          re.IGNORECASE | re.VERBOSE)
# The CTG of a place, set against CTGs in general: "Une CTG vise à ... Celle du pays de Fougères met
# l'accent sur ...", "Celle de la Ville porte sur ..." (a demonstrative and a proper name).
THIS_ONE = re.compile(r"^\W*(?:celle|celui)\s+(?:de|du|des|d['’])\s*[^,.;:]{0,40}?(?-i:[A-ZÀ-Ý])", re.IGNORECASE)
# A negation right before a modal: "on ne peut pas se contenter de ..." says what must be done, not
# what CTGs may do (folded text, up to the modal).
NEGATED = re.compile(r"\b(?:ne|n')\s*(?:\w+\s+)?$")
# A definition of the CTG: "La CTG est une démarche ...", "La convention territoriale globale (CTG)
# constitue ...", "Une CTG, c'est ...".
DEFINITION = re.compile(r"""^\W*(?:la|une)\s+(?:ctg|convention\s+territoriale\s+globale)(?:\s*\(ctg\))?
                            \s*,?\s*(?:est|constitue|d[ée]signe|se\s+d[ée]finit|repr[ée]sente|c['’]est|signifie)\b""",
                        re.IGNORECASE | re.VERBOSE)
# Where a new clause of a run of clauses opens, capitalised after a comma: a deliberation's "...,
# Considérant que ...", "..., Vu ...".
CLAUSE_OPENING = re.compile(r"[,;]\s+(?=(?-i:[A-ZÀ-Ý])[a-zà-ÿ])")
# A list run into its paragraph after a colon: ": – la petite enfance : ... ; – la jeunesse : ...".
INLINE_DASH_LIST = re.compile(r":\s+[–—-]\s+(?=\S)")
ITEM_DASH = re.compile(r"\s*;\s+[–—-]\s+(?=\S)")
# The end of a list item without a bullet: "Favoriser l'accès à un mode d'accueil ;".
ITEM_END = re.compile(r"[;,]\s*$")
# A line led by a field (maybe numbered), then a dash or a colon: "Jeunesse – Offrir ...",
# "2 Parentalité : créer ...".
FIELD_LED = re.compile(r"^\s*(?:[•●▪◦‣*–—-]\s*)?(?:\d{1,2}[.)]?\s+)?(?P<field>[^:–—\n]{3,60}?)\s*(?::|\s[–—-]\s)\s*\S")
# A numbered label of the plan on its own line, which heads the bullets under it as a heading
# would: "Axe 1 – Grandir sur le territoire", "Orientation 2 : ...", "Priorité n°3 - ...".
PLAN_LABEL = re.compile(r"^\s*(?:axe|orientation|priorit[ée]|enjeu|objectif|ambition|fiche)\s*(?:n[°o]\s*)?[\dIVX]+\s*(?::|\s[–—-]\s)\s*\S",
                        re.IGNORECASE)
# An introduction that announces a list: "... autour de quatre axes :", "afin de :".
INTRO_END = re.compile(r":\s*$")
# A block that goes on with the sentence of the block before: it opens in lower case
# ("l'accueil des jeunes enfants. Dans ...") ...
CONTINUATION = re.compile(r"^[a-zà-ÿœ]")
# ... which ends without closing its sentence.
SENTENCE_CLOSED = re.compile(r"[.!?…:;»)\]\"”]\s*$")


class Scope(StrEnum):
    OWN = "own"
    GENERIC = "generic"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Statement:
    """A sentence of a block, or an introduction and the list items that follow it."""

    page: Page
    index: int          # the block's position in the page's reading order
    block: Block
    text: str           # the sentence (the introduction, for a list)
    items: tuple[str, ...]
    scope: Scope
    heading: bool = False  # the block is a heading ("Nos axes de travail", "Accueillir les tout-petits")

    @property
    def full_text(self) -> str:
        return " ".join((self.text, *self.items))


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    data = lexicon.scope()
    return {name: phrase_pattern(data[name]) for name in ("generic", "modal", "own", "other_plans")}


def scope_of(sentence: str) -> Scope:
    """The scope of one sentence, from its own words (see the module docstring)."""
    folded = fold(sentence)
    cues = _cues()
    if any(not NEGATED.search(folded, 0, m.start()) for m in cues["modal"].finditer(folded)):
        return Scope.GENERIC  # "peut s'étendre à d'autres champs", even said of this partnership
    if cues["own"].search(folded) or THIS_ONE.match(sentence):
        return Scope.OWN
    generic = [m.group() for m in cues["generic"].finditer(folded)]
    if generic and not (_other_plans_only(generic) and (DEFINITE_CTG.match(sentence) or ANAPHORA.match(sentence))):
        return Scope.GENERIC
    # "La CTG s'appuie sur le contrat de ville ...", "Elle s'articule avec le contrat de ville": the
    # CTG is the subject, the other plan its support.
    return Scope.NEUTRAL


def about_other_plan(sentence: str) -> bool:
    """Whether all that makes a sentence generic is another plan it names ("le contrat de ville
    2024-2030 ..."): what follows about the CTG is still about this one."""
    return _other_plans_only([m.group() for m in _cues()["generic"].finditer(fold(sentence))])


def _other_plans_only(generic: list[str]) -> bool:
    """Whether the generic cues found in a sentence are all other plans' names."""
    return bool(generic) and all(_cues()["other_plans"].fullmatch(g) for g in generic)


def split_sentences(text: str) -> list[str]:
    """The sentences of a block's text."""
    out, left = [], 0
    for match in SENTENCE_END.finditer(text):
        piece = text[left:match.start()].strip()
        if piece:
            out.append(piece)
        left = match.end()
    if text[left:].strip():
        out.append(text[left:].strip())
    return out


@once_per_document
def statements(doc: Document) -> list[Statement]:
    """Every statement of the document in reading order, tables left out (their cells are read
    by the plan-table code)."""
    generic = generic_blocks(doc)
    body = body_size(doc)
    out: list[Statement] = []
    previous = Scope.NEUTRAL
    for page, index, block, text in _paragraphs(doc):
        after_intro = out and (INTRO_END.search(out[-1].text) or (out[-1].items and ITEM_END.search(out[-1].items[-1])))
        labelled = out and PLAN_LABEL.match(out[-1].text) and BULLET.match(text)
        if labelled or out and (after_intro or out[-1].heading) and (BULLET.match(text) or field_led(text)
                                                         or (after_intro and ITEM_END.search(text) and len(text) < 300)):
            # A list under its introduction ("... autour de trois axes :"), its heading ("Nos
            # priorités") or its label ("Axe 1 – ..."), bulleted or with each item led by its
            # field ("Jeunesse – Offrir ...").
            last = out[-1]
            # A block may hold several items whose bullets a scan lost: one per line closed by ";".
            items = [item for item in re.split(r"(?<=;)\s*\n", text) if item.strip()]
            scope = last.scope
            clause = CLAUSE_OPENING.split(last.text)[-1]
            if scope is Scope.GENERIC and clause != last.text:
                # "Vu le PEDT 2023-2026 ..., Considérant qu'une CTG ..., Considérant que les partenaires
                # ont retenu les orientations suivantes :": the list belongs to the clause that
                # introduces it.
                scope = scope_of(clause)
            out[-1] = Statement(last.page, last.index, last.block, last.text, (*last.items, *items), scope,
                                last.heading)
            continue
        heading = is_heading(block, body)
        # A list run into its paragraph: "... retenir trois priorités : – la petite enfance : ... ; –
        # la jeunesse : ... ; – le logement ...": the introduction's statement holds the items.
        opening = INLINE_DASH_LIST.search(text)
        run_in: list[str] = []
        if opening and len(ITEM_DASH.findall(text, opening.end())) >= 1:
            run_in = [item.strip() for item in ITEM_DASH.split(text[opening.end():]) if item.strip()]
            text = text[:opening.start() + 1]
        for sentence in split_sentences(text):
            scope = Scope.GENERIC if (page.number, index) in generic else scope_of(sentence)
            if scope is Scope.NEUTRAL and (ANAPHORA.match(sentence) or DEFINITE_CTG.match(sentence)):
                scope = previous
            out.append(Statement(page, index, block, sentence, (), scope, heading))
            # A story goes on through sentences that point nowhere ("Les maires avaient fait le
            # déplacement."); a definition of the CTG ("La CTG est une démarche ...") starts an
            # explanation of CTGs in general, which no longer speaks of this one.
            if scope is not Scope.NEUTRAL and not (scope is Scope.GENERIC and about_other_plan(sentence)):
                previous = scope
            elif DEFINITION.match(sentence):
                previous = Scope.NEUTRAL
        if run_in and out:
            last = out[-1]
            out[-1] = Statement(last.page, last.index, last.block, last.text, tuple(run_in), last.scope, last.heading)
    return out


def field_led(text: str) -> str | None:
    """The field a line opens with, then a dash or a colon: "Jeunesse – Offrir des activités ...",
    "Petite enfance : augmenter le nombre de places" -> "Jeunesse", "Petite enfance"."""
    match = FIELD_LED.match(text)
    return match["field"] if match and is_theme_label(match["field"]) else None


def _paragraphs(doc: Document) -> list[tuple[Page, int, Block, str]]:
    """The text blocks in reading order, a block that goes on with a sentence cut at a column or
    page break joined to the block before (it opens in lower case, the one before ends without
    punctuation). Each keeps the page and block where it starts."""
    out: list[tuple[Page, int, Block, str]] = []
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if block.table is not None:
                continue
            text = block.text.strip()
            if out and CONTINUATION.match(text) and not SENTENCE_CLOSED.search(out[-1][3]):
                first_page, first_index, first_block, before = out[-1]
                out[-1] = (first_page, first_index, first_block, f"{before} {text}")
            elif text:
                out.append((page, index, block, text))
    return out


# --- sections about CTGs in general ------------------------------------------------------------------

@once_per_document
def body_size(doc: Document) -> float:
    sizes = [b.size for _, b in doc.blocks() if b.size and len(b.text) > 80]
    return statistics.median(sizes) if sizes else 11.0


def is_heading(block: Block, body: float) -> bool:
    text = block.text.strip()
    if not text or len(text) > HEADING_MAX_CHARS or "\n" in text:
        return False
    # A short label closed by a colon ("PARENTALITE :"); a longer one introduces a list.
    if block.bold or block.size >= 1.15 * body or (text.endswith(":") and len(text) <= 40):
        return True
    return mostly_capitals(text)


@once_per_document
def generic_blocks(doc: Document) -> set[tuple[int, int]]:
    """(page number, block index) of the sections that describe CTGs in general ("Qu'est-ce
    qu'une CTG ?", "n'est pas un dispositif financier"): their headings and lists are not the
    territory's. A section runs from a heading to the next heading on its page (a question run into
    a paragraph makes that paragraph alone an aside); short labels
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
            # From the block that speaks of CTGs in general to the section's end: a "Qu'est-ce
            # qu'une CTG ?" set as plain text under the territory's axes leaves the axes alone.
            first = next((n for n, i in enumerate(section) if any(c in fold(page.blocks[i].text) for c in cues)), None)
            if first is None:
                continue
            if len(page.blocks[section[first]].text.strip()) > HEADING_MAX_CHARS:
                # The question run into a paragraph of a news story ("Qu'est-ce qu'une CTG ? Il s'agit
                # de ..."): an aside of that paragraph, the story goes on after it.
                generic.add((page.number, section[first]))
            else:
                generic.update((page.number, i) for i in section[first:])
    return generic
