"""The territory that signs the CTG (commune, EPCI...) and the Caf with its department.

Territory: every mention of a collectivity is collected — a legal form and a name
("communauté de communes Vallée de l'Hérault", "CA du Gard Rhodanien", "la commune de Valros"),
a CTG named after a place ("Convention Territoriale Globale de Valros"), a brand ending in
"Métropole" — and scored by its context: the party clause ("..., représentée par son
Président"), a sentence about signing with the Caf, a CTG cue, a title. Mentions of one place
add up under a key (the name without legal form nor article); a context such as "fait partie
de la Communauté d'Agglomération..." counts against it. The best place must clearly lead.

Caf: "Caf de l'Hérault", "CAF Hérault", "Caisse d'allocations familiales du Nord": the name after
it is looked up in the list of departements (``resources/departements.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from extract import lexicon
from extract.normalize import clean, fold_key, place_name
from extract.reference import find_communes, find_epci
from extract.text import Passage, passages, sentence_at, snippet
from models.conventions import Caf, Territory, TerritoryType
from models.document import Document

# The best place needs this score and must lead the runner-up by this ratio.
MIN_SCORE = 1.5
LEAD_RATIO = 1.6

# A word of a name, with its elided article attached ("l'Hérault", "d'Olonne"), or punctuation.
TOKEN = re.compile(r"[\wÀ-ÖØ-öø-ÿœŒ][\w'’\-À-ÖØ-öø-ÿœŒ]*|[^\w\s]")
# Articles that may open a name after a legal form: "de la Vallée...", "du Gard...", "d'Aunis".
LEADING_ARTICLE = re.compile(r"^(?:(?:de\s+la|du|des|de|la|le|les)\s+|(?:de\s+l|d|l)['’]\s*)", re.IGNORECASE)

# A lower-case article before a commune's name ("la Boissière"); "La Boissière" keeps its own.
LOWER_ARTICLE = re.compile(r"^(?:(?:de\s+la|du|des|de|la|le|les)\s+|(?:de\s+l|d|l)['’]\s*)")

# The preposition that joins a CTG to its territory's name: "de", "du", "des", "d'".
PREPOSITION = re.compile(r"^(?:(?:de|du|des)\s+|d['’]\s*)(?=\S)", re.IGNORECASE)

# A commune named by its form: "la commune de Valros", "ville de Frontignan", "mairie d'Aniane".
COMMUNE_FORM = re.compile(r"\b(?:commune|ville|mairie|municipalit[ée]|cit[ée])\s+(?:de\s+|d['’]\s*|du\s+(?=(?-i:[A-ZÀ-Ý])))",
                          re.IGNORECASE)
# A commune named through its mayor: "Maire de Gignac", "maire de la commune de Valros" (the
# latter also matches COMMUNE_FORM).
MAYOR_OF = re.compile(r"\bmaire\s+(?:de\s+|d['’]\s*|du\s+)(?=(?-i:[A-ZÀ-Ý]))", re.IGNORECASE)
# A CTG named after its territory: "Convention Territoriale Globale de Valros", "la Ctg du
# territoire de la Vallée de l'Hérault", "CONVENTION TERRITORIALE GLOBALE DE VALROS".
CTG_OF = re.compile(
    r"""(?:convention\s+territoriale\s+globale|\bctg)\s+(?:\(ctg\)\s+)?
        (?:(?:du|de\s+la|de\s+l['’]|de|des|d['’])\s*territoire\s+)?(?=(?:de|du|des|d['’])\s*[A-ZÀ-Ýa-z])""",
    re.IGNORECASE | re.VERBOSE,
)
# A brand ending in "Métropole": "Valenciennes Métropole", "Montpellier Méditerranée Métropole".
METROPOLE_BRAND = re.compile(r"\b(?P<name>(?:(?!Communaut|Agglom|Communes)[A-ZÀ-Ý][\w'’\-]+\s+){1,3}Métropole)\b")
# Other names an EPCI gives itself: "Billom Communauté", "Muretain Agglo", "Quimperlé Communauté"
# (kept only when the reference list of EPCI knows them).
EPCI_BRAND = re.compile(r"\b(?P<name>(?:(?:le|la|du|de)\s+)?(?:[A-ZÀ-Ý][\w'’\-]+\s+){1,3}(?:Communauté|Agglo|Agglomération|Territoires?))\b(?!\s+(?:de|d['’]|du|des)\b)")

# An acronym given to a name: "Communauté de communes Vallée de l'Hérault (CCVH)".
ACRONYM_AFTER = re.compile(r"^\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")

# Right after a name, the party clause: ", représentée par son Président".
PARTY_CLAUSE = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:ci-après\s+\w+\s*,?\s*)?représentée?\s+par", re.IGNORECASE)
# A sentence about signing with the Caf: "signée entre la ville de X et la CAF", "ont signé avec".
SIGNING = re.compile(r"\bsign\w*|\bsignataires?\b", re.IGNORECASE)
CAF_WORD = re.compile(r"\bcaf\b|caisse\s+d['’]allocations", re.IGNORECASE)
CTG_CUE = re.compile(r"\bctg\b|convention\s+territoriale\s+globale", re.IGNORECASE)
# Before a name, a context that makes it a larger or neighbouring territory:
# "Valros fait partie de la Communauté d'Agglomération Béziers Méditerranée".
CONTAINER_CONTEXT = re.compile(
    r"(?:fait|font)\s+partie\s+(?:de\s+la|du|de\s+l['’]|des|de)?\s*$|membres?\s+(?:de\s+la|du|de\s+l['’]|de)\s*$"
    r"|au\s+sein\s+(?:de\s+la|du|de\s+l['’]|de)\s*$|rattach\w+\s+à\s+la\s*$|appartien\w+\s+à\s+la\s*$"
    r"|adh[ée]rente?s?\s+à\s+la\s*$|situ[ée]e?\s+(?:dans|sur)\s+la\s*$|territoire\s+de\s+$|avec\s+la\s*$",
    re.IGNORECASE,
)

# "Caf de l'Hérault", "CAF du Nord", "Caisse d'allocations familiales (Caf) de la Gironde", "CAF Hérault".
CAF_NAME = re.compile(
    r"""\b(?:caf|caisse\s+d['’]\s*allocations\s+familiales)(?:\s*\((?:caf|CAF)\))?\s+
        (?P<article>de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?(?=[A-ZÀ-Ý0-9])""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Mention:
    key: str
    name: str               # the name as written (cleaned), article included for EPCI
    form: str | None        # the legal form as written, for EPCI
    type: TerritoryType | None
    score: float
    passage: Passage
    span: tuple[int, int]
    rule: str


@lru_cache(maxsize=1)
def _resources() -> tuple[frozenset[str], frozenset[str], list[tuple[re.Pattern, str, TerritoryType]]]:
    data = lexicon.territory_forms()
    stop = frozenset(data["not_name_words"])
    connectors = frozenset(data["name_connectors"])
    forms: list[tuple[re.Pattern, str, TerritoryType]] = []
    for group, kind in (("epci_forms", TerritoryType.EPCI), ("multi_forms", TerritoryType.MULTI_COMMUNES)):
        for form in data[group]:
            variants = "|".join(re.escape(v).replace("'", "['’ ]\\s*").replace("\\ ", "\\s+")
                                for v in sorted(form["variants"], key=len, reverse=True))
            accentless = variants.replace("é", "[ée]")
            forms.append((re.compile(rf"\b(?:{accentless})\s+", re.IGNORECASE), form["canonical"], kind))
            if form["abbreviations"]:
                abbr = "|".join(map(re.escape, form["abbreviations"]))
                forms.append((re.compile(rf"\b(?:{abbr})\s+(?=(?:de\s+la|de\s+l['’]|du|des|de|d['’])?\s*[A-ZÀ-Ý])"),
                              form["canonical"], kind))
    return stop, connectors, forms


ARTICLES = {"de", "du", "des", "la", "le", "les"}


def _is_name_word(word: str, stop: frozenset[str]) -> bool:
    """A capitalised word that may belong to a place name: "Valros", "l'Hérault", "VALROS";
    not "Caf", not a bare acronym of 3 letters or less ("BM")."""
    bare = re.sub(r"^[ldLD]['’]", "", word)
    if not bare[:1].isupper() or bare in stop or bare.isdigit():
        return False
    return not (bare.isupper() and len(bare) <= 3)


def read_name(text: str, pos: int) -> tuple[str, int] | None:
    """A proper name starting at ``pos``: optional articles, then capitalised words joined by
    connectors ("de la Vallée de l'Hérault", "Saint Paul et Valmalle", "La Boissière",
    "VALROS"). Returns the name as written and the offset where it ends, or None."""
    stop, connectors, _ = _resources()
    tokens = [(m.group(), m.start() + pos, m.end() + pos) for m in TOKEN.finditer(text[pos:pos + 160])]
    i = 0
    while i < len(tokens) and tokens[i][0].lower() in ARTICLES:
        i += 1
    start = tokens[0][1] if tokens else None
    end = None
    while i < len(tokens):
        word = tokens[i][0]
        if _is_name_word(word, stop):
            end = tokens[i][2]
        elif end is None or not (word in connectors or (word.isupper() and word.lower() in connectors)):
            break
        i += 1
    if end is None:
        return None
    return clean(text[start:end]), end


def _key(name: str) -> str:
    return fold_key(LEADING_ARTICLE.sub("", clean(name)))


def _context_score(passage: Passage, start: int, end: int, base: float, title_size: float) -> float:
    text = passage.text
    left, right = sentence_at(text, start, end)
    sentence = text[left:right]
    score = base
    if CONTAINER_CONTEXT.search(text[max(left, start - 45):start]):
        return -4.0
    if PARTY_CLAUSE.match(text[end:end + 60]):
        score += 5.0
    if SIGNING.search(sentence) and CAF_WORD.search(sentence):
        score += 3.0
    if CTG_CUE.search(sentence):
        score += 2.0
    block = passage.block
    if (block.size >= title_size or block.bold) and len(text) < 200:
        score += 2.0 if passage.page.number <= 2 else 1.0
    return score


def mentions(doc: Document) -> list[Mention]:
    _, _, forms = _resources()
    sizes = sorted(b.size for _, b in doc.blocks() if b.size)
    title_size = (sizes[len(sizes) // 2] * 1.3) if sizes else 14.0
    found: list[Mention] = []
    aliases: dict[str, str] = {}  # "civis" -> the key of "Communauté intercommunale ... (Civis)"

    def add(passage: Passage, at: int, name_start: int, base: float, kind: TerritoryType | None,
            form: str | None, rule: str) -> None:
        read = read_name(passage.text, name_start)
        if form and kind is TerritoryType.EPCI:
            read = _official_epci_name(passage.text, name_start, form, read)
        if read is None:
            return
        name, end = read
        if kind is TerritoryType.COMMUNE:
            # "de la commune de la Boissière": a lower-case article is not part of the name.
            name = place_name(LOWER_ARTICLE.sub("", name))
        elif kind is None:
            # "Convention Territoriale Globale DE VALROS": the preposition is not part of it.
            name = place_name(PREPOSITION.sub("", name))
        key = _key(name)
        if not key:
            return
        score = _context_score(passage, at, end, base, title_size)
        found.append(Mention(key, name, form, kind, score, passage, (at, end), rule))
        acronym = ACRONYM_AFTER.match(passage.text[end:end + 20])
        if acronym:
            aliases[fold_key(acronym["acronym"])] = key

    for passage in passages(doc):
        text = passage.text
        for pattern, canonical, kind in forms:
            for match in pattern.finditer(text):
                written = clean(match.group()).strip()
                form = written if len(written) > 4 else canonical
                add(passage, match.start(), match.end(), 2.0 if len(written) > 4 else 1.5, kind,
                    form[:1].upper() + form[1:], "legal_form")
        for match in COMMUNE_FORM.finditer(text):
            add(passage, match.start(), match.end(), 2.0, TerritoryType.COMMUNE, None, "commune_form")
        for match in MAYOR_OF.finditer(text):
            add(passage, match.start(), match.end(), 1.0, TerritoryType.COMMUNE, None, "mayor_of")
        for match in CTG_OF.finditer(text):
            add(passage, match.start(), match.end(), 2.0, None, None, "ctg_named_after")
        for match in EPCI_BRAND.finditer(text):
            name = clean(match["name"])
            if find_epci(name) is None:
                continue
            score = _context_score(passage, match.start(), match.end(), 1.5, title_size)
            found.append(Mention(_key(name), name, None, TerritoryType.EPCI, score, passage, match.span(),
                                 "epci_brand"))
        for match in METROPOLE_BRAND.finditer(text):
            name = clean(match["name"])
            score = _context_score(passage, match.start(), match.end(), 1.0, title_size)
            found.append(Mention(_key(name), name, None, TerritoryType.EPCI, score, passage, match.span(),
                                 "metropole_brand"))
    # A place named by its acronym ("la Civis") is the place the acronym was given to.
    return [replace(m, key=aliases[m.key]) if m.key in aliases else m for m in found]


# The words that may follow an EPCI's name in a sentence, up to a break: at most this many.
MAX_EPCI_NAME_WORDS = 9


def _official_epci_name(text: str, start: int, form: str, read: tuple[str, int] | None) -> tuple[str, int] | None:
    """The longest run of words after a legal form that the reference list of EPCI knows
    ("Communauté de communes Presqu'île de Crozon-Aulne maritime", "… Vallée de l'Ubaye - Serre-Ponçon",
    "… de CAP Excellence", "Communauté intercommunale des villes solidaires (Civis)"), when it is
    longer than the proper name read by capitals."""
    run = re.match(r"[^(),.;:\n]{3,120}", text[start:])
    if not run:
        return read
    words = list(re.finditer(r"\S+", run.group()))[:MAX_EPCI_NAME_WORDS]
    for last in reversed(words):
        candidate = run.group()[:last.end()]
        if read is not None and len(candidate.strip()) <= len(read[0]):
            break
        if find_epci(f"{form} {candidate}"):
            return clean(candidate), start + last.end()
    return read


def extract_territory(doc: Document) -> Territory | None:
    found = mentions(doc)
    totals: Counter[str] = Counter()
    for m in found:
        totals[m.key] += m.score
    ranked = totals.most_common()
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    key, best = ranked[0]
    if len(ranked) > 1 and ranked[1][1] > 0 and best < LEAD_RATIO * ranked[1][1]:
        return None
    own = [m for m in found if m.key == key]
    typed = Counter()
    for m in own:
        if m.type is not None:
            typed[m.type] += max(m.score, 0.1)
    kind = typed.most_common(1)[0][0] if typed else None
    name = _written_name(own, kind)
    if kind in (TerritoryType.COMMUNE, None):
        # The commune's official spelling: "Pont-de-Claix" read after "du" is Le Pont-de-Claix.
        spellings = {ref.name for ref in find_communes(name)}
        if len(spellings) == 1:
            name = spellings.pop()
    evidence = max(own, key=lambda m: m.score)
    return Territory(doc_id=doc.doc_id, page=evidence.passage.page.number, rule=evidence.rule,
                     snippet=snippet(evidence.passage.text, *evidence.span),
                     bbox=evidence.passage.block.bbox.as_tuple(), name=name, type=kind)


def _written_name(own: list[Mention], kind: TerritoryType | None) -> str:
    """The most frequent written form; for an EPCI, its legal form and name ("Communauté de
    communes Vallée de l'Hérault")."""
    if kind in (TerritoryType.EPCI, TerritoryType.MULTI_COMMUNES):
        with_form = [m for m in own if m.form]
        if with_form:
            names = Counter(m.name for m in with_form)
            top = max(names.values())
            # Ties go to the best-scored mention (the party clause over a passing reference).
            best = max((m for m in with_form if names[m.name] == top), key=lambda m: m.score)
            forms = Counter(m.form for m in with_form if len(m.form) > 4)
            form = forms.most_common(1)[0][0] if forms else best.form
            return f"{form} {best.name}"
    names = Counter(m.name for m in own if m.rule != "ctg_named_after") or Counter(m.name for m in own)
    top = max(names.values())
    return max((m for m in own if names.get(m.name) == top), key=lambda m: m.score).name


# --- Caf -----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _departements() -> dict[str, lexicon.Departement]:
    by_key = {fold_key(d.name): d for d in lexicon.departements()}
    by_code = {d.code: d for d in lexicon.departements()}
    for alias, code in lexicon.caf_aliases().items():
        by_key.setdefault(fold_key(alias), by_code[code])
    by_key.update({d.code.lower(): d for d in lexicon.departements()})
    return by_key


def departement_of(name: str) -> lexicon.Departement | None:
    """The departement a Caf name refers to: "l'Hérault" -> Hérault, "Nord et CAVM" -> Nord
    (longest leading match), "34" -> Hérault."""
    words = fold_key(LEADING_ARTICLE.sub("", clean(name))).split()
    table = _departements()
    for n in range(min(len(words), 5), 0, -1):
        found = table.get(" ".join(words[:n]))
        if found:
            return found
    return None


def caf_name(departement: lexicon.Departement) -> str:
    """"Caf de l'Hérault", "Caf du Nord", "Caf de la Gironde"."""
    joiner = "" if departement.article.endswith("'") else " "
    return f"Caf {departement.article}{joiner}{departement.name}"


def extract_caf(doc: Document) -> Caf | None:
    votes: Counter[str] = Counter()
    evidence: dict[str, tuple[float, Passage, tuple[int, int]]] = {}
    for passage in passages(doc):
        text = passage.text
        for match in CAF_NAME.finditer(text):
            tail = text[match.end():match.end() + 60]
            read = read_name(tail, 0) or ((m.group(), m.end()) if (m := re.match(r"\d{2,3}\b", tail)) else None)
            if read is None:
                continue
            departement = departement_of(read[0])
            if departement is None:
                continue
            weight = 2.0 if PARTY_CLAUSE.match(text[match.end() + read[1]:match.end() + read[1] + 60]) else 1.0
            votes[departement.code] += weight
            span = (match.start(), match.end() + read[1])
            if departement.code not in evidence or weight > evidence[departement.code][0]:
                evidence[departement.code] = (weight, passage, span)
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    code = ranked[0][0]
    departement = next(d for d in lexicon.departements() if d.code == code)
    _, passage, span = evidence[code]
    return Caf(doc_id=doc.doc_id, page=passage.page.number, rule="caf_name",
               snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(),
               name=caf_name(departement), department=departement.name, department_code=departement.code)
