"""Normalization of French values: text folding, dates, numbers and amounts, ordinals, names.

Every function is pure. Parsers return ``None`` when the input is not what they parse (never a
guess); name functions always return a string.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from extract import lexicon

# --- text ----------------------------------------------------------------------------------------

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Typographic apostrophes and dashes made plain, spaces collapsed: "l’Hérault" -> "l'Hérault"."""
    return " ".join(text.translate(APOSTROPHES).translate(DASHES).translate(SPACES).split())


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for comparisons: "Vallée de l’Hérault" -> "vallee de l'herault"."""
    decomposed = unicodedata.normalize("NFKD", clean(text).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae")


def _aligned_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1] or char
    return base.lower() if len(base.lower()) == 1 else char


@lru_cache(maxsize=1)
def _aligned_table() -> dict[int, str]:
    """Each character's folded form, one character for one (quotes, dashes and spaces made plain),
    for the scripts French text uses; other characters stay as they are."""
    codes = [*range(0x80, 0x2200), *range(0xFB00, 0xFB07)]  # Latin, punctuation, symbols ("№"), ligatures ("ﬁ")
    table = {code: _aligned_char(chr(code)) for code in codes}
    for mapping in (APOSTROPHES, DASHES, SPACES):
        table.update(mapping)
    return table


@lru_cache(maxsize=16384)
def fold_aligned(text: str) -> str:
    """Like ``fold`` but character for character, so that offsets in the result are offsets in
    ``text``: "Hérault’s" -> "herault's". Extractors fold every sentence they read, several times
    for several cues: one table lookup per character rather than a Unicode decomposition, and each
    text folded once."""
    if text.isascii():
        return text.lower()
    return text.translate(_aligned_table()).lower()


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Folded, punctuation as spaces: "Saint-Jean-de-Fos" and "Saint Jean de Fos" compare equal,
    and so do "Terre & Mer" and "Terre et Mer"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text).replace("&", " et ")).split())


def slug(text: str) -> str:
    """"Communauté d'Agglomération du Gard Rhodanien" -> "communaute-d-agglomeration-du-gard-rhodanien"."""
    return fold_key(text).replace(" ", "-")


# --- dates ---------------------------------------------------------------------------------------

# The day of a date, with the ordinal mark of the first: "1er", "1ᵉʳ", "1^{er}" (Word export debris).
DAY = r"(?P<day>[0-3]?\d)(?:\s?(?:er|ᵉʳ|\^\{?er\}?|<sup>er</sup>))?"
# A month name or abbreviation: "janvier", "févr.", "août".
MONTH_NAME = r"(?P<month>janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\.?"
# A 4-digit year from 1990 to 2099.
YEAR = r"(?P<year>(?:199|20[0-9])\d)"
# A day of the week before a date: "mardi" in "ce mardi 12 mars".
WEEKDAY = r"(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

# "1er janvier 2024", "6 février 2023", "lundi 6 février 2023" (weekday left to the caller).
DATE_WRITTEN = re.compile(rf"\b{DAY}\s+{MONTH_NAME}\s+{YEAR}\b", re.IGNORECASE)
# "01/01/2023", "1.1.2023", "01-01-2023".
DATE_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>(?:199|20[0-9])\d)\b")


def month_number(token: str) -> int | None:
    """"févr." -> 2, "Août" -> 8, "12" -> 12."""
    token = fold(token).rstrip(".")
    if token.isdigit():
        value = int(token)
        return value if 1 <= value <= 12 else None
    return {fold(k): v for k, v in lexicon.months().items()}.get(token)


def weekday_number(token: str) -> int | None:
    """"mardi" -> 1, "Dimanche" -> 6 (as ``date.weekday()``); None for anything else."""
    days = [fold(d) for d in lexicon.calendar()["weekdays"]]
    token = fold(token)
    return days.index(token) if token in days else None


def make_date(day: str | int, month: str | int, year: str | int) -> date | None:
    """A valid date from its parts ("1er"/"1", "janvier"/"01", "2024"), else None."""
    try:
        d = int(re.match(r"\d+", str(day)).group()) if not isinstance(day, int) else day
        m = month if isinstance(month, int) else month_number(str(month))
        y = int(year)
        return date(y, m, d) if m else None
    except (ValueError, AttributeError, TypeError):
        return None


def parse_date(text: str) -> date | None:
    """The first full date in ``text``: "le 1er janvier 2024" -> 2024-01-01, "03/02/2023" -> 2023-02-03."""
    for pattern in (DATE_WRITTEN, DATE_NUMERIC):
        match = pattern.search(text)
        if match:
            return make_date(match["day"], match["month"], match["year"])
    return None


def period_end(start: date, years: int) -> int:
    """Last year of a period of ``years`` years starting on ``start``, which ends the day before
    the anniversary: (2023-01-01, 5) -> 2027; (2023-07-01, 4) -> 2027 (ends 2027-06-30)."""
    return start.year + years - 1 if (start.month, start.day) == (1, 1) else start.year + years


# A day of the month as OCR misreads it, a letter for a digit: "l8" (18), "1O" (10), "I5" (15).
OCR_DAY = r"(?:[lI|][0-9]|[0-3][lIO]|O[1-9])"
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})


def ocr_digits(token: str) -> str:
    """The digits OCR misread as letters put back: "l8" -> "18", "1O" -> "10". Other characters
    stay as they are; callers parse the result as a number and fail as usual when it is none."""
    return token.translate(OCR_DIGITS)


# --- numbers -------------------------------------------------------------------------------------

# A French number: "1 641", "27 162 662", "34,9", "1.6", "126 968" (regular, narrow or no-break spaces).
NUMBER = re.compile(r"(?<![\d,.])(?P<number>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d])")
# A scale word after a number: "1,6 millions", "2,5 M€", "800 k€", "3 milliards".
SCALE = re.compile(r"^\s*(?P<scale>milliards?|mds?|millions?|mio|m(?=\s*€)|m€|k€|k(?=\s*€)|milliers?)\b", re.IGNORECASE)
SCALES = {"milliard": 1e9, "md": 1e9, "million": 1e6, "mio": 1e6, "m": 1e6, "k": 1e3, "millier": 1e3}


def parse_number(text: str) -> float | None:
    """"1 641" -> 1641, "34,9" -> 34.9, "58.5" -> 58.5, "1.641" -> 1641 (dot before 3 digits
    groups thousands), "12" -> 12. None when ``text`` is not a number."""
    text = text.strip().translate(SPACES)
    if not re.fullmatch(r"\d[\d ]*(?:[.,]\d+)?", text):
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text.replace(" ", "").replace(",", "."))


def parse_number_words(text: str) -> int | None:
    """A whole number written in French words, hyphens or spaces between them: "cinquante-sept" ->
    57, "vingt et une" -> 21, "quatre-vingt-deux" -> 82, "soixante-dix-sept" -> 77, "deux cents" ->
    200, "douze" -> 12. None when a word is not a number's (the calendar's ``number_words``)."""
    words = {fold(k): v for k, v in lexicon.calendar()["number_words"].items()}
    total = 0
    for part in re.split(r"[\s-]+", fold(text).strip()):
        if part == "et":
            continue
        value = words.get(part[:-1] if part in ("vingts", "cents") else part)
        if value is None:
            return None
        if value == 100:
            total = (total or 1) * 100 if total < 100 else total + 100
        elif value == 20 and total % 100 == 4:
            total += 76  # quatre-vingt: four twenties
        else:
            total += value
    return total or None


def parse_amount(text: str) -> float | None:
    """Money or counts with a scale word: "1,6 millions €" -> 1600000, "2,4millions" -> 2400000,
    "27 162 662 €" -> 27162662, "800 k€" -> 800000. None when no number leads ``text``."""
    match = NUMBER.search(text)
    if not match or text[: match.start()].strip(" ~≈€+"):
        return None
    value = parse_number(match["number"])
    if value is None:
        return None
    scale = SCALE.match(text[match.end():])
    if scale:
        word = fold(scale["scale"]).rstrip("s€")
        value *= SCALES.get(word, SCALES.get(word[:1], 1.0))
    return round(value, 2)


# --- ordinals ------------------------------------------------------------------------------------

# "2ème", "2eme", "2e", "2è", "1er", "1ère", "2nde", "3ᵉ".
ORDINAL_NUMERIC = re.compile(r"^(?P<n>\d{1,2})\s?(?:e|è|ème|eme|ième|ieme|er|ère|ere|nde?|ᵉ|ᵉʳ|°)$", re.IGNORECASE)


def parse_ordinal(text: str) -> int | None:
    """"2ème" -> 2, "deuxième" -> 2, "1ère" -> 1, "3e" -> 3; None otherwise."""
    text = clean(text).strip()
    match = ORDINAL_NUMERIC.match(text)
    if match:
        return int(match["n"]) or None
    words = {fold(k): v for k, v in lexicon.calendar()["ordinal_words"].items()}
    return words.get(fold(text))


# --- territories ---------------------------------------------------------------------------------

# Legal forms and articles that open a collectivity's name: "Communauté d'Agglomération de",
# "CC du", "Commune de", "la Ville de".
TERRITORY_PREFIX = re.compile(
    r"""^(?:(?:la|le|les)\b\s*|l'\s*)?
        (?:(?:communaute\s+(?:de\s+communes|d'\s*agglomeration|urbaine|intercommunale)|metropole(?=\s+(?:de|du|des|d')\b)
          |etablissement\s+public\s+territorial|syndicat\s+intercommunal(?:\s+a\s+vocation\s+\w+)?
          |commune|ville|mairie|departement|conseil\s+departemental|cc|ca|cu|ept)\b\s*)?
        (?:(?:de\s+la|du|des|de|la|le|les)\b\s*|(?:de\s+l'|d'|l')\s*)?""",
    re.VERBOSE,
)


def territory_key(name: str) -> str:
    """The name a territory is known by across documents, without legal form nor article:
    "Communauté de communes de la Vallée de l’Hérault" and "CC Vallée de l'Hérault" ->
    "vallee-de-l-herault"; "Ville de Frontignan" -> "frontignan"."""
    folded = fold(name)
    stripped = TERRITORY_PREFIX.sub("", folded, count=1) or folded
    return slug(stripped)


# --- themes --------------------------------------------------------------------------------------

def themes_in(text: str) -> list:
    """Themes named in ``text``, in order, each phrase used once and the longest first:
    "Enfance jeunesse" -> [enfance, jeunesse]; "Petite-enfance" -> [petite_enfance];
    "Accès aux droits et animation de la vie sociale" -> [acces_aux_droits, animation_vie_sociale]."""
    return list(_themes_in(text))


@lru_cache(maxsize=16384)
def _themes_in(text: str) -> tuple:
    pattern, by_phrase = _theme_phrases()
    return tuple(dict.fromkeys(by_phrase[m.group(0)] for m in pattern.finditer(fold(text))))


@lru_cache(maxsize=1)
def _theme_phrases() -> tuple[re.Pattern, dict]:
    """One alternation of every theme phrase, longest first, and each folded phrase's theme."""
    from models.themes import Theme

    data = lexicon.themes()
    by_phrase = {fold(p): Theme(theme) for theme, words in data["themes"].items() for p in words}
    by_phrase.update({fold(p): Theme.AUTRE for p in data["autre"]})
    phrases = sorted(by_phrase, key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, phrases)) + r")(?![a-z0-9])")
    return pattern, by_phrase


def theme_mentions(text: str) -> list[tuple[int, int, object]]:
    """Where ``text`` names a field, in order: (start, end, theme), offsets in ``text``, the
    longest phrase winning where two start at one place: "la petite enfance et les jeunes" ->
    [(3, 17, petite_enfance), (25, 31, jeunesse)]. One pass over the text, for running prose."""
    pattern, by_phrase = _theme_phrases()
    return [(m.start(), m.end(), by_phrase[m.group(0)]) for m in pattern.finditer(fold_aligned(text))]


@lru_cache(maxsize=16384)
def is_theme_label(text: str) -> bool:
    """Whether ``text`` is nothing but theme names and filler words: "PARENTALITE :",
    "Soutien à la parentalité", "Enfance & Jeunesse" are; "Comparaison des chiffres
    petite-enfance" is not."""
    if not _themes_in(text):
        return False
    folded = _theme_phrases()[0].sub(" ", fold(text))
    # Repeated: removing a filler can bring two others' word boundaries into being.
    while (shorter := _filler_pattern().sub(" ", folded)) != folded:
        folded = shorter
    return not re.sub(r"[^a-z0-9]+", "", folded)


@lru_cache(maxsize=1)
def _filler_pattern() -> re.Pattern:
    fillers = sorted((fold(f) for f in lexicon.themes()["fillers"]), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, fillers)) + r")(?![a-z0-9])")


# --- names ---------------------------------------------------------------------------------------

# Words that stay lower case inside a place or person name.
PARTICLES = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "sur", "sous", "lès", "les",
             "aux", "au", "à"}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def _title_part(part: str, first: bool) -> str:
    """One word of a name in normal case; handles "D'OLONNE" -> "d'Olonne", "O'NEILL" -> "O'Neill"."""
    if "'" in part:
        head, _, tail = part.partition("'")
        head_cased = head.lower() if head.lower() in {"l", "d"} and not first else _cap(head)
        return f"{head_cased}'{_cap(tail)}"
    lowered = part.lower()
    if lowered in PARTICLES and not first:
        return lowered
    return _cap(part)


def mostly_capitals(text: str) -> bool:
    """Written in capitals, a letter or two aside: a heading or a banner ("PARENTALITÉ", "TOURAINE
    VALLÉE DE Le INDRE" with a word OCR misread)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def place_name(text: str) -> str:
    """A place name in normal case when written in capitals: "SAINT-JEAN-DE-FOS" ->
    "Saint-Jean-de-Fos", "LA BOISSIÈRE" -> "La Boissière"; mixed case is kept as written."""
    text = clean(text)
    if not _is_shouting(text):
        return text
    words = []
    for w_index, word in enumerate(text.split(" ")):
        parts = word.split("-")
        words.append("-".join(_title_part(p, first=(w_index == 0 and p_index == 0))
                              for p_index, p in enumerate(parts)))
    return " ".join(words)


# Particles that stay lower case in a person's name ("Charles de Gaulle"); "Le" and "La" keep
# their capital ("Nathalie Le Gall", "Jean de La Fontaine").
PERSON_PARTICLES = {"de", "du", "des", "d"}


# A compound first name OCR split after its hyphen: "Jean- Marc".
OCR_SPLIT_COMPOUND = re.compile(r"(?<=[a-zà-ÿ])-\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")


def person_name(text: str) -> str:
    """A person's name in normal case: "Laurent DEGALLAIX" -> "Laurent Degallaix",
    "Audrey MATHON-DEBETENCOURT" -> "Audrey Mathon-Debetencourt", "Charles DE GAULLE" ->
    "Charles de Gaulle", "Nathalie LE GALL" -> "Nathalie Le Gall", "Jean- Marc" (OCR) -> "Jean-Marc"."""
    words = OCR_SPLIT_COMPOUND.sub("-", clean(text)).split(" ")
    out = []
    for index, word in enumerate(words):
        if index and word.lower() in PERSON_PARTICLES:
            out.append(word.lower())
        elif _is_shouting(word) or word.islower():
            out.append("-".join(_cap(p) if "'" not in p else _title_part(p, first=index == 0) for p in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)
