"""What a figure counts and what it is called: the count noun after a number, and its label.

The unit of a count is its noun as written, in the plural the document uses ("multi-accueils",
"assistantes maternelles", "fiches-actions"), stored under one spelling per noun when the
language resources give one ("EVS" -> "espaces de vie sociale"), with its family for comparisons
(crèches and multi-accueils are both EAJE). Nouns joined by "et" count together ("9 centres
sociaux et espaces de vie sociale", "1 350 enfants et jeunes"). The label is the phrase that says
what the figure is, up to a break.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import clean, fold, fold_aligned
from extract.text import alternation
from models.figures import Unit

MAX_LABEL_CHARS = 90

# Words between a number and its count noun: "12 000 des habitants", "environ 400 enfants" (folded).
UNIT_LEAD = re.compile(r"\s*(?:(?:des|de|d'|du|environ|au\s+total)[\s-]+)?")
# An acronym in brackets a few words after a number names what it counts (folded): "46 Collectifs
# de Contrat local d'accompagnement à la scolarité (Clas)".
BRACKETED_ACRONYM = re.compile(r"\s*[a-zà-ÿ' -]{0,70}?\((?P<acronym>[a-z]{2,6})\)")
# A second count noun joined to the first (folded): " et espaces de vie sociale", " et les jeunes".
JOINED_NOUN = re.compile(r"\s+et\s+(?:les\s+|des\s+)?")
# Where a label ends: a bracket, a colon, a dash between spaces, a full stop, or a clause that adds
# another figure ("..., soit 759 personnes", "... et 12 % des ...").
LABEL_BREAK = re.compile(r"[;:()\n]|\s[-–]\s|\.\s|\.$|,\s*(?:soit|dont|contre|et)\b|\s(?:soit|dont|contre)\s|\set\s+(?=\d)")
# Where the words qualifying a count noun end: as a label, and at any comma.
QUALIFIER_BREAK = re.compile(r"[;:()\n]|\s[-–]\s|\.\s|\.$|,\s|\s(?:soit|dont|contre)\s|\set\s+(?=\d)")
# Words opening a label that say nothing: "de la", "des", "au titre du".
LABEL_LEAD = re.compile(r"^\s*(?:au\s+titre\s+(?:des?|du|de\s+la|de\s+l['’])|de\s+la|de\s+l['’]|des|du|de|d['’]|en)\s*",
                        re.IGNORECASE)
# The verb linking a label before a figure to it: "ce qui représente", "est de", "soit".
LABEL_VERB_END = re.compile(r"\b(?:ce\s+qui\s+représente|représente(?:nt)?|soit|est\s+de|de|à)\s*$")
# An article opening a label before its figure: "le taux de couverture" -> "taux de couverture".
LABEL_ARTICLE = re.compile(r"^(?:un|une|le|la|les|l['’]|des)\s+", re.IGNORECASE)


class CountNoun(NamedTuple):
    """The count noun after a number: as stored, its family, as written, and where it ends."""

    noun: str
    family: Unit
    written: str
    end: int


@cache
def words(key: str) -> tuple[str, ...]:
    """A word list of the figures' language resources, folded, the longest first."""
    return tuple(sorted((fold(w) for w in lexicon.figures()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, str, Unit], ...]:
    """(written form folded, count noun as stored, family), longest forms first. A noun stored as
    "=" is stored as written ("fiches-actions", "fiches action")."""
    rows = [(fold(form), noun, Unit(family)) for noun, family, forms in lexicon.figures()["units"] for form in forms]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=1)
def _unit_by_form() -> dict[str, tuple[str, Unit]]:
    by_form: dict[str, tuple[str, Unit]] = {}
    for form, noun, family in _units():
        by_form.setdefault(form, (noun, family))
    return by_form


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern:
    return alternation(tuple(form for form, _, _ in _units()), after="(?![a-z0-9])")


def as_written(written: str) -> str:
    """A count noun as stored from its written form: lower case, an acronym kept ("EVS")."""
    return written if written.isupper() and len(written) <= 6 else clean(written).lower()


def unit_after(text: str) -> CountNoun | None:
    """The count noun right after a number. " foyers allocataires du territoire" -> foyers;
    " des enfants âgés" -> enfants; " Collectifs de ... (Clas)" -> CLAS; " centres sociaux et
    espaces de vie sociale" -> both, as written."""
    folded = fold_aligned(text)
    start = UNIT_LEAD.match(folded).end()
    # "3 grandes orientations", "5 nouveaux axes": an adjective may stand before the noun.
    adjective = alternation(words("pre_noun_adjectives"), after=r"\s+").match(folded, start)
    if adjective:
        start = adjective.end()
    match = _unit_pattern().match(folded, start)
    if match:
        noun, family = _unit_by_form()[match.group()]
        written = text[start:match.end()]
        joined = JOINED_NOUN.match(folded, match.end())
        second = _unit_pattern().match(folded, joined.end()) if joined else None
        if second and _unit_by_form()[second.group()][0] != noun:
            # "centres sociaux et espaces de vie sociale": one count of both, under both names.
            written = text[start:second.end()]
            return CountNoun(as_written(written), family, written, second.end())
        return CountNoun(as_written(written) if noun == "=" else noun, family, written, match.end())
    bracket = BRACKETED_ACRONYM.match(folded)
    if bracket and bracket["acronym"] in _unit_by_form():
        noun, family = _unit_by_form()[bracket["acronym"]]
        written = text[bracket.start("acronym"):bracket.end("acronym")]
        return CountNoun(as_written(written) if noun == "=" else noun, family, written, bracket.end())
    return None


def is_plural(written: str) -> bool:
    """Whether a count noun as written is plural: "familles", "accueils de loisirs"; an acronym
    ("EVS") or an invariable noun ("relais") is not."""
    head = written.split()[0] if written.split() else ""
    return not head.isupper() and fold(head).endswith(("s", "x")) and fold(head) not in words("invariable_nouns")


def label_after(text: str) -> str:
    """The words after a figure up to a break: "des familles allocataires vivent sous le seuil de
    pauvreté" -> "familles allocataires vivent sous le seuil de pauvreté"."""
    phrase = LABEL_BREAK.split(text, maxsplit=1)[0]
    return LABEL_LEAD.sub("", clean(phrase)).strip(" ,.")[:MAX_LABEL_CHARS]


def qualifier(text: str) -> str:
    """What follows a count noun, as written: " de 0 à 2 ans vivent..." -> "de 0 à 2 ans vivent..."."""
    return clean(QUALIFIER_BREAK.split(text, maxsplit=1)[0]).strip(" ,.")[:MAX_LABEL_CHARS]


def label_before(text: str) -> str:
    """The clause before a figure: "un taux de réponses positives qui augmentent (" -> that clause."""
    phrase = re.split(r"[;.!?\n]|,\s", text)[-1]
    if ":" in phrase:
        # "Taux de couverture global : 49 %": the label stands before the colon.
        head, tail = phrase.rsplit(":", 1)
        phrase = tail if re.search(r"\w", tail) else head
    phrase = LABEL_VERB_END.sub("", clean(BULLET.sub("", phrase)))
    phrase = LABEL_ARTICLE.sub("", phrase.strip(" ,(*"))
    return phrase.strip(" ,(")[-MAX_LABEL_CHARS:]


def count_label(written: str, rest: str) -> str:
    """A count's label: its noun as written and the words qualifying it."""
    return clean(f"{written} {qualifier(rest)}".strip())[:MAX_LABEL_CHARS]
