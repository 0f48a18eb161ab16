"""The date the CTG is (or will be) signed.

A date counts when the sentence around it is about signing ("sera signée le vendredi 20 janvier
2023", "signée ce mercredi 6 mars 2024", "ont paraphé mardi 14 mai", "Fait à Quimper, le 14 mars
2024") and not about another act (a deliberation, an authorisation, a prefecture stamp, a
publication, a meeting, a presentation), another plan, a previous CTG, a deadline or a start. The
word governing the date decides first ("signée le", "présentée le"). A day and month without a
year ("Ce vendredi 20 janvier à 17h00, ... signeront") counts only when the document states that
same day with its year elsewhere, a year in the same sentence, or the page's own date: a dated
header ("Publié le 14/02/2020", "Publié en mai 2024", "Mis à jour le 18 juin 2024", a leading
"date 2024-09" line, a dateline "mardi 12 avril 2022 à 07:48" or "OUEST-FRANCE – 21 mars 2024"
above the article, a byline "Société | 27/11/2023 | Rédaction"); a dateline also dates a signing
the article tells "aujourd'hui", or in the sentence after it. The header gives the latest such day on or
before it ("le 22 mai dernier" under "Mis à jour le 18 juin 2024": 2024-05-22), the next one
for a signing still to come; a weekday that does not fall on the day so dated drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extract import lexicon
from extract.normalize import (DAY, MONTH_NAME, OCR_DAY, WEEKDAY, YEAR, fold, fold_aligned, make_date, month_number,
                               ocr_digits, weekday_number)
from extract.period import CTG_CUE, OTHER_PLAN
from extract.text import Passage, alternation, passages, sentence_at, snippet
from models.conventions import SignatureDate
from models.document import Document

# A score a date needs to be the signature date.
MIN_SCORE = 4.0

# "le vendredi 20 janvier 2023", "6 mars 2024", "1er juillet 2024".
WRITTEN_DATE = re.compile(rf"\b{DAY}\s+{MONTH_NAME}(?:\s+{YEAR})?\b", re.IGNORECASE)
# A day OCR misread, in a full date: "l8 décembre 2023", "1O mars 2024", "I5 juin 2024".
OCR_WRITTEN_DATE = re.compile(rf"(?<!\w)(?P<day>{OCR_DAY})\s+(?i:{MONTH_NAME})\s+{YEAR}\b")
# "03/02/2023", "3.2.2023".
NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:199|20\d)\d)\b")

# Signing words: "signée", "signe", "signeront", "ont signé", "la signature", "signataires", "ont paraphé",
# "cosignée" (the mentions of places read them too).
SIGNING = re.compile(r"\b(?:co-?)?(?:sign|paraph)(?:é|ée|ées|és|e|es|er|era|eront|ent|ons|ait|aient|ant|ature)\b"
                     r"|\bsignataires?\b", re.IGNORECASE)
# Partners who renewed or concluded their convention signed it: "la Ville et la Caf ont renouvelé, le
# 27 juin, leur convention", "Jeudi 20 mars, la communauté et la Caf ont conclu leur CTG" (a past act
# with its auxiliary; "renouvelée en 2022" dates no signing).
RENEWED = re.compile(r"\b(?:ont|a|avons)\s+(?:(?:officiellement|solennellement|ainsi)\s+)?(?:renouvel[ée]\b|conclu\s+(?:leur|la|une|sa|cette|notre)\s+(?:\w+\s+)?(?:convention|ctg)\b)",
                     re.IGNORECASE)
# The closing formula of a convention: "Fait à Lille, le 3 mars 2025", "Fait en 3 exemplaires à X le".
FAIT_A = re.compile(r"\bfait\s+(?:à|a|au|aux|en)\b[^.;]{0,60}?,?\s*(?:le|en\s+date\s+du)?\s*$", re.IGNORECASE)
# "en date du" after "Fait à": the date of the signing itself.
FAIT_DATE_OF = re.compile(r"en\s+date\s+du", re.IGNORECASE)
# The closing formula of a deliberation's extract: its date is the extract's, not a signature's.
EXTRACT = re.compile(r"extrait\s+conforme|copie\s+conforme|certifi[ée]\s+(?:conforme|ex[ée]cutoire)", re.IGNORECASE)
# A date that bounds a period, not a signing: "du 1er janvier 2020 au 31 décembre 2024".
# "depuis le 1er janvier 2025" too.
PERIOD_BOUND = re.compile(r"(?:(?<!date\s)\bdu|\bau|jusqu['’]\s*au|compter\s+du|partir\s+du|effet\s+au|entre\s+le|\bet\s+le"
                          r"|\bdepuis\s+le)\s*$", re.IGNORECASE)
# A deadline, not a date of signing: "doit être signée avant le 30 juin 2024", "d'ici le 31 décembre".
DEADLINE = re.compile(r"(?:d['’]ici|\bavant|au\s+plus\s+tard|apr[èe]s|au-del[àa]\s+du)\s+(?:le\s+)?$", re.IGNORECASE)
# The first of January starts a period ("Le 1er janvier 2020, la CTG a remplacé le contrat enfance
# jeunesse"): a signing date only when a signing verb governs it.
NEW_YEAR = re.compile(r"0?1(?:er|ᵉʳ)?\s*(?:janv|[/.]0?1[/.])", re.IGNORECASE)
# Right after the date, the CTG so signed coming to its end, which makes it the previous one: "La CTG,
# signée le 12 décembre 2019, arrive à échéance", "..., signée le 3 mai 2018, s'est achevée".
ENDING_AFTER = re.compile(
    r"\W{0,3}(?:(?:est|était)\s+)?(?:arriv\w*\s+(?:à|a)\s+(?:son\s+)?(?:terme|[ée]ch[ée]ance)|s['’]\s*(?:est\s+|était\s+)?ach[eè]v\w*"
    r"|a\s+pris\s+fin|prend\s+fin|expir\w*|(?:est|était)\s+[ée]chue)", re.IGNORECASE)
# A clause citing earlier acts in a deliberation or an amendment: "Vu la convention ... signée le 5
# décembre 2019 ;", "Considérant que la CTG signée le ... arrive à échéance".
CITED = re.compile(r"\W*(?:vu|consid[ée]rant)\b", re.IGNORECASE)
# Other acts whose dates are not the signature's: "délibération ... en date du 11/06/2025",
# "Envoyé en préfecture le", "Publié le", "séance du", "séminaire du", "comité de pilotage du"; a
# council is an act, but not in a role ("présidente du conseil d'administration de la Caf") nor as a venue
# ("dans la salle du conseil communautaire").
OTHER_ACT = re.compile(
    r"""\b(?:d[ée]lib[ée]r\w*|en\s+date\s+du|s[ée]ances?|pr[ée]fecture|publi[ée]e?|mis\s+en\s+ligne|affich[ée]e?
        |re[çc]ue?|envoy[ée]e?|s[ée]minaires?|(?-i:r[ée]unions?)|comit[ée]s?|copil|ateliers?|arr[êe]t[ée]|vu\s+l[ae]
        |n[ée]e?\s+le|mis\s+[àa]\s+jour|actualis[ée]e?|r[ée]union\s+publique|autoris\w*
        |(?<!ident\sdu\s)(?<!idente\sdu\s)(?<!salle\sdu\s)conseil\s+(?:municipal|communautaire|d['’]administration|syndical))\b""",
    re.IGNORECASE | re.VERBOSE,
)


# The word right before a date (see calendar.json "date_governors"), past a "le", "ce", "du" and a
# weekday: "signée le 4 février", "ont paraphé mardi 14 mai", "présentée le 12 mai".
GOVERNOR = re.compile(rf"(?P<word>[\w'’-]+)\s+(?:(?:le|ce|du|au|en\s+date\s+du)\s+)?(?:{WEEKDAY}\s+)?$",
                      re.IGNORECASE)
# The endings a governing stem takes: "sign" -> "signée", "signeront", "signature"; "né" -> "née".
GOVERNOR_ENDING = r"(?:e|ee|es|ees|er|era|eront|ent|ait|aient|ant|i|ie|is|ies|u|ue|us|ues|s|t|te|tes|ure|ature|ation)?"
# A previous CTG as the subject of the signing dated: "La précédente CTG avait été signée le 4 avril
# 2018", "l'ancienne convention, signée le", "la première CTG, qui avait été conclue le".
PREVIOUS_CTG = re.compile(
    r"""(?:pr[ée]c[ée]dente|ancienne|(?P<first>premi[èe]re|1[èe]re))\s+(?:ctg|convention(?:\s+territoriale(?:\s+globale)?)?)
        \s*(?:\([^)]{0,20}\)\s*)?,?\s*(?:qui\s+)?(?P<verb>avait\s+été|a\s+été|fut|était|)\s*
        (?:sign|conclu|paraph)\w*\s+(?:le\s+|en\s+date\s+du\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)
# The day of the page itself: "signent aujourd'hui", "ont signé ce jour", "ont paraphé ce jeudi" (the page's weekday).
TODAY = re.compile(r"\baujourd['’]\s*hui\b|\bce\s+jour\b(?!\s+(?:de|du|où|ou|-là))"
                   rf"|\bce\s+{WEEKDAY}\b(?!\s+(?:\d|prochain|soir\s+prochain))", re.IGNORECASE)
# An event's scene set on a day: "La scène s'est déroulée ce mercredi", "la cérémonie a eu lieu ce jour".
SCENE = re.compile(r"\b(?:s['’]est\s+d[ée]roul[ée]e|a\s+eu\s+lieu|se\s+tenait|s['’]est\s+tenue?)\b", re.IGNORECASE)
# A signing told as done: "ont signé", "a été paraphée", "la signature".
PAST_SIGNING = re.compile(r"\b(?:sign|paraph)(?:é|ée|és|ées)\b|\bsignature\b", re.IGNORECASE)
# Any written or numeric date, in the sentence after a dateline.
ANY_DATE = re.compile(rf"\b\d{{1,2}}(?:er)?\s+{MONTH_NAME}|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}", re.IGNORECASE)

# A year stated with its own time preposition is another event's: "La première convention ayant
# expiré en 2022, une nouvelle ..., le 11 mars, ..." does not date the 11 March.
OWN_TIME = re.compile(r"(?:\ben|depuis|d[èe]s|avant|apr[èe]s|fin|d[ée]but|d['’]ici|\bde|\bà)\s+$", re.IGNORECASE)
# A year in a sentence: "2023".
SENTENCE_YEAR = re.compile(r"\b20\d\d\b")
# A weekday right before a date: "ce mardi 12 mars".
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY}\s*$", re.IGNORECASE)
# A signing still to come: "sera signée le", "signeront", "la signature aura lieu le".
FUTURE = re.compile(r"\b(?:sera|seront|signera|signeront|va|vont|aura|auront|prochaine?s?|pr[ée]vue?s?)\b",
                    re.IGNORECASE)
# A day said to be past: "le 22 mai dernier".
PAST_DAY = re.compile(r"^\s+derni(?:er|ère)\b", re.IGNORECASE)

# The date after a header label ("Publié le" ...): "14/02/2020", ": 04.10.2024", "mardi 18 juin 2024".
# A month alone after a label ("Publié en mai 2024") gives a header of that month.
HEADER_DATE = re.compile(
    rf"""[\s:]*(?:{WEEKDAY}\s+)?(?:{DAY}\s+{MONTH_NAME}\s+{YEAR}
         |(?P<nday>[0-3]?\d)[/.-](?P<nmonth>[01]?\d)[/.-](?P<nyear>(?:199|20\d)\d)\b
         |{MONTH_NAME.replace("(?P<month>", "(?P<mmonth>")}\s+(?P<myear>(?:199|20\d)\d)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# A page's publication month at the start of a block near the top: " date 2024-09", "date 2024-09-17".
ISO_HEADER = re.compile(r"^\s*date\s+(?P<year>(?:199|20\d)\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?\b",
                        re.IGNORECASE)
# A dateline alone on its line near the top: "mardi 12 avril 2022 à 07:48", "Jeudi 9 octobre
# 2014", "Lyon, le 12 mars 2024". A numeric date alone ("14/02/2020 09:15") is not one: that is how a
# browser prints the day of printing in its page header.
# A newspaper's name may stand before or after it: "OUEST-FRANCE – Jeudi 21 mars 2024", "Le Journal
# de Saône-et-Loire, 6 février 2025", "6 février 2025 | Le Progrès"; a printed page's running header
# has its page number and section, the weekday after a mere space: "6 PAYS DE CAUX Mercredi 7 février
# 2024", "CORRÈZE VENDREDI 14 MARS 2025 11".
DATELINE = re.compile(
    rf"""^\W*(?:\d{{1,3}}\s+)?(?:[A-ZÀ-Ý][\w'’ .-]{{1,40}}?(?:,\s*|\s+[|–—-]\s+|\s+(?={WEEKDAY.replace("(?P<weekday>", "(?:")}\s)))?(?:le\s+)?(?:{WEEKDAY}\s+)?
         {DAY}\s+{MONTH_NAME}\s+{YEAR}
         (?:\s*(?:à|,|-)?\s*\d{{1,2}}\s*[h:]\s*\d{{0,2}})?(?:\s+[|–—-]\s+[\w'’ .-]{{1,40}})?(?:\s+\d{{1,3}})?\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A dateline opening the first paragraph, the article going on after it: "BEAUVAIS, 2 juillet 2025 –
# Cinq ans de plus.", "Cayenne, le 6 mars 2024. La Caf ...".
DATELINE_OPENING = re.compile(
    rf"""^\W*[A-ZÀ-Ý][\w'’ .-]{{1,40}}?,\s*(?:le\s+)?(?:{WEEKDAY}\s+)?{DAY}\s+{MONTH_NAME}\s+{YEAR}\s*[.–—:-]\s+\S""",
    re.IGNORECASE | re.VERBOSE,
)
# A weekly's issue line: "LE COURRIER DU SUD-MAYENNE — Semaine du 3 au 9 juillet 2024 — 7"; the page
# is dated by the week's last day.
WEEK_HEADER = re.compile(rf"\bsemaine\s+du\s+\d{{1,2}}(?:er)?(?:\s+\w+)?\s+au\s+{DAY}\s+{MONTH_NAME}\s+{YEAR}\b", re.IGNORECASE)
# A byline with a numeric date between a rubric, a section or an author: "15/05/2025 – Société",
# "Société | 27/11/2023 | Rédaction"; a separator at least, so that a browser's print header
# ("14/02/2020 09:15") is not one.
BYLINE = re.compile(
    r"""^\W*(?P<before>[\w'’ .-]{1,30}?\s+[|–—-]\s+)?(?P<nday>[0-3]?\d)[/.](?P<nmonth>[01]?\d)[/.](?P<nyear>(?:199|20\d)\d)
        (?P<after>\s+[|–—-]\s+[\w'’ .-]{1,30})?\W*$""",
    re.VERBOSE,
)
# An update's label before a byline's date ("Mis à jour – 12/03/2024"): not the page's own date.
UPDATE_WORD = re.compile(r"jour|modifi|actualis", re.IGNORECASE)
# A cover or invitation titled by the signing: "Signature de la Convention territoriale globale",
# "Signature officielle de la CTG".
SIGNING_TITLE = re.compile(r"^\W*signature\s+(?:officielle\s+)?(?:de\s+la|du|des)\b", re.IGNORECASE)
# The title of a council's deliberation: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "Délibération n° 2024-56".
DELIBERATION_TITLE = re.compile(r"registre\s+des\s+d[ée]lib[ée]rations|extrait\s+(?:du\s+)?proc[èe]s-verbal"
                                r"|^\W*d[ée]lib[ée]ration\s+n\s?[°o]", re.IGNORECASE)
# A line of that cover that opens on its date, a venue may follow: "Vendredi 24 novembre 2023 Obernai".
COVER_DATE = re.compile(rf"^\W*(?:{WEEKDAY}\s+)?\d{{1,2}}(?:er)?\s+\w+\.?\s+\d{{4}}$", re.IGNORECASE)
COVER_LINE_CHARS = 80
# How many blocks of the first page a dateline or a "date" line may come after (menus, a site name).
DATELINE_BLOCKS = 10


@dataclass(frozen=True)
class Header:
    """The page's own date; ``day`` None when only the month is given ("date 2024-09");
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
    recent: bool = False        # "le 22 mai dernier"


def _governor(text: str, left: int, start: int) -> str | None:
    """Whose date this is by the word right before it: "signing" ("signée le 4 février", "ont
    paraphé mardi 14 mai"), "other" ("présentée le 12 mai", "réuni le 26 juin"), else None."""
    word = GOVERNOR.search(text, max(left, start - 60), start)
    if not word:
        return None
    signing, other = _governors()
    folded = fold(word["word"])
    return "signing" if signing.fullmatch(folded) else "other" if other.fullmatch(folded) else None


@lru_cache(maxsize=1)
def _governors() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.calendar()["date_governors"]
    stems = [alternation(tuple(fold(w) for w in data[key])).pattern for key in ("signing", "other_acts")]
    return re.compile(stems[0] + GOVERNOR_ENDING), re.compile(stems[1] + GOVERNOR_ENDING)


def _score(passage: Passage, start: int, end: int) -> tuple[float, str]:
    text = passage.text
    left, right = sentence_at(text, start, end)
    before = text[max(left, start - 50):start]
    if PERIOD_BOUND.search(before) or DEADLINE.search(before) or CITED.match(text, left) \
            or ENDING_AFTER.match(text, end) or _of_another_ctg_or_plan(text[left:start], text[left:right]):
        return 0.0, ""
    if FAIT_A.search(text[max(left, start - 80):start]):
        # "Fait à Dijon, en date du 2 juin 2024"; not "Fait à Nîmes, en séance, le ...".
        context = (passage.previous.text if passage.previous else "") + text[:start]
        if EXTRACT.search(context) or any(not FAIT_DATE_OF.fullmatch(m.group()) for m in OTHER_ACT.finditer(before)):
            return 0.0, ""
        return 6.0, "fait_a"
    governor = _governor(text, left, start)
    if governor == "other":
        return 0.0, ""  # "la CTG, signée en 2022, a été présentée le 12 mai 2023"
    if governor == "signing":
        return 5.0, "signing_sentence"  # "le conseil a délibéré ; la CTG a été signée le 15 avril 2024"
    if OTHER_ACT.search(before) or NEW_YEAR.match(text, start):
        return 0.0, ""
    near_left, near_right = max(left, start - 90), min(right, end + 90)
    signing = [m for m in SIGNING.finditer(text, near_left, near_right)]
    acts = [m for m in signing if not m.group().lower().startswith("signataire")]
    if acts:
        # A date with another act named between it and the signing word is that act's: "Le 12 mars
        # 2024, le conseil communautaire a autorisé le président à signer la CTG".
        nearest = min(acts, key=lambda m: abs(m.start() - start))
        between = text[min(end, nearest.end()):max(start, nearest.start())]
        return (5.0, "signing_sentence") if not OTHER_ACT.search(between) else (2.0, "signing_sentence")
    if signing:
        # The signatories named near another act's date: "Les signataires se retrouveront le 15 juin
        # pour le premier comité de pilotage".
        near = text[near_left:near_right]
        return (5.0, "signing_sentence") if not OTHER_ACT.search(near) else (2.0, "signing_sentence")
    sentence = text[left:right]
    if SIGNING.search(sentence) and not OTHER_ACT.search(sentence):
        return 4.0, "signing_sentence"  # "Le 9 avril 2024, la Ville et la Caf ont ..., en signant ..."
    if RENEWED.search(text, left, right) and len(ANY_DATE.findall(sentence)) == 1 and CTG_CUE.search(sentence) \
            and not OTHER_ACT.search(sentence):
        return 4.0, "signing_sentence"  # "ont renouvelé, le 27 juin dernier, leur convention"
    if DATELINE.match(sentence):
        return _dateline_score(text, right)
    return 0.0, ""


def _dateline_score(text: str, right: int) -> tuple[float, str]:
    """A dateline opening an article dates the signing its next sentence tells without a date of
    its own: "Calvi, vendredi 24 novembre 2023. C'est ... que la Caf et la commune ont signé ..."."""
    start = len(text) - len(text[right:].lstrip())
    _, after = sentence_at(text, start, start)
    following = text[start:after]
    if PAST_SIGNING.search(following) and not FUTURE.search(following) and not OTHER_ACT.search(following) \
            and not ANY_DATE.search(following) \
            and not _of_another_ctg_or_plan(following, following):
        return MIN_SCORE, "dateline"
    return 0.0, ""


def _of_another_ctg_or_plan(before: str, sentence: str) -> bool:
    """Whether the signing dated in ``sentence`` is another plan's ("Le contrat de ville a été
    signé le 2 février") or a previous CTG's ("La précédente CTG avait été signée le 4 avril 2018";
    a first CTG only in the pluperfect: "sa première CTG a été signée le" may be this one)."""
    previous = PREVIOUS_CTG.search(before)
    if previous and (not previous["first"] or previous["verb"].lower().startswith(("avait", "était", "fut"))):
        return True
    return bool(OTHER_PLAN.search(before)) and not CTG_CUE.search(sentence)


def candidates(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    signing_title = False  # the cover's title is a signing: "Signature de la Convention territoriale globale"
    deliberation = False   # an extract of a council's register: its "Fait à" dates the deliberation
    for index, passage in enumerate(passages(doc)):
        text = passage.text
        cover = passage.page.number == doc.pages[0].number and index < DATELINE_BLOCKS
        signing_title = signing_title or (cover and bool(SIGNING_TITLE.match(text)))
        deliberation = deliberation or (cover and bool(DELIBERATION_TITLE.search(text)))
        for pattern, rule in ((WRITTEN_DATE, "written"), (NUMERIC_DATE, "numeric"), (OCR_WRITTEN_DATE, "ocr")):
            for match in pattern.finditer(text):
                score, context = _score(passage, *match.span())
                if score <= 0 and signing_title and cover and match.group("year") \
                        and COVER_DATE.match(text[:match.end()]) and len(text) < COVER_LINE_CHARS:
                    # The date line under that title: "Vendredi 24 novembre 2023 Obernai – Hôtel communautaire".
                    score, context = MIN_SCORE, "cover_date"
                if score <= 0 or (deliberation and context == "fait_a"):
                    continue
                year = match.group("year")
                left, right = sentence_at(text, *match.span())
                if year is None:
                    # A year stated in the same sentence completes "le lundi 6 février".
                    years = {m.group() for m in SENTENCE_YEAR.finditer(text, left, right)
                             if not OWN_TIME.search(text[max(left, m.start() - 12):m.start()])}
                    year = years.pop() if len(years) == 1 else None
                day = ocr_digits(match["day"]) if rule == "ocr" else match["day"]
                value = make_date(day, match["month"], year) if year else None
                # 2000 is a leap year: "29 février" keeps its day until a year is known.
                partial = make_date(day, match["month"], 2000)
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
    if "mmonth" in match.re.groupindex and match["mmonth"]:
        month = month_number(match["mmonth"])
        return Header(int(match["myear"]), month, None, updated) if month else None
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
        if top and (line := (len(text) < 80 and DATELINE.match(text)) or DATELINE_OPENING.match(text)) \
                and (header := _header_from(line)):
            dated.append((False, (header.year, header.month, header.day), header))
        if top and (week := WEEK_HEADER.search(text)) and (header := _header_from(week)):
            dated.append((False, (header.year, header.month, header.day), header))
        if top and (line := BYLINE.match(text)) and (line["before"] or line["after"]) \
                and not UPDATE_WORD.search(line["before"] or "") \
                and (value := make_date(line["nday"], line["nmonth"], line["nyear"])):
            dated.append((False, (value.year, value.month, value.day), Header(value.year, value.month, value.day)))
        for label in pattern.finditer(fold_aligned(text).lower()):
            after = HEADER_DATE.match(text, label.end())
            if after and (header := _header_from(after, updated=label.group() not in published)):
                dated.append((header.updated, (header.year, header.month, header.day or 0), header))
    return min(dated, key=lambda item: item[:2])[2] if dated else None


def _dated_by_header(candidate: Candidate, header: Header) -> date | None:
    """The day and month of ``candidate`` in the year the page's date implies: the latest such day
    on or before it, or for a signing to come the next one on or after it. An update's date
    dates only a day checked by its weekday or said recent ("le 22 mai dernier")."""
    if header.updated and candidate.weekday is None and not candidate.recent:
        return None
    month, day = candidate.day_month
    # A header of a month only ("date 2024-09") is taken as the month's last day, or first for a future.
    header_day = header.day or (1 if candidate.future else 31)
    if candidate.future:
        year = header.year if (month, day) >= (header.month, header_day) else header.year + 1
    else:
        year = header.year if (month, day) <= (header.month, header_day) else header.year - 1
    value = make_date(day, month, year)
    if value is None or (candidate.weekday is not None and value.weekday() != candidate.weekday):
        return None
    return value


def _signed_today(doc: Document) -> SignatureDate | None:
    """The page's own dateline, for a signing it tells as done that day with no date of its own:
    "Paris, le 12 mars 2024 ... La Ville et la Caf signent aujourd'hui la convention"."""
    header = None
    for passage in passages(doc):
        text = passage.text
        for today in TODAY.finditer(text):
            left, right = sentence_at(text, today.start(), today.end())
            sentence = text[left:right]
            opening = DATELINE_OPENING.match(sentence)
            if opening:
                sentence = sentence[opening.end() - 1:]  # the page's own dateline dates nothing else
            # The scene set that day, the signing told in the next sentence: "La scène s'est déroulée
            # ce mercredi, à la mairie. Le maire et la directrice ont apposé leur signature ...".
            scene = SCENE.search(sentence)
            following = text[right:sentence_at(text, right + 1, right + 1)[1]] if scene and right < len(text) else ""
            if not (SIGNING.search(text, max(left, today.start() - 40), min(right, today.end() + 40))
                    or PAST_SIGNING.search(following)) \
                    or any(FUTURE.search(s) or OTHER_ACT.search(s) or ANY_DATE.search(s) for s in (sentence, following)):
                continue
            header = header or page_date(doc)
            if header is None or header.day is None or header.updated:
                return None
            # "ont paraphé ce jeudi" under "Jeudi 6 novembre 2025": the page's day, if the weekday agrees.
            if today["weekday"] and date(header.year, header.month, header.day).weekday() != weekday_number(today["weekday"]):
                continue
            return SignatureDate(doc_id=doc.doc_id, page=passage.page.number, rule="signed_today",
                                 snippet=snippet(text, *today.span()), bbox=passage.block.bbox.as_tuple(),
                                 value=date(header.year, header.month, header.day))
    return None


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
    if not found:
        return _signed_today(doc)
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
