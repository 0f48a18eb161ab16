"""The date the CTG is (or will be) signed.

A date counts when the sentence around it is about signing ("sera signée le vendredi 20 janvier
2023", "signée ce mercredi 6 mars 2024", "Fait à Quimper, le 14 mars 2024") and not about another
act (a deliberation, a prefecture stamp, a publication, a meeting). A day and month without a year
("Ce vendredi 20 janvier à 17h00, ... signeront") counts only when the document states that same
day with its year elsewhere, or a year in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.normalize import DAY, MONTH_NAME, YEAR, make_date
from extract.text import Passage, passages, sentence_at, snippet
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


@dataclass(frozen=True)
class Candidate:
    value: date | None          # None while the year is missing
    day_month: tuple[int, int]
    score: float
    passage: Passage
    span: tuple[int, int]
    rule: str


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
                if year is None:
                    # A year stated in the same sentence completes "le lundi 6 février".
                    left, right = sentence_at(text, *match.span())
                    years = set(re.findall(r"\b(20\d\d)\b", text[left:right]))
                    year = years.pop() if len(years) == 1 else None
                value = make_date(match["day"], match["month"], year) if year else None
                partial = make_date(match["day"], match["month"], 2000)
                if partial is None:
                    continue
                found.append(Candidate(value, (partial.month, partial.day), score, passage, match.span(),
                                       context))
    return found


def extract_signature_date(doc: Document) -> SignatureDate | None:
    found = candidates(doc)
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
            if len(known) != 1:
                continue
            value = date(next(iter(known)), *c.day_month)
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
