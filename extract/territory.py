"""The territory that signs the CTG: a commune, an EPCI, a group of communes.

Every mention of a collectivity is collected — a legal form and a name ("communauté de communes
Vallée de l'Hérault", "CA du Gard Rhodanien", "la commune de Valros"), an informal form before a
name the official list of EPCI knows ("l'agglomération du Grand Villeneuvois"), a name the
official list knows on its own ("le Grand Dax", "Dijon Métropole"), a brand ("Mont-de-Marsan
Agglomération"), a group of communes named as a party ("les communes de Crolles, Bernin et
Saint-Nazaire-les-Eymes"), a "secteur", an overseas collectivity, a CTG named after a place, the
topic of a headline ("Cœur de Savoie : ..."), a running header ("VILLE DE MENDE" atop each
page) — and weighed by its context (``extract/mentions.py``). Communes beside an EPCI in one
sentence are its members; an EPCI's spellings and a group's members count as one place. The best
place must clearly lead.

When no collectivity is named so, a commune named bare in a sentence about the CTG or in a
dateline may stand; when none is named at all, an EPCI named by its legal form alone as a party
("la communauté urbaine").

The Caf is read in ``extract/caf.py`` (its departement resolves commune names here).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from extract import lexicon
from extract.caf import caf_name, departement_of, extract_caf  # noqa: F401 (caf_name: parties imports it from here)
from extract.communes import PARTNERING, read_commune_list
from extract.mentions import (
    CAF_WORD,
    MIN_SCORE,
    Mention,
    as_party,
    choose,
    in_context,
    mention_key,
    scored,
    title_font_size,
    totals,
)
from extract.names import (
    ARTICLES,
    LEADING_ARTICLE,
    WORD,
    brand_names,
    brand_word_after,
    commune_name,
    ends_with_brand_word,
    epci_names,
    is_rubric,
    known_epci_run,
    names_a_place,
    not_territory_keys,
    official_epci_name,
    read_name,
)
from extract.normalize import clean, fold_key, mostly_capitals, place_name
from extract.reference import find_communes, find_epci, find_epci_by_brand
from extract.text import Passage, once_per_document, passages, sentence_at, snippet, title_block
from models.conventions import Territory, TerritoryType
from models.document import Block, Document

# A lower-case article before a commune's name ("la Boissière"); "La Boissière" keeps its own.
LOWER_ARTICLE = re.compile(r"^(?:(?:de\s+la|du|des|de|la|le|les)\s+|(?:de\s+l|d|l)['’]\s*)")
# The preposition that joins a CTG to its territory's name: "de", "du", "des", "d'".
PREPOSITION = re.compile(r"^(?:(?:de|du|des)\s+|d['’]\s*)(?=\S)", re.IGNORECASE)

# A commune named by its form: "la commune de Valros", "ville de Frontignan", "mairie d'Aniane",
# "la Ville des Mureaux", "le conseil municipal de Fort-de-France".
COMMUNE_FORM = re.compile(
    r"""\b(?:commune|ville|mairie|municipalit[ée]|cit[ée]|conseil\s+municipal)\s+
        (?:de\s+|d['’]\s*|(?:du|des)\s+(?=(?-i:[A-ZÀ-Ý])))""",
    re.IGNORECASE | re.VERBOSE,
)
# An overseas collectivity: "la Collectivité de Saint-Martin", "la Collectivité territoriale de
# Guyane", "la Collectivité territoriale de Martinique".
COLLECTIVITY_FORM = re.compile(
    r"\bcollectivit[ée]\s+(?:territoriale\s+|unique\s+|d['’]outre-mer\s+)?(?:de\s+la\s+|de\s+|du\s+|d['’]\s*)(?=(?-i:[A-ZÀ-Ý]))",
    re.IGNORECASE,
)
# A commune named through its mayor: "Maire de Gignac", "adjoint au maire des Mureaux", "maire
# de la commune de Valros" (the latter also matches COMMUNE_FORM).
MAYOR_OF = re.compile(r"\bmaire\s+(?:de\s+|d['’]\s*|du\s+|des\s+)(?=(?-i:[A-ZÀ-Ý]))", re.IGNORECASE)
# A CTG named after its territory: "Convention Territoriale Globale de Valros", "la Ctg du
# territoire de la Vallée de l'Hérault", "CONVENTION TERRITORIALE GLOBALE DE VALROS".
CTG_OF = re.compile(
    r"""(?:convention\s+territoriale\s+globale|\bctg)\s+(?:\(ctg\)\s+)?
        (?:(?:du|de\s+la|de\s+l['’]|de|des|d['’])\s*territoire\s+)?(?=(?:de|du|des|d['’])\s*[A-ZÀ-Ýa-z])""",
    re.IGNORECASE | re.VERBOSE,
)
# A territory named as such: "pour le territoire Cœur de Savoie", "le territoire du Grand Dax"
# (not a "projet de territoire Horizon 2035").
TERRITORY_OF = re.compile(r"(?<!convention\s)(?<!projet\sde\s)\bterritoire\s+(?:de\s+|du\s+|des\s+|d['’]\s*)?(?=(?-i:[A-ZÀ-Ý]))", re.IGNORECASE)
# A headline whose topic is a place: "Cœur de Savoie : et si ...", "Grand Dax – services aux familles".
HEADLINE_TOPIC = re.compile(r"\s*(?P<name>[A-ZÀ-Ý][^:–—|]{1,60}?)\s*(?::|\s[–—-]\s)")
# An acronym given to a name: "Communauté de communes Vallée de l'Hérault (CCVH)".
ACRONYM_AFTER = re.compile(r"^\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")

# Before "secteur", where something is rather than who signs: "dans le secteur de Lamastre".
WHERE_BEFORE = re.compile(r"\b(?:dans|sur)\s+(?:le|ce)\s+$", re.IGNORECASE)
# A legal form this short is an abbreviation: "CC", "CdC", "CA", "CU", "CCPL" is a name, not a form.
MAX_ABBREVIATION = 4

# Before a commune's name, a venue rather than a party: "signée à Meylan", "aux Mureaux".
VENUE_BEFORE = re.compile(r"\b(?:à|aux|au|en)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_form() -> re.Pattern:
    """Any of ``_forms``' patterns, in one alternation."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _forms()), re.IGNORECASE)


def _variants(variants: list[str]) -> str:
    """An alternation of a legal form's spellings, longest first: any apostrophe or space between
    words, accents optional ("communauté d'agglomération", "Communaute d agglomeration")."""
    return "|".join(re.escape(v).replace("'", "['’ ]\\s*").replace("\\ ", "\\s+").replace("é", "[ée]")
                    for v in sorted(variants, key=len, reverse=True))


@lru_cache(maxsize=1)
def _forms() -> list[tuple[re.Pattern, str, TerritoryType]]:
    """The legal forms before a territory's name, each with its canonical spelling and kind."""
    data = lexicon.territory_forms()
    forms: list[tuple[re.Pattern, str, TerritoryType]] = []
    for group, kind in (("epci_forms", TerritoryType.EPCI), ("multi_forms", TerritoryType.MULTI_COMMUNES)):
        for form in data[group]:
            forms.append((re.compile(rf"\b(?:{_variants(form['variants'])})\s+", re.IGNORECASE), form["canonical"], kind))
            if form["abbreviations"]:
                abbr = "|".join(map(re.escape, form["abbreviations"]))
                forms.append((re.compile(rf"\b(?:{abbr})\s+(?=(?:de\s+la|de\s+l['’]|du|des|de|d['’])?\s*[A-ZÀ-Ý])"),
                              form["canonical"], kind))
    return forms


@lru_cache(maxsize=1)
def _full_form_patterns() -> list[tuple[re.Pattern, str]]:
    """Each legal form written in full, whatever follows it, with its canonical spelling."""
    patterns = []
    for group in ("epci_forms", "multi_forms"):
        for form in lexicon.territory_forms()[group]:
            patterns.append((re.compile(rf"\b(?:{_variants(form['variants'])})\b", re.IGNORECASE), form["canonical"]))
    return patterns


def _forms_in_full(ordered: list[Passage]) -> set[str]:
    """The legal forms the text writes in full somewhere as the institution's title, capitalised
    ("Entre la Caf, la Communauté d'Agglomération et les communes"), a name after them or not; a
    common noun ("au siège de la communauté de communes") names no one."""
    text = "\n".join(p.text for p in ordered)
    return {canonical for pattern, canonical in _full_form_patterns()
            if any(m.group(0)[0].isupper() for m in pattern.finditer(text))}


@lru_cache(maxsize=1)
def _epci_form_words() -> re.Pattern:
    """Any legal form of an EPCI, named or not: "de la communauté urbaine,"."""
    variants = [v for form in lexicon.territory_forms()["epci_forms"] for v in form["variants"]]
    return re.compile(rf"\b(?:{_variants(variants)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _informal_forms() -> re.Pattern:
    """Words that name an EPCI without its legal form, right before a name ("l'agglomération du
    Grand Villeneuvois", "la Communauté de la Vallée de la Bruche"): kept only when the official list
    knows the name."""
    words = "|".join(re.escape(w).replace("é", "[ée]") for w in lexicon.territory_forms()["informal_epci_forms"])
    return re.compile(rf"\b(?P<form>{words})\s+(?P<article>de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?$",
                      re.IGNORECASE)


# A group of communes named together: "les communes de Crolles, Bernin et ...", "les
# municipalités de Privas, du Pouzin et de La Voulte-sur-Rhône", "les trois communes de".
GROUP_OPENING = re.compile(
    r"""\b(?:les|des)\s+(?:(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+)?
        (?:communes|municipalit[ée]s|villes)\s+(?=(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*)?(?-i:[A-ZÀ-Ý]))""",
    re.IGNORECASE | re.VERBOSE,
)
# Before a commune's form, a venue: "à la mairie de Lure", "en mairie de Roye".
VENUE_BEFORE_FORM = re.compile(r"(?:\bà\s+la|\ben)\s+$", re.IGNORECASE)
# Where a sentence may open: the start of a passage, or after a sentence's end.
SENTENCE_OPENING = re.compile(r"^\s*|[.!?]\s+")
# Communes listed as a sentence's subject, then what they do as parties (``communes.PARTNERING``).
GROUP_PREDICATE = re.compile(rf"\s+{PARTNERING}", re.IGNORECASE)
# A leading dated header before a headline: "date 2024-09", "2024-03-12".
DATED_HEADER = re.compile(r"^\s*(?:date\s+)?\d{4}-\d{2}(?:-\d{2})?\s+")
# After a legal form at the end of a block, nothing but an article: "COMMUNAUTÉ DE COMMUNES DE LA".
ARTICLES_ONLY = re.compile(r"\s*(?:(?:de\s+la|du|des|de|la|le|les)\s*|(?:de\s+l|d|l)['’]\s*)?$", re.IGNORECASE)
# OCR's stray marks at the start of a line: "_PAYS DE LAMASTRE".
LEADING_NOISE = re.compile(r"^[\W_]+")
# The passages at the top of a document where a headline may name the territory.
HEADLINE_PASSAGES = 3
# A title that is only a place's name is at most this long: "Communauté de communes du Pays de
# Lamastre" fits; a sentence does not.
TITLE_PLACE_MAX = 80
# Before a party in its sentence: "entre la Caf et ...", "signée avec ...", "s'associe à ...".
# The territory as a commune, unnamed, beside its name: "le maire et la directrice de la Caf ont signé",
# "la Ville et la Caf", "la commune s'engage", "le conseil municipal".
COMMUNE_PARTY = re.compile(r"\b(?:la\s+(?:commune|ville|municipalit[ée])|l[ea]\s+maire|conseil\s+municipal)\b(?!\s+(?:de|du|des|d['’]))",
                           re.IGNORECASE)
PARTNER_BEFORE = re.compile(r"\b(?:entre|avec|associe\w*\s+à|sign\w*)\b", re.IGNORECASE)
# Before a legal form, the definite article that makes it one EPCI: "la communauté urbaine".
DEFINITE_BEFORE = re.compile(r"\bla\s+$", re.IGNORECASE)
# A dateline at the top of an article: "MENDE, le 3 juin 2024 –", "Rodez, mardi 4 mars".
DATELINE = re.compile(
    r"""\s*(?P<name>[A-ZÀ-Ý][\w'’\- ]{1,40}?)\s*,\s*(?:le\s+)?
        (?:(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\d{1,2}(?:er)?\s+\w+\s+\d{4})""",
    re.VERBOSE,
)
# A story's place put before its first sentence, as a dateline would: "À Bourg-en-Bresse, la CTG a été
# signée entre la Ville et la Caf" (the territory when an unnamed commune is the party).
FRONTED_PLACE = re.compile(r"(?:^|[.!?]\s+)À\s+(?P<name>[A-ZÀ-Ý][\w'’\- ]{1,40}?)\s*,")
# A place named bare counts for this much before its context (see _bare_communes).
BARE_COMMUNE_BASE = 0.5
# A commune named bare and alone, without hyphen nor space, must be this large to be taken as a
# place rather than a word ("Robert", "Plan").
BARE_COMMUNE_MIN_POPULATION = 10000


def _running_headers(doc: Document) -> list[Passage]:
    """The running headers and footers ingest set aside ("VILLE DE MENDE" atop each page of
    a deliberation), each distinct line once, as passages of their own; page numbers aside."""
    seen: set[str] = set()
    headers = []
    for page in doc.pages:
        for line in page.furniture:
            if line.text in seen or not re.search(r"[^\W\d_]{3}", line.text):
                continue
            seen.add(line.text)
            headers.append(Passage(page, Block(lines=(line,), bbox=line.bbox, text=line.text), None))
    return headers


@lru_cache(maxsize=1)
def _place_noun_before() -> re.Pattern:
    """Before a commune's name, a common noun that makes it name another place: "la commune de
    l'île d'Oléron", "sous-préfète de Vitry-le-François", "le bassin d'Arcachon"."""
    nouns = "|".join(re.escape(n).replace("'", "['’]").replace("é", "[ée]")
                     for n in sorted(lexicon.territory_forms()["place_nouns"], key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)$", re.IGNORECASE)


def mentions(doc: Document, departement: str | None = None) -> list[Mention]:
    """Every mention of a collectivity, with its score (see ``extract.mentions.scored``)."""
    forms = _forms()
    any_form = _any_form()  # most blocks name no legal form: one scan spares the per-form ones
    informal = _informal_forms()
    title_size = title_font_size(doc)
    found: list[Mention] = []
    aliases: dict[str, str] = {}  # "civis" -> the key of "Communauté intercommunale ... (Civis)"
    abbreviated: list[tuple[int, str]] = []  # (index in found of a mention under "CC", its form in full)

    def add(passage: Passage, at: int, name_start: int, base: float, kind: TerritoryType | None,
            form: str | None, rule: str, text: str | None = None) -> Mention | None:
        text = text or passage.text
        read = read_name(text, name_start, after_form=bool(form) and kind is TerritoryType.EPCI)
        if form and kind is TerritoryType.EPCI:
            read = official_epci_name(text, name_start, form, read)
        elif kind is None:
            # "le territoire du Châtillonnais en Berry": an EPCI's name as the list spells it.
            article = LEADING_ARTICLE.match(text[name_start:name_start + 20])
            run = known_epci_run(text, name_start + (article.end() if article else 0),
                                  len(LEADING_ARTICLE.sub("", read[0])) if read else 0)
            read = run or read
        if read is None:
            return None
        name, end = read
        branded = kind is None and (brand_end := brand_word_after(text, end)) is not None
        if branded:
            # "La CTG de Roanne Agglomération": the brand, not the town.
            name, end = name + text[end:brand_end], brand_end
        if kind is TerritoryType.COMMUNE:
            # "de la commune de la Boissière": a lower-case article is not part of the name;
            # "la Ville de Dax et le Grand Dax": the commune is Dax.
            written = LOWER_ARTICLE.sub("", name)
            commune = commune_name(written)
            if text[at:name_start].rstrip().lower().endswith("des") and not find_communes(commune):
                return None  # "la Ville des Mureaux" is a commune, "la Cité des Sciences" is not
            end -= len(written) - len(commune)
            name = place_name(commune)
        elif kind is None:
            # "Convention Territoriale Globale DE VALROS": the preposition is not part of it.
            name = place_name(PREPOSITION.sub("", name))
            kind = TerritoryType.EPCI if branded else None
        key = mention_key(name)
        if not key or key in not_territory_keys() or (rule in ("sector", "headline_topic", "title_place")
                                                                and (not names_a_place(name) or is_rubric(name))):
            return None
        if rule == "sector" and WHERE_BEFORE.search(text, max(0, at - 12), at):
            return None  # "ouvrir une maison d'assistants maternels dans le secteur de X": a place
        mention = Mention(key, name, form, kind, base, passage, (at, min(end, len(passage.text))), rule)
        found.append(mention)
        acronym = ACRONYM_AFTER.match(text[end:end + 20])
        if acronym:
            aliases[fold_key(acronym["acronym"])] = key
        return mention

    def add_form(passage: Passage, run_on: str | None, match: re.Match, *args) -> None:
        if add(passage, match.start(), match.end(), *args) is None and run_on \
                and ARTICLES_ONLY.match(passage.text, match.end()):
            add(passage, match.start(), match.end(), *args, text=run_on)

    ordered = list(passages(doc))
    headers = _running_headers(doc)
    reach = _headline_reach(doc, ordered)
    for position, passage in enumerate(ordered + headers):
        text = passage.text
        start = len(found)
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        # A heading cut after its form ("COMMUNAUTÉ DE COMMUNES DU" | "PAYS DE
        # LAMASTRE"): the name is read on in the next block of the page.
        run_on = f"{text} {LEADING_NOISE.sub('', following.text)}" \
            if following is not None and following.page is passage.page else None

        for pattern, canonical, kind in (forms if any_form.search(text) else ()):
            for match in pattern.finditer(text):
                written = clean(match.group()).strip()
                before = len(found)
                add_form(passage, run_on, match, 2.0 if len(written) > MAX_ABBREVIATION else 1.5, kind,
                         written[:1].upper() + written[1:], "sector" if canonical == "Secteur" else "legal_form")
                if len(written) <= MAX_ABBREVIATION and len(found) > before:
                    abbreviated.append((before, canonical))
        for match in COMMUNE_FORM.finditer(text):
            add_form(passage, run_on, match, 2.0, TerritoryType.COMMUNE, None, "commune_form")
        for match in COLLECTIVITY_FORM.finditer(text):
            read = read_name(text, match.end())
            if read is None:
                continue
            name, end = read
            named = departement_of(name)  # "Collectivité territoriale de Guyane": a departement's
            if named is not None and fold_key(named.name) == mention_key(name):
                kind, written = TerritoryType.DEPARTEMENT, clean(text[match.start():end])
                written = written[:1].upper() + written[1:]
            else:
                kind, written = (TerritoryType.COMMUNE if find_communes(name) else None), place_name(name)
            found.append(Mention(mention_key(name), written, None, kind, 2.0, passage, (match.start(), end),
                                 "collectivity_form"))
        for match in MAYOR_OF.finditer(text):
            add(passage, match.start(), match.end(), 1.0, TerritoryType.COMMUNE, None, "mayor_of")
        for match in CTG_OF.finditer(text):
            add(passage, match.start(), match.end(), 2.0, None, None, "ctg_named_after")
        for match in TERRITORY_OF.finditer(text):
            add(passage, match.start(), match.end(), 1.0, None, None, "territory_named")
        if position < min(reach, len(ordered)):
            dated = DATED_HEADER.match(text)
            topic = HEADLINE_TOPIC.match(text, dated.end() if dated else 0)
            read = read_name(text, topic.start("name")) if topic else None
            titled = _titled_group(text, departement) if len(text) < TITLE_PLACE_MAX else []
            if titled:
                # A cover titled with its communes: "Gonesse - Arnouville - Bonneuil-en-France".
                found.append(Mention("+".join(sorted(mention_key(n) for n in titled)), ", ".join(titled), None,
                                     TerritoryType.MULTI_COMMUNES, 2.0, passage, (0, len(text)), "title_group",
                                     members=tuple(mention_key(n) for n in titled)))
            elif read and read[1] == topic.end("name"):
                add(passage, topic.start("name"), topic.start("name"), 1.0, None, None, "headline_topic")
            elif len(text) < TITLE_PLACE_MAX and (passage.block.bold or passage.block.size >= title_size) \
                    and not any(a <= 0 < b for a, b in (m.span for m in found[start:])):
                # A slide's or a cover's title that is a place's name and nothing else:
                # "Pays de Lamastre", "HAUT-VIVARAIS"; an EPCI's brand: "MONT DE MARSAN AGGLO".
                read = read_name(text, 0)
                if read and read[1] == len(text.rstrip(" .")):
                    add(passage, 0, 0, 1.0, TerritoryType.EPCI if ends_with_brand_word(read[0]) else None, None,
                        "title_place")
        taken = [m.span for m in found[start:]]
        for at, end, name in epci_names(text, taken):
            before = informal.search(text, max(0, at - 40), at)
            if before:
                found.append(Mention(mention_key(name), clean((before["article"] or "") + name), clean(before["form"]),
                                     TerritoryType.EPCI, 2.0, passage, (before.start(), end), "informal_form"))
            else:
                found.append(Mention(mention_key(name), name, None, TerritoryType.EPCI, 1.5, passage, (at, end), "epci_name"))
        for at, end, name in brand_names(text, [m.span for m in found[start:]]):
            if mention_key(name) not in not_territory_keys():
                found.append(Mention(mention_key(name), name, None, TerritoryType.EPCI, 1.0, passage, (at, end), "epci_brand"))
        group_starts = [(m.start(), m.end()) for m in GROUP_OPENING.finditer(text)]
        # "Aubière, Romagnat et Pérignat ont signé ...": communes listed as a sentence's subject.
        if GROUP_PREDICATE.search(text):  # most passages have none: no list to read
            group_starts += [(at, at) for at in (m.end() for m in SENTENCE_OPENING.finditer(text))
                             if text[at:at + 1].isupper() and GROUP_PREDICATE.search(text, at, sentence_at(text, at, at)[1])]
        for at, list_start in group_starts:
            items = read_commune_list(text, list_start, None, departement)
            if len(items) < 2 or (at == list_start and not GROUP_PREDICATE.match(text, items[-1].end)):
                continue
            # As written, but a name its writer shortened ("La Londe") in full.
            names = [item.ref.name if item.shortened else item.name for item in items]
            found.append(Mention("+".join(sorted(mention_key(n) for n in names)), f"{', '.join(names[:-1])} et {names[-1]}",
                                 None, TerritoryType.MULTI_COMMUNES, 2.0, passage, (at, items[-1].end),
                                 "group_of_communes", members=tuple(mention_key(n) for n in names)))
    # An abbreviated form stays as written ("la CC du Pays de Lure", as the text names it) unless
    # the text writes that form in full somewhere ("la Communauté d'Agglomération", a name or not after it).
    in_full = _forms_in_full(ordered) if abbreviated else set()
    for at, canonical in abbreviated:
        if canonical in in_full:
            found[at] = replace(found[at], form=canonical)
    in_headers = {id(p) for p in headers}
    # A running header names its document's collectivity at most as a line of its text would.
    found = [replace(c, title=0.0) if id(m.passage) in in_headers else c
             for m, c in ((m, in_context(m, title_size)) for m in found)]
    found = scored(_without_member_groups(found))
    found += _communes_signing_together(found, departement)
    # A place named by its acronym ("la Civis") is the place the acronym was given to.
    found = [replace(m, key=aliases[m.key]) if m.key in aliases else m for m in found]
    return _fold_groups(_same_epci(found))


# Between the communes of a title: "Gonesse - Arnouville - Bonneuil-en-France", "A, B et C".
TITLE_GROUP_SEPARATOR = re.compile(r"\s+[-–—/|]\s+|\s*,\s*|\s+et\s+")


def _titled_group(text: str, departement: str | None) -> list[str]:
    """The communes of a title that is nothing but a list of two or more of them, each in its
    official spelling; else []."""
    parts = [p.strip(" .") for p in TITLE_GROUP_SEPARATOR.split(text.strip())]
    if len(parts) < 2:
        return []
    names = []
    for part in parts:
        refs = {ref.name for ref in find_communes(part, departement) or find_communes(part)}
        if len(refs) != 1:
            return []
        names.append(refs.pop())
    return names


def _headline_reach(doc: Document, ordered: list[Passage]) -> int:
    """How many passages from the top a headline may be read in: HEADLINE_PASSAGES, or down to the
    line after the page's title when a site's name and menu lines come before it."""
    title = title_block(doc)
    at = next((i for i, p in enumerate(ordered) if p.block is title), 0) if title is not None else 0
    return max(HEADLINE_PASSAGES, at + 2)


def _without_member_groups(found: list[Mention]) -> list[Mention]:
    """Communes listed in a sentence that names an EPCI, even by its legal form alone, are its
    members, not a group that signs on its own: "entre la CAF, la communauté d'agglomération X et
    les cinq communes d'A, B...", "de la communauté urbaine, des villes du Havre et de ..."."""
    with_epci = {(id(m.passage), m.sentence) for m in found if m.type is TerritoryType.EPCI and not m.container}
    def beside_epci(m: Mention) -> bool:
        return (id(m.passage), m.sentence) in with_epci or bool(_epci_form_words().search(m.passage.text[slice(*m.sentence)]))

    return [m for m in found if not (m.members and (beside_epci(m) or not as_party(m)))]


def _communes_signing_together(found: list[Mention], departement: str | None) -> list[Mention]:
    """Communes that sign side by side, with no EPCI among the parties, are a group: their mayors
    in one signing sentence ("Mme Roux, maire de Lure, M. Petit, maire de Roye, et la directrice de
    la Caf ont signé ..."), or the parties of a convention ("La Commune de A, représentée par ...",
    "La Commune de B, représentée par ..."). A venue ("à la mairie de A") signs nothing."""
    def signer(m: Mention) -> bool:
        return m.type is TerritoryType.COMMUNE and not (m.container or m.attendee or m.members) \
            and not VENUE_BEFORE_FORM.search(m.passage.text, max(0, m.span[0] - 8), m.span[0])

    sets = []
    if not any(m.party and (m.type is TerritoryType.EPCI or m.members) for m in found):
        sets.append([m for m in found if m.party and signer(m)])
    by_sentence: dict = {}
    for m in found:
        by_sentence.setdefault((id(m.passage), m.sentence), []).append(m)
    for together in by_sentence.values():
        if not any(m.type is TerritoryType.EPCI or m.members for m in together):
            sets.append([m for m in together if m.signing and signer(m)])
    groups = []
    for signers in sets:
        first = {}
        for m in signers:  # in reading order
            first.setdefault(m.key, m)
        if len(first) < 2:
            continue
        names = []
        for m in first.values():
            spellings = {ref.name for ref in find_communes(m.name, departement) or find_communes(m.name)}
            names.append(spellings.pop() if len(spellings) == 1 else m.name)
        lead = next(iter(first.values()))
        groups.append(replace(lead, key="+".join(sorted(first)), name=f"{', '.join(names[:-1])} et {names[-1]}",
                              type=TerritoryType.MULTI_COMMUNES, rule="communes_signing_together",
                              members=tuple(first), signing=True, score=max(m.score for m in signers) + 2.0))
    return groups


def _same_epci(found: list[Mention]) -> list[Mention]:
    """Mentions of one EPCI under several spellings ("Communauté d'agglomération du Grand-Dax",
    "le Grand Dax", "le territoire du Grand Dax") count under one key."""
    by_siren: dict[str, str] = {}
    for m in found:
        if m.type is TerritoryType.EPCI:
            epci = _epci_of(m)
            if epci is not None:
                by_siren.setdefault(epci.siren, m.key)
    if not by_siren:
        return found
    out = []
    for m in found:
        if m.type in (TerritoryType.EPCI, None) and not m.members:
            epci = _epci_of(m)
            if epci is not None and epci.siren in by_siren:
                m = replace(m, key=by_siren[epci.siren])
        out.append(m)
    return out


def _epci_of(m: Mention):
    """The EPCI a mention names in the official list: under its legal form, by its name, by a
    brand that is the start of its official name ("Loudéac Communauté"), or by its name and a brand
    word ("Châteaubriant-Derval Communauté" for "CC Châteaubriant-Derval")."""
    epci = find_epci(f"{m.form} {m.name}" if m.rule == "legal_form" else m.name)
    if epci is None and m.rule == "epci_brand":
        epci = find_epci_by_brand(m.name) or (find_epci(m.name.rsplit(" ", 1)[0]) if ends_with_brand_word(m.name) else None)
    return epci


def _fold_groups(found: list[Mention]) -> list[Mention]:
    """A group of communes named as a party takes the mentions of its members ("maire de
    Bernin", "la commune du Versoud"): they speak of the same CTG."""
    by_key = totals(found)
    groups = {}
    for m in found:
        if m.members and by_key[m.key] >= MIN_SCORE and as_party(m):
            for member in m.members:
                groups.setdefault(member, m.key)
    if not groups:
        return found
    return [replace(m, key=groups[m.key]) if m.type is TerritoryType.COMMUNE and m.key in groups else m
            for m in found]


@once_per_document
def _commune_is_party(doc: Document) -> bool:
    """Whether the text names a town, unnamed, as a party: "la Ville et la Caf", "le maire a signé"."""
    return any(COMMUNE_PARTY.search(p.text) for p in passages(doc))


def _bare_communes(doc: Document, departement: str | None) -> list[Mention]:
    """Communes named bare ("la jeunesse de La Ciotat"), for documents that name no
    collectivity by its form: within the Caf's departement when known, else the only commune of
    that name in France (a single word only for a town of some size). Venues ("à Meylan"),
    words inside a longer capitalised run ("Claire Thiers") and communes in a sentence that names
    an EPCI are left out."""
    title_size = title_font_size(doc)
    found = []
    commune_party = _commune_is_party(doc)
    for position, passage in enumerate(passages(doc)):
        text = passage.text
        dateline = DATELINE.match(text) if position < HEADLINE_PASSAGES else None
        if dateline is None and commune_party:
            # Near the top, or anywhere with the town as the party right after it.
            fronted = FRONTED_PLACE.search(text)
            if fronted and (position < HEADLINE_PASSAGES or COMMUNE_PARTY.search(text, fronted.end(), fronted.end() + 60)):
                dateline = fronted
        if dateline:
            refs = find_communes(dateline["name"], departement)
            if len(refs) == 1:
                found.append(Mention(mention_key(refs[0].name), refs[0].name, None, TerritoryType.COMMUNE, 1.0, passage,
                                     dateline.span("name"), "dateline"))
        words = list(WORD.finditer(text))
        skip_to = 0
        for i, match in enumerate(words):
            if match.start() < skip_to or not match.group()[:1].isupper():
                continue
            previous = words[i - 1] if i else None
            if previous is not None and not text[previous.end():match.start()].strip() \
                    and previous.group()[:1].isupper() and previous.group().lower() not in ARTICLES:
                continue
            if VENUE_BEFORE.search(text, max(0, match.start() - 5), match.start()) \
                    or _place_noun_before().search(text, max(0, match.start() - 30), match.start()):
                continue
            for j in range(min(len(words), i + 5) - 1, i - 1, -1):
                if any(text[words[k].end():words[k + 1].start()].strip() for k in range(i, j)):
                    continue
                name = clean(text[match.start():words[j].end()])
                refs = find_communes(name, departement)
                if len(refs) != 1 or fold_key(name) in not_territory_keys():
                    continue
                if departement is None and " " not in name and "-" not in name \
                        and (refs[0].population or 0) < BARE_COMMUNE_MIN_POPULATION:
                    continue
                found.append(Mention(mention_key(refs[0].name), refs[0].name, None, TerritoryType.COMMUNE, BARE_COMMUNE_BASE,
                                     passage, (match.start(), words[j].end()), "bare_commune"))
                skip_to = words[j].end()
                break
    # Beside an EPCI, even unnamed ("de la communauté urbaine, des villes du Havre"), communes
    # are its members.
    found = [m for m in (in_context(m, title_size) for m in found)
             if not _epci_form_words().search(m.passage.text[slice(*m.sentence)])]
    return scored(found)


def _unnamed_epci(doc: Document) -> list[Mention]:
    """An EPCI named by its legal form alone, as a party: "La communauté de communes et la Caf
    ont conclu la CTG", "CTG entre la Caf de la Seine-Maritime et la communauté urbaine", "la Caf
    s'associe à la communauté de communes". Counted only as a party beside the Caf; "une communauté
    de communes" is any."""
    title_size = title_font_size(doc)
    found = []
    for passage in passages(doc):
        text = passage.text
        for match in _epci_form_words().finditer(text):
            if not DEFINITE_BEFORE.search(text, max(0, match.start() - 4), match.start()) \
                    or read_name(text, match.end()) or known_epci_run(text, match.end() + 1):
                continue
            form = clean(match.group())
            found.append(Mention(fold_key(form), form[:1].upper() + form[1:], None, TerritoryType.EPCI, 1.0, passage,
                                 match.span(), "unnamed_legal_form"))
    def partner(m: Mention) -> bool:
        before = m.passage.text[m.sentence[0]:m.span[0]]
        return m.signing or m.subject or (bool(PARTNER_BEFORE.search(before))
                                           and bool(CAF_WORD.search(m.passage.text[slice(*m.sentence)])))

    return scored([m for m in (in_context(m, title_size) for m in found) if partner(m)])


def _epci_over_its_member(found: list[Mention]) -> str | None:
    """An EPCI and one of its communes both parties ("la Communauté d'agglomération du Bassin
    d'Aurillac ... ET la Commune d'Aurillac"): the CTG is the EPCI's, the commune one of its members."""
    ranked = totals(found).most_common(2)
    if len(ranked) < 2 or ranked[0][1] < MIN_SCORE:
        return None
    (top, _), (second, _) = ranked
    epci = [m for m in found if m.key == top and m.type is TerritoryType.EPCI]
    commune = [m for m in found if m.key == second and m.type is TerritoryType.COMMUNE]
    if not epci or not commune:
        return None
    ref = find_epci(epci[0].name)
    member = ref is not None and any(c.code in ref.members for c in find_communes(commune[0].name))
    return top if member or second in top.split() or f" {second}" in f" {top}" else None


def extract_territory(doc: Document) -> Territory | None:
    caf = extract_caf(doc)
    departement = caf.department_code if caf else None
    found = mentions(doc, departement)
    key = choose(found) or _epci_over_its_member(found)
    if key is None and not any(m.score >= MIN_SCORE for m in found):
        # Nothing named by its form: a commune named bare in a sentence about the CTG.
        found = found + _bare_communes(doc, departement)
        key = choose(found)
    unnamed = _unnamed_epci(doc) if key is None or all(m.type is None for m in found if m.key == key) else []
    if key is None:
        # Nothing named at all: an EPCI that signs under its legal form only.
        found, key = unnamed, choose(unnamed)
        if key is None:
            return None
    own = [m for m in found if m.key == key]
    groups = [m for m in own if m.members]
    if groups:
        kind = TerritoryType.MULTI_COMMUNES
        names = Counter(m.name for m in groups)
        name = max(groups, key=lambda m: (names[m.name], m.score)).name
    else:
        typed = Counter()
        for m in own:
            if m.type is not None:
                typed[m.type] += max(m.score, 0.1)
        kind = typed.most_common(1)[0][0] if typed else None
        name = _written_name(own, kind)
        if kind is None and not find_communes(name) and (find_epci(name) or choose(unnamed) is not None):
            # "le territoire du Pays de Gex" and "la communauté de communes s'engage", "le
            # territoire de Brest Métropole": an EPCI.
            kind = TerritoryType.EPCI
    if kind in (TerritoryType.COMMUNE, None):
        # The commune's official spelling: "Pont-de-Claix" read after "du" is Le Pont-de-Claix.
        spellings = {ref.name for ref in find_communes(name, departement) or find_communes(name)}
        if len(spellings) == 1:
            name = spellings.pop()
            if kind is None and all(m.rule == "title_place" for m in own if m.type is None):
                kind = TerritoryType.COMMUNE  # a cover titled "HAZEBROUCK": the commune
            elif kind is None and not unnamed and _commune_is_party(doc):
                kind = TerritoryType.COMMUNE  # "Chalon-sur-Saône : le maire et la Caf ont signé la CTG"
    evidence = max(own, key=lambda m: m.score)
    return Territory(doc_id=doc.doc_id, page=evidence.passage.page.number, rule=evidence.rule,
                     snippet=snippet(evidence.passage.text, *evidence.span),
                     bbox=evidence.passage.block.bbox.as_tuple(), name=name, type=kind)


def _written_name(own: list[Mention], kind: TerritoryType | None) -> str:
    """The most frequent written form; for an EPCI, its legal form and name ("Communauté de
    communes Vallée de l'Hérault"), a legal form preferred to an informal one ("l'agglomération
    de ...") and a name under a form to a bare one, unless its brand is written more often."""
    if kind in (TerritoryType.EPCI, TerritoryType.MULTI_COMMUNES):
        with_form = [m for m in own if m.form]
        brands = [m for m in own if m.rule == "epci_brand"]
        if len(brands) > len(with_form):
            # The brand the text uses most: "Ternois Com" four times, "Communauté de communes du Ternois"
            # once; a brand over a bare name ("Châteaubriant-Derval Communauté", "Châteaubriant-Derval").
            names = Counter(fold_key(m.name) for m in brands)
            return _spelling([m.name for m in brands if fold_key(m.name) == names.most_common(1)[0][0]])
        legal = [m for m in with_form if m.rule == "legal_form"]
        with_form = legal or with_form
        if with_form:
            names = Counter(fold_key(m.name) for m in with_form)
            top = max(names.values())
            # Ties go to the best-scored mention (the party clause over a passing reference).
            best = max((m for m in with_form if names[fold_key(m.name)] == top), key=lambda m: m.score)
            forms = Counter(fold_key(m.form) for m in with_form if len(m.form) > 4)
            form_key = forms.most_common(1)[0][0] if forms else fold_key(best.form)
            form = _spelling([m.form for m in with_form if fold_key(m.form) == form_key] or [best.form])
            return f"{form} {_spelling([m.name for m in with_form if fold_key(m.name) == fold_key(best.name)])}"
    named = [m for m in own if m.rule not in ("ctg_named_after", "territory_named", "headline_topic")] or own
    names = Counter(fold_key(m.name) for m in named)
    top = max(names.values())
    best = max((m for m in named if names.get(fold_key(m.name)) == top), key=lambda m: m.score)
    return _spelling([m.name for m in named if fold_key(m.name) == fold_key(best.name)])


def _spelling(written: list[str]) -> str:
    """One name's spelling among those of its mentions: the most frequent in normal case (a banner
    in capitals, "TOURAINE VALLÉE DE L'INDRE", gives way to the body's "Touraine Vallée de
    l'Indre"), else the most frequent as written."""
    normal = [w for w in written if not mostly_capitals(w)]
    return Counter(normal or written).most_common(1)[0][0]

