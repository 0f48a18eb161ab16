"""Member or adhering communes of an intercommunal CTG, and their stated number.

Lists come from prose ("la Communauté de communes et 13 communes du territoire : Aniane,
Gignac, ..."; "les communes suivantes : ..."), from lines under a heading ("Liste des communes
adhérentes", "Un territoire de 9 communes"), one name per line or between bullets, and from
tables whose header names communes.
Every name is checked against the official list of communes (INSEE COG), within the Caf's
departement or the EPCI's members when known, which also gives its code. The count is the
number stated before such a list, in a sentence naming the communes of the territory ("un
territoire de trente et une communes", "nos 12 communes"), or as a key figure of its portrait; a
count about another territory ("fait partie de la CA ..., qui compte 17 communes") or about a
service ("13 communes couvertes par une PS jeune") is not the CTG's.

A CTG signed by a single commune has no member communes: nothing is emitted for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET, BULLET_GLYPHS
from extract.normalize import clean, fold_key, parse_number_words, territory_key
from extract.reference import (
    CommuneRef,
    EpciRef,
    epci_departement,
    find_communes,
    find_communes_by_prefix,
    find_epci,
    find_epci_by_brand,
)
from extract.mentions import CAF_WORD
from extract.signature import SIGNING
from extract.text import Passage, passages, sentence_at, snippet
from models.communes import Commune, CommuneCount
from models.conventions import Caf, Territory, TerritoryType
from models.document import Block, Document, Line

# A count of communes, in digits or words: "13", "cinquante-sept", "vingt et une".
_NUMBER = r"\d{1,3}|[a-zé]+(?:-[a-zé]+)*(?:\s+et\s+(?:une?|onze))?"
# A count of the territory's communes: "13 communes du territoire", "treize communes membres",
# "les 28 communes adhérentes", "des 12 communes qui composent l'agglomération", "aux 17 communes
# la composant", "les 14 communes et les 3 syndicats du bassin de vie"; what the CTG covers: "concerne
# les vingt-deux communes", "s'applique aux quatre communes de l'île"; the territory's people
# "répartis dans huit communes"; its extent: "s'étend sur 22 communes", "forte de 38 communes".
COUNT = re.compile(
    rf"""\b(?:regroupe|regroupant|rassemble|rassemblant|r[ée]unit|r[ée]unissant|compte|comptant|compos[ée]e?\s+de
          |constitu[ée]e?\s+de|f[ée]d[èe]re|concerne(?:ra)?|couvre|couvrira|s['’]appliquer?a?|associe|associera
          |comprend|comprenant|englobe|englobant|totalise|totalisant|forte?\s+de|s['’][ée]tend(?:ant)?\s+sur
          |r[ée]partis?e?s?\s+(?:dans|sur|entre))
          \s+(?:les\s+|ses\s+|aux\s+|à\s+ses\s+)?(?P<count_verb>{_NUMBER})\s+communes\b
      |\b(?P<count>{_NUMBER})\s+communes\s+
        (?:membres|adh[ée]rentes|signataires|de\s+l['’]\s*(?:epci|intercommunalit[ée]|interco|agglom[ée]ration|agglo)\b
          |de\s+la\s+(?:communaut[ée]|m[ée]tropole|collectivit[ée])|(?:qui\s+)?(?:la\s+|le\s+|les\s+)?compos\w+|constituant
          |(?:et\s+(?:les\s+)?(?:\d{{1,3}}\s+)?[a-zé]+\s+)?(?:du|de\s+notre|de\s+ce)\s+(?:territoire|secteur|bassin\s+de\s+vie)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# A count said of the territory itself: "un territoire de 31 communes", "une intercommunalité
# rurale de vingt et une communes", "ce territoire rural et montagnard de 48 communes", "l'agglomération et ses 15 communes", "nos 12 communes sont
# solidaires" (the speaker's: the EPCI's elected), but not of some of them ("nos 3 communes les plus
# peuplées", "nos 5 communes qui ont une crèche"); in apposition: "Le territoire, vingt-quatre communes
# de Campan à Pouzac, ..." (not "Sur le territoire, 12 communes ont une crèche"); all of them:
# "s'applique sur l'ensemble de ses 14 communes", "toutes les 9 communes" (not "des 30 communes du département").
COUNT_OF_TERRITORY = re.compile(
    rf"""\b(?:(?:territoire|intercommunalit[ée]|agglom[ée]ration|communaut[ée]\s+de\s+communes)(?:\s+[a-zé]+){{0,3}}?\s+de\s+
          (?P<count>{_NUMBER})\s+communes\b
        |\b(?:l['’]ensemble\s+(?:de\s+ses|des)|toutes\s+(?:ses|les))\s+(?P<all>{_NUMBER})\s+communes\b
          (?!\s+(?:du|de\s+la|des|de|d['’])\s+(?!territoire|l['’]intercommunalit|l['’]agglo|la\s+communaut))
        |(?<![Ss]ur\ le\ )(?<![Ss]ur\ ce\ )(?:territoire|intercommunalit[ée]|agglom[ée]ration),\s+(?P<apposed>{_NUMBER})\s+communes\b
          (?=\s*(?:,|\bet\b|\bde\s+(?-i:[A-ZÀ-Ý])))
        |(?:nos|(?:territoire|intercommunalit[ée]|agglom[ée]ration|agglo|communaut[ée]|epci)\s+et\s+(?:ses|leurs))\s+
          (?P<own>{_NUMBER})\s+communes\b
          (?!\s+(?:les\s+plus|les\s+moins|de\s+plus|de\s+moins|qui|où|dont|ayant|sans|concern\w*|situ\w*|[ée]quip\w*)\b))""",
    re.IGNORECASE | re.VERBOSE,
)
# A count in brackets right after the territory's name: "la Communauté de communes du Pays de
# Lamastre (11 communes, 9 800 habitants)" (the text before is checked, see BRACKETED_AFTER).
COUNT_IN_BRACKETS = re.compile(rf"(?<=[\w)])\s*\(\s*(?P<count>{_NUMBER})\s+communes\b", re.IGNORECASE)
# Before such a bracket, the name of an intercommunal territory: its legal form or "territoire".
BRACKETED_AFTER = re.compile(r"\b(?:communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|m[ée]tropole|territoire)\b",
                             re.IGNORECASE)
# A key figure: a line that is only a count of communes, in a diagnostic's portrait of the
# territory ("12 400 habitants" | "15 communes" | "1 quartier prioritaire"), or a line of key
# figures set apart by dashes, bars or a wide space ("49 communes — 48 000 habitants", "22 500
# habitants | 24 communes", "39 communes      62 400 habitants", its spaces collapsed: "39 communes
# 62 400 habitants").
_FIGURE_APART = r"(?:\s+[—–|·•]\s+|[ \t]{3,}|[ \t]+(?=\d))[^\n]{1,40}?"
KEY_FIGURE = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}\-–]\s*)?(?:[^\n]{{1,40}}?\s+[—–|·•]\s+)?(?P<count>\d{{1,3}})\s+communes"
                        rf"(?:\s+membres)?(?:{_FIGURE_APART})*\s*$", re.IGNORECASE | re.MULTILINE)
# Above a key figure, a wider area than the territory: "Le département en chiffres", "France : 25 %".
WIDER_AREA = re.compile(r"\b(?:d[ée]partement\w*|r[ée]gion\w*|france|national\w*|m[ée]tropolitaine)\b", re.IGNORECASE)
# Right after a count, a wider area than the territory: "... 12 communes du département".
WIDER_AREA_AFTER = re.compile(r"\s*(?:du|de\s+la|de\s+l['’]|en|dans\s+(?:le|la|l['’]))\s*(?:d[ée]partement|r[ée]gion|france)\b",
                              re.IGNORECASE)
# A count in a signing sentence: "a signé sa CTG avec 18 communes, le syndicat scolaire ...".
COUNT_SIGNED_WITH = re.compile(rf"\bavec\s+(?:ses\s+|les\s+)?(?P<count>{_NUMBER})\s+communes\b", re.IGNORECASE)
SIGNING_OR_JOINING = re.compile(SIGNING.pattern + r"|\bassoci\w*", re.IGNORECASE)
# What communes do as parties of a CTG, as the subject of the verb: "ont signé", "ont rejoint",
# "s'engagent", "ont fait le choix de travailler ensemble", "se sont associées" (the territory's
# groups of communes read it too).
PARTNERING = (r"(?:ont\s+(?:sign[ée]\w*|paraph[ée]\w*|rejoint|adh[ée]r[ée]|fait\s+le\s+choix|choisi|d[ée]cid[ée]|conclu"
              r"|renouvel[ée])|sign(?:ent|eront)|rejoignent|adh[èe]rent|s['’]engagent|s['’]associent|renouvellent"
              r"|se\s+sont\s+(?:associ[ée]es|engag[ée]es|regroup[ée]es|unies)|travaillent\s+ensemble)\b")
# A count of communes as the subject of their joining: "Mardi, 18 communes, le SIVOM et la Caf ont
# rejoint l'agglomération dans sa CTG", "14 communes et 2 syndicats ont signé".
COUNT_JOINING = re.compile(rf"(?:^\W*|[.,;:]\s+)(?:(?:les|ses|leurs)\s+)?(?P<count>{_NUMBER})\s+communes\b"
                           rf"(?=[^.;:]{{0,80}}?\b{PARTNERING})", re.IGNORECASE)
# A count followed by the territory's own name: "pour les 13 communes du Pays de Lunel"
# (the name is checked against the territory's).
COUNT_OF_NAMED = re.compile(rf"\b(?P<count>{_NUMBER})\s+communes\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?=(?-i:[A-ZÀ-Ý]))",
                            re.IGNORECASE)
# "les 25 communes" with nothing after it saying which, or said of the people who live there: the
# territory's own, when the number is that of its members in the official lists ("un diagnostic
# co-construit avec les 25 communes,", "les habitants des 21 communes").
BARE_COUNT = re.compile(
    rf"""\b(?:(?:les|ses|aux|des)\s+(?P<count>{_NUMBER})\s+communes\b(?=\s*(?:[,.;:)]|et\b|$))
        |(?:familles|habitants|enfants|jeunes|parents|[ée]lus|maires)\s+(?:de|des)\s+(?P<people>{_NUMBER})\s+communes\b)""",
    re.IGNORECASE | re.VERBOSE)
# "ces trois communes": a count said of a group of communes already named.
GROUP_COUNT = re.compile(rf"\b(?:les|ces|des|aux|nos)\s+(?P<count>{_NUMBER})\s+(?:communes|villes|municipalit[ée]s)\b",
                         re.IGNORECASE)
# The opening of a list of communes: "13 communes du territoire :", "les communes suivantes :",
# "communes membres :", "ses communes membres, à savoir", "les 103 communes de X, dont A, B et C",
# "les communes de", "les cinq communes d'", "aux communes de", "avec les municipalités de", "des
# villes du" ("les seize communes de Cœur Haute Lande : A, B, ..." opens at its colon), a verb of
# membership before names ("la communauté de communes regroupe Cruis, Dauphin et Lurs"). The list
# itself starts at the end of the match; a number before it ("les cinq communes d'...") is a count
# when the list has that many names.
LIST_OPENING = re.compile(
    rf"""(?:\bcommunes\b[^.:;()–—]{{0,60}}?\s*(?::|\(|\s[–—-]\s|,?\s+(?:à\s+savoir|soit)\s*:?|,\s+dont\s+(?=(?-i:[A-ZÀ-Ý])))
        |\bcommunes\s+suivantes\s*:?
        |\b(?P<verb>regroupe|regroupant|rassemble|rassemblant|r[ée]unit|f[ée]d[èe]re|comprend|englobe|est\s+compos[ée]e\s+de
           |se\s+compose\s+de)\s+(?=(?-i:[A-ZÀ-Ý])[a-zà-ÿ])
        |\b(?:les|des|aux)\s+(?:(?P<count>{_NUMBER})\s+)?(?:communes|municipalit[ée]s|villes)\s+(?=(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*)?(?-i:[A-ZÀ-Ý]))
           (?![^.:;()–—]{{0,60}}(?::|,\s+dont\s)))\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# The subject of a verb of membership that is the territory: "la communauté de communes regroupe ...",
# "l'intercommunalité rassemble ...", "le territoire comprend ...".
GROUP_SUBJECT = re.compile(r"\b(?:communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|territoire|epci|m[ée]tropole"
                           r"|syndicat|sivom|sivu|pays|cc|ca|cu)\b", re.IGNORECASE)
# A heading over a list of communes: "ANNEXE 3 – LISTE DES COMMUNES ADHÉRENTES", "Communes membres".
LIST_HEADING = re.compile(r"\b(?:liste\s+des\s+communes|communes\s+(?:membres|adh[ée]rentes|signataires|du\s+territoire))\b",
                          re.IGNORECASE)
# A count or list said of another territory: "qui compte 17 communes" after "fait partie de la
# CA...", "les communes voisines de ...".
ELSEWHERE = re.compile(r"fait\s+partie|membre\s+de|au\s+sein\s+de|compte\s+\d+\s+communes|couvert\w*\s+par|voisin",
                       re.IGNORECASE)
# Just before a count's verb, a subject that is not the territory: "la Caf, dont la circonscription
# s'étend sur 342 communes", "Le département, fort de 500 communes", "le programme comprend 3 communes".
OTHER_SUBJECT = re.compile(r"\b(?:d[ée]partement|circonscription|r[ée]gion|caf|cgss|france|programme|r[ée]seau|dispositif)\b"
                           r"(?:\s+[\w'’-]+)?\s*,?\s*$", re.IGNORECASE)
# A heading that counts the communes listed under it: "Un territoire de 9 communes", "Les 12
# communes membres", "15 communes".
COUNT_HEADING = re.compile(rf"^(?:[\w'’]+\s+){{0,4}}(?:{_NUMBER})\s+communes(?:\s+[\w'’]+){{0,3}}\s*:?$", re.IGNORECASE)
# Between the items of one line of a list: "Aniane • Gignac", "Aniane, Gignac", "Aniane / Gignac".
LINE_ITEM_SEPARATOR = re.compile(rf"\s*[{BULLET_GLYPHS}·|/;,]\s*|\s+[–—-]\s+")
# A table column of communes: "Liste alphabétique des communes", "Commune", "Communes membres".
COMMUNE_HEADER = re.compile(r"\bcommunes?\b", re.IGNORECASE)

# Before an item of a list, the preposition that ties it to "les communes": "de", "d'", "du"
# (for Le ...), "des" (for Les ...), "de la" / "de l'" in lower case: "les municipalités de
# Privas, du Pouzin et de La Voulte-sur-Rhône"; an elided article alone: "..., l'Île-d'Arz, ...".
ITEM_PREPOSITION = re.compile(r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|l['’]\s*)(?=[A-ZÀ-Ý])")
# Between two items of a list: a comma, "et", "ainsi que", a semicolon, a bullet, a slash, a
# spaced dash ("Lamastre – Désaignes – Empurany").
ITEM_SEPARATOR = re.compile(r"\s*[,;•·/]\s*(?:et\s+|ainsi\s+que\s+)?|\s+(?:et|ainsi\s+que)\s+|\s+[–—-]\s+")
# An item of a list that may be a commune's name: capitalised words up to the next separator.
UNKNOWN_ITEM = re.compile(r"(?P<name>[A-ZÀ-Ý][\wÀ-ÖØ-öø-ÿœŒ'’-]*(?:[ -][\wÀ-ÖØ-öø-ÿœŒ'’-]+){0,5}?)(?=\s*[,;]|\s+et\s+)")
# A word of a commune's name: "Saint-Rémy-de-Chevreuse", "M'Tsangamouji", "Laudun-l'Ardoise".
NAME_WORD = re.compile(r"[\wÀ-ÖØ-öø-ÿœŒ]+(?:['’\-][\wÀ-ÖØ-öø-ÿœŒ]+)*")
# The longest commune name read at one place, in words ("Saint-Jean-de-la-Blaquière" is one).
MAX_NAME_WORDS = 6
# A column of where facilities stand, not of members: "Commune d'implantation", "Lieu", "Localisation".
LOCATION_HEADER = re.compile(r"\b(?:implantation|localisation|lieux?|sites?|adresses?)\b", re.IGNORECASE)
# A commune named as a party: "la Commune de Lalbenque", "la Ville de Chaumont", "maire de Luzech",
# several through their mayors: "les maires de Confolens, de Chabanais et de Montembœuf" (read in a
# sentence about signing or partnering; "à la mairie de X", a venue, is left out).
PARTY_COMMUNE = re.compile(r"\b(?:commune|ville|maire|(?P<mayors>maires))\s+(?:de\s+|d['’]\s*|du\s+|des\s+)(?=(?-i:[A-ZÀ-Ý]))",
                           re.IGNORECASE)
# Before "commune de X", a venue: "à la mairie de", "en mairie de", "à la ville de".
VENUE_BEFORE = re.compile(r"\b(?:à|en)\s+(?:la\s+|l['’]\s*)?$", re.IGNORECASE)
# Attendance, not partnership: "en présence de M. X, maire de Y".
ATTENDANCE = re.compile(r"\ben\s+pr[ée]sence\b", re.IGNORECASE)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_number_words(text)


def _resolve(name: str, scope: set[str] | None, departement: str | None) -> CommuneRef | None:
    """The commune a written name refers to: among the EPCI's members, else in the Caf's
    departement (memberships change), else the only commune of that name in France."""
    found = find_communes(name)
    for narrowed in (tuple(c for c in found if scope and c.code in scope),
                     tuple(c for c in found if departement and c.departement == departement), found):
        if len(narrowed) == 1:
            return narrowed[0]
        if narrowed:
            return None  # homonyms left: no guessing
    return None


@dataclass(frozen=True)
class Listed:
    """One commune read in a list: as written (its preposition left out), the name to show,
    its reference when it resolves, and its offsets in the text."""

    written: str
    name: str
    ref: CommuneRef | None
    start: int
    end: int
    shortened: bool = False  # resolved as the only commune of the departement beginning so


@lru_cache(maxsize=1)
def _departement_keys() -> frozenset[str]:
    return frozenset(fold_key(d.name) for d in lexicon.departements())


def read_commune(text: str, pos: int, scope: set[str] | None = None, departement: str | None = None) -> Listed | None:
    """The commune named at ``pos``: the longest run of words (up to a punctuation) that is a
    commune's name — "Aubière et Romagnat pour la période" gives Aubière,
    "Saint Paul et Valmalle, ..." the whole name. Within a known departement, a name shortened by
    its writer resolves when one commune only begins with it ("La Londe" -> La Londe-les-Maures
    in the Var, though another La Londe exists elsewhere). A commune known only outside the EPCI
    and the departement, when they are known, is another territory's: None."""
    words = []
    for match in NAME_WORD.finditer(text, pos):
        if text[pos if not words else words[-1].end():match.start()].strip() or len(words) == MAX_NAME_WORDS:
            break
        words.append(match)
    if not words or not words[0].group()[:1].isupper():
        return None
    runs = [(clean(text[pos:last.end()]), last.end()) for last in reversed(words)]
    runs = [(written, end) for written, end in runs if fold_key(written) not in _departement_keys()]
    homonym = None  # a name of several communes, none of them here: kept without a code
    for written, end in runs:
        if not find_communes(written):
            continue
        ref = _resolve(written, scope, departement)
        if ref is None:
            homonym = homonym or Listed(written, written, None, pos, end)
            continue
        if (scope or departement) and ref.code not in (scope or ()) and ref.departement != departement:
            continue
        # The writer dropped the name's article after a contracted preposition ("du Havre"):
        # the official name, article included.
        dropped = fold_key(written) != fold_key(ref.name) and fold_key(ref.name).endswith(" " + fold_key(written))
        return Listed(written, ref.name if dropped else written, ref, pos, end)
    if departement:
        for written, end in runs:
            found = find_communes_by_prefix(written, departement)
            if len(found) == 1:
                return Listed(written, written, found[0], pos, end, shortened=True)
    return homonym


def read_commune_list(text: str, start: int, scope: set[str] | None = None,
                      departement: str | None = None) -> list[Listed]:
    """The communes listed from ``start``: "Aniane, Gignac, Saint Paul et Valmalle et Pouzols",
    "de Privas, du Pouzin et de La Voulte-sur-Rhône", up to the first word that is not a
    commune's name."""
    items: list[Listed] = []
    pos = start
    while True:
        if items:
            separator = ITEM_SEPARATOR.match(text, pos)
            if not separator:
                break
            pos = separator.end()
        else:
            pos += len(text[pos:]) - len(text[pos:].lstrip())
        preposition = ITEM_PREPOSITION.match(text, pos)
        item = read_commune(text, preposition.end() if preposition else pos, scope, departement)
        if item is None:
            item = _unknown_in_list(text, preposition.end() if preposition else pos, items, scope, departement)
            if item is None:
                break
        items.append(item)
        pos = item.end
    return items


def _unknown_in_list(text: str, pos: int, items: list[Listed], scope, departement) -> Listed | None:
    """A name the official list does not know, inside a long list of communes that goes on after it
    ("..., Le Muy, Les Arcs-sur-Argens, Lorgues, ...": the usual name of Les Arcs): kept as written,
    without a code. Only after three communes read, and when the next item is one."""
    name = UNKNOWN_ITEM.match(text, pos)
    if len(items) < 3 or name is None or len(name["name"].split()) > MAX_NAME_WORDS:
        return None
    separator = ITEM_SEPARATOR.match(text, name.end())
    if separator is None:
        return None
    preposition = ITEM_PREPOSITION.match(text, separator.end())
    if read_commune(text, preposition.end() if preposition else separator.end(), scope, departement) is None:
        return None
    written = name["name"]
    return Listed(written, written, None, pos, name.end())


def _read_on(ordered: list[Passage], position: int) -> str:
    """A block's text, followed by the next block's when the sentence runs on into it (a list
    cut by a page break: "… Villette, Bazailles," | "Fresnois-la-Montagne, …")."""
    text = ordered[position].text
    if position + 1 < len(ordered) and not re.search(r"[.;:!?)»]\s*$", text):
        return f"{text} {ordered[position + 1].text}"
    return text


def _spelled(name: str) -> str:
    """A name as spelled, accents kept, case, hyphens and a leading article aside."""
    return re.sub(r"^(?:le|la|les|l) ", "", " ".join(clean(name).lower().replace("-", " ").replace("'", " ").split()))


def _spelled_commune(item: str, scope, departement) -> CommuneRef | None:
    """The commune an item of a list spells, accents included ("Maire" is no "Mairé"), but for a
    capital's, which writers often drop ("Evreux")."""
    ref = _resolve(item, scope, departement)
    if ref is None:
        return None
    written, official = _spelled(item), _spelled(ref.name)
    return ref if written == official or (written[1:] == official[1:] and fold_key(written[:1]) == fold_key(official[:1])) \
        else None


def _block_items(block: Block, scope, departement) -> tuple[list[tuple[Line | None, str, CommuneRef]], str | None]:
    """The communes of a block of a list: one per line ("• Gignac"), or, when its lines hold
    several items between bullets, commas, slashes or spaced dashes ("Aniane • Gignac • Le
    Pouget", wrapped over lines as the layout pleased), the items of its text when most of them are
    communes. Line is None for an item read across lines. Also returns the departement the names
    were resolved in (the list's own, when nothing else located it)."""
    lines = [BULLET.sub("", line.text).strip(" ;,.") for line in block.lines]
    if not any(LINE_ITEM_SEPARATOR.search(text) for text in lines):
        hits = [(line, text, _spelled_commune(text, scope, departement)) for line, text in zip(block.lines, lines)]
        return [hit for hit in hits if hit[2] is not None], departement
    items = [item.strip(" .") for text in block.text.split("\n")
             for item in LINE_ITEM_SEPARATOR.split(BULLET.sub("", text)) if item.strip(" .")]
    if scope is None and departement is None:
        # Nothing locates the list but the list itself: the departement of most of its names
        # that are one commune's only ("Ajoupa-Bouillon", "Basse-Pointe") places the others.
        located = Counter(refs[0].departement for refs in map(find_communes, items) if len(refs) == 1)
        if located and 2 * located.most_common(1)[0][1] > len(items):
            departement = located.most_common(1)[0][0]
    hits = [(None, item, ref) for item in items if (ref := _spelled_commune(item, scope, departement))]
    return (hits, departement) if 2 * len(hits) > len(items) else ([], None)


def _from_heading_lists(doc: Document, scope, departement, run_on: set[int] = frozenset()) -> list[Commune]:
    """Communes listed one per line or cell, or along a line between bullets, under a heading such
    as "Liste des communes adhérentes" or "Un territoire de 9 communes", under a sentence
    announcing them ("La CTG concerne les 10 communes du territoire :"), or after a prose list that
    runs to the end of its block (``run_on``, the ids of such blocks: the list goes on in the next
    block when a layout cut it). Read line by line until a block holds no commune."""
    found: list[Commune] = []
    for page in doc.pages:
        active, located = False, departement
        for block in page.blocks:
            text = block.text.strip()
            if (LIST_HEADING.search(text) and len(text) < 120) or (text.endswith(":") and LIST_OPENING.search(text)) \
                    or (COUNT_HEADING.match(text) and len(text) < 80) or id(block) in run_on:
                active, located = True, departement
                continue
            if not active or block.table is not None:
                continue
            hits, resolved_in = _block_items(block, scope, located)
            located = located or resolved_in  # the list's own departement holds for the rest of it
            if not hits:
                # A grid read column by column may be interrupted by a short line ("Fait à ...");
                # prose or a new heading ends the list.
                if len(block.text) > 160 or (block.bold and found):
                    active = False
                continue
            for line, name, ref in hits:
                if line is None:
                    at = block.text.find(name)
                    quoted, bbox = snippet(block.text, at, at + len(name)), block.bbox
                else:
                    quoted, bbox = line.text, line.bbox
                found.append(Commune(doc_id=doc.doc_id, page=page.number, rule="listed_under_heading",
                                     snippet=quoted, bbox=bbox.as_tuple(), name=clean(name), code=ref.code))
    return found


def _count_of_members(ordered: list[Passage], members: int, doc_id: str) -> CommuneCount | None:
    """A bare "les N communes" whose N is the EPCI's number of members."""
    for passage in ordered:
        for match in BARE_COUNT.finditer(passage.text):
            left, _ = sentence_at(passage.text, *match.span())
            if _number(match["count"] or match["people"]) == members \
                    and not ELSEWHERE.search(passage.text[left:match.start()]):
                return CommuneCount(doc_id=doc_id, page=passage.page.number, rule="count_of_members",
                                    snippet=snippet(passage.text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                    value=members)
    return None


def _key_figure_of_territory(ordered: list[Passage], position: int, value: int, members: int | None) -> bool:
    """Whether a key figure "N communes" is the territory's: not under a heading about a wider
    area ("Le département en chiffres", "Moselle : 24 %"), and near the EPCI's number of members
    in the official lists when it is known (memberships change a little, not tenfold)."""
    page = ordered[position].page
    # A comparison in brackets is an aside: "+1,6 % par an (Landes : +0,9 %)" heads nothing.
    before = [re.sub(r"\([^)]*\)", " ", p.text) for p in ordered[max(0, position - 2):position] if p.page is page]
    if any(WIDER_AREA.search(text) or _departement_named(text) for text in before):
        return False
    return members is None or abs(value - members) <= max(2, members // 10)


def _departement_named(text: str) -> bool:
    folded = f" {fold_key(text)} "
    return any(f" {key} " in folded for key in _departement_keys())


def _count(ordered: list[Passage], territory: Territory | None, doc_id: str,
           members: int | None = None) -> CommuneCount | None:
    """The first count of the territory's communes the text states."""
    own = _bare_key(territory.name) if territory else None
    for position, passage in enumerate(ordered):
        text = passage.text
        if "ommunes" not in text and "OMMUNES" not in text:
            continue  # every count pattern names "communes"
        found = [(m, m["count"] or m["count_verb"]) for m in COUNT.finditer(text)]
        found += [(m, m["count"] or m["own"] or m["apposed"] or m["all"]) for m in COUNT_OF_TERRITORY.finditer(text)]
        found += [(m, m["count"]) for m in COUNT_IN_BRACKETS.finditer(text)
                  if BRACKETED_AFTER.search(text, max(sentence_at(text, *m.span())[0], m.start() - 80), m.start())
                  or (own and _bare_key(text[max(0, m.start() - len(own) - 5):m.start()]).endswith(own))]
        found += [(m, m["count"]) for m in KEY_FIGURE.finditer(text)
                  if _key_figure_of_territory(ordered, position, int(m["count"]), members)]
        found += [(m, m["count"]) for m in COUNT_JOINING.finditer(text)
                  if not WIDER_AREA.search(text[m.end():sentence_at(text, *m.span())[1]])]
        found += [(m, m["count"]) for m in COUNT_SIGNED_WITH.finditer(text)
                  if SIGNING_OR_JOINING.search(text[slice(*sentence_at(text, *m.span()))])]
        # "des 13 communes du Pays de Lunel": the name after it must be the territory's own.
        found += [(m, m["count"]) for m in COUNT_OF_NAMED.finditer(text)
                  if own and _bare_key(text[m.end():m.end() + len(own) + 40]).startswith(own)]
        for match, number in sorted(found, key=lambda item: item[0].start()):
            left, _ = sentence_at(text, *match.span())
            value = _number(number)
            # "12 communes du département": a wider area's.
            if value and not ELSEWHERE.search(text[left:match.start()]) \
                    and not ("count_verb" in match.re.groupindex and match["count_verb"]
                             and OTHER_SUBJECT.search(text[max(left, match.start() - 40):match.start()])) \
                    and not WIDER_AREA_AFTER.match(text, match.end()):
                return CommuneCount(doc_id=doc_id, page=passage.page.number, rule="count_of_communes",
                                    snippet=snippet(text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                    value=value)
    return None


def _bare_key(name: str) -> str:
    """A name folded without its legal form nor article, words joined by spaces."""
    return territory_key(name).replace("-", " ")


def _group_count(ordered: list[Passage], size: int, doc_id: str) -> CommuneCount | None:
    """"ces trois communes" said of a group of communes whose list has that many names."""
    for passage in ordered:
        for match in GROUP_COUNT.finditer(passage.text):
            if _number(match["count"]) == size:
                return CommuneCount(doc_id=doc_id, page=passage.page.number, rule="count_of_group",
                                    snippet=snippet(passage.text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                    value=size)
    return None


def _group_members(territory: Territory, departement: str | None) -> list[Commune]:
    """The communes of a group named as the territory ("Privas, Le Pouzin et La
    Voulte-sur-Rhône"), grounded where the territory is."""
    items = read_commune_list(territory.name, 0, None, departement)
    return [Commune(doc_id=territory.doc_id, page=territory.page, rule="group_of_communes", snippet=territory.snippet,
                    bbox=territory.bbox, name=item.name, code=item.ref.code if item.ref else None) for item in items]


def _party_communes(ordered: list[Passage], territory: Territory, scope, departement) -> list[Commune]:
    """Communes named as parties beside an intercommunal territory, in a sentence about signing
    or partnering: "la Ville de Chaumont et la communauté de communes ... ont signé", "Elle associe
    aussi ... la Commune de Lalbenque", "X, maire de Luzech, ... ont signé"."""
    own = _bare_key(territory.name)
    found = []
    for passage in ordered:
        text = passage.text
        for match in PARTY_COMMUNE.finditer(text):
            left, right = sentence_at(text, *match.span())
            if not SIGNING_OR_JOINING.search(text[left:right]) or ATTENDANCE.search(text[left:match.start()]) \
                    or ELSEWHERE.search(text[left:match.start()]) or VENUE_BEFORE.search(text[left:match.start()]):
                continue
            if match["mayors"]:
                items = read_commune_list(text, match.start("mayors") + len(match["mayors"]) + 1, scope, departement)
            else:
                item = read_commune(text, match.end(), scope, departement)
                items = [item] if item is not None else []
            for item in items:
                if item.ref is None or fold_key(item.name) == own:
                    continue
                found.append(Commune(doc_id=territory.doc_id, page=passage.page.number,
                                     rule="party_commune", snippet=snippet(text, match.start(), item.end),
                                     bbox=passage.block.bbox.as_tuple(), name=item.name, code=item.ref.code))
    return found


# A grid of names without a header is a list of the members when this share of its cells, at least
# GRID_MIN_CELLS, are the territory's member communes.
GRID_MEMBER_SHARE = 0.75
GRID_MIN_CELLS = 4


def _grid_of_members(table, page: int, doc_id: str, scope: set[str] | None) -> list[Commune]:
    """The communes of a grid of names with no header, a slide's "13 communes" laid out in rows and
    columns: only when the members of the territory are known and fill most of its cells."""
    cells = [clean(cell) for row in table.rows for cell in row if cell and cell.strip()]
    if scope is None or len(cells) < GRID_MIN_CELLS:
        return []
    found = [(cell, _resolve(cell, scope, None)) for cell in cells]
    members = [(cell, ref) for cell, ref in found if ref is not None and ref.code in scope]
    if len(members) < GRID_MEMBER_SHARE * len(cells):
        return []
    return [Commune(doc_id=doc_id, page=page, rule="grid_of_communes", snippet=cell, bbox=table.bbox.as_tuple(),
                    name=cell, code=ref.code) for cell, ref in members]


def extract_communes(doc: Document, territory: Territory | None, caf: Caf | None
                     ) -> tuple[list[Commune], CommuneCount | None]:
    if territory is not None and territory.type is TerritoryType.COMMUNE:
        return [], None
    epci: EpciRef | None = find_epci(territory.name) if territory else None
    if epci is None and territory is not None and territory.type is TerritoryType.EPCI:
        epci = find_epci_by_brand(territory.name)  # "Loudéac Communauté" for "... - Bretagne Centre"
    scope = set(epci.members) if epci else None
    # Names resolve in the EPCI's own departement, else the Caf's.
    departement = (epci_departement(epci) if epci else None) or (caf.department_code if caf else None)

    named: dict[str, Commune] = {}
    run_on: set[int] = set()  # blocks whose prose list of communes runs to their end
    ordered = list(passages(doc))
    count = _count(ordered, territory, doc.doc_id, len(epci.members) if epci else None)
    if territory is not None and territory.type is TerritoryType.MULTI_COMMUNES:
        members = _group_members(territory, departement)
        for commune in members:
            named.setdefault(fold_key(commune.name), commune)
        if count is None and len(members) >= 2:
            count = _group_count(ordered, len(members), doc.doc_id)
    for position, passage in enumerate(ordered):
        text = passage.text
        for match in LIST_OPENING.finditer(text):
            left, _ = sentence_at(text, *match.span())
            if ELSEWHERE.search(text[left:match.start()]):
                continue
            if match["verb"] and (not GROUP_SUBJECT.search(text[left:match.start()])
                                  or CAF_WORD.search(text[left:match.start()])):
                continue  # "La Caf de l'Hérault regroupe Montpellier et Sète dans son agence": not the territory's

            read = _read_on(ordered, position)
            items = read_commune_list(read, match.end(), scope, departement)
            if len(items) < 2:
                continue
            if items[-1].end <= len(text) and not text[items[-1].end:].strip(" .,;"):
                run_on.add(id(passage.block))
            if count is None and match["count"] and _number(match["count"]) == len(items):
                count = CommuneCount(doc_id=doc.doc_id, page=passage.page.number, rule="count_before_list",
                                     snippet=snippet(text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                     value=len(items))
            for item in items:
                where, at = passage, item.start
                if at >= len(text):  # read on into the next block: the name is grounded there
                    where, at = ordered[position + 1], max(0, at - len(text) - 1)
                named.setdefault(fold_key(item.ref.name if item.ref else item.name), Commune(
                    doc_id=doc.doc_id, page=where.page.number, rule="list_of_communes",
                    snippet=snippet(where.text, at, at + len(item.written)), bbox=where.block.bbox.as_tuple(),
                    name=item.name, code=item.ref.code if item.ref else None))
    if count is None and epci is not None:
        count = _count_of_members(ordered, len(epci.members), doc.doc_id)
    if territory is not None and territory.type is TerritoryType.EPCI:
        for commune in _party_communes(ordered, territory, scope, departement):
            named.setdefault(fold_key(commune.name), commune)
    named_lines = _from_heading_lists(doc, scope, departement, run_on)
    for commune in named_lines:
        named.setdefault(fold_key(commune.name), commune)
    for page in doc.pages:
        for table in page.tables:
            header = table.rows[0] if table.rows else ()
            column = next((i for i, cell in enumerate(header) if COMMUNE_HEADER.search(cell) and len(cell) < 60
                           and not LOCATION_HEADER.search(cell)), None)
            if column is None:
                for commune in _grid_of_members(table, page.number, doc.doc_id, scope):
                    named.setdefault(fold_key(commune.name), commune)
                continue
            for row in table.rows[1:]:
                cell = clean(row[column]) if len(row) > column else ""
                ref = _resolve(cell, scope, departement) if cell else None
                if ref is None:
                    continue
                named.setdefault(fold_key(ref.name), Commune(
                    doc_id=doc.doc_id, page=page.number, rule="table_of_communes", snippet=" | ".join(row),
                    bbox=table.bbox.as_tuple(), name=cell, code=ref.code))
    return list(named.values()), count
