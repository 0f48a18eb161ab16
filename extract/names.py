"""Reading the names of places in running text: proper names by their capitals ("de la Vallée de
l'Hérault", "VALROS"), names of EPCI looked up in the official list ("le Grand Dax", "de la
Vallée de la Bruche"), and what a name after a form may be (a commune, a place at all).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.normalize import clean, fold_key
from extract.reference import (
    epci_first_words,
    find_communes,
    find_epci,
    is_commune_name,
)

# A word of a name, with its elided article attached ("l'Hérault", "d'Olonne"), or punctuation.
TOKEN = re.compile(r"[\wÀ-ÖØ-öø-ÿœŒ][\w'’\-À-ÖØ-öø-ÿœŒ]*|[^\w\s]")
# A word for looking names up in the official lists: "Pont-Audemer", "d'Aunis", "Oléron".
WORD = re.compile(r"[\wÀ-ÖØ-öø-ÿœŒ]+(?:['’\-][\wÀ-ÖØ-öø-ÿœŒ]+)*")
# Articles that may open a name after a legal form: "de la Vallée...", "du Gard...", "d'Aunis".
LEADING_ARTICLE = re.compile(r"^(?:(?:de\s+la|du|des|de|la|le|les)\s+|(?:de\s+l|d|l)['’]\s*)", re.IGNORECASE)

# A word that may open a name, its elided article aside: "Grand", "l'Auxerrois", "d'Aunis".
CAPITALISED_WORD = re.compile(r"(?<![\wÀ-ÖØ-öø-ÿœŒ'’\-])(?:[dlDL]['’])?(?P<word>[A-ZÀ-ÖØ-Þ][\wÀ-ÖØ-öø-ÿœŒ]*(?:['’\-][\wÀ-ÖØ-öø-ÿœŒ]+)*)")
# An article written right before a name: "Le Muretain Agglo", "L'Agglo Foix-Varilhes", "le Grand Périgueux".
ARTICLE_BEFORE = re.compile(r"\b(?:(?:le|la|les)\s+|l['’])$", re.IGNORECASE)
# The article an official name opens with: "Le Grand Périgueux", "Le Grésivaudan", "L'Agglo Foix-Varilhes".
OFFICIAL_ARTICLE = re.compile(r"^(?:(?:Le|La|Les)\s+|L['’])")
# An elided article glued to a word: "l'Auxerrois", "d'Aunis".
ELIDED = re.compile(r"^[dlDL]['’]")

# The words an EPCI's official name may run over when looked up: at most this many.
MAX_EPCI_NAME_WORDS = 9
# Between two words of an official name: spaces, a spaced dash ("Vallée de l'Ubaye - Serre-Ponçon")
# or an ampersand for "et" ("Terre & Mer").
NAME_GAP = re.compile(r"\s+(?:[-–&]\s+)?")

# Right after a name, the party clause: ", représentée par son Président".
PARTY_CLAUSE = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:ci-après\s+\w+\s*,?\s*)?représentée?\s+par", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words that end a name ("Caf", "Communauté") and the small words that join
    the words of one ("de", "et", "sur")."""
    data = lexicon.territory_forms()
    return frozenset(data["not_name_words"]), frozenset(data["name_connectors"])


@lru_cache(maxsize=1)
def not_territory_keys() -> frozenset[str]:
    """Names that are no collectivity's: departements, regions, cardinal points ("secteur Nord")."""
    names = [d.name for d in lexicon.departements()] + list(lexicon.territory_forms()["not_territory_names"])
    return frozenset(fold_key(LEADING_ARTICLE.sub("", n)) for n in names)


ARTICLES = {"de", "du", "des", "la", "le", "les"}


def is_name_word(word: str, stop: frozenset[str]) -> bool:
    """A capitalised word that may belong to a place name: "Valros", "l'Hérault", "VALROS";
    not "Caf" nor "SERVICES", not a bare acronym of 3 letters or less ("BM")."""
    bare = ELIDED.sub("", word)
    if not bare[:1].isupper() or bare in stop or bare.capitalize() in stop or bare.isdigit():
        return False
    return not (bare.isupper() and len(bare) <= 3)


# After a legal form, a word that opens an EPCI's name though it names no place alone: "Communauté
# de communes de la Région d'Yvetot", "... de la Région de Guebwiller".
FORM_NAME_OPENERS = frozenset({"région", "region"})


def read_name(text: str, pos: int, after_form: bool = False) -> tuple[str, int] | None:
    """A proper name starting at ``pos``: optional articles, then capitalised words joined by
    connectors ("de la Vallée de l'Hérault", "Saint Paul et Valmalle", "La Boissière",
    "VALROS"). A name in capitals ends at a connector in lower case ("FORT-DE-FRANCE à CONVOQUE").
    ``after_form``: the name follows a legal form, and may open with "Région" (FORM_NAME_OPENERS).
    Returns the name as written and the offset where it ends, or None."""
    stop, connectors = _name_words()
    tokens = [(m.group(), m.start() + pos, m.end() + pos) for m in TOKEN.finditer(text[pos:pos + 160])]
    i = 0
    while i < len(tokens) and tokens[i][0].lower() in ARTICLES:
        i += 1
    start = tokens[0][1] if tokens else None
    end = None
    shouting = True
    while i < len(tokens):
        word = tokens[i][0]
        following = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        if word.lower() == "et" and (following in ("le", "la", "les") or following.startswith(("l'", "l’"))):
            break  # "du Pays de Fayence et le SIVU ...": no official name joins on "et" and an article
        if is_name_word(word, stop) or (after_form and end is None and word.lower() in FORM_NAME_OPENERS
                                        and following.startswith(("de", "du", "d'", "d’"))):
            end = tokens[i][2]
            shouting = shouting and word.isupper()
        elif end is None or not (word in connectors or (word.isupper() and word.lower() in connectors)) \
                or (shouting and word.islower()):
            break
        i += 1
    if end is None:
        return None
    return clean(text[start:end]), end


def commune_name(name: str) -> str:
    """A commune's name read after its form, cut to the longest leading run of words that is a
    commune's name when the whole is not: "Dax et le Grand Dax" -> "Dax",
    "FORT-DE-FRANCE CONVOQUE" -> "FORT-DE-FRANCE"."""
    if find_communes(name):
        return name
    words = name.split(" ")
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if find_communes(head):
            return head
    return name.split(" et ")[0]


def is_rubric(name: str) -> bool:
    """Whether a title is a rubric: topic words only ("ENFANCE-JEUNESSE", "Petite enfance"), or a
    place with a rubric before or after it ("RIBEAUVILLÉ Solidarités", "Actualités Dax"); the topic
    words are those a news headline's kicker may not be made of either. An EPCI's brand is none."""
    if ends_with_brand_word(name):
        return False  # "Dijon Métropole", "Vitré Communauté": a brand, no rubric
    topics = _topic_words()
    words = [w for w in re.split(r"[\s\-–]+", fold_key(name)) if w]
    spaced = fold_key(name).split(" ")
    return all(w in topics for w in words) or (len(spaced) >= 2 and (spaced[0] in topics or spaced[-1] in topics))


@lru_cache(maxsize=1)
def _topic_words() -> frozenset[str]:
    return frozenset(lexicon.kind_cues()["headline_kicker"]["topic_words"])


def names_a_place(name: str) -> bool:
    """Whether a name begins with a commune's name, is an EPCI's, or is a compound of capitalised
    words: "Dax Adour Développement", "Haut-Vivarais" do; "Suivi" (a table's next cell after
    "secteur"), "Actualités" (a headline's rubric) do not."""
    words = LEADING_ARTICLE.sub("", name).split(" ")
    compound = len(words) == 1 and "-" in name and all(p[:1].isupper() for p in name.split("-"))
    return compound or find_epci(name) is not None \
        or any(find_communes(" ".join(words[:n])) for n in range(1, len(words) + 1))


def known_epci_run(text: str, start: int, shortest: int = 0) -> tuple[str, int] | None:
    """The longest run of words from ``start`` (up to a punctuation, at most
    MAX_EPCI_NAME_WORDS) that the official list of EPCI knows, longer than ``shortest``
    characters: "de la Vallée de la Bruche", "Canaux et Forêts en Gâtinais", "Vallée de
    l'Ubaye - Serre-Ponçon". Returns the run as written and its end, or None."""
    words = []
    for match in WORD.finditer(text, start, min(len(text), start + 200)):
        gap = text[start if not words else words[-1].end():match.start()]
        if (words and not NAME_GAP.fullmatch(gap)) or (not words and gap.strip()) or len(words) == MAX_EPCI_NAME_WORDS:
            break
        words.append(match)
    for last in reversed(words):
        candidate = text[start:last.end()]
        if len(candidate.strip()) <= shortest:
            break
        if find_epci(candidate):
            return clean(candidate), last.end()
    return None


def official_epci_name(text: str, start: int, form: str, read: tuple[str, int] | None) -> tuple[str, int] | None:
    """After a legal form, the longest run of words the official list knows ("Communauté de
    communes Canaux et Forêts en Gâtinais", "… de la Presqu'île de Guérande Atlantique", "Communauté
    intercommunale des villes solidaires (Civis)"), when it is longer than the proper name read by
    capitals."""
    words = []
    for match in re.finditer(r"\S+", text[start:start + 200]):
        if re.search(r"[(),.;:\n]", text[start:start + match.start()]):
            break
        words.append(match)
    for last in reversed(words[:MAX_EPCI_NAME_WORDS]):
        candidate = text[start:start + last.end()].rstrip("(),.;:")
        if not candidate[-1:].isalnum():
            continue  # "du Pays de Sainte-Odile &": a name does not end on a sign
        if read is not None and len(candidate.strip()) <= len(read[0]):
            break
        if find_epci(f"{form} {candidate}"):
            return clean(candidate), start + len(candidate)
    return read


def epci_names(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Names the official list of EPCI knows, written without legal form: "le Grand Dax",
    "Dijon Métropole", "Vitré Communauté" (two words at least, or a compound; a commune's or
    a departement's name is not taken for an EPCI's). Returns (start, end, name)."""
    first_words = epci_first_words()
    found = []
    for match in CAPITALISED_WORD.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or (found and match.start() < found[-1][1]):
            continue
        word = match["word"]
        if fold_key(word).split(" ")[0] not in first_words:
            continue
        at = match.start("word")
        run = known_epci_run(text, at)
        if run is None:
            continue
        name, end = run
        # "Le Muretain Agglo", "le Grand Périgueux", "président du Grand Périgueux": an article that
        # belongs to the official name is part of the name, spelled as the list spells it.
        official = OFFICIAL_ARTICLE.match(find_epci(name).name.split(" ", 1)[-1])
        article = ARTICLE_BEFORE.search(text, max(0, at - 4), at) if official else None
        # One word is a name with its article only ("le Grésivaudan"), and no commune's.
        if (" " not in name and "-" not in name and article is None) or is_commune_name(name) \
                or fold_key(name) in not_territory_keys():
            continue
        if official and not OFFICIAL_ARTICLE.match(name):
            at, name = (article.start() if article else at), clean(official.group() + name)
        found.append((at, end, name))
    return found


# Between the words of a brand name: spaces only ("Mont-de-Marsan Agglomération").
SPACES_ONLY = re.compile(r"\s+")
# The most words a brand name has before its brand word ("Montpellier Méditerranée Métropole": 2).
MAX_BRAND_WORDS = 4


@lru_cache(maxsize=1)
def _brand_word() -> re.Pattern:
    """A word that ends an EPCI's brand name, with a capital ("Dinan Agglomération", "Vitré Communauté"),
    unless it opens a legal form ("Communauté de communes")."""
    words = "|".join(map(re.escape, lexicon.territory_forms()["brand_words"]))
    return re.compile(rf"(?<=\s)(?:{words})\b(?!\s*(?:de\s+communes|d['’]\s*agglom|urbaine|intercommunale))")


def brand_word_after(text: str, end: int) -> int | None:
    """Where a brand word right after a place's name ends: "Roanne| Agglomération" -> the end of
    "Agglomération"; None when no brand word follows."""
    match = _brand_word().match(text, end + 1) if text[end:end + 1] == " " else None
    return match.end() if match else None


def ends_with_brand_word(name: str) -> bool:
    """Whether a name, in any case, ends with a brand word: "MONT DE MARSAN AGGLO" on a cover."""
    words = fold_key(name).split(" ")
    return len(words) >= 2 and words[-1] in _brand_keys()


@lru_cache(maxsize=1)
def _brand_keys() -> frozenset[str]:
    return frozenset(fold_key(w) for w in lexicon.territory_forms()["brand_words"])


def brand_names(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """EPCI named by a brand, a place's name and a word such as "Agglomération" after it, known to
    the official list or not: "Mont-de-Marsan Agglomération et la Caf ont signé", "Pour Vitré
    Communauté," (not "Pour"), "La Roche-sur-Yon Agglomération". The words before the brand word
    must name a place (``names_a_place``). Returns (start, end, name)."""
    stop, connectors = _name_words()
    found = []
    for match in _brand_word().finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        run: list[re.Match] = []
        for word in reversed(list(WORD.finditer(text, max(0, match.start() - 80), match.start()))):
            gap = text[word.end():run[-1].start() if run else match.start()]
            if not SPACES_ONLY.fullmatch(gap) or len(run) == MAX_BRAND_WORDS:
                break
            run.append(word)
        run.reverse()
        for i, first in enumerate(run):
            words = [w.group() for w in run[i:]]
            if not is_name_word(first.group(), stop) or fold_key(words[-1]) in connectors \
                    or not all(is_name_word(w, stop) or w in connectors for w in words):
                continue
            if names_a_place(" ".join(words)):
                found.append((first.start(), match.end(), clean(text[first.start():match.end()])))
            break
    return found
