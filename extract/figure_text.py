"""Figures stated in running text: "1 641 habitants", "34,9 % des familles ...", "2,3 M€ versés".

A number is a figure when something says what it counts: a percent sign, euros (or "millions" in
a sentence about money), or a count noun after it (``figure_units``). Small counts of services
written in words count too ("les deux crèches communautaires"). Not the territory's figures:
comparisons ("Nord: 58.5%", "contre 27% au niveau du département", "(Moselle 55 %)"), a larger
territory ("fait partie de la CA ..., qui compte 17 communes", "À l'échelle de l'île, ..."), the
Caf's own size ("la Caf de la Guyane, qui compte 78 000 allocataires"), national statistics,
changes ("+4.8%"), thresholds and targets ("supérieur à 70 %", "créer 20 places"), ratios
("62 places pour 100 enfants"), ages, durations and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.figure_units import (
    CountNoun,
    as_written,
    count_label,
    is_plural,
    label_after,
    label_before,
    unit_after,
    words,
)
from extract.ingest.prose import BULLET
from extract.normalize import (
    fold,
    fold_aligned,
    parse_amount,
    parse_number,
    territory_key,
)
from extract.objectives import reads_as_objective
from extract.text import alternation, sentence_at
from models.document import Block, Page
from models.figures import Unit

# A number as French documents write it: "1 641", "27 162 662", "34,9", "50.3", "1650".
# (Thousands are grouped by a space, a no-break space or a thin one.)
NUMBER = re.compile(r"(?<![\w.,/+-])(?P<number>\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w/])")
# A small count written in words before a count noun: "deux crèches", "trois centres sociaux".
NUMBER_WORD = re.compile(r"(?<![\w-])(?P<word>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)(?=\s)",
                         re.IGNORECASE)
# A change rather than a level: "+4.8%", "habitants -4,1 %", "une hausse de 3.2%", "ont augmenté de
# 6 %", the former value of "est passé de 45 % à 52 %". A minus sign is
# glued to its number after a space; a dash between spaces separates ("3 multi-accueils – 112
# places"), one glued to a word is OCR's ("comprend-17 actions"), one opening a line a bullet.
CHANGE = re.compile(r"(?:[+±−]\s*$|(?<=\S)[ \t][-–]$|\b(?:hausse|baisse|augmentation|diminution|évolution|progression|recul"
                    r"|croissance|(?:augment|baiss|diminu|progress|recul|pass)[ée]e?s?)\s+(?:de\s+|d['’])?(?:près\s+de\s+)?$)",
                    re.IGNORECASE)
# A threshold or a target rather than a level: "constitués à plus de 50 % de prestations",
# "un taux supérieur à 70 %", "atteindre 45 places", "objectif de 80 %", "ne dépasse 5 000 habitants",
# "les communes de moins de 2 000 habitants" (a class of things by size; "une commune de plus de
# 12 000 habitants" describes one).
THRESHOLD_OR_TARGET = re.compile(
    r"(?:\b[àa]\s+(?:plus|moins)\s+de|\bsup[ée]rieure?s?\s+[àa]|\binf[ée]rieure?s?\s+[àa]|\bau-del[àa]\s+de"
    r"|\bd[ée]pass(?:ant|e|ent)|\batteindre|\bobjectif\s+de|\bviser|\bporter\s+[àa]|\bpasser\s+[àa]"
    r"|\b\w+[sx]\s+de\s+(?:plus|moins)\s+de)\s*$", re.IGNORECASE)
# A number set apart, then said what it counts: "3 900 : c'est le nombre de foyers allocataires de la commune".
NUMBER_DEFINED = re.compile(r"\s*:\s*c['’]est\s+le\s+nombre\s+(?:de\s+|d['’]\s*)", re.IGNORECASE)
# A level estimated, which "à plus de" does not make a threshold: "Sa population, estimée à plus
# de 45 000 habitants".
ESTIMATED = re.compile(r"\b(?:estim|[ée]valu|chiffr)\w*\s+[àa]\s+(?:plus|moins)\s+de\s*$", re.IGNORECASE)
# An average after which a bracketed figure is the comparison: "la moyenne landaise (64,8 %)",
# "moyenne nationale : 59 %" (text folded).
AVERAGE_BEFORE = re.compile(r"\bmoyenne(?:\s+[a-z-]+){0,2}\s*[:(]\s*$")
# A ratio or a time: "1/5", "2/3", "7h30", "18h30".
RATIO_OR_TIME = re.compile(r"^\s*(?:/\s*\d|h\s*\d{0,2}\b)")
# A value right after another one, spaces only between: the next column of a table row flattened to
# text, another territory's ("Taux de couverture 52 % 61 % 59 %" under "Ici Département France").
NEXT_COLUMN = re.compile(r"\d\s*(?:%|€)[ \t]+$")
# The denominator of a rate: "62 places pour 100 enfants", "4 médecins pour 10 000 habitants".
RATE_BASE = re.compile(r"\bpour\s*$", re.IGNORECASE)
RATE_BASES = {10, 100, 1000, 10000, 100000}
# Words before a number that make it a label, not a quantity: "Article 5", "Objectif 2", "n° 3".
ORDINAL_WORDS = re.compile(r"\b(?:article|objectif|axe|enjeu|annexe|n°|no|page|phase|étape|tome|fiche|action"
                           r"|le|du|au)\s*$", re.IGNORECASE)
# A sentence given as a comparison: "À titre de comparaison, le taux atteint 44,2 % ...".
COMPARISON_SENTENCE = re.compile(r"\b(?:[àa]\s+titre\s+de\s+comparaison|en\s+comparaison|par\s+comparaison|comparativement)",
                                 re.IGNORECASE)
# A place, maybe with a colon, right after a bracket or a semicolon (text folded): "(Moselle 55 %",
# "; France 59,8 %", "(Nord: 32%".
BRACKETED_PLACE = re.compile(r"[(;]\s*(?P<place>[a-z' -]{3,40}?)\s*:?\s*$")
# A place, then a colon (text folded): "Nord: 58.5%", "... taux de couverture global France : 59 %".
PLACE_COLON = re.compile(r"(?P<place>[a-z' (-]+)\s*:\s*$")
# A place right after a figure (text folded): "(24 % en Loire-Atlantique)", "(30 % dans le
# département)", "pour l'ensemble de La Réunion", in brackets after "à": "(39 % à La Réunion)".
PLACE_AFTER = re.compile(r"\s*%?\s*(?:en|dans\s+l[ea]|dans\s+l'|pour\s+l'ensemble\s+(?:de\s+la|du|de\s+l'|des|de)"
                         r"|a(?=\s+(?:la\s+|l')?[a-z' -]{3,40}\)))\s*(?P<place>[a-z' -]{3,40})")
# A sentence opening on a place, then a comma: "En Haute-Vienne, ", "À l'échelle de l'île, ",
# after a reporting verb: "Elle rappelle qu'en Guyane, " (text folded).
WIDER_AREA_OPENING = re.compile(
    r"^\s*(?:[^,.;]{0,60}\bqu')?\s*(?:en|dans\s+(?:le|la|les|l')|a\s+l'echelle\s+(?:de\s+la|du|des|de\s+l'|de))\s*"
    r"(?P<place>[a-z' -]{3,40}?)\s*,")
# A larger area as the subject of a sentence (text folded): "Le département compte ...", "La région
# du Grand Est recense ...", "La France totalise ...".
WIDER_AREA_SUBJECT = re.compile(
    r"^\s*(?:le|la|l')\s*(?:departement|region|france)(?:\s+(?:(?:du|de\s+la|de\s+l'|des|de|d')\s*)?[a-z' -]{2,30}?)?"
    r"\s+(?:compte|recense|dispose|totalise|regroupe|enregistre|verse|a|est)\b")
# A departement or a larger area by its name as the subject of a sentence (text folded): "Le Gers
# compte 190 000 habitants", "La Martinique recense ...".
NAMED_AREA_SUBJECT = re.compile(r"^\s*(?P<place>[a-z' -]{3,40}?)\s+(?:compte|recense|totalise|regroupe|enregistre|dispose)\b")
# A place named in the words after a figure (text folded): "en Corrèze", "du département".
WIDER_AREA_IN = re.compile(r"(?:^|\s)(?:en|dans\s+l[ea]|dans\s+l'|du|de\s+la|de\s+l'|sur\s+l[ea]|sur\s+l')\s*"
                           r"(?P<place>[a-z' -]{3,40})")
# A place named in a label with "en", "dans", "sur" (text folded): "... accueil formel en Isère",
# "à l'action sociale dans le département" ("de la moyenne landaise" compares, it does not place).
LABEL_PLACE_IN = re.compile(r"(?:^|\s)(?:en|dans\s+l[ea]|dans\s+l'|sur\s+l[ea]|sur\s+l')\s*(?P<place>[a-z' -]{3,40})")
# A sentence about a larger territory (text folded): "Valros fait partie de la CA ..., qui compte
# 17 communes", "La ville pèse dans la communauté d'agglomération ..., qui compte 50 000 habitants".
CONTAINER = re.compile(r"\bfait\s+partie\s+d|\bmembre\s+de\s+la\b|\bau\s+sein\s+de\s+la\b"
                       r"|\bdans\s+la\s+(?:communaute|metropole|agglomeration|region)\b[^.;]{0,80},\s*qui\s+"
                       r"(?:compte|regroupe|rassemble|totalise)\b")
# The Caf, described by its own size (text folded): "La CAF de la Guyane, qui compte environ 78 000
# allocataires", "l'organisme gère 120 000 dossiers". ("La Caf y accompagne 5 936 allocataires":
# there, in the territory, is the territory's.)
CAF_SIZE = re.compile(r"\b(?:la\s+caf|la\s+caisse|l'organisme|la\s+msa|la\s+cssm)\b[^.;:]{0,60}?(?<!\sy)(?:,\s*qui\s+|\s)"
                      r"(?:compte|gere|sert|couvre|accompagne|recense|regroupe|totalise)\b[^.;:]{0,25}$")
# What places a count in the territory after its noun (text folded): "sur le territoire", "de la
# commune", "dans la ville".
OWN_AREA_AFTER = re.compile(r"^\W*(?:[a-z'-]+\s+){0,3}?(?:sur|dans|de|du|a|au)\s+(?:l[ea]\s+|l')?"
                            r"(?:territoire|commune|ville|agglomeration|agglo|intercommunalite|communaute|canton|bassin)\b")
# A sentence opening on its own place or on the territory as its subject (text folded): "À
# Saint-Junien, ...", "Sur le territoire, ...", "En 2023, la commune ...".
OWN_OPENING = re.compile(r"^\s*(?:(?:a|au|aux|dans|sur|pour|ici)\b[^,.;:]{0,50},|(?:(?:en|depuis)\s+\d{4},?\s*)?"
                         r"(?:la\s+commune|la\s+ville|le\s+territoire|l'intercommunalite|la\s+communaute|l'agglomeration"
                         r"|l'agglo|le\s+canton|la\s+collectivite)\b)")
# A count in words placed in the facilities of another figure (text folded): "128 places dans les
# trois crèches municipales".
IN_FACILITIES = re.compile(r"\b(?:dans|sur)\s+(?:les|ses|leurs|nos)\s*$")
# A planned quantity (text folded): an action before the number ("créer 20 places", "la
# construction de deux crèches", "l'ouverture d'une crèche de 30 places") or after its noun ("20
# places à créer", "60 places supplémentaires").
ACTION_BEFORE = re.compile(r"\b(?:creer|ouvrir|construire|amenager|developper|recruter|creation|construction|ouverture"
                           r"|amenagement|extension|agrandissement|recrutement)\b(?:\s+[^\s.;:,]+){0,6}\s*$")
ACTION_AFTER = re.compile(r"^\s*(?:[^\s.;:,]+\s+){0,4}?(?:a\s+creer|a\s+ouvrir|supplementaires?|en\s+projet|prevues?)\b")
# A facility to come (text folded): "Le multi-accueil de 24 places ouvrira en 2027", "verra le jour".
FUTURE_FACILITY = re.compile(r"\b(?:ouvrira|ouvriront|verra\s+le\s+jour|verront\s+le\s+jour|accueillera|accueilleront"
                             r"|(?:sera|seront)\s+(?:construite?s?|creee?s?|ouverte?s?|livree?s?|amenagee?s?))\b")
# Where a clause ends inside a sentence: a colon, a semicolon, a dash between spaces.
CLAUSE_BREAK = re.compile(r":\s|;\s|\s[–—-]\s")
# A noun phrase in apposition, then the subject of the sentence: "Organisme de sécurité sociale, la
# Caisse verse ...", "Commune rurale, elle compte ...".
APPOSITION = re.compile(r"^(?P<first>[^\W\d_]+)[^,;:]{0,60},\s+(?:la|le|les|l['’]|il|elle|ils|elles|on|nous|ce|cette|cet|ces"
                        r"|son|sa|ses|leur|leurs|notre|nos)\b", re.IGNORECASE)
# An infinitive opening an action: "Créer", "Développer", "Soutenir", "Promouvoir".
INFINITIVE = re.compile(r"[a-z]+(?:er|ir|re|oir)")
# A ratio after a count noun: "1 enfant sur 4", "1 famille allocataire sur 4".
RATIO_AFTER_COUNT = re.compile(r"^\s*(?:[^\W\d_][\w'-]*\s+){0,2}?sur\s+(?:\d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)", re.IGNORECASE)
# Words before a bare year-like number that make it a year: "en 2022", "depuis 2019", "janvier 2024".
YEAR_CUE = re.compile(r"\b(?:en|depuis|d[èe]s|ann[ée]e|fin|d[ée]but|mi|jusqu['’]en|janvier|f[ée]vrier|mars|avril|mai|juin"
                      r"|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|ctg|convention)[\s-]*$", re.IGNORECASE)
# A lone year given to the figures near it: "en 2022", "(chiffres Caf 2021)", "Insee/2019", "2023".
YEAR = re.compile(r"(?<![\d/-])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\d/-]|\s*[-–à]\s*\d{4})")
# A compound word cut at a line end and joined with a space: "fiches- actions", "multi- accueils".
BROKEN_COMPOUND = re.compile(r"(?<=[a-zà-ÿ])- (?=[a-zà-ÿ])")
# The unit of an amount, to read its label after it: "millions d'euros", "M €", "k€", "EUR".
MONEY_UNIT = re.compile(r"^\s*(?:millions?|milliards?|m\s?€|k€|m(?=\s+d['’]))?\s*(?:€|d['’]\s*(?:euros|€)|euros|eur\b)?",
                        re.IGNORECASE)
# How often or over how long an amount is paid, before what it pays for (folded or not): "par an",
# "chaque année", "sur la durée de la convention", "sur cinq ans".
PERIOD_LEAD = re.compile(r"^[\s,]*(?:par\s+an|chaque\s+ann[ée]e|annuellement|en\s+\d{4}|sur\s+(?:la\s+dur[ée]e\s+de\s+la\s+"
                         r"convention|la\s+p[ée]riode|\w+\s+ans))[\s,]*", re.IGNORECASE)
# "M" for millions before "d'euros": "2 M d'euros", read as "2 M€ d'euros".
MILLIONS_ABBREVIATED = re.compile(r"(?<=\d)(?P<space>\s?)M(?=\s+d['’]\s*euros)")
# OCR's readings around a number: "70.actions" (a speck for a space), "comprend-17 actions" (a
# dash for a space), "1,42 ME" (€ read as E).
OCR_GLUED_DOT = re.compile(r"(?<=\d)[.,](?=[a-zà-ÿ]{3})|(?<=[a-zà-ÿ])-(?=\d)")
OCR_EURO = re.compile(r"(?<=\d)(?P<space>\s?)ME(?=[\s.,;)]|$)")


@dataclass
class Candidate:
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


def ocr_repaired(text: str) -> str:
    """An OCR'd page's text with its usual misreadings of units undone, offsets kept."""
    return OCR_EURO.sub(lambda m: f"{m['space']}M€", OCR_GLUED_DOT.sub(" ", text))


def sentence_year(text: str, start: int, end: int) -> int | None:
    left, right = sentence_at(text, start, end)
    years = {int(m["year"]) for m in YEAR.finditer(text[left:right]) if m.start() + left != start}
    return years.pop() if len(years) == 1 else None


def candidates_in(page: Page, block: Block, text: str, salience: int, year_default: int | None,
                  own: str = "") -> list[Candidate]:
    """The figures of a text: numbers in digits, then small counts of services in words. ``own``:
    the territory's key, so that its name is never taken for a larger area ("Pays Nord Martinique")."""
    numbers = _number_words()
    stated = [(m.start(), m.end(), parse_number(m["number"]), m["number"]) for m in NUMBER.finditer(text)]
    for match in NUMBER_WORD.finditer(text):
        count = unit_after(text[match.end():match.end() + 80])
        if count and fold(count.family.value) in words("counted_in_words") and \
                not IN_FACILITIES.search(fold(text[max(0, match.start() - 20):match.start()])):
            stated.append((match.start(), match.end(), numbers[fold(match["word"])], match["word"]))
    if not stated:
        return []
    # A paragraph opening on a departement ("En Haute-Vienne, 23 CTG ...") speaks of it in its next
    # sentences too, until one opens on its own place ("À Saint-Junien, ...").
    first = fold(text[:sentence_at(text, 0, 1)[1]])
    wider = _about_wider_area(first, own) and not re.match(r"\W*en\s+france\b", first)
    found = []
    for start, end, value, written in stated:
        if value is not None:
            found.extend(_candidate(page, block, text, start, end, value, written, salience, year_default, own, wider))
    return found


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {k: v for k, v in ((fold(k), v) for k, v in lexicon.calendar()["number_words"].items())}


def _candidate(page: Page, block: Block, text: str, start: int, end: int, value: float, written_number: str,
               salience: int, year_default: int | None, own: str, wider_paragraph: bool) -> list[Candidate]:
    before, after = text[max(0, start - 60):start], text[end:end + 160]
    defined = NUMBER_DEFINED.match(after)
    if defined:
        after = " " + after[defined.end():]  # "3 900 : c'est le nombre de foyers allocataires"
    if CHANGE.search(before) or RATIO_OR_TIME.match(after) or ORDINAL_WORDS.search(before) \
            or (THRESHOLD_OR_TARGET.search(before) and not ESTIMATED.search(before)) or (value in RATE_BASES and RATE_BASE.search(before)) \
            or NEXT_COLUMN.search(before):
        return []
    if _is_comparison(before, after, own):
        return []
    left, right = sentence_at(text, start, end)
    opening = fold(text[left:start])
    if CONTAINER.search(opening) or COMPARISON_SENTENCE.search(opening) or _about_wider_area(opening, own) or \
            alternation(words("wider_area_sentence"), "(?<![a-z])", "(?![a-z])").search(opening) or \
            (wider_paragraph and not OWN_OPENING.match(opening)):
        return []
    if _planned(text[left:right], start - left):
        return []  # a planned quantity: "Créer une micro-crèche de 12 places à Malansac"
    folded_after = fold_aligned(after)
    if re.match(r"\s*%|\s*pour\s*cent", after):
        unit, category = "%", Unit.PERCENT
        rest = after[after.index("%") + 1:] if "%" in after[:6] else after
        label = label_after(rest) or label_before(text[left:start])
        if len(label.split()) < 2 or text[max(0, start - 1):start] == "(":
            label = label_before(text[left:start]) or label
    elif alternation(words("money_words"), r"\s*").match(folded_after):
        amount = parse_amount(text[start:end + 20])
        if amount is None:
            return []
        is_euros = "€" in after[:15] or "euro" in folded_after[:20]
        if not is_euros and not alternation(words("money_context")).search(fold(text[left:right])):
            return []
        unit, category, value = "EUR", Unit.EUR, amount
        rest = MONEY_UNIT.sub("", after)
        label = label_after(PERIOD_LEAD.sub("", rest))
        if len(label.split()) < 2 or re.match(r"\s*en\s+\d{4}", rest):
            label = label_before(text[left:start]) or label
    else:
        count = _count(value, text[:start], after, written_number, own)
        if count is None or CAF_SIZE.search(opening) and not OWN_AREA_AFTER.match(fold(after[count[3]:])):
            return []
        unit, category, label = count[:3]
    if unit in ("%", "EUR") and names_wider_area(label, own, LABEL_PLACE_IN):
        return []  # "28 millions d'euros à l'action sociale dans le département"
    year = sentence_year(text, start, end) or year_default
    snippet = text[max(left, start - 120):min(right, end + 150)]
    return [Candidate(value, unit, category, label or unit, year, page, block, snippet, "figure_in_text",
                      salience, text[left:right], start)]


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Departements (with and without their article) and the words naming larger territories."""
    names = set(words("comparison_places"))
    for d in lexicon.departements():
        name = fold(d.name)
        names.update({name, re.sub(r"^(?:la|le|les|l')\s*", "", name)})
    return frozenset(names)


def names_a_place(words_: list[str], own: str = "") -> bool:
    """Whether the words, their first one or their last one to four, name a departement or a
    larger territory: "moselle", "france metropolitaine", "departement du gard"; not when they
    name the territory (key ``own``): "pays nord martinique" for the Pays Nord Martinique."""
    words_ = [w.strip(" '(") for w in words_ if w.strip(" '(")]
    if not words_ or (own and own in territory_key(" ".join(words_))):
        return False
    # "France métropolitaine", "département du Gard", "région Occitanie" ("France services" is no place).
    france = words_[0] == "france" and (len(words_) == 1 or words_[1] in ("metropolitaine", "entiere", "hexagonale"))
    return france or words_[0] in ("departement", "region") or \
        any(" ".join(words_[-k:]) in _places() for k in range(1, min(4, len(words_)) + 1))


def _is_comparison(before: str, after: str, own: str) -> bool:
    # "en moyenne 4 M€ par an" is on average, no comparison with an average.
    folded_before, folded_after = re.sub(r"\ben moyenne\s*$", "", fold(before)), fold(after)
    if alternation(words("comparison_before"), "(?<![a-z])", r"\s*[:(]?\s*$").search(folded_before) or \
            AVERAGE_BEFORE.search(folded_before):
        return True
    place_after = PLACE_AFTER.match(folded_after)
    if place_after:
        place = place_after["place"].split()
        if any(names_a_place(place[:k], own) for k in range(1, min(4, len(place)) + 1)):
            return True
    bracketed = BRACKETED_PLACE.search(folded_before)
    if bracketed and names_a_place(bracketed["place"].split(), own):
        return True
    label = PLACE_COLON.search(folded_before)
    if label and names_a_place(label["place"].replace("(", " ").split(), own):
        return True
    if alternation(words("comparison_after"), r"\s*\)?\s*", "(?![a-z])").match(folded_after):
        return True
    # "96 % des habitants du département", "23 CTG couvrant la population de la région".
    phrase = re.split(r"[;:()\n.]", folded_after, maxsplit=1)[0]
    return bool(alternation(words("wider_area_after"), r"\s*%?\s*(?:[a-z'-]+\s+){0,6}?", "(?![a-z])").match(phrase))


def _about_wider_area(opening: str, own: str) -> bool:
    """Whether a sentence (folded, up to the number) opens on a departement or a larger area: "en
    haute-vienne, 23 ctg sont signees", "a l'echelle de l'ile, ...", "le departement compte 95 ..."."""
    place = WIDER_AREA_OPENING.match(opening) or NAMED_AREA_SUBJECT.match(opening)
    return (bool(place) and names_a_place(place["place"].split(), own)) or bool(WIDER_AREA_SUBJECT.match(opening))


def names_wider_area(qualifier: str, own: str = "", place_in: re.Pattern = WIDER_AREA_IN) -> bool:
    """Whether the words after a count or in a label place it in a departement or a larger area:
    "communes concernées en Corrèze", "structures du département", "à l'action sociale dans le
    département"."""
    # The qualifier ends with its clause: "40 000 habitants et accueille des familles venues de la
    # métropole" places nothing.
    phrase = re.split(r"[;:()\n.,]|(?:^|\s)(?:et|qui|dont|mais)\s", fold(qualifier), maxsplit=1)[0]
    for place in place_in.finditer(phrase):
        found = place["place"].split()
        if any(names_a_place(found[:k], own) for k in range(1, min(4, len(found)) + 1)):
            return True
    return False


def _planned(sentence: str, at: int) -> bool:
    """Whether the number at ``at`` in a sentence is something to do rather than a fact: its clause
    reads as an objective ("Créer une micro-crèche de 12 places"; "Petite enfance : développer ..."),
    or an action bears on it ("la construction de deux crèches", "20 places à créer"). A noun in
    apposition before the subject ("Organisme de sécurité sociale, la Caisse verse 40 M€") opens a
    statement; so does a label before its value ("Soutien de la Caf : 1,2 million d'euros")."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    clause = BULLET.sub("", sentence[clause_start:]).strip()
    folded_before, folded_after = fold(sentence[clause_start:at]), fold(sentence[at:])
    is_money = bool(re.match(r"[\d\s,.]+(?:m€|k€|€|millions?|milliards?|euros?)", folded_after))
    if not is_money and (ACTION_BEFORE.search(folded_before) or ACTION_AFTER.match(NUMBER.sub("", folded_after, 1))
                         or FUTURE_FACILITY.search(fold(sentence))):
        return True
    if clause_start:
        # After a colon or a dash, an action opens on its verb ("Petite enfance : créer 20 places");
        # a list of fields ("... : petite enfance / jeunesse et se décline en 70 actions") does not.
        first = re.match(r"[^\W\d_]+", fold(clause))
        return bool(first) and bool(INFINITIVE.fullmatch(first.group())) and reads_as_objective(clause)
    if not reads_as_objective(clause):
        return False
    opening = APPOSITION.match(clause)
    return not opening or bool(INFINITIVE.fullmatch(fold(opening["first"])))


def _count(value: float, before: str, after: str, written_number: str, own: str) -> tuple[str, Unit, str, int] | None:
    """(count noun, family, label, end of the noun) of a count: "12 accueils de loisirs", "1 centre
    social", "2 045 habitants", "3 grandes orientations". None for an age, a duration, a ratio ("1
    enfant sur 4"), a year ("en 2022 familles"), a heading's number ("1 Familles", "6\\nAxes de
    travail") or another area's count ("12 communes concernées en Corrèze")."""
    if alternation(words("not_units"), r"\s*", "(?![a-z])").match(fold_aligned(after)):
        return None
    found: CountNoun | None = unit_after(after)
    if found is None:
        return None
    rest = after[found.end:]
    if RATIO_AFTER_COUNT.match(rest) or names_wider_area(rest, own):
        return None
    unit = found.noun
    line = re.split(r"[\n;]", before)[-1]
    if "\n" in after[:found.end] and found.written[:1].isupper() and not re.search(r"\w", line):
        return None  # a slide's or a section's number on its own line: "6\nAxes de travail proposés"
    if value == 1:
        if is_plural(found.written) or (not re.search(r"\w", line) and found.written[:1].isupper()):
            # "1 Familles" numbers a heading (one of a thing agrees in the singular); an inventory's
            # capitalised line "1 Micro-crèche" is an item. "... et 1 centre social" counts, and so
            # does a key figure's line "• 1 relais petite enfance".
            return None
        unit = as_written(found.written)  # the singular as written
    if written_number.isdigit() and 1900 <= value <= 2100 and (YEAR_CUE.search(before) or found.written[:1].isupper()):
        return None  # "en 2022 Familles...": a year ("2 045 habitants", written grouped, is a count)
    return unit, found.family, count_label(found.written, rest), found.end
