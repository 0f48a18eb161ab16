"""The date the CTG is (or will be) signed.

A date counts when the sentence around it is about signing ("sera signée le vendredi 20 janvier
2023", "signée ce mercredi 6 mars 2024", "Fait à Quimper, le 14 mars 2024") and not about another
act (a deliberation, a prefecture stamp, a publication, a meeting). A day and month without a year
("Ce vendredi 20 janvier à 17h00, ... signeront") counts only when the document states that same
day with its year elsewhere, a year in the same sentence, or the page's own date: a dated header
("Publié le 06/01/2019", "Mis à jour le 30 avril 2024", a leading "date 2025-11" line, a dateline
"samedi 2 octobre 2021 à 06:17" above the article). The header gives the latest such day on or
before it ("le 15 mars dernier" under "Mis à jour le 30 avril 2024": 2024-03-15), the next one
for a signing still to come; a weekday that does not fall on the day so dated drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extract import lexicon
from extract.normalize import DAY, MONTH_NAME, WEEKDAY, YEAR, fold, fold_aligned, make_date, weekday_number
from extract.text import Passage, alternation, passages, sentence_at, snippet
from models.conventions import SignatureDate
from models.document import Document

# A score a date needs to be the signature date.
MIN_SCORE = 4.0

# "le vendredi 20 janvier 2023", "6 mars 2024", "1er juillet 2024".
WRITTEN_DATE = re.compile(rf"\b{DAY}\s+{MONTH_NAME}(?:\s+{YEAR})?\b", re.IGNORECASE)
# "03/02/2023", "3.2.2023".
NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:199|20\d)\d)\b")

# Signing words: "signée", "signeront", "ont signé", "la signature", "signataires".
SIGNING = re.compile(r"\bsign(?:é|ée|ées|és|er|era|eront|ent|ons|ait|ant|ature)\b|\bsignataires?\b", re.IGNORECASE)
# The closing formula of a convention: "Fait à Lille, le 3 mars 2025", "Fait en 3 exemplaires à X le".
FAIT_A = re.compile(r"\bfait\s+(?:à|a|au|aux|en)\b[^.;]{0,60}?,?\s*(?:le|en\s+date\s+du)?\s*$", re.IGNORECASE)
# The closing formula of a deliberation's extract: its date is the extract's, not a signature's.
EXTRACT = re.compile(r"extrait\s+conforme|copie\s+conforme|certifi[ée]\s+(?:conforme|ex[ée]cutoire)", re.IGNORECASE)
# A date that bounds a period, not a signing: "du 1er janvier 2020 au 31 décembre 2024".
PERIOD_BOUND = re.compile(r"(?:\bdu|\bau|jusqu['’]\s*au|compter\s+du|partir\s+du|effet\s+au|entre\s+le|\bet\s+le)\s*$",
                          re.IGNORECASE)
# Other acts whose dates are not the signature's: "délibération ... en date du 11/06/2025",
# "Envoyé en préfecture le", "Publié le", "séance du", "séminaire du", "comité de pilotage du".
OTHER_ACT = re.compile(
    r"""\b(?:d[ée]lib[ée]r\w*|en\s+date\s+du|s[ée]ances?|pr[ée]fecture|publi[ée]e?|mis\s+en\s+ligne|affich[ée]e?
        |re[çc]ue?|envoy[ée]e?|s[ée]minaires?|(?-i:r[ée]unions?)|comit[ée]s?|copil|ateliers?|arr[êe]t[ée]|vu\s+l[ae]
        |n[ée]e?\s+le|mis\s+[àa]\s+jour|actualis[ée]e?)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# A year stated with its own time preposition is another event's: "La première convention ayant
# expiré en 2023, une nouvelle ..., le 23 février, ..." does not date the 23 February.
OWN_TIME = re.compile(r"(?:\ben|depuis|d[èe]s|avant|apr[èe]s|fin|d[ée]but|d['’]ici|\bde|\bà)\s+$", re.IGNORECASE)
# A year in a sentence: "2023".
SENTENCE_YEAR = re.compile(r"\b20\d\d\b")
# A weekday right before a date: "ce mardi 12 mars".
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY}\s*$", re.IGNORECASE)
# A signing still to come: "sera signée le", "signeront", "la signature aura lieu le".
FUTURE = re.compile(r"\b(?:sera|seront|signera|signeront|va|vont|aura|auront|prochaine?s?|pr[ée]vue?s?)\b",
                    re.IGNORECASE)
# A day said to be past: "le 15 mars dernier".
PAST_DAY = re.compile(r"^\s+derni(?:er|ère)\b", re.IGNORECASE)

# The date after a header label ("Publié le" ...): "06/01/2019", ": 13.12.2024", "mardi 30 avril 2024".
HEADER_DATE = re.compile(
    rf"""[\s:]*(?:{WEEKDAY}\s+)?(?:{DAY}\s+{MONTH_NAME}\s+{YEAR}
         |(?P<nday>[0-3]?\d)[/.-](?P<nmonth>[01]?\d)[/.-](?P<nyear>(?:199|20\d)\d)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# A page's publication month at the start of a block near the top: " date 2025-11", "date 2025-11-22".
ISO_HEADER = re.compile(r"^\s*date\s+(?P<year>(?:199|20\d)\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?\b",
                        re.IGNORECASE)
# A dateline alone on its line near the top: "samedi 2 octobre 2021 à 06:17", "Vendredi 7 novembre
# 2014", "Lyon, le 12 mars 2024". A numeric date alone ("06/01/2019 14:32") is not one: that is how a
# browser prints the day of printing in its page header.
DATELINE = re.compile(
    rf"""^\W*(?:[A-ZÀ-Ý][\w'’ -]{{1,40}},\s*)?(?:le\s+)?(?:{WEEKDAY}\s+)?{DAY}\s+{MONTH_NAME}\s+{YEAR}
         (?:\s*(?:à|,|-)?\s*\d{{1,2}}\s*[h:]\s*\d{{0,2}})?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# How many blocks of the first page a dateline or a "date" line may come after (menus, a site name).
DATELINE_BLOCKS = 10


@dataclass(frozen=True)
class Header:
    """The page's own date; ``day`` None when only the month is given ("date 2025-11");
    ``updated`` when it is only the date of an update, which may come long after the facts."""

    year: int
    month: int
    day: int | None
    updated: bool = False


@dataclass(frozen=True)
class Candidate:
    value: date | None          # None while the year is missing
    day_month: tuple[int, int]
    score: float
    passage: Passage
    span: tuple[int, int]
    rule: str
    weekday: int | None = None  # the weekday written before the date, if any
    future: bool = False        # the sentence speaks of a signing to come
    recent: bool = False        # "le 15 mars dernier"


def _score(passage: Passage, start: int, end: int) -> tuple[float, str]:
    text = passage.text
    left, right = sentence_at(text, start, end)
    before = text[max(left, start - 50):start]
    if OTHER_ACT.search(before) or PERIOD_BOUND.search(before):
        return 0.0, ""
    if FAIT_A.search(text[max(left, start - 80):start]):
        context = (passage.previous.text if passage.previous else "") + text[:start]
        return (0.0, "") if EXTRACT.search(context) else (6.0, "fait_a")
    near = text[max(left, start - 90):min(right, end + 90)]
    if SIGNING.search(near):
        # A date far from the signing word, with another act named in between, is that act's.
        return (5.0, "signing_sentence") if not OTHER_ACT.search(near) else (2.0, "signing_sentence")
    sentence = text[left:right]
    if SIGNING.search(sentence) and not OTHER_ACT.search(sentence):
        return 4.0, "signing_sentence"  # "Le 9 avril 2024, la Ville et la Caf ont ..., en signant ..."
    return 0.0, ""


def candidates(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    for passage in passages(doc):
        text = passage.text
        for pattern, rule in ((WRITTEN_DATE, "written"), (NUMERIC_DATE, "numeric")):
            for match in pattern.finditer(text):
                score, context = _score(passage, *match.span())
                if score <= 0:
                    continue
                year = match.group("year")
                left, right = sentence_at(text, *match.span())
                if year is None:
                    # A year stated in the same sentence completes "le lundi 6 février".
                    years = {m.group() for m in SENTENCE_YEAR.finditer(text, left, right)
                             if not OWN_TIME.search(text[max(left, m.start() - 12):m.start()])}
                    year = years.pop() if len(years) == 1 else None
                value = make_date(match["day"], match["month"], year) if year else None
                # 2000 is a leap year: "29 février" keeps its day until a year is known.
                partial = make_date(match["day"], match["month"], 2000)
                if partial is None:
                    continue
                weekday = WEEKDAY_BEFORE.search(text[max(0, match.start() - 12):match.start()])
                recent = bool(PAST_DAY.match(text[match.end():]))
                future = bool(FUTURE.search(text[left:right])) and not recent
                found.append(Candidate(value, (partial.month, partial.day), score, passage, match.span(),
                                       context, weekday_number(weekday["weekday"]) if weekday else None, future,
                                       recent))
    return found


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern, frozenset[str]]:
    """The header labels, folded, as one pattern; and which of them are publication labels."""
    groups = lexicon.calendar()["dateline_labels"]
    published = frozenset(fold(label) for label in groups["published"])
    every = sorted({fold(label) for key, labels in groups.items() if key != "_comment" for label in labels},
                   key=len, reverse=True)
    return alternation(tuple(every), before=r"(?<![a-z])", after=r"(?=\s|:)"), published


def _header_from(match: re.Match, updated: bool = False) -> Header | None:
    if match["year"]:
        value = make_date(match["day"], match["month"], match["year"])
    else:
        value = make_date(match["nday"], match["nmonth"], match["nyear"])
    return Header(value.year, value.month, value.day, updated) if value else None


def page_date(doc: Document) -> Header | None:
    """The date the page carries of itself, if any: the earliest publication date, else the
    earliest update date (an update may come long after the facts)."""
    pattern, published = _labels()
    dated: list[tuple[bool, tuple[int, int, int], Header]] = []
    for index, passage in enumerate(passages(doc)):
        text = passage.text
        top = passage.page.number == doc.pages[0].number and index < DATELINE_BLOCKS
        if top and (iso := ISO_HEADER.match(text)):
            month, day = int(iso["month"]), int(iso["day"]) if iso["day"] else None
            if 1 <= month <= 12:
                dated.append((False, (int(iso["year"]), month, day or 0), Header(int(iso["year"]), month, day)))
        if top and len(text) < 80 and (line := DATELINE.match(text)) and (header := _header_from(line)):
            dated.append((False, (header.year, header.month, header.day), header))
        for label in pattern.finditer(fold_aligned(text).lower()):
            after = HEADER_DATE.match(text, label.end())
            if after and (header := _header_from(after, updated=label.group() not in published)):
                dated.append((header.updated, (header.year, header.month, header.day), header))
    return min(dated, key=lambda item: item[:2])[2] if dated else None


def _dated_by_header(candidate: Candidate, header: Header) -> date | None:
    """The day and month of ``candidate`` in the year the page's date implies: the latest such day
    on or before it, or for a signing to come the next one on or after it. An update's date
    dates only a day checked by its weekday or said recent ("le 15 mars dernier")."""
    if header.updated and candidate.weekday is None and not candidate.recent:
        return None
    month, day = candidate.day_month
    # A header of a month only ("date 2025-11") is taken as the month's last day, or first for a future.
    header_day = header.day or (1 if candidate.future else 31)
    if candidate.future:
        year = header.year if (month, day) >= (header.month, header_day) else header.year + 1
    else:
        year = header.year if (month, day) <= (header.month, header_day) else header.year - 1
    value = make_date(day, month, year)
    if value is None or (candidate.weekday is not None and value.weekday() != candidate.weekday):
        return None
    return value


def extract_signature_date(doc: Document) -> SignatureDate | None:
    found = candidates(doc)
    header = page_date(doc) if any(c.value is None for c in found) else None
    # Day and month without a year take the year of the same day stated in full elsewhere.
    years: dict[tuple[int, int], set[int]] = {}
    for c in found:
        if c.value is not None:
            years.setdefault(c.day_month, set()).add(c.value.year)
    totals: dict[date, float] = {}
    best: dict[date, Candidate] = {}
    for c in found:
        value = c.value
        if value is None:
            known = years.get(c.day_month, set())
            if len(known) == 1:
                value = make_date(c.day_month[1], c.day_month[0], next(iter(known)))
            elif not known and header is not None:
                value = _dated_by_header(c, header)
            if value is None:
                continue
        totals[value] = totals.get(value, 0.0) + c.score
        if c.value is not None and (value not in best or c.score > best[value].score):
            best[value] = c
    ranked = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[1][1] * 1.5 > ranked[0][1]:
        return None  # two dates of signing: no telling which
    value = ranked[0][0]
    evidence = best.get(value) or max((c for c in found if c.day_month == (value.month, value.day)),
                                      key=lambda c: c.score)
    return SignatureDate(doc_id=doc.doc_id, page=evidence.passage.page.number, rule=evidence.rule,
                         snippet=snippet(evidence.passage.text, *evidence.span),
                         bbox=evidence.passage.block.bbox.as_tuple(), value=value)
