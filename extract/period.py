"""The period a CTG covers (first and last year).

Three ways a period is stated, from the most to the least explicit:

- a date range: "du 1er janvier 2025 au 31 décembre 2029";
- a duration from a start: "pour une durée de cinq ans à compter du 01/01/2023";
- a year range: "2022-2026", "2022 à 2026", in a sentence or title about the CTG.

When none of these is stated, an end alone may be ("la CTG court jusqu'en 2027"): the period is
then half known, its start None.

Each candidate is scored by its context: a CTG cue near it (CTG, convention territoriale globale,
"la présente convention", a "Durée" heading) raises it; the name of another plan before it
(COG, contrat de ville, schéma...) or a previous CTG ("précédente", "2017-2021 arrivée à
échéance") counts against that value. Scores add up per value; the best value must clear a
threshold and beat the runner-up clearly, else no period is emitted (a wrong period is worse
than none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.normalize import DAY, MONTH_NAME, fold, make_date, parse_ordinal, period_end
from extract.ordinal import ORDINAL_CTG
from extract.text import Passage, passages, sentence_at, snippet
from models.conventions import Period
from models.document import Document

# Shortest and longest plausible CTG, in years between first and last year (2022-2026 -> 4).
MIN_SPAN, MAX_SPAN = 2, 6
# Total score a value needs, and how far ahead of the runner-up it must be.
MIN_SCORE = 1.5
LEAD_RATIO = 2.0

# A full date inside a range, written or numeric: "1er janvier 2025", "31/12/2029".
_DATE = (rf"(?:{DAY}\s+{MONTH_NAME}\s+(?P<year>\d{{4}})"
         r"|(?P<nday>[0-3]?\d)[/.](?P<nmonth>[01]?\d)[/.](?P<nyear>\d{4}))")


def _named(pattern: str, suffix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern)


# "du 1er janvier 2025 au 31 décembre 2029", "à compter du 1^{er} janvier 2025 jusqu'au
# 31 décembre 2029", "entre le 01/01/2022 et le 31/12/2026".
DATE_RANGE = re.compile(
    rf"""(?:\bdu|\bde|\bcompter\s+du|\bpartir\s+du|\bentre\s+le)\s+{_named(_DATE, '1')}
         \s*(?:,\s*)?(?:au|jusqu['’]\s*au|et\s+le|à)\s+{_named(_DATE, '2')}""",
    re.IGNORECASE | re.VERBOSE,
)

# "pour une durée de cinq ans à compter du 01/01/2023", "d'une durée de 4 (quatre) ans à partir
# du 1er janvier 2022".
DURATION_THEN_START = re.compile(
    rf"""dur[ée]e\s+(?:de\s+)?(?P<years>\d{{1,2}}|[a-zé]+)\s*(?:\([^)]{{1,12}}\)\s*)?ans?\b
         [^.;]{{0,60}}?(?:à\s+compter|à\s+partir|à\s+dater|prend\s+effet|prenant\s+effet)\s+(?:du|au|le)\s+{_DATE}""",
    re.IGNORECASE | re.VERBOSE,
)

# "à compter du 1er janvier 2023 pour une durée de 5 ans", "prend effet au 01/01/2024 pour 4 ans".
START_THEN_DURATION = re.compile(
    rf"""(?:à\s+compter|à\s+partir|à\s+dater|prend\s+effet|prenant\s+effet)\s+(?:du|au|le)\s+{_DATE}
         [^.;]{{0,40}}?\bpour\s+(?:une\s+(?:durée|période)\s+de\s+)?(?P<years>\d{{1,2}}|[a-zé]+)\s*(?:\([^)]{{1,12}}\)\s*)?ans?\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A start date, then an end date in the same or the next sentence: "Les engagements prennent effet
# le 1er janvier 2024. Ils valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus".
START_THEN_END = re.compile(
    rf"""(?:à\s+compter|à\s+partir|à\s+dater|pren\w*\s+effet|entre\w*\s+en\s+vigueur)\s+(?:du|au|le)\s+
         {_named(_DATE, '1')}[^;]{{0,120}}?\bjusqu['’]\s*au\s+{_named(_DATE, '2')}""",
    re.IGNORECASE | re.VERBOSE,
)

# "2022-2026", "2022 – 2026", "2022/2026", "2022 à 2026", "de 2022 à 2026", "entre 2022 et 2026";
# web pages also write the Unicode hyphens U+2010, U+2011 and the minus sign: "2022‐2025".
YEAR_RANGE = re.compile(
    r"(?<![\d/.])(?P<start>(?:19|20)\d{2})\s*(?:[-–—/‐‑−]|\bà\b|\bau\b|\bet\b)\s*(?P<end>(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)

# An end without a start: "jusqu'en 2026", "jusqu'à fin 2027", "jusqu'à la fin de l'année 2026",
# "jusqu'en décembre 2027", "jusqu'au 31 décembre 2027".
UNTIL_YEAR = re.compile(
    rf"""\bjusqu['’]\s*(?:en\s+(?:{MONTH_NAME}\s+)?(?P<year>(?:19|20)\d{{2}})
        |à\s+(?:la\s+)?fin\s+(?:de\s+l['’]ann[ée]e\s+|d[ée]cembre\s+)?(?P<fyear>(?:19|20)\d{{2}})
        |au\s+{_named(_DATE, '1')})""",
    re.IGNORECASE | re.VERBOSE,
)

# Words that tie a sentence to the CTG: "CTG", "Ctg", "convention territoriale globale",
# "la présente convention", "cette convention".
CTG_CUE = re.compile(
    r"\bctg\b|convention\s+territoriale\s+globale|(?:pr[ée]sente|cette|la|nouvelle)\s+convention\b",
    re.IGNORECASE,
)

# Verbs and nouns that introduce a period: "couvrira la période de", "pour la période",
# "conclue pour", "sur la durée".
PERIOD_CUE = re.compile(
    r"couvr\w*|p[ée]riode|dur[ée]e|conclue?|sign[ée]e?s?\s+pour|valable|engag\w+\s+(?:pour|sur)",
    re.IGNORECASE,
)

# Another plan or contract whose years come just before the range: "COG 2022-2026",
# "contrat de ville 2015-2022", "Schéma départemental des services aux familles 2020-2024".
OTHER_PLAN = re.compile(
    r"""\b(?:c?pog|cog|cej|contrats?\s+enfance\s+jeunesse|contrats?\s+de\s+ville|pedt|projet\s+[ée]ducatif
        |sdsf|sch[ée]ma|plh|programme\s+local|cls|contrat\s+local|mandat|plan\s+(?:local|d[ée]partemental|national)
        |prs|crte|contrat\s+de\s+relance|cpo|convention\s+d['’]objectifs|qpv|quartiers?\s+\d{4})\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A previous or expired CTG: "la précédente CTG (2017-2021)", "l'ancienne convention",
# "arrivée à échéance", "la première CTG couvrait 2016-2020".
PREVIOUS = re.compile(
    r"""pr[ée]c[ée]dent\w*|ancienne?s?|derni[èe]re?s?\s+ctg|[ée]chue|arriv[ée]e?\s+[àa]\s+[ée]ch[ée]ance|expir\w+
      |bilan\s+de\s+la|premi[èe]re\s+(?:ctg|convention\s+territoriale)|\ba\s+couvert\b|\bcouvrait\b|\bavait\s+(?:couvert|[ée]t[ée])\b
      |\bs['’]est\s+achev|\bapr[èe]s\s+(?:une|la|sa)\s+(?:premi[èe]re|deuxi[èe]me|pr[ée]c[ée]dente|1[èe]re|2[èe]?me)""",
    re.IGNORECASE | re.VERBOSE,
)

# An amendment pushing the end of the CTG: "elle est prolongée jusqu'au 31 décembre 2025",
# "le présent avenant prolonge la CTG jusqu'au 31/12/2025".
PROLONGED = re.compile(
    rf"prolong\w*\s+(?:la\s+(?:ctg|convention)\s+|d['’]une\s+ann[ée]e\s+)?jusqu['’]\s*au\s+{_DATE}",
    re.IGNORECASE,
)

# The CTG that takes over from an earlier one: "la CTG, qui sera renouvelée pour la période ...",
# "une nouvelle CTG 2024-2028", "la reconduction de la convention".
RENEWAL = re.compile(r"renouvel\w*\b(?!\s+urbain)|reconduction|reconduite?|nouvelle\s+(?:ctg|convention|mouture)",
                     re.IGNORECASE)

# A past tense before an end: "la CTG courait jusqu'en 2021", "qui avait été prolongée jusqu'en 2022"
# (two letters at least before "-ait": not "fait").
PAST_TENSE = re.compile(r"\b\w{2,}(?:ait|aient)\b", re.IGNORECASE)

# A second predicate of the sentence's subject after another plan's name: "Elle doit prendre le
# relais du Contrat Enfance Jeunesse et couvrira la période 2020-2023": the years are the subject's.
COORDINATED_PREDICATE = re.compile(
    r"\bet\s+(?:elle\s+)?(?:couvr\w*|s['’]\s*[ée]tend\w*|courr?\w*|porter?a?\s+sur|vaut|vaudra"
    r"|(?:sera|est)\s+(?:conclue|valable|sign[ée]e))\b",
    re.IGNORECASE,
)
# A sentence whose subject is the CTG: it opens on the CTG or on a pronoun standing for it.
CTG_SUBJECT = re.compile(r"^\W*(?:elle|celle-ci)\b", re.IGNORECASE)

# Statistics over a span of years: "évolution entre 2017 et 2022", "taux d'évolution sur la période".
STATISTICS = re.compile(r"[ée]volution|entre\s+\d{4}\s+et|variation|hausse|baisse|progression|recensement|insee",
                        re.IGNORECASE)

# A duration stated next to a range on a slide: "5 ans" above "2022-2026".
DURATION_NEAR = re.compile(r"\b(?P<n>\d|trois|quatre|cinq|six)\s+ans\b", re.IGNORECASE)

# A heading that announces the duration clause: "ARTICLE 11 – DUREE DE LA CONVENTION".
DURATION_HEADING = re.compile(r"dur[ée]e|p[ée]riode|prise\s+d['’]effet", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    score: float
    passage: Passage
    span: tuple[int, int]
    rule: str


def _years(text: str) -> int | None:
    text = fold(text)
    if text.isdigit():
        return int(text)
    return {fold(k): v for k, v in lexicon.calendar()["number_words"].items()}.get(text)


def _date(match: re.Match, suffix: str = ""):
    if match.group(f"year{suffix}"):
        return make_date(match.group(f"day{suffix}"), match.group(f"month{suffix}"), match.group(f"year{suffix}"))
    return make_date(match.group(f"nday{suffix}"), match.group(f"nmonth{suffix}"), match.group(f"nyear{suffix}"))


def _context(passage: Passage, start: int, end: int) -> tuple[str, str, str]:
    """(the sentence holding the match, the words just before the match, the sentence before
    the match), both befores back to the previous date or year at most: "la précédente CTG
    2017-2021, la nouvelle 2022-2026" gives "précédente" to 2017-2021 only."""
    text = passage.text
    left, right = sentence_at(text, start, end)
    since = left
    for match in YEAR_RANGE.finditer(text, left, start):
        since = max(since, match.end())
    return text[left:right], text[max(since, start - 60):start], text[since:start]


def _heading_context(passage: Passage) -> str:
    """A short block (a title, "2025 – 2029") reads with the block before it."""
    if len(passage.text) < 60 and passage.previous is not None:
        return passage.previous.text + " " + passage.text
    return passage.text


def _earlier_rank(before: str, ordinal: int | None) -> bool:
    """Whether the words before a range name a CTG ranked before this one: "suivie d'une
    deuxième CTG pour la période" in the document of the third."""
    if ordinal is None:
        return False
    ranks = [parse_ordinal(m["ordinal"]) for m in ORDINAL_CTG.finditer(before)]
    return any(rank is not None and rank < ordinal for rank in ranks)


def _other_plans(sentence: str, clause: str) -> bool:
    """Whether the years after ``clause`` belong to another plan named in it, not to the CTG named
    after it ("la CTG 2022-2026 prend le relais du contrat de ville") nor to the CTG subject of
    a second predicate ("Elle prend le relais du CEJ et couvrira la période 2020-2023")."""
    plans = list(OTHER_PLAN.finditer(clause))
    if not plans:
        return False
    after = clause[plans[-1].end():]
    if CTG_CUE.search(after):
        return False
    subject_is_ctg = CTG_SUBJECT.match(sentence) or CTG_CUE.search(sentence[:40])
    return not (subject_is_ctg and COORDINATED_PREDICATE.search(after))


# The word a year range directly follows ("le projet de territoire 2021-2026", "PEDT (2022-2025)"),
# with nothing but a bracket or a colon between.
ATTACHED_WORD = re.compile(r"(?P<word>[\w'’-]+)\W{0,3}$")
# The last word of a CTG's name, which owns a year range right after it.
CTG_WORDS = frozenset({"ctg", "globale", "convention", "conventions"})
# How far before an attached name a CTG may be named and still own the range: "la CTG du Pays
# Rignacois 2021-2025".
CTG_NAME_REACH = 60


def _attached_to_another(clause: str) -> bool:
    """Whether a year range is part of the name of something other than the CTG: it follows a
    word directly (no "pour", "période" or verb between), and that word neither ends a CTG cue
    ("la CTG 2022-2026", "convention territoriale globale 2022-2026") nor ends a place's name
    that a CTG cue shortly before opens ("la CTG du Pays Rignacois 2021-2025"). Lists of other
    plans are endless (projet de territoire, plan mercredi, PEDT, mandat); this reads the
    attachment instead."""
    match = ATTACHED_WORD.search(clause)
    if not match or not match["word"][:1].isalpha() or PERIOD_WORD.fullmatch(fold(match["word"])):
        return False
    word, window_start = match["word"], max(0, match.start() - CTG_NAME_REACH)
    if fold(word) in CTG_WORDS:
        return False  # "la CTG 2022-2026", "convention territoriale globale 2023-2027"
    cues = list(CTG_CUE.finditer(clause, window_start))
    place_name = word[:1].isupper() and not word.isupper()
    return not (cues and place_name)


# Words a year range may follow without being part of another thing's name: "pour", "période",
# "années", "signée", "conclue", "couvrira", "jusqu'en".
PERIOD_WORD = re.compile(r"pour|sur|periodes?|annees|ans?|de|du|des|la|les|entre|en|et|a|au|jusqu'en|durant"
                         r"|[a-z]+(?:ee|ees|ue|ues|ra|ront|rait|ant)|court|couvre|vaut|valable", re.IGNORECASE)


# How much text read before a sentence is searched for what its pronoun stands for.
ANTECEDENT_CHARS = 600


def _pronoun_is_ctg(passage: Passage, start: int, read_before: str) -> bool:
    """Whether the sentence at ``start`` opens on a pronoun ("Elle couvrira la période ...") whose
    nearest antecedent, in the text read before it (earlier passages and pages included), is the
    CTG rather than another plan."""
    left, _ = sentence_at(passage.text, start, start)
    if not CTG_SUBJECT.match(passage.text[left:]):
        return False
    earlier = (read_before + " " + passage.text[:left])[-ANTECEDENT_CHARS:]
    cues = [m.end() for m in CTG_CUE.finditer(earlier)]
    plans = [m.end() for m in OTHER_PLAN.finditer(earlier)]
    return bool(cues) and (not plans or cues[-1] > plans[-1])


def _score(passage: Passage, start: int, end: int, base: float, page_has_cue: bool,
           under_duration_heading: bool, span_years: int = 0, ordinal: int | None = None,
           read_before: str = "") -> float:
    sentence, before, clause = _context(passage, start, end)
    if PREVIOUS.search(before) or _earlier_rank(before, ordinal):
        return -3.0
    if span_years and _attached_to_another(clause):
        return -1.0  # "le projet de territoire 2021-2026", "le PEDT 2022-2025"
    if _other_plans(sentence, clause):
        # "COG 2022-2026", "la Convention d'objectifs et de gestion (COG) conclue entre l'État et
        # la Cnaf pour la période 2023-2027"
        return -1.0
    if STATISTICS.search(sentence) and not CTG_CUE.search(sentence):
        return 0.0
    if CTG_CUE.search(sentence) or under_duration_heading or _pronoun_is_ctg(passage, start, read_before):
        return base + (1.0 if PERIOD_CUE.search(sentence) else 0.0)
    if CTG_CUE.search(_heading_context(passage)):
        return base
    if page_has_cue:
        # "5 ans" next to "2022-2026" on a slide about the CTG agrees with a 5-year span.
        agrees = any(_years(m["n"]) == span_years for m in DURATION_NEAR.finditer(_heading_context(passage)))
        return base * (0.6 if agrees else 0.4)
    return base * 0.15


def candidates(doc: Document, ordinal: int | None = None) -> list[Candidate]:
    """Every range of years that could be the CTG's, scored; ``ordinal`` is the document's rank
    of this CTG, if known (ranges of earlier ranks are the past)."""
    found: list[Candidate] = []
    page_cue = {p.number: bool(CTG_CUE.search(p.text)) for p in doc.pages}
    heading_is_duration = False
    read = ""  # the end of the text read so far, for the antecedents of pronouns
    for passage in passages(doc):
        text = passage.text
        block = passage.block
        if block.bold or block.size > 12 or len(text) < 80:
            heading_is_duration = bool(DURATION_HEADING.search(text)) and len(text) < 120
        cue = page_cue[passage.page.number]
        taken: list[tuple[int, int]] = []
        for pattern, rule in ((DATE_RANGE, "date_range"), (START_THEN_END, "start_then_end")):
            for match in pattern.finditer(text):
                first, last = _date(match, "1"), _date(match, "2")
                if rule == "start_then_end" and "prolong" in match.group().lower():
                    continue  # an amendment's new end: see _prolongation
                if first and last and MIN_SPAN <= last.year - first.year <= MAX_SPAN and \
                        not any(a <= match.start() < b for a, b in taken):
                    end_year = last.year if (last.month, last.day) != (1, 1) else last.year - 1
                    found.append(Candidate(first.year, end_year,
                                           _score(passage, match.start(), match.end(), 5.0, cue, heading_is_duration,
                                                  ordinal=ordinal, read_before=read),
                                           passage, match.span(), rule))
                    taken.append(match.span())
        for pattern, rule in ((DURATION_THEN_START, "duration_from_start"), (START_THEN_DURATION, "start_then_duration")):
            for match in pattern.finditer(text):
                first, years = _date(match), _years(match["years"])
                if first and years and MIN_SPAN + 1 <= years <= MAX_SPAN + 1:
                    found.append(Candidate(first.year, period_end(first, years),
                                           _score(passage, match.start(), match.end(), 5.0, cue, heading_is_duration,
                                                  ordinal=ordinal, read_before=read),
                                           passage, match.span(), rule))
                    taken.append(match.span())
        for match in YEAR_RANGE.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            start, end = int(match["start"]), int(match["end"])
            if MIN_SPAN <= end - start <= MAX_SPAN:
                found.append(Candidate(start, end,
                                       _score(passage, match.start(), match.end(), 4.0, cue, heading_is_duration,
                                              end - start + 1, ordinal, read),
                                       passage, match.span(), "year_range"))
        read = (read + " " + text)[-ANTECEDENT_CHARS:]
    return found


def end_candidates(doc: Document) -> list[Candidate]:
    """Ends stated without a start ("la CTG court jusqu'en 2027"), in a sentence naming the CTG
    before them; start is 0 in these candidates (not stated)."""
    found: list[Candidate] = []
    read = ""
    for passage in passages(doc):
        text = passage.text
        for match in UNTIL_YEAR.finditer(text):
            if match["year1"]:
                last = _date(match, "1")
                if last is None:
                    continue
                year = last.year if (last.month, last.day) != (1, 1) else last.year - 1
            else:
                year = int(match["year"] or match["fyear"])
            sentence, _, clause = _context(passage, match.start(), match.end())
            if PREVIOUS.search(clause) or PAST_TENSE.search(clause) or _other_plans(sentence, clause) \
                    or "prolong" in clause.lower():
                continue  # a past CTG's end, another plan's, or an amendment's (see _prolongation)
            if CTG_CUE.search(clause) or _pronoun_is_ctg(passage, match.start(), read):
                found.append(Candidate(0, year, 1.0, passage, match.span(), "until_year"))
        read = (read + " " + text)[-ANTECEDENT_CHARS:]
    return found


def _end_only(doc: Document, found: list[Candidate]) -> Period | None:
    """A half-known period from the ends stated alone, when they agree and no well-supported
    full period says otherwise."""
    ends = end_candidates(doc)
    if len({c.end for c in ends}) != 1:
        return None
    if any(c.score >= MIN_SCORE and c.end != ends[0].end for c in found):
        return None
    best = ends[0]
    return Period(doc_id=doc.doc_id, page=best.passage.page.number, rule=best.rule,
                  snippet=snippet(best.passage.text, *best.span), bbox=best.passage.block.bbox.as_tuple(),
                  start=None, end=best.end)


def _prolongation(doc: Document) -> tuple[int, Passage, tuple[int, int]] | None:
    """The last year an amendment extends the CTG to, if the document extends it."""
    for passage in passages(doc):
        for match in PROLONGED.finditer(passage.text):
            end = _date(match)
            if end is not None:
                return (end.year if (end.month, end.day) != (1, 1) else end.year - 1), passage, match.span()
    return None


def extract_period(doc: Document, ordinal: int | None = None) -> Period | None:
    found = candidates(doc, ordinal)
    prolonged = _prolongation(doc)
    # A period that ends when a renewed CTG begins is the one before it ("Du 1er janvier 2020 au
    # 31 décembre 2023, une CTG a été signée ... La CTG, qui sera renouvelée pour la période du
    # 1er janvier 2024 au 31 décembre 2028").
    renewed = [c.start for c in found if c.score > 0 and RENEWAL.search(_context(c.passage, *c.span)[0])]
    totals: dict[tuple[int, int], float] = {}
    for c in found:
        if any(c.end <= start for start in renewed):
            continue
        totals[(c.start, c.end)] = totals.get((c.start, c.end), 0.0) + c.score
    if not totals:
        return _end_only(doc, found)
    ranked = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    (best_value, best_score) = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score < MIN_SCORE:
        return _end_only(doc, found)
    if runner_up > 0 and best_score < LEAD_RATIO * runner_up:
        return None
    best = max((c for c in found if (c.start, c.end) == best_value), key=lambda c: c.score)
    if prolonged and best_value[1] < prolonged[0] <= best_value[0] + MAX_SPAN + 1:
        # An amendment: the CTG now ends later than first agreed.
        end, passage, span = prolonged
        return Period(doc_id=doc.doc_id, page=passage.page.number, rule="prolonged_until",
                      snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(),
                      start=best_value[0], end=end)
    text = best.passage.text
    return Period(
        doc_id=doc.doc_id, page=best.passage.page.number, rule=best.rule,
        snippet=snippet(text, *best.span), bbox=best.passage.block.bbox.as_tuple(),
        start=best_value[0], end=best_value[1],
    )
