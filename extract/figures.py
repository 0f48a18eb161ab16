"""Key figures of the territory: value, unit, label and year.

A number is a figure when something says what it counts: a percent sign, euros (or "millions"
in a sentence about money), or a count noun after it ("298 foyers allocataires", "23 RPE",
"46 Collectifs ... (Clas)", "5 axes majeurs", "12 fiches action", "1 centre social"). A big
number standing alone in a key-figures layout takes its unit and label from the caption beside or
below it. Not figures of the territory: comparisons ("Nord: 58.5%", "contre 27% au niveau du
département"), another territory's column in a side-by-side comparison, a larger territory the
commune belongs to ("fait partie de la CA ..., qui compte 17 communes"), national statistics
("au niveau national, ... 91 % des habitants"), changes ("+4.8%"), ages, durations, dates and
ratios. Counts written in words ("trois axes") are left out: readers take the figures stated in
digits.

Key figures are those a document presents as such: under a "Chiffres clés" or "Focus" heading,
as big numbers, in tables, in prose. Numbers in the bullet lists of a detailed analysis
("synthèse") support the analysis and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import clean, fold, fold_aligned, fold_key, parse_amount, parse_number, territory_key
from extract.objectives import MARKUP_DEBRIS, reads_as_objective
from extract.themes import body_size
from extract.text import alternation, sentence_at
from models.conventions import Territory
from models.document import Block, Document, Page
from models.figures import Figure, Unit

# A number as French documents write it: "1 641", "27 162 662", "34,9", "50.3", "1650".
# (Thousands are grouped by a space, a no-break space or a thin one.)
NUMBER = re.compile(r"(?<![\w.,/+-])(?P<number>\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w/])")
# A scale word glued to its number: "2,4millions", "12M€".
GLUED_SCALE = re.compile(r"(\d)(millions?|milliards?|M€|k€|€)", re.IGNORECASE)
# A change rather than a level: "+4.8%", "- 20.4% entre 2017 et 2022", "une hausse de 3.2%".
# (A dash that opens a list item is a bullet, not a minus.)
CHANGE = re.compile(r"(?:[+±−]\s*$|(?<=\S)[ \t]?[-–]\s*$|\b(?:hausse|baisse|augmentation|diminution|évolution|progression|recul)"
                    r"\s+de\s*$)", re.IGNORECASE)
# A threshold or a target rather than a level: "constitués à plus de 50 % de prestations",
# "un taux supérieur à 70 %", "atteindre 45 places", "objectif de 80 %".
THRESHOLD_OR_TARGET = re.compile(
    r"(?:\b[àa]\s+(?:plus|moins)\s+de|\bsup[ée]rieure?s?\s+[àa]|\binf[ée]rieure?s?\s+[àa]|\bau-del[àa]\s+de"
    r"|\bd[ée]passant|\batteindre|\bobjectif\s+de|\bviser|\bporter\s+[àa])\s*$", re.IGNORECASE)
# An average after which a bracketed figure is the comparison: "la moyenne landaise (64,8 %)",
# "moyenne nationale : 59 %" (text folded).
AVERAGE_BEFORE = re.compile(r"\bmoyenne(?:\s+[a-z-]+){0,2}\s*[:(]\s*$")
# A ratio or a time: "1/5", "2/3", "7h30", "18h30".
RATIO_OR_TIME = re.compile(r"^\s*(?:/\s*\d|h\s*\d{0,2}\b)")
# Words before a number that make it a label, not a quantity: "Article 5", "Objectif 2", "n° 3".
ORDINAL_WORDS = re.compile(r"\b(?:article|objectif|axe|annexe|n°|no|page|phase|étape|tome|fiche|action"
                           r"|le|du|au)\s*$", re.IGNORECASE)
# A territory's population in brackets heading a comparison column: "(126 968 habitants)".
COLUMN_HEADER = re.compile(r"\(\s*[\d\s\u202f]+habitants?\s*\)", re.IGNORECASE)
# A column header naming a territory by its kind: "Agglomération de Béziers Méditerranée",
# "Département", "France entière", "Région Occitanie".
OTHER_TERRITORY_HEADER = re.compile(r"^(?:agglom[ée]ration|communaut[ée]|d[ée]partement|r[ée]gion|france|m[ée]tropole)\b",
                                    re.IGNORECASE)
# A sentence given as a comparison: "À titre de comparaison, le taux atteint 44,2 % ...".
COMPARISON_SENTENCE = re.compile(r"\b(?:[àa]\s+titre\s+de\s+comparaison|en\s+comparaison|par\s+comparaison|comparativement)",
                                 re.IGNORECASE)
# The words after a figure name a larger area before any break: "96 % des habitants du
# département", "des familles de la région", "au niveau national" (text folded).
WIDER_AREA_LABEL = re.compile(
    r"\s*%?\s*(?:[a-z'-]+\s+){0,5}?(?:du\s+departement|de\s+la\s+region|de\s+france|au\s+niveau\s+national)\b")
# A sentence opening on a place, then a comma: "En Haute-Vienne, ", "À l'échelle du département, "
# (text folded).
WIDER_AREA_OPENING = re.compile(
    r"^\s*(?:en|dans\s+(?:le|la|les|l')|a\s+l'echelle\s+(?:de\s+la|du|des|de\s+l'|de))\s*(?P<place>[a-z' -]{3,40}?)\s*,")
# A larger area as the subject of a sentence (text folded): "Le département compte ...", "La région
# du Grand Est recense ...", "La France totalise ...".
WIDER_AREA_SUBJECT = re.compile(
    r"^\s*(?:le|la|l')\s*(?:departement|region|france)(?:\s+(?:(?:du|de\s+la|de\s+l'|des|de|d')\s*)?[a-z' -]{2,30}?)?"
    r"\s+(?:compte|recense|dispose|totalise|regroupe|enregistre|verse|a|est)\b")
# A sentence about a larger territory: "Valros fait partie de la CA ..., qui compte 17 communes".
CONTAINER = re.compile(r"\bfait\s+partie\s+d|\bmembre\s+de\s+la\b|\bau\s+sein\s+de\s+la\b", re.IGNORECASE)
# A lone year given to the figures near it: "en 2022", "(chiffres Caf 2021)", "Insee/2019", "2023".
YEAR = re.compile(r"(?<![\d/-])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\d/-]|\s*[-–à]\s*\d{4})")
# Big numbers: a block holding only a number, maybe a unit sign.
BIG_NUMBER = re.compile(r"^\s*(?:près\s+de\s+|plus\s+de\s+)?(?P<number>\d[\d \u00a0\u202f\u2009\u2007.,]*)\s*(?P<sign>%|€|k€|M€)?\s*$")

# A ratio after a count noun: "1 enfant sur 4", "2 familles sur 5".
RATIO_AFTER_COUNT = re.compile(r"^\s*sur\s+(?:\d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)", re.IGNORECASE)
# Words before a bare year-like number that make it a year: "en 2022", "depuis 2019", "janvier 2024".
YEAR_CUE = re.compile(r"\b(?:en|depuis|d[èe]s|ann[ée]e|fin|d[ée]but|mi|jusqu['’]en|janvier|f[ée]vrier|mars|avril|mai|juin"
                      r"|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|ctg|convention)[\s-]*$", re.IGNORECASE)
# A place named after a count (text folded): "en Guyane", "du département", "dans la région".
WIDER_AREA_IN = re.compile(r"(?:^|\s)(?:en|dans\s+l[ea]|dans\s+l'|du|de\s+la|de\s+l')\s*(?P<place>[a-z' -]{3,40})")

# A noun phrase in apposition, then the subject of the sentence: "Organisme de droit privé, la
# Caisse verse ...", "Commune rurale, elle compte ...".
APPOSITION = re.compile(r"^(?P<first>[^\W\d_]+)[^,;:]{0,60},\s+(?:la|le|les|l['’]|il|elle|ils|elles|on|nous|ce|cette|cet|ces"
                        r"|son|sa|ses|leur|leurs|notre|nos)\b", re.IGNORECASE)
# A label, a colon, then the number: "Soutien de la Caf : 1,2 million", "Financement : près de 2 M€".
LABEL_COLON = re.compile(r"^\W*(?P<first>[^\W\d_]+)[^:;]{0,80}:\s*(?:(?:près|plus|moins|autour)\s+d[e']\s*|environ\s+)?$",
                         re.IGNORECASE)
# An infinitive opening an action: "Créer", "Développer", "Soutenir", "Promouvoir".
INFINITIVE = re.compile(r"[a-z]+(?:er|ir|re|oir)")

MAX_LABEL_CHARS = 90


@dataclass
class _Candidate:
    value: float
    unit: str
    category: Unit
    label: str
    year: int | None
    page: Page
    block: Block
    snippet: str
    rule: str
    salience: int
    sentence: str = ""  # in running text: the sentence stating it, and where the number starts
    position: int = -1


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, str, Unit], ...]:
    """(written form folded, count noun as stored, family), longest forms first."""
    rows = [(fold(form), noun, Unit(family)) for noun, family, forms in lexicon.figures()["units"] for form in forms]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=1)
def _unit_by_form() -> dict[str, tuple[str, Unit]]:
    by_form: dict[str, tuple[str, Unit]] = {}
    for form, noun, family in _units():
        by_form.setdefault(form, (noun, family))
    return by_form


@lru_cache(maxsize=None)
def _words(key: str) -> tuple[str, ...]:
    return tuple(sorted((fold(w) for w in lexicon.figures()[key]), key=len, reverse=True))


def unit_after(text: str) -> tuple[str, Unit, str, int] | None:
    """The count noun right after a number: (noun as stored, family, noun as written, end offset).
    " foyers allocataires du territoire" -> foyers; " des enfants âgés" -> enfants;
    " Collectifs de ... (Clas)" -> CLAS."""
    folded = fold_aligned(text)
    lead = re.match(r"\s*(?:(?:des|de|d'|du|environ|au\s+total)[\s-]+)?", folded)
    start = lead.end()
    # "4 grandes orientations", "3 nouveaux axes": an adjective may stand before the noun.
    adjective = alternation(_words("pre_noun_adjectives"), after=r"\s+").match(folded, start)
    if adjective:
        start = adjective.end()
    match = alternation(tuple(form for form, _, _ in _units()), after="(?![a-z0-9])").match(folded, start)
    if match:
        noun, family = _unit_by_form()[match.group()]
        return noun, family, text[start:match.end()], match.end()
    # An acronym in brackets a few words on: "46 Collectifs de Contrat local ... (Clas)".
    bracket = re.match(r"\s*[a-zà-ÿ' -]{0,70}?\((?P<acronym>[a-z]{2,6})\)", folded)
    if bracket and bracket["acronym"] in _unit_by_form():
        noun, family = _unit_by_form()[bracket["acronym"]]
        return noun, family, text[bracket.start("acronym"):bracket.end("acronym")], bracket.end()
    return None


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Departements (with and without their article) and the words naming larger territories."""
    names = set(_words("comparison_places"))
    for d in lexicon.departements():
        name = fold(d.name)
        names.update({name, re.sub(r"^(?:la|le|les|l')\s*", "", name)})
    return frozenset(names)


def _names_a_place(words: list[str]) -> bool:
    """Whether the words, or their last one to four, name a departement or a larger territory."""
    return any(" ".join(words[-k:]).strip(" '(") in _places() for k in range(1, min(4, len(words)) + 1))


def _is_comparison(before: str, after: str) -> bool:
    folded_before, folded_after = fold(before), fold(after)
    if alternation(_words("comparison_before"), "(?<![a-z])", r"\s*[:(]?\s*$").search(folded_before) or \
            AVERAGE_BEFORE.search(folded_before):
        return True
    # "(24 % en Loire-Atlantique)", "(30 % dans le département)", "pour l'ensemble de La Réunion".
    place_after = re.match(r"\s*%?\s*(?:en|dans\s+l[ea]|dans\s+l'|pour\s+l'ensemble\s+(?:de\s+la|du|de\s+l'|des|de))\s*"
                           r"(?P<place>[a-z' -]{3,40})", folded_after)
    if place_after:
        words = place_after["place"].split()
        if any(_names_a_place(words[:k]) for k in range(1, min(4, len(words)) + 1)):
            return True
    # "Nord: 58.5%", "France : 12 %", "(Nord: 32%)", "... taux de couverture global France : 59 %".
    label = re.search(r"([a-z' (-]+)\s*:\s*$", folded_before)
    if label and _names_a_place(label.group(1).replace("(", " ").split()):
        return True
    if alternation(_words("comparison_after"), r"\s*\)?\s*", "(?![a-z])").match(folded_after):
        return True
    # "96 % des habitants du département", "23 CTG couvrant la population de la région".
    return bool(WIDER_AREA_LABEL.match(folded_after))


def _about_wider_area(sentence_before: str) -> bool:
    """Whether a sentence opens on a departement or a larger area: "En Haute-Vienne, 23 CTG
    sont signées", "À l'échelle du département, ...", "Le département compte 95 centres sociaux"."""
    folded = fold(sentence_before)
    opening = WIDER_AREA_OPENING.match(folded)
    return (bool(opening) and _names_a_place(opening["place"].split())) or bool(WIDER_AREA_SUBJECT.match(folded))


def _label_after(text: str) -> str:
    """The words after a figure up to a break: "des familles allocataires vivent sous le seuil de
    pauvreté" -> "familles allocataires vivent sous le seuil de pauvreté"."""
    phrase = re.split(r"[;:()\n]|\s[-–]\s|\.\s|\.$|,\s*(?:soit|dont|contre|et)\b|\s(?:soit|dont|contre)\s|\set\s+(?=\d)",
                      text, maxsplit=1)[0]
    phrase = re.sub(r"^\s*(?:de\s+la|de\s+l['’]|des|du|de|d['’]|en|au\s+titre\s+des?|au\s+titre\s+de\s+la)\s*",
                    "", clean(phrase), flags=re.IGNORECASE)
    return phrase.strip(" ,.")[:MAX_LABEL_CHARS]


def _qualifier(text: str) -> str:
    """What follows a count noun, as written: " de 0 à 2 ans vivent..." -> "de 0 à 2 ans vivent..."."""
    phrase = re.split(r"[;:()\n]|\s[-–]\s|\.\s|\.$|,\s|\s(?:soit|dont|contre)\s|\set\s+(?=\d)", text, maxsplit=1)[0]
    return clean(phrase).strip(" ,.")[:MAX_LABEL_CHARS]


def _label_before(text: str) -> str:
    """The clause before a figure: "un taux de réponses positives qui augmentent (" -> that clause."""
    phrase = re.split(r"[;:.!?\n]|,\s", text)[-1]
    phrase = re.sub(r"\b(?:ce\s+qui\s+représente|représente(?:nt)?|soit|est\s+de|de|à)\s*$", "", clean(phrase))
    phrase = re.sub(r"^(?:un|une|le|la|les|l['’]|des)\s+", "", phrase.strip(" ,(*"), flags=re.IGNORECASE)
    return phrase.strip(" ,(")[-MAX_LABEL_CHARS:]


def _sentence_year(text: str, start: int, end: int) -> int | None:
    left, right = sentence_at(text, start, end)
    years = {int(m["year"]) for m in YEAR.finditer(text[left:right]) if m.start() + left != start}
    return years.pop() if len(years) == 1 else None


def _context_year(page: Page, index: int) -> int | None:
    """A year stated just before a figure's block on its page: "en 2022", "(chiffres Caf 2021)"."""
    for block in reversed(page.blocks[max(0, index - 3):index]):
        if len(block.text) > 160:
            continue
        years = {int(m["year"]) for m in YEAR.finditer(block.text)}
        if len(years) == 1:
            return years.pop()
    return None


def _section_flags(page: Page, body: float) -> tuple[set[int], set[int]]:
    """Indexes of the blocks under a key-figures heading, and under an analysis heading."""
    key_cues, analysis_cues = _words("key_sections"), _words("analysis_sections")
    key, analysis = set(), set()
    mode = None
    for index, block in enumerate(page.blocks):
        folded = fold(block.text)
        heading = len(block.text) < 80 and (block.bold or block.size >= 1.15 * body or block.text.isupper())
        if heading or len(block.text) < 40:
            if any(c in folded for c in key_cues):
                mode = "key"
            elif any(c in folded for c in analysis_cues):
                mode = "analysis"
            elif heading and block.size >= 1.3 * body:
                mode = None
        if mode == "key":
            key.add(index)
        elif mode == "analysis":
            analysis.add(index)
    return key, analysis


def _foreign_columns(page: Page, territory: Territory | None) -> list[tuple[float, float, float]]:
    """(x0, x1, top) of comparison columns headed by another territory: "Agglomération de
    Béziers Méditerranée (126 968 habitants)" beside "Valros (1 641 habitants)", "Département",
    "France". Figures under such a header are that territory's, not the CTG's."""
    if territory is None:
        return []
    own = territory_key(territory.name)
    columns = []
    for block in page.blocks:
        text = block.text.strip()
        if COLUMN_HEADER.search(text):
            name = COLUMN_HEADER.sub("", text).strip()
            if len(name) < 3:
                above = [b for b in page.blocks if 0 <= block.bbox.y0 - b.bbox.y1 < 30
                         and b.bbox.x_overlap(block.bbox) > 0.3 * block.bbox.width]
                name = above[-1].text if above else ""
        elif len(text) <= 60 and len(text.split()) <= 8 and _names_other_area(text):
            name = text
        else:
            continue
        if name and territory_key(name) != own and own not in territory_key(name):
            columns.append((block.bbox.x0 - 25, block.bbox.x1 + 25, block.bbox.y0))
    return columns


def _names_other_area(header: str) -> bool:
    """Whether a column header names a kind of territory or a departement or larger area:
    "Département du Doubs", "Morbihan", "France", "Région Occitanie"."""
    return bool(OTHER_TERRITORY_HEADER.match(header)) or _names_a_place(fold(header).split())


def _foreign_column_indexes(table, territory: Territory | None) -> set[int]:
    """Columns of a table whose header names another territory than the CTG's."""
    if territory is None or not table.rows:
        return set()
    own = territory_key(territory.name)
    return {i for i, header in enumerate(table.rows[0])
            if header and len(header) <= 60 and _names_other_area(header) and own not in territory_key(header)}


def _caption_for(page: Page, block: Block) -> Block | None:
    """The caption of a big number: the nearest text block to its right on the same row, or
    right below it."""
    best, best_distance = None, None
    for other in page.blocks:
        if other is block or BIG_NUMBER.match(other.text) or len(other.text) < 4:
            continue
        if other.bbox.y_overlap(block.bbox) > 0 and other.bbox.x0 >= block.bbox.x1 - 2:
            # A caption beside the number may stand a few words' width away.
            distance = (other.bbox.x0 - block.bbox.x1) / 2
        elif other.bbox.x_overlap(block.bbox) > 0.3 * min(other.bbox.width, block.bbox.width) and \
                other.bbox.y0 >= block.bbox.y1 - 2:
            distance = other.bbox.y0 - block.bbox.y1
        else:
            continue
        if distance <= 3 * max(other.size, 8) and (best_distance is None or distance < best_distance):
            best, best_distance = other, distance
    return best


def _row_label(page: Page, block: Block) -> Block | None:
    """The label of a number in a table: the first cell of its row ("Prestations familiales")."""
    row = [b for b in page.blocks if b.table == block.table and b is not block
           and b.bbox.y_overlap(block.bbox) > 0.5 * min(b.bbox.height, block.bbox.height) and b.bbox.x1 <= block.bbox.x0]
    return min(row, key=lambda b: b.bbox.x0) if row else None


def _strip_comparison(caption: str) -> str:
    """"Nord: 35.8% des enfants de 0 à 2 ans" -> "des enfants de 0 à 2 ans"."""
    return re.sub(r"^\s*(?:[A-ZÀ-Ý][\w' -]*|France)\s*:\s*[\d.,]+\s*%\s*", "", caption)


def _candidates_in(page: Page, block: Block, text: str, salience: int, year_default: int | None
                   ) -> list[_Candidate]:
    found = []
    money_sentence = alternation(_words("money_context"))
    national = alternation(_words("wider_area_sentence"), "(?<![a-z])", "(?![a-z])")
    for match in NUMBER.finditer(text):
        start, end = match.span()
        value = parse_number(match["number"])
        if value is None:
            continue
        before, after = text[max(0, start - 60):start], text[end:end + 160]
        if CHANGE.search(before) or RATIO_OR_TIME.match(after) or ORDINAL_WORDS.search(before) \
                or THRESHOLD_OR_TARGET.search(before):
            continue
        if _is_comparison(before, after):
            continue
        left, right = sentence_at(text, start, end)
        if CONTAINER.search(text[left:start]) or COMPARISON_SENTENCE.search(text[left:start]) or \
                _about_wider_area(text[left:start]) or national.search(fold(text[left:start])):
            continue
        if _planned(BULLET.sub("", text[left:right]).strip(), text[left:start]):
            continue  # a planned quantity: "Créer une micro-crèche de 12 places à Malansac"
        folded_after = fold_aligned(after)
        unit, category, label = None, None, ""
        if re.match(r"\s*%|\s*pour\s*cent", after):
            unit, category = "%", Unit.PERCENT
            rest = after[after.index("%") + 1:] if "%" in after[:6] else after
            label = _label_after(rest) or _label_before(text[left:start])
            if len(label.split()) < 2 or text[max(0, start - 1):start] == "(":
                label = _label_before(text[left:start]) or label
        elif alternation(_words("money_words"), r"\s*").match(folded_after):
            amount = parse_amount(text[start:end + 20])
            if amount is None:
                continue
            is_euros = "€" in after[:15] or "euro" in folded_after[:20]
            if not is_euros and not money_sentence.search(fold(text[left:right])):
                continue
            unit, category, value = "EUR", Unit.EUR, amount
            rest = re.sub(r"^\s*(?:millions?|milliards?|m€|k€)?\s*(?:€|d['’]\s*(?:euros|€)|euros)?", "", after,
                          flags=re.IGNORECASE)
            label = _label_after(rest)
            if len(label.split()) < 2 or re.match(r"\s*en\s+\d{4}", rest):
                label = _label_before(text[left:start]) or label
        else:
            count = _count(value, text[:start], after, match["number"])
            if count is None:
                continue
            unit, category, label = count
        year = _sentence_year(text, start, end) or year_default
        snippet = text[max(left, start - 120):min(right, end + 150)]
        found.append(_Candidate(value, unit, category, label or unit, year, page, block, snippet,
                                "figure_in_text", salience, text[left:right], start))
    return found


def _planned(sentence: str, before: str) -> bool:
    """Whether a sentence states something to do ("Créer une micro-crèche de 12 places") rather
    than a fact. A noun in apposition before the subject ("Organisme de droit privé, la Caisse
    verse 23 M€") opens a statement; so does a label before its value ("Soutien de la Caf :
    1,2 million d'euros par an")."""
    if not reads_as_objective(sentence):
        return False
    opening = APPOSITION.match(sentence) or LABEL_COLON.search(before)
    return not opening or bool(INFINITIVE.fullmatch(fold(opening["first"])))


def _count(value: float, before: str, after: str, written_number: str) -> tuple[str, Unit, str] | None:
    """(count noun, family, label) of a count: "12 accueils de loisirs", "1 centre social",
    "2 045 habitants", "4 grandes orientations". None for an age, a duration, a ratio ("1 enfant
    sur 4"), a year ("en 2022 familles"), a heading's number ("1 Familles") or another area's
    count ("19 communes bénéficiaires en Guyane")."""
    if alternation(_words("not_units"), r"\s*", "(?![a-z])").match(fold_aligned(after)):
        return None
    found_unit = unit_after(after)
    if found_unit is None:
        return None
    unit, category, written, unit_end = found_unit
    rest = after[unit_end:]
    if RATIO_AFTER_COUNT.match(rest) or _names_wider_area(rest):
        return None
    if value == 1:
        line = re.split(r"[\n;]", before)[-1]
        if _plural(written) or not re.search(r"\w", line):
            # "1 Familles" numbers a heading (one of a thing agrees in the singular); a line or a list
            # item opening on "1 Micro-crèche" (after a bullet or a scan's speck at most) is an
            # inventory's item. Within a sentence, "... et 1 centre social" counts.
            return None
        unit = written if written.isupper() else clean(written).lower()  # the singular as written
    if written_number.isdigit() and 1900 <= value <= 2100 and (YEAR_CUE.search(before) or written[:1].isupper()):
        return None  # "en 2022 Familles...": a year ("2 045 habitants", written grouped, is a count)
    return unit, category, clean(f"{written} {_qualifier(rest)}".strip())[:MAX_LABEL_CHARS]


def _plural(written: str) -> bool:
    """Whether a count noun as written is plural: "familles", "accueils de loisirs"; an acronym
    ("EVS") or an invariable noun ("relais") is not."""
    head = written.split()[0] if written.split() else ""
    return not head.isupper() and fold(head).endswith(("s", "x")) and fold(head) not in _words("invariable_nouns")


def _names_wider_area(qualifier: str) -> bool:
    """Whether the words after a count place it in a departement or a larger area: "communes
    bénéficiaires en Guyane", "structures du département"."""
    phrase = re.split(r"[;:()\n.,]", fold(qualifier), maxsplit=1)[0]
    for place in WIDER_AREA_IN.finditer(phrase):
        words = place["place"].split()
        if any(_names_a_place(words[:k]) for k in range(1, min(4, len(words)) + 1)):
            return True
    return False


def _table_figures(page: Page, year_default: int | None, territory: Territory | None) -> list[_Candidate]:
    """Figures in table rows, labelled by the row's first cell ("Prestations familiales |
    27 162 662 €"), except in the columns of other territories ("Morbihan", "France")."""
    found = []
    for index, table in enumerate(page.tables):
        foreign = _foreign_column_indexes(table, territory)
        block = next((b for b in page.blocks if b.table == index), None)
        if block is None:
            continue
        block = Block(lines=block.lines, bbox=table.bbox, text=block.text, table=index)
        for row in table.rows:
            cells = [GLUED_SCALE.sub(r"\1 \2", MARKUP_DEBRIS.sub("", c)).strip() for c in row]
            if len(cells) < 2 or not cells[0]:
                continue
            for column, cell in enumerate(cells[1:], start=1):
                if column in foreign:
                    continue
                big = BIG_NUMBER.match(cell)
                row_unit = unit_after(" " + cells[0]) if big and not big["sign"] else None
                value = parse_number(big["number"].strip()) if row_unit else None
                if row_unit and value is not None and value != 1:
                    # "Allocataires | 61 480": the row's label says what the number counts.
                    found.append(_Candidate(value, row_unit[0], row_unit[1], clean(cells[0])[:MAX_LABEL_CHARS],
                                            year_default, page, block, " | ".join(cells), "table_row", 2))
                    continue
                if big and big["sign"]:
                    value = parse_amount(cell) if big["sign"] != "%" else parse_number(big["number"].strip())
                    if value is not None:
                        unit, category = ("%", Unit.PERCENT) if big["sign"] == "%" else ("EUR", Unit.EUR)
                        found.append(_Candidate(value, unit, category, clean(cells[0])[:MAX_LABEL_CHARS], year_default,
                                                page, block, " | ".join(cells), "table_row", 2))
                    continue
                found.extend(_candidates_in(page, block, cell, 2, year_default))
    return found


def extract_figures(doc: Document, territory: Territory | None = None) -> list[Figure]:
    body = body_size(doc)
    candidates: list[_Candidate] = []
    for page in doc.pages:
        key, analysis = _section_flags(page, body)
        foreign = _foreign_columns(page, territory)
        first_table = next((i for i, b in enumerate(page.blocks) if b.table is not None), len(page.blocks))
        candidates.extend(_table_figures(page, _context_year(page, first_table), territory))
        for index, block in enumerate(page.blocks):
            if any(x0 <= block.bbox.center_x <= x1 and block.bbox.y0 >= y - 1 for x0, x1, y in foreign):
                continue
            text = GLUED_SCALE.sub(r"\1 \2", MARKUP_DEBRIS.sub("", block.text))
            year_default = _context_year(page, index)
            big = BIG_NUMBER.match(text)
            if big:
                candidates.extend(_big_number(page, index, block, big, body, key, year_default))
                continue
            bullet = bool(BULLET.match(text))
            salience = 2 if (index in key or block.table is not None) else 1
            if bullet and index in analysis:
                salience = -1
            candidates.extend(_candidates_in(page, block, text, salience, year_default))
    return _consolidate(doc, candidates)


def _big_number(page: Page, index: int, block: Block, match: re.Match, body: float, key: set[int],
                year_default: int | None) -> list[_Candidate]:
    value = parse_number(match["number"].strip())
    caption = _row_label(page, block) if block.table is not None else _caption_for(page, block)
    if value is None or caption is None:
        return []
    caption_text = _strip_comparison(MARKUP_DEBRIS.sub("", caption.text))
    sign = match["sign"]
    if sign == "%":
        unit, category, label = "%", Unit.PERCENT, _label_after(caption_text)
    elif sign:
        unit, category, label = "EUR", Unit.EUR, _label_after(caption_text)
        value = parse_amount(match.group(0)) or value
    else:
        found = unit_after(" " + caption_text)
        if found is None or value == 1:
            return []
        unit, category, written, end = found
        label = clean(f"{written} {_qualifier(caption_text[end - 1:])}")
    salience = 2 if (block.size >= 1.4 * body or index in key) else 1
    return [_Candidate(value, unit, category, label or unit, _sentence_year(caption_text, 0, 0) or year_default,
                       page, block, f"{block.text} {caption.text}", "big_number", salience)]


def _consolidate(doc: Document, candidates: list[_Candidate]) -> list[Figure]:
    """One figure per fact: a value stated again in the same family ("9 accueils de loisirs",
    later "aux 9 ALSH") or a second value under the same bare unit ("1650 habitants (Insee/2019)",
    later "1 641 habitants": the first stated wins) is one figure; supporting numbers dropped."""
    kept: dict[tuple[float, Unit], list[_Candidate]] = {}
    seen_labels: set[tuple[str, str]] = set()
    figures = []
    for c in sorted(candidates, key=lambda c: (-c.salience, c.page.number)):
        if c.salience < 1:
            continue
        label_key = (c.unit, fold_key(c.label)) if fold_key(c.label) == fold_key(c.unit) else None
        same_value = kept.setdefault((c.value, c.category), [])
        if any(_restates(k, c) for k in same_value) or (label_key and label_key in seen_labels):
            continue
        same_value.append(c)
        seen_labels.add(label_key)
        figures.append(Figure(doc_id=doc.doc_id, page=c.page.number, rule=c.rule, snippet=c.snippet,
                              bbox=c.block.bbox.as_tuple(), label=c.label, value=c.value, unit=c.unit,
                              category=c.category, year=c.year))
    return sorted(figures, key=lambda f: f.page)


def _restates(first: _Candidate, other: _Candidate) -> bool:
    """Whether ``other`` states again the fact of ``first`` (same value and family) rather than
    another fact: two numbers of running text may say different things. "12 % des familles
    monoparentales" and "12 % des familles nombreuses" are two figures; so are "2 crèches et
    2 micro-crèches" in one sentence. Tables and big numbers restate what the text says."""
    if first.rule != "figure_in_text" or other.rule != "figure_in_text" or \
            first.block.table is not None or other.block.table is not None:
        return True
    if first.block is other.block and first.position == other.position:
        return True
    if first.category in (Unit.EUR, Unit.PERCENT):
        return not _different_labels(first.label, other.label)
    return first.sentence != other.sentence


def _different_labels(first: str, other: str) -> bool:
    """Labels whose content words mostly differ: "familles monoparentales" / "familles nombreuses"
    do; "prestations légales versées" / "prestations légales" do not."""
    a, b = ({w for w in fold_key(label).split() if len(w) > 3} for label in (first, other))
    if not a or not b or a <= b or b <= a:
        return False
    return len(a & b) / len(a | b) < 0.5
