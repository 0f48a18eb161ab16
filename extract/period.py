"""The period a CTG covers (first and last year).

Three ways a period is stated, from the most to the least explicit:

- a date range: "du 1er janvier 2025 au 31 décembre 2029";
- a duration from a start: "pour une durée de cinq ans à compter du 01/01/2023";
- a year range: "2022-2026", "2022 à 2026", in a sentence or title about the CTG.

When none of these is stated, an end alone may be ("la CTG court jusqu'en 2027"): the period is
then half known, its start None.

Each candidate is scored by its context: a CTG cue near it (CTG, convention territoriale globale,
"la présente convention", a "Durée" heading, a noun or pronoun standing for it) raises it; the
name of another plan before it (COG, contrat de ville, schéma, agrément...) or a previous CTG
("précédente", "2017-2021 arrivée à échéance") counts against that value. Years of something
else on a page about the CTG do not count: statistics ("données 2017-2021"), an action's time
("De 2019 à 2022, la ville a ouvert ..."), a thing done "dans le cadre de la CTG", a listing of
several territories' periods. Scores add up per value; the best value must clear a
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
# du 1er janvier 2022", "conclue pour quatre ans à compter du 1er janvier 2025".
DURATION_THEN_START = re.compile(
    rf"""(?:dur[ée]e\s+(?:de\s+)?|\bpour\s+)(?P<years>\d{{1,2}}|[a-zé]+)\s*(?:\([^)]{{1,12}}\)\s*)?ans?\b
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
# le 1er janvier 2024. Ils valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus",
# "La présente convention prend effet au 1er janvier 2023. Elle prend fin le 31 décembre 2026".
START_THEN_END = re.compile(
    rf"""(?:à\s+compter|à\s+partir|à\s+dater|pren\w*\s+effet|entre\w*\s+en\s+vigueur)\s+(?:du|au|le)\s+
         {_named(_DATE, '1')}[^;]{{0,120}}?
         (?:\bjusqu['’]\s*au|\b(?:pren\w*|prendra)\s+fin\s+(?:le|au)|\bs['’]\s*ach[èe]v\w*\s+le
            |\bse\s+termin\w*\s+le|\bexpir\w*\s+le|\bcess\w*\s+(?:de\s+produire\s+ses\s+effets\s+)?le)
         \s+{_named(_DATE, '2')}""",
    re.IGNORECASE | re.VERBOSE,
)

# "2022-2026", "2022 – 2026", "2022/2026", "2022 à 2026", "de 2022 à 2026", "entre 2022 et 2026",
# "à partir de 2024 et jusqu'en 2028", a slide's "2025 > 2029"; web pages also write the Unicode
# hyphens U+2010, U+2011 and the minus sign: "2022‐2025". The end may be short after a dash or a
# slash ("2022-26"), or carry a month or "fin" ("de janvier 2022 à décembre 2026", "de 2022 à fin
# 2025"); a short end is no count of years or a percentage ("2019-25 ans").
YEAR_RANGE = re.compile(
    r"(?<![\d/.])(?P<start>(?:19|20)\d{2})\s*(?:[-–—/‐‑−>]|\bà\b|\bau\b|\bet\b|(?:\bet\s+)?\bjusqu['’]\s*en\b)\s*"
    r"(?:(?:(?:la\s+)?fin\s+(?:d[ée]cembre\s+)?|" + MONTH_NAME.replace("?P<month>", "?:") + r"\s+)(?=\d))?"
    r"(?P<end>(?:19|20)\d{2}|(?<=[-–—/‐‑−])\d{2}(?!\s*(?:ans?\b|%|€)))(?![\d/])",
    re.IGNORECASE,
)


def range_years(match: re.Match) -> tuple[int, int]:
    """A year range's first and last years: "2022-26" ends in 2026."""
    start, end = int(match["start"]), int(match["end"])
    return start, end if end >= 100 else start // 100 * 100 + end


# An end without a start: "jusqu'en 2026", "jusqu'à fin 2027", "jusqu'à la fin de l'année 2026",
# "jusqu'en décembre 2027", "jusqu'au 31 décembre 2027".
UNTIL_YEAR = re.compile(
    rf"""\bjusqu['’]\s*(?:en\s+(?:{MONTH_NAME}\s+)?(?P<year>(?:19|20)\d{{2}})
        |à\s+(?:la\s+)?fin\s+(?:de\s+l['’]ann[ée]e\s+|d[ée]cembre\s+)?(?P<fyear>(?:19|20)\d{{2}})
        |au\s+{_named(_DATE, '1')})""",
    re.IGNORECASE | re.VERBOSE,
)

# Words that tie a sentence to the CTG: "CTG", "Ctg", "convention territoriale globale",
# "la présente convention", "cette convention", the partners' own: "leur convention".
CTG_CUE = re.compile(
    r"\bctg\b|convention\s+territoriale\s+globale|(?:pr[ée]sente|cette|la|nouvelle|leur|sa|notre)\s+convention\b",
    re.IGNORECASE,
)

# Verbs and nouns that introduce a period: "couvrira la période de", "pour la période",
# "conclue pour", "sur la durée", "court de 2024 à 2028".
PERIOD_CUE = re.compile(
    r"couvr\w*|p[ée]riode|dur[ée]e|conclue?|sign[ée]e?s?\s+pour|valable|engag\w+\s+(?:pour|sur)|\bcour(?:t|ra|rra)\b",
    re.IGNORECASE,
)

# Another plan or contract whose years come just before the range: "COG 2022-2026",
# "contrat de ville 2015-2022", "Schéma départemental des services aux familles 2020-2024", a
# centre social's "agrément ... renouvelé pour 2024-2027".
OTHER_PLAN = re.compile(
    r"""\b(?:c?pog|cog|cej|contrats?\s+enfance[\s-]+jeunesse|contrats?\s+de\s+ville|pedt|projet\s+[ée]ducatif
        |sdsf|sch[ée]ma|plh|programme\s+local|cls|contrat\s+local|mandat|plan\s+(?:local|d[ée]partemental|national)
        |projets?\s+de\s+territoire
        |prs|crte|contrat\s+de\s+relance|cpo|convention\s+d['’]objectifs|qpv|quartiers?\s+\d{4}
        |agr[ée]ments?|projets?\s+socia(?:l|ux)|projets?\s+d['’][ée]tablissement)\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A previous or expired CTG: "la précédente CTG (2017-2021)", "l'ancienne convention",
# "arrivée à échéance", "la première CTG couvrait 2016-2020", "après un premier contrat conclu pour
# 2016-2019" (a CTG is a convention; the contract before it, a CEJ or a first CTG), "succède à la
# convention territoriale globale 2019-2023", "prend la suite de celle conclue pour 2018-2022".
PREVIOUS = re.compile(
    r"""pr[ée]c[ée]dent\w*|ancienne?s?|derni[èe]re?s?\s+ctg|[ée]chue|arriv[ée]e?\s+[àa]\s+[ée]ch[ée]ance|expir\w+
      |bilan\s+de\s+la|premi[èe]re\s+(?:ctg|convention\s+territoriale)|premier\s+contrat
      |succ[èe]de\s+[àa]|prend\s+la\s+suite\s+d|fait\s+suite\s+[àa]|remplace\s+(?:la|l['’]\s*ancienne)\s+(?:ctg|convention)|\ba\s+couvert\b|\bcouvrait\b|\bavait\s+(?:couvert|[ée]t[ée])\b
      |\bs['’]est\s+achev|\bapr[èe]s\s+(?:une|la|sa)\s+(?:premi[èe]re|deuxi[èe]me|pr[ée]c[ée]dente|1[èe]re|2[èe]?me)""",
    re.IGNORECASE | re.VERBOSE,
)

# An amendment pushing the end of the CTG: "elle est prolongée jusqu'au 31 décembre 2025",
# "le présent avenant prolonge la CTG jusqu'au 31/12/2025", "les partenaires prolongent leur
# convention d'un an, jusqu'en 2026", "prorogée jusqu'à fin 2027".
PROLONGED = re.compile(
    rf"""(?:prolong|prorog)\w*\s+(?:(?:la|leur|sa|cette|notre)\s+(?:ctg|convention(?:\s+territoriale\s+globale)?)\s+)?
         (?:d['’]une?\s+(?:ann[ée]e|an|\w+\s+ans?)\s*,?\s+)?
         jusqu['’]\s*(?:au\s+{_DATE}|en\s+(?P<year_only>(?:19|20)\d{{2}})|à\s+(?:la\s+)?fin\s+(?P<fin_year>(?:19|20)\d{{2}}))""",
    re.IGNORECASE | re.VERBOSE,
)

# An amendment's word: "prolongée", "prorogée".
AMENDED = re.compile(r"prolong|prorog", re.IGNORECASE)

# The CTG that takes over from an earlier one: "la CTG, qui sera renouvelée pour la période ...",
# "une nouvelle CTG 2024-2028", "la reconduction de la convention".
RENEWAL = re.compile(r"renouvel\w*\b(?!\s+urbain)|reconduction|reconduite?|nouvelle\s+(?:ctg|convention|mouture)",
                     re.IGNORECASE)

# A past tense before an end: "la CTG courait jusqu'en 2021", "qui avait été prolongée jusqu'en 2022"
# (two letters at least before "-ait": not "fait").
PAST_TENSE = re.compile(r"\b\w{2,}(?:ait|aient)\b", re.IGNORECASE)

# A second predicate of the sentence's subject after another plan's name: "Elle succède au
# Contrat Enfance Jeunesse et s'étendra sur la période 2021-2024": the years are the subject's.
COORDINATED_PREDICATE = re.compile(
    r"\bet\s+(?:elle\s+)?(?:couvr\w*|s['’]\s*[ée]tend\w*|courr?\w*|porter?a?\s+sur|vaut|vaudra"
    r"|(?:sera|est)\s+(?:conclue|valable|sign[ée]e))\b",
    re.IGNORECASE,
)
# A sentence whose subject may stand for the CTG named before: a pronoun or a plain noun ("Elle
# couvrira", "Ce nouveau contrat couvre", "Le nouveau texte court de 2024 à 2028", "Celle de Lure
# vaut pour quatre ans" among several CTGs named), after a fronted phrase or not ("Valable jusqu'en
# 2028, le document s'inscrit ..."); what it stands for is the nearest plan named before it (see
# _pronoun_is_ctg).
CTG_SUBJECT = re.compile(
    r"""^\W*(?:[^,.;:]{0,60},\s*)?(?P<subject>elle|celle-ci|celle\s+(?:de|du|des|d['’])(?=\s*\w)
        |(?:le|ce|cet)\s+(?:nouveau\s+|nouvel\s+|pr[ée]sent\s+)?(?:texte|document|contrat|accord)(?!\s+(?:de|d['’]|du|des)\b))\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Statistics over a span of years: "évolution entre 2017 et 2022", "taux d'évolution sur la période".
STATISTICS = re.compile(r"[ée]volution|entre\s+\d{4}\s+et|variation|hausse|baisse|progression|recensement|insee"
                        r"|donn[ée]es|naissances|statistiques?|chiffres", re.IGNORECASE)
# How close before a range a statistics word makes it the span of the figures, CTG named or not:
# "le diagnostic de la CTG s'appuie sur les données Caf 2017-2021".
STATISTICS_REACH = 30

# Right after a range, a CTG said to be over: "La CTG 2017-2021 est arrivée à son terme", "la CTG
# 2018-2021 avait permis", "(2015-2019), échue depuis".
ENDED_AFTER = re.compile(
    r"""\W{0,3}(?:\([^)]{0,30}\)\W{0,3})?(?:qui\s+)?(?:avai(?:t|ent)\b
        |[^.;]{0,30}?\b(?:est\s+arriv[ée]e|arriv[ée]e|[ée]tait\s+arriv[ée]e)\s+(?:à|a)\s+(?:son\s+)?(?:terme|[ée]ch[ée]ance)
        |[^.;]{0,30}?\b(?:s['’]est\s+achev[ée]e|s['’]achevait|a\s+pris\s+fin|[ée]chue|a\s+expir[ée]|expir[ée]e|couvrait|courait)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# A mention of the CTG as the frame of something else: "agréé ... dans le cadre de la CTG", "financé
# au titre de la CTG", "inscrite dans la CTG", "il s'inscrit dans la CTG".
ADJUNCT = re.compile(
    r"""(?:dans\s+le\s+cadre\s+d[eu]|au\s+titre\s+d[eu]|gr[âa]ce\s+[àa]|inscrit\w*\s+dans|pr[ée]vu\w*\s+(?:par|dans)
        |financ[ée]\w*\s+par|en\s+lien\s+avec|s['’]inscri\w+\s+dans|au\s+service\s+d[eu]|comme)
        \s+(?:(?:la|les|cette|notre|sa|leur)\s+|l['’]\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A range opening the sentence as a time adverbial: "De 2019 à 2022, la ville a ouvert ...".
FRONTED_RANGE = re.compile(r"\W*(?:de|du|entre)\s+$", re.IGNORECASE)
# The subject after that adverbial, when it is the CTG: "De 2018 à 2021, une CTG a été signée".
CTG_SUBJECT_AFTER = re.compile(r"\s*,\s*(?:(?:une|la|cette|leur|notre|sa)\s+(?:premi[èe]re\s+|nouvelle\s+)?)?(?:ctg|convention)",
                               re.IGNORECASE)

# A range between two years told as a span of activity, not as a period: "le diagnostic a été
# réalisé entre 2021 et 2023" (a CTG's period, so written, comes with "période", "couvre" ...).
BETWEEN_YEARS = re.compile(r"\bentre\s+$", re.IGNORECASE)

# What introduces a range as a period in a line that does not name the CTG: "pour 2024-2028",
# "sur la période 2023-2027", "durant les années".
PERIOD_LEAD = re.compile(r"(?:\bpour|\bsur|p[ée]riode|ann[ée]es|\bdurant)\s*(?:les\s+|la\s+)?$", re.IGNORECASE)
# What else a line may hold for a range in it to stand as a period label: "2024 – 2028", "5 ans
# 2022-2026", "Période : 2024-2028", "territoriale globale 2024-2028" (a title cut by OCR); not
# "Naissances domiciliées 2016-2021".
LABEL_WORD = re.compile(
    r"\b(?:p[ée]riode|dur[ée]e|\d\s+ans|(?:trois|quatre|cinq|six)\s+ans|ctg|convention|territoriale|globale|pour|sur|de|du|au|à|a)\b",
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
    a second predicate ("Elle succède au CEJ et s'étendra sur la période 2021-2024")."""
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
# How far before an attached name a CTG may be named and still own the range: "la CTG du Grand
# Villeneuvois 2021-2025".
CTG_NAME_REACH = 60


def _attached_to_another(clause: str) -> bool:
    """Whether a year range is part of the name of something other than the CTG: it follows a
    word directly (no "pour", "période" or verb between), and that word neither ends a CTG cue
    ("la CTG 2022-2026", "convention territoriale globale 2022-2026") nor ends a place's name
    that a CTG cue shortly before opens ("la CTG du Grand Villeneuvois 2021-2025"). Lists of other
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
# "années", "signée", "conclue", "couvrira", "jusqu'en", a month ("de janvier 2024 à décembre 2028").
PERIOD_WORD = re.compile(r"pour|sur|periodes?|annees|ans?|de|du|des|la|les|entre|en|et|a|au|jusqu'en|durant"
                         r"|[a-z]+(?:ee|ees|ue|ues|ra|ront|rait|ant)|court|couvre|vaut|valable"
                         r"|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre",
                         re.IGNORECASE)


# A plan the CTG replaces, which is no antecedent of a later pronoun: "la CTG, qui remplacera les
# anciens contrats enfance-jeunesse", "prend le relais du CEJ", "fini le contrat enfance jeunesse".
REPLACED = re.compile(
    r"""(?:remplac\w*|relais|succ[èe]d\w*|fini|fin|place|lieu)\s+(?:d[eu]s?\s+|aux?\s+|à\s+)?
        (?:les?\s+|la\s+|l['’]\s*)?(?:anciens?\s+|anciennes?\s+|actuels?\s+|ex-?)?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A document named, then a relative clause about it: "ce document qui encadrera", "le texte, qui court".
DOCUMENT_RELATIVE = re.compile(r"\b(?:ce|cet|le)\s+(?:nouveau\s+|nouvel\s+)?(?:document|texte|accord|contrat)\s*,?\s+qui\b",
                               re.IGNORECASE)
# How much text read before a sentence is searched for what its pronoun stands for.
ANTECEDENT_CHARS = 600


def _pronoun_is_ctg(passage: Passage, start: int, read_before: str) -> bool:
    """Whether the sentence at ``start`` opens on a pronoun ("Elle couvrira la période ...") whose
    nearest antecedent, in the text read before it (earlier passages and pages included), is the
    CTG rather than another plan."""
    left, _ = sentence_at(passage.text, start, start)
    subject = CTG_SUBJECT.match(passage.text[left:])
    return bool(subject) and _antecedent_is_ctg(read_before + " " + passage.text[:left + subject.start("subject")])


def _antecedent_is_ctg(earlier: str) -> bool:
    """Whether the nearest plan named at the end of ``earlier`` (the last ANTECEDENT_CHARS) is the
    CTG rather than another plan (one the CTG replaces aside)."""
    earlier = earlier[-ANTECEDENT_CHARS:]
    cues = [m.end() for m in CTG_CUE.finditer(earlier)]
    plans = [m.end() for m in OTHER_PLAN.finditer(earlier)
             if not REPLACED.search(earlier[max(0, m.start() - 40):m.start()])]
    return bool(cues) and (not plans or cues[-1] > plans[-1])


def _relative_is_ctg(passage: Passage, start: int, read_before: str) -> bool:
    """Whether the range is told in a relative clause about a document named just before ("... à
    signer avec la Caf ce document qui encadrera la politique familiale de 2025 à 2029") whose
    nearest antecedent is the CTG, as for a pronoun (``_pronoun_is_ctg``)."""
    left, _ = sentence_at(passage.text, start, start)
    relatives = list(DOCUMENT_RELATIVE.finditer(passage.text, left, start))
    return bool(relatives) and _antecedent_is_ctg(read_before + " " + passage.text[:relatives[-1].start()])


def _time_adverbial(text: str, start: int, end: int) -> bool:
    """Whether a range opens its sentence as the time of some other action: "De 2019 à 2022, la
    ville a ouvert trois crèches"; not "De 2018 à 2021, une CTG a été signée"."""
    left, _ = sentence_at(text, start, end)
    return bool(FRONTED_RANGE.fullmatch(text, left, start) and text[end:end + 3].lstrip()[:1] == ","
                and not CTG_SUBJECT_AFTER.match(text, end))


# A participle opening an apposition: "labellisée", "adopté", "retenue", "classés", "reconnue".
APPOSED_PARTICIPLE = re.compile(r"^\s*(?:\w+\s+)?[a-zàâéèêëîïôûç]+(?:é|ée|és|ées|ue|ues|ie|ies)\b", re.IGNORECASE)


def _apposed_to_another(sentence: str, at: int) -> bool:
    """Whether the range at ``at`` stands in a participle's apposition between commas to a subject
    that is not the CTG: "La ville, labellisée Ville amie des enfants pour 2020-2026, a signé sa
    CTG", "Le projet de territoire, adopté pour 2022-2028, ..."; not "La CTG, signée pour
    2022-2026, ..."."""
    opening = sentence.rfind(",", 0, at)
    closing = sentence.find(",", at)
    if opening <= 0 or closing < 0 or not APPOSED_PARTICIPLE.match(sentence[opening + 1:at]):
        return False
    return not CTG_CUE.search(sentence[:opening])


def _names_ctg(sentence: str, at: int) -> bool:
    """Whether ``sentence`` names the CTG as what it speaks of, not only in an adjunct about
    something else ("Le relais est agréé pour quatre ans ... dans le cadre de la CTG"), unless the
    range at ``at`` follows that very mention ("dans le cadre de la CTG 2022-2026")."""
    for cue in CTG_CUE.finditer(sentence):
        if not ADJUNCT.search(sentence, max(0, cue.start() - 40), cue.start()) \
                or (cue.end() <= at and not sentence[cue.end():at].strip(" ()")):
            return True
    return False


def _told_as_period(passage: Passage, start: int, end: int, sentence: str) -> bool:
    """Whether a range in a line that does not name the CTG is told as a period: a label alone
    ("2024 – 2028" under the title), a period word ("pour 2024-2028", "sur la période"); not the
    years of some other undertaking on a page about the CTG ("les travaux s'étaleront de 2025 à
    2027")."""
    text = passage.text
    if not LABEL_WORD.sub("", text[:start] + " " + text[end:]).strip(" \t\n:–—-|/().,"):
        return True
    return bool(PERIOD_CUE.search(sentence) or PERIOD_LEAD.search(text[max(0, start - 30):start]))


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
    if STATISTICS.search(sentence) and not CTG_CUE.search(sentence) \
            or STATISTICS.search(clause[-STATISTICS_REACH:]):
        return 0.0
    if ENDED_AFTER.match(passage.text, end):
        return -3.0  # "La CTG 2017-2021 est arrivée à son terme", "La CTG 2018-2021 avait permis"
    if _time_adverbial(passage.text, start, end):
        return 0.0  # "De 2019 à 2022, la ville a ouvert trois crèches grâce à la CTG"
    if BETWEEN_YEARS.search(passage.text[max(0, start - 8):start]) and not PERIOD_CUE.search(sentence):
        return 0.0  # "le diagnostic a été réalisé entre 2021 et 2023"
    at = start - sentence_at(passage.text, start, end)[0]  # where the range stands in its sentence
    if _apposed_to_another(sentence, at):
        return 0.0  # "La ville, labellisée Ville amie des enfants pour 2020-2026, a signé sa CTG"
    if _names_ctg(sentence, at) or under_duration_heading \
            or _pronoun_is_ctg(passage, start, read_before) or _relative_is_ctg(passage, start, read_before):
        return base + (1.0 if PERIOD_CUE.search(sentence) else 0.0)
    heading = _heading_context(passage)
    if _names_ctg(heading, start + len(heading) - len(passage.text)) and _told_as_period(passage, start, end, sentence):
        return base
    if page_has_cue and _told_as_period(passage, start, end, sentence):
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
                if rule == "start_then_end" and AMENDED.search(match.group()):
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
        listed = _listing(text)
        for match in YEAR_RANGE.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            start, end = range_years(match)
            if MIN_SPAN <= end - start <= MAX_SPAN:
                score = _score(passage, match.start(), match.end(), 4.0, cue, heading_is_duration,
                               end - start + 1, ordinal, read)
                found.append(Candidate(start, end, min(score, 0.0) if match.start() in listed else score,
                                       passage, match.span(), "year_range"))
        read = (read + " " + text)[-ANTECEDENT_CHARS:]
    return found


def _listing(text: str) -> set[int]:
    """Where year ranges of a listing start: two ranges or more of one sentence, each right after a
    different name ("CTG signées : Agde (2019-2023), Sète (2020-2024)"), are those names' periods,
    none of them this document's."""
    by_sentence: dict[int, dict[int, str]] = {}
    for match in YEAR_RANGE.finditer(text):
        left, _ = sentence_at(text, match.start(), match.end())
        named = ATTACHED_WORD.search(text, max(left, match.start() - 40), match.start())
        if named and named["word"][:1].isupper() and fold(named["word"]) not in CTG_WORDS \
                and not OTHER_PLAN.fullmatch(named["word"]):
            by_sentence.setdefault(left, {})[match.start()] = named["word"]
    return {start for names in by_sentence.values() if len(set(names.values())) > 1 for start in names}


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
                    or AMENDED.search(clause):
                continue  # a past CTG's end, another plan's, or an amendment's (see _prolongation)
            if _names_ctg(clause, -1) or _pronoun_is_ctg(passage, match.start(), read) \
                    or _fronted_before_ctg(text, match.end()):
                found.append(Candidate(0, year, 1.0, passage, match.span(), "until_year"))
        read = (read + " " + text)[-ANTECEDENT_CHARS:]
    return found


# The end of a fronted phrase, then the subject: "Valable jusqu'en 2027, la convention ...".
FRONTED_END = re.compile(r"[^,.;:]{0,25},\s*")


def _fronted_before_ctg(text: str, end: int) -> bool:
    """Whether the phrase holding ``end`` is fronted before a subject that names the CTG:
    "Valable jusqu'en 2027, la convention territoriale globale fixe quatre axes"."""
    fronted = FRONTED_END.match(text, end)
    return bool(fronted and CTG_CUE.match(text, fronted.end()))


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
    """The last year an amendment extends the CTG to, if the document extends it (not another
    plan: "le contrat de ville, prolongé jusqu'au 31 décembre 2030")."""
    for passage in passages(doc):
        for match in PROLONGED.finditer(passage.text):
            left, _ = sentence_at(passage.text, match.start(), match.end())
            clause = passage.text[left:match.start()]
            if _other_plans(clause + match.group(), clause):
                continue
            if match["year_only"] or match["fin_year"]:
                return int(match["year_only"] or match["fin_year"]), passage, match.span()
            end = _date(match)
            if end is not None:
                return (end.year if (end.month, end.day) != (1, 1) else end.year - 1), passage, match.span()
    return None


def _prolonged_end(doc: Document, prolonged: tuple[int, Passage, tuple[int, int]] | None) -> Period | None:
    """When no period is stated, the end an amendment gives the CTG named in its sentence ("la Caf
    et la commune prolongent leur CTG jusqu'en 2026"): a half-known period."""
    if prolonged is None:
        return None
    end, passage, span = prolonged
    left, _ = sentence_at(passage.text, *span)
    if PREVIOUS.search(passage.text, left, span[0]):
        return None
    if not CTG_CUE.search(passage.text, left, span[1]):
        # "Elle est prolongée jusqu'en 2025": the CTG when it is the pronoun's antecedent.
        read = ""  # the end of the text before, as candidates() keeps it
        for other in passages(doc):
            if other is passage:
                break
            read = (read + " " + other.text)[-ANTECEDENT_CHARS:]
        if not _pronoun_is_ctg(passage, span[0], read):
            return None
    return Period(doc_id=doc.doc_id, page=passage.page.number, rule="prolonged_until",
                  snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(), start=None, end=end)


# Digits OCR takes for one another ("2025" read "2023").
OCR_CONFUSED = frozenset({frozenset("35"), frozenset("38"), frozenset("58"), frozenset("68"), frozenset("08"),
                          frozenset("17"), frozenset("69")})
# The usual spans of a CTG, between first and last year (4 or 5 years).
USUAL_SPANS = (3, 4)


def _ocr_misread(found: list[Candidate], one: tuple[int, int], other: tuple[int, int]) -> tuple[int, int] | None:
    """Of two periods of a scan that differ by one digit OCR confuses ("2025-2029" and "2023-2029"),
    the one of a usual CTG span; None when that does not tell them apart."""
    scanned = any(c.passage.page.ocr for c in found if (c.start, c.end) in (one, other))
    differing = [(a, b) for a, b in zip(f"{one[0]}{one[1]}", f"{other[0]}{other[1]}") if a != b]
    if not scanned or len(differing) != 1 or frozenset(differing[0]) not in OCR_CONFUSED:
        return None
    usual = [value for value in (one, other) if value[1] - value[0] in USUAL_SPANS]
    return usual[0] if len(usual) == 1 else None


def extract_period(doc: Document, ordinal: int | None = None) -> Period | None:
    found = candidates(doc, ordinal)
    prolonged = _prolongation(doc)
    # A period that ends when a renewed CTG begins is the one before it ("Une CTG a été conclue
    # du 1er janvier 2019 au 31 décembre 2022 ... Elle sera renouvelée pour la période
    # 2023-2027").
    renewed = [c.start for c in found if c.score > 0 and RENEWAL.search(_context(c.passage, *c.span)[0])]
    totals: dict[tuple[int, int], float] = {}
    for c in found:
        if any(c.end <= start for start in renewed):
            continue
        totals[(c.start, c.end)] = totals.get((c.start, c.end), 0.0) + c.score
    if not totals:
        return _end_only(doc, found) or _prolonged_end(doc, prolonged)
    ranked = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    (best_value, best_score) = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score < MIN_SCORE:
        return _end_only(doc, found) or _prolonged_end(doc, prolonged)
    if runner_up > 0 and best_score < LEAD_RATIO * runner_up:
        best_value = _ocr_misread(found, best_value, ranked[1][0])
        if best_value is None:
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
