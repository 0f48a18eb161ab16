"""A mention of a collectivity in a document and what its context makes of it.

Territory readers (``extract/territory.py``) find mentions — a legal form and a name, a commune's
form, a brand, a group of communes — and this module weighs each by its context: the party clause
("..., représentée par son Président"), a sentence about signing with the Caf (more for the
subject of "a signé"), a CTG cue, a title; an attendee's ("en présence de") counts for nothing, a
containing territory's ("fait partie de la Communauté...") against. Mentions of one place add up
under a key, once per sentence, and the best place must clearly lead (``choose``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from extract.names import LEADING_ARTICLE, PARTY_CLAUSE
from extract.normalize import clean, fold_key
from extract.signature import SIGNING
from extract.text import Passage, sentence_at
from models.conventions import TerritoryType
from models.document import Document

# The best place needs this score and must lead the runner-up by this ratio.
MIN_SCORE = 1.5
LEAD_RATIO = 1.6

# Just before a sentence, a list of signatories opens: "Les signataires :\nLa CAF de l'Yonne et ...".
SIGNATORIES_BEFORE = re.compile(r"\bsignataires?\s*:\s*$", re.IGNORECASE)
CAF_WORD = re.compile(r"\bcaf\b|caisse\s+d['’]allocations", re.IGNORECASE)
CTG_CUE = re.compile(r"\bctgs?\b|conventions?\s+territoriales?\s+globales?", re.IGNORECASE)
# Right after a name, the verb of which it is the subject: "la communauté de communes Cœur de
# Savoie a signé", "La CCPG a officiellement signé", "Les communes de A et B et la CAF s'engagent",
# "Cœur de Savoie s'était associée", "A, B et C ont fait le choix de travailler ensemble".
SUBJECT_OF_SIGNING = re.compile(
    r"""^\s*(?:\([^)]{1,30}\)\s*)?(?:,?\s+et\s+(?:la|le|les|l['’])\s*[^,.;:]{1,60}?\s+)?
        (?:(?:a|ont|avait|avaient|va|vont|vient\s+de|viennent\s+de)\s+)?
        (?:(?:officiellement|également|aussi|ainsi|enfin|récemment|donc)\s+)?
        (?:s['’]\s*(?:est|était|sont|étaient)?\s*|se\s+sont\s+)?
        (?:sign|engag|associ|renouvel|conclu|fait\s+le\s+choix|choisi\s+de|décidé\s+de|travaill\w*\s+ensemble|uniss|unie)\w*""",
    re.IGNORECASE | re.VERBOSE,
)
# Before a name, the role of a person of whom it is the organisation: "X, adjointe à la mairie
# de Bernin, ... ont signé" (the subject of the signing is X, not the commune).
ROLE_BEFORE = re.compile(
    r"""\b(?:maire|adjoint\w*|(?:vice-)?pr[ée]sident\w*|direct(?:eur|rice)\w*|conseill\w+|[ée]lue?s?|d[ée]l[ée]gu[ée]e?s?)\s+
        (?:(?:à|de)\s+la\s+|au\s+|aux\s+|du\s+|de\s+l['’]\s*|des\s+|de\s+|d['’]\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
# CTGs in the plural, others than this one: "la Caf indique avoir signé des CTG avec l'ensemble des
# intercommunalités, X comprise", "d'autres conventions territoriales globales", "12 CTG".
OTHER_CTGS = re.compile(r"\b(?:des|d['’]autres|plusieurs|toutes\s+les|\d+)\s+(?:ctgs?\b|conventions\s+territoriales)",
                        re.IGNORECASE)
# After a name, a CTG of its own, other than this one: "la Ville travaillera avec Moulins
# Communauté, qui dispose de sa propre CTG".
OWN_OTHER_CTG = re.compile(r"^\s*,?\s*qui\s+(?:dispose\s+d['’]une|dispose\s+de\s+sa|a\s+sa|a\s+sign[ée]\s+sa|poss[èe]de\s+sa)"
                           r"\s+(?:propre\s+)?(?:ctg|convention)", re.IGNORECASE)
# Before a name in its sentence, attendance rather than partnership: "en présence de ...".
ATTENDANCE = re.compile(r"\ben\s+pr[ée]sence\b", re.IGNORECASE)
# Before a name, a context that makes it a larger or neighbouring territory:
# "Valros fait partie de la Communauté d'Agglomération Béziers Méditerranée".
CONTAINER_CONTEXT = re.compile(
    r"(?:fait|font)\s+partie\s+(?:de\s+la|du|de\s+l['’]|des|de)?\s*$|membres?\s+(?:de\s+la|du|de\s+l['’]|de)\s*$"
    r"|au\s+sein\s+(?:de\s+la|du|de\s+l['’]|de)\s*$|rattach\w+\s+à\s+la\s*$|appartien\w+\s+à\s+la\s*$"
    r"|adh[ée]rente?s?\s+à\s+la\s*$|situ[ée]e?s?\s+(?:dans|sur)\s+(?:la|le\s+territoire\s+de\s+la)\s*$"
    r"|int[ée]gr[ée]e?s?\s+(?:à|dans)\s+la\s*$|en\s+lien\s+avec\s+la\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A place named once, how it is named, and the facts of its context (see ``in_context``)."""

    key: str
    name: str               # the name as written (cleaned), article included for EPCI
    form: str | None        # the legal form as written, for EPCI and groups
    type: TerritoryType | None
    base: float             # what the kind of mention is worth before its context
    passage: Passage
    span: tuple[int, int]
    rule: str
    members: tuple[str, ...] = ()   # a group of communes: its members' names
    # Context, read by in_context():
    sentence: tuple[int, int] = (0, 0)
    container: bool = False
    party: bool = False
    signing: bool = False
    ctg: bool = False
    title: float = 0.0
    subject: bool = False
    attendee: bool = False
    score: float = field(default=0.0, compare=False)


def mention_key(name: str) -> str:
    """The key mentions of one place share: its name folded, without a leading article."""
    return fold_key(LEADING_ARTICLE.sub("", clean(name)))


def title_font_size(doc: Document) -> float:
    """The font size from which a block is a title: well above the document's median."""
    sizes = sorted(b.size for _, b in doc.blocks() if b.size)
    return (sizes[len(sizes) // 2] * 1.3) if sizes else 14.0


def in_context(m: Mention, title_size: float) -> Mention:
    """The mention with the facts of its context that weigh on its score."""
    text, (start, end) = m.passage.text, m.span
    left, right = sentence_at(text, start, end)
    sentence = text[left:right]
    block = m.passage.block
    title = 0.0
    if (block.size >= title_size or block.bold) and len(text) < 200:
        title = 2.0 if m.passage.page.number <= 2 else 1.0
    others = bool(OTHER_CTGS.search(sentence))  # a signing of other CTGs is none of this one's
    return replace(
        m, sentence=(left, right),
        container=bool(CONTAINER_CONTEXT.search(text[max(left, start - 45):start]) or OWN_OTHER_CTG.match(text[end:end + 80])),
        party=bool(PARTY_CLAUSE.match(text[end:end + 60])),
        signing=bool((SIGNING.search(sentence) or SIGNATORIES_BEFORE.search(text, max(0, left - 30), left))
                     and CAF_WORD.search(sentence)) and not others,
        ctg=bool(CTG_CUE.search(sentence)) and not others, title=title,
        subject=bool(m.rule != "mayor_of" and SUBJECT_OF_SIGNING.match(text[end:end + 120])
                     and not ROLE_BEFORE.search(text[max(left, start - 40):start])),
        attendee=bool(ATTENDANCE.search(text[left:start])))


def scored(found: list[Mention]) -> list[Mention]:
    """Each mention with its score. In a sentence, a mention that is the subject of the signing
    takes the signing's weight from the others; communes beside an EPCI are its members, and take
    none of it, even as co-subjects ("la Ville de X et le Grand Y ont signé"); an attendee's ("en
    présence de") takes no context at all."""
    by_sentence: dict[tuple[int, tuple[int, int]], list[Mention]] = defaultdict(list)
    for m in found:
        by_sentence[(id(m.passage), m.sentence)].append(m)
    out = []
    for group in by_sentence.values():
        live = [m for m in group if not m.container]
        has_subject = any(m.subject for m in live)
        has_epci = any(m.type is TerritoryType.EPCI for m in live)
        for m in group:
            if m.container:
                out.append(replace(m, score=-4.0))
                continue
            score = m.base + m.title + (5.0 if m.party else 0.0)
            if not m.attendee:
                member = m.type is TerritoryType.COMMUNE and has_epci
                if m.signing and not member and (m.subject or not has_subject):
                    score += 3.0
                score += (2.0 if m.subject and not member else 0.0) + (2.0 if m.ctg else 0.0)
            out.append(replace(m, score=score))
    return out


def totals(found: list[Mention]) -> Counter[str]:
    """A place's score: over its sentences, the best mention of each (a sentence that names it
    twice says it once), and every mention against it."""
    best: dict[tuple[str, int, tuple[int, int]], float] = {}
    by_key: Counter[str] = Counter()
    for m in found:
        if m.score < 0:
            by_key[m.key] += m.score
            continue
        where = (m.key, id(m.passage), m.sentence)
        best[where] = max(best.get(where, 0.0), m.score)
    for (key, _, _), score in best.items():
        by_key[key] += score
    return by_key


def as_party(m: Mention) -> bool:
    """Whether a mention's context makes it a party: a signing, a CTG, the subject of a verb of
    partnership, a title, a party clause ("les communes de A et B partagent un accueil de
    loisirs" is none)."""
    return m.signing or m.ctg or m.subject or m.party or m.title > 0 \
        or bool(SIGNING.search(m.passage.text[slice(*m.sentence)]))


def choose(found: list[Mention]) -> str | None:
    """The key of the place that clearly leads, or None."""
    ranked = totals(found).most_common()
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    key, best = ranked[0]
    if len(ranked) > 1 and ranked[1][1] > 0 and best < LEAD_RATIO * ranked[1][1]:
        return None
    return key
