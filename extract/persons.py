"""Reading persons' names in running text.

A name is a first name and one to three more words, particles allowed ("Laurent Teissier",
"Audrey MATHON-DEBETENCOURT", "Charles de GAULLE"); a surname alone after a civility is one too
("M. Durandeau"), a civility never part of it. Capitalised words that name a place or an
organisation ("Sud Retz Atlantique", "Communauté de Communes des Coteaux", "Mende" in "maire de
Mende Luc Berthier"), a place named after a person ("salle Jean Moulin"), titles in capitals
and anonymised names ("Xxxxx XXXX") are no one's. Two names written one after the other in a
signature line ("Jérôme DELATTRE Francis PETIT") are two persons. Spelling variants of one name
("Hélène Marcheti" and "Hélène Marchetti"), and a surname alone beside its full name, are one
person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from extract import lexicon
from extract.normalize import fold, fold_key
from extract.reference import is_commune_name

# A civility: "Monsieur", "Mme", "M.", "Mlle", "Mr", "MM." (before two names).
CIVILITY_WORD = r"(?:Monsieur|Madame|Mademoiselle|M\.|MM\.|Mmes?\.?|Mlle\.?|Mr\.?)"
# A word of a person's name: "Thierry", "Jean-François", "MATHON-DEBETENCOURT", "D'ARTAGNAN", "N'Diaye",
# "Lecœur", "Guivarc'h" (a Breton "c'h").
NAME_WORD = (r"(?:[A-ZÀ-ÝŒ](?:[a-zà-ÿœ]+|['’][A-ZÀ-ÝŒ][a-zà-ÿœ]+)(?:-[A-ZÀ-ÝŒa-zà-ÿœ][a-zà-ÿœ]+|['’][A-ZÀ-ÝŒa-zà-ÿœ][a-zà-ÿœ]*)*"
             r"|[A-ZÀ-ÝŒ]{2,}(?:[-'’][A-ZÀ-ÝŒ]{2,})*)")
# A run of capitalised words that may hold persons' names, particles allowed: "Laurent Teissier",
# "Audrey MATHON-DEBETENCOURT", "Charles de GAULLE", "Le Maire de Morteau Luc BRUN", after an
# elided "de" or "que" too ("en présence d'Olivier Lebrun", "c'est là qu'Anne Roux a signé"). OCR's
# stray dot after a first name, and its space in a compound one, are tolerated: "Thierry. Mathieu",
# "Jean- Marc Marchand".
PERSON = re.compile(
    rf"""(?:(?<![\w'’-])|(?<=\b[dD]['’])|(?<=[qQ]u['’]))
         (?P<name>[A-ZÀ-ÝŒ][a-zà-ÿœ]+(?:-\s?[A-ZÀ-ÝŒ][a-zà-ÿœ]+)?\.?              # a first name
                  (?:\s+(?:(?:de|du|des|le|la|van|von|da|di)\s+|d['’])?{NAME_WORD})+)  # more words, particles
         (?![\w'’-])""",
    re.VERBOSE,
)
# A name has at most this many words: a first name and three more ("Marie Odile Lasserre-Vidal").
MAX_WORDS = 4
# A surname alone after a civility: "M. Durandeau", "Mme ROUX" (with a first name after the
# civility, the name is PERSON's).
SURNAME = re.compile(rf"(?<![\w.]){CIVILITY_WORD}\s+(?P<name>{NAME_WORD})(?![\w'’-])")
# A civility just before a name: "Madame Véronique DELCOURT", "M. Laurent DEGALLAIX".
CIVILITY = re.compile(rf"{CIVILITY_WORD}\s+$")
# A word in capitals, then a first name: where two names written in a row meet ("Jérôme
# DELATTRE Francis PETIT").
NEXT_NAME = re.compile(r"^[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})*$")
FIRST_NAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$")
# Specks after a name on a scan: "Christine LAMBERT +", "Sophie DURAND ‘".
STRAY_END = re.compile(r"[\s+*‘’'`\"|_~.,;:-]+$")
# What a line of names may hold besides them: civilities, commas, "et".
NAMES_FILLER = re.compile(rf"{CIVILITY_WORD}|\bet\b|[\s,;/&-]", re.IGNORECASE)
# A name in capitals on a line of its own, maybe after a civility: "LUC BRUN", "Mme ANNE LE GALL".
CAPITALS_LINE = re.compile(rf"(?:{CIVILITY_WORD}\s+|(?:MONSIEUR|MADAME|MME)\s+)?(?P<name>[A-ZÀ-Ý]{{2,}}(?:[-'’][A-ZÀ-Ý]{{2,}})*"
                           rf"(?:\s+(?:(?:DE|DU|LE|LA)\s+)?[A-ZÀ-Ý]{{2,}}(?:[-'’][A-ZÀ-Ý]{{2,}})*){{1,2}})")
# A preposition before a place: "maire de Mende Luc Berthier".
PLACE_PREPOSITION = re.compile(r"(?:\b(?:de|du|des|à|au|aux|en)|\bd['’])\s*$", re.IGNORECASE)
# A word of an anonymised name: "Xxxxxx", "XXXXX-XXXX".
ANONYMISED = re.compile(r"[xX]+(?:[-'’][xX]+)*")
# The noun of a place named after a person, just before the name: "salle Jean Moulin", "l'école Marie Curie".
VENUE_BEFORE = re.compile(r"([\w'’-]+(?:\s+scolaire)?)\s*$")
# Particles inside a person's name: "Charles de Gaulle".
PARTICLES = {"de", "du", "des", "le", "la", "van", "von", "da", "di"}


class Name(NamedTuple):
    """A person's name as written, and where it stands in its text."""
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NameWords:
    """Word lists of roles.json, folded: words never in a name, words that start a place's or an
    organisation's name, departements' names, nouns of places named after a person."""
    not_name: frozenset[str]
    places: frozenset[str]
    departements: frozenset[str]
    venues: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> NameWords:
    data = lexicon.roles()
    # An EPCI's brand word ("Argentan Intercom", "Carcassonne Agglo") ends an organisation's name.
    brands = lexicon.territory_forms()["brand_words"]
    not_name = {fold(w).strip(".") for w in data["not_name"] + data["civilities"] + data["org_words"] + brands}
    for role in data["roles"]:
        for form in role["forms"]:
            not_name.update(w for w in re.split(r"[\s'-]+", fold(form)) if len(w) > 2)
    return NameWords(not_name=frozenset(not_name - PARTICLES),
                     places=frozenset(fold(w) for w in data["place_words"] + data["org_words"]),
                     departements=frozenset(fold(d.name) for d in lexicon.departements()),
                     venues=frozenset(fold(w) for w in data["venue_words"]))


def not_name(word: str) -> bool:
    """"Maire", "Vice-Présidente", "Mme": never part of a person's name."""
    words = _words().not_name
    folded = fold(word.strip(".'’"))
    return folded in words or any(part in words for part in re.split(r"[-'’]", folded) if len(part) > 2)


def _placey(word: str, words_left: int, before: str) -> str | None:
    """What a leading word is when it names a place or an organisation, not a first name: the
    "start" of a longer name ("Sud", "Val", "Saint", "Communauté"), or a "whole" place's name
    ("Voulte-sur-Rhône", "Vendée", "Mende" in "maire de Mende Luc Berthier"); else None."""
    words = _words()
    folded = fold(word)
    if folded in words.places or any(p in words.places for p in folded.split("-")):
        return "start"
    if folded in words.departements or any(part[:1].islower() for part in word.split("-")[1:]):  # "Voulte-sur-Rhône"
        return "whole"
    # "maire de Mende Luc Berthier": a role's complement, then the name.
    complement = PLACE_PREPOSITION.search(before)
    head = before[:complement.start()].split() if complement else []
    if words_left >= 3 and head and not_name(head[-1]) and is_commune_name(word):
        return "whole"
    return None


def _trim(match: re.Match, text: str = "") -> list[Name]:
    """The persons' names within a run of capitalised words, without the words around them that
    are not names ("Madame Véronique DELCOURT", "Michel Arrouy Maire", "Le Maire de Morteau Luc
    BRUN"): the run is cut at every word that is never a name, and each piece trimmed."""
    name_text, start = match.group("name"), match.start("name")
    names: list[Name] = []
    piece: list[re.Match] = []
    for word in [*re.finditer(r"\S+", name_text), None]:
        if word is not None and not (not_name(word.group()) and fold(word.group()) not in PARTICLES):
            piece.append(word)
            continue
        names.extend(_piece(piece, name_text, start, text))
        piece = []
    return names


def _particle(word: re.Match) -> bool:
    return fold(word.group()) in PARTICLES or word.group().startswith(("d'", "d’"))


def _piece(words: list[re.Match], name_text: str, start: int, text: str) -> list[Name]:
    """The name a piece of a run holds, a place's or an organisation's name before it aside:
    none when it names a place ("Sud Retz Atlantique", "Val de Sarthe"), "Julie BONNET" from "du
    Doubs Julie BONNET", two when two names stand in a row ("Jérôme DELATTRE Francis PETIT")."""
    while words and _particle(words[0]):
        words = words[1:]
    place = False
    while words:
        before = text[:start + words[0].start()] if text else ""
        kind = _placey(words[0].group().strip(".'’"), len(words), before[-40:])
        if kind == "start":
            return []  # "Saint André de Sangonis", "Val de Sarthe"
        if kind is None:
            break
        place = True  # "Vendée", "Voulte-sur-Rhône", "Mende" in "maire de Mende Luc Berthier"
        words = words[1:]
    if place and (len(words) < 2 or _particle(words[0])):
        return []
    # A place's word before a particle is a place's name: "Marmande Val de Garonne", "Anne Pays d'Oc".
    places = _words().places
    if any(fold(w.group()) in places and _particle(n) for w, n in pairwise(words[1:])):
        return []
    while words and _particle(words[-1]):
        words = words[:-1]
    if len(words) < 2:
        return []
    # "Jérôme DELATTRE Francis PETIT": a surname in capitals, then a first name, two names.
    split = next((i for i in range(2, len(words) - 1) if NEXT_NAME.match(words[i - 1].group())
                  and FIRST_NAME.match(words[i].group())), None)
    parts = [words[:split], words[split:]] if split is not None else [words]
    return [n for part in parts for n in _checked(name_text, start, part[:MAX_WORDS])]


def _checked(name_text: str, start: int, words: list[re.Match]) -> list[Name]:
    """The name these words make, unless it is a title in capitals, anonymised, or a commune's."""
    name = name_text[words[0].start():words[-1].end()]
    if all(w.group().isupper() for w in words):  # "CONVENTION TERRITORIALE": a title, not a person
        return []
    if all(ANONYMISED.fullmatch(w.group().strip(".")) for w in words):
        return []
    if not re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", words[0].group()) or is_commune_name(name):
        return []
    return [Name(name.replace(".", ""), start + words[0].start(), start + words[-1].end())]


def is_person(name: str) -> bool:
    """Whether the whole of ``name`` reads as one person's name ("Sophie Lambert", not
    "Marmande Val de Garonne")."""
    match = PERSON.fullmatch(name)
    trimmed = _trim(match) if match else []
    return len(trimmed) == 1 and trimmed[0].text == name


def civility_before(text: str, start: int) -> bool:
    """Whether a civility stands right before ``start``: "Mme |Anne Roux"."""
    return bool(CIVILITY.search(text[max(0, start - 12):start]))


def find_names(text: str) -> list[Name]:
    """Persons' names in a text, in order: full names, and surnames after a civility."""
    found = [n for m in PERSON.finditer(text) for n in _trim(m, text) if not _venue(text, n.start)]
    for match in SURNAME.finditer(text):
        start, end = match.span("name")
        word = match.group("name")
        if any(s < end and start < e for _, s, e in found) or not_name(word) or ANONYMISED.fullmatch(word):
            continue
        if re.match(rf"\s+{NAME_WORD}", text[end:]) and not not_name(text[end:].split()[0]):
            continue  # "M. Laurent Abel" whose full name PERSON did not take: no surname alone
        found.append(Name(word, start, end))
    return sorted(found, key=lambda n: n.start)


def line_of_names(text: str) -> list[Name]:
    """The full names a line holds when it holds nothing else (civilities and a scan's specks
    aside): "Audrey MARTIN", "Mme Claire DUVAL +", "Jérôme DELATTRE Francis PETIT"; else none."""
    text = STRAY_END.sub("", text.strip())
    names = [n for n in find_names(text) if " " in n.text] or _in_capitals(text)
    rest = "".join(text[e:s] for (_, _, e), (_, s, _) in pairwise([Name("", 0, 0), *names, Name("", len(text), 0)]))
    return names if names and not NAMES_FILLER.sub("", rest) else []


def _in_capitals(text: str) -> list[Name]:
    """A name written wholly in capitals on a line of its own ("LUC BRUN", "M. JEAN-PAUL ABEL"),
    unless its words name a role, an organisation, a place or a title."""
    match = CAPITALS_LINE.fullmatch(text)
    if not match:
        return []
    words = match.group("name").split()
    if any(not_name(w) for w in words) or _placey(words[0], len(words), "") or is_commune_name(match.group("name")):
        return []
    return [Name(match.group("name"), match.start("name"), match.end("name"))]


def _venue(text: str, start: int) -> bool:
    """Whether the name at ``start`` names a place after a person: "salle Jean Moulin", "à
    l'école Marie Curie"."""
    before = VENUE_BEFORE.search(text[max(0, start - 30):start])
    return bool(before) and fold(re.sub(r"^[ldLD]['’]", "", before.group(1))) in _words().venues


def same_person(a: str, b: str) -> bool:
    """"Hélène Marcheti" and "Hélène Marchetti" (a typo), "Roux" and "Anne Roux" (a surname alone)."""
    ka, kb = fold_key(a), fold_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) == 1 or len(wb) == 1:
        return wa[-1] == wb[-1]
    return wa[0] == wb[0] and len(wa) == len(wb) and SequenceMatcher(None, ka, kb).ratio() >= 0.9


def group_variants(names: list[str]) -> list[list[int]]:
    """The indices of ``names`` grouped by person, each group in order, groups in the order of
    their first name: spelling variants go together, and a surname alone joins the one full name
    that ends with it (none when two do)."""
    groups: list[list[int]] = []
    for index in sorted(range(len(names)), key=lambda i: " " not in names[i]):  # full names first
        same = [g for g in groups if same_person(names[g[0]], names[index])]
        if len(same) == 1 or (same and " " in names[index]):
            same[0].append(index)
        else:
            groups.append([index])
    return sorted((sorted(g) for g in groups), key=min)
