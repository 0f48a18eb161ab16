"""A synthetic benchmark corpus: N documents made by varying the five seed documents.

    .venv/bin/python bench/synth.py OUT [--n 500] [--seeds ../shared/seeds] [--scan-share 0.03]
                                        [--seed 0] [--workers 2]

Variant i takes the layout ``LAYOUTS[i % 6]`` (the five seed layouts of ``corpus/layouts`` plus the
HTML page of the Vallée de l'Hérault) and varies its seed, identically in the seed text and in its
gold JSON so that the gold stays true:

- the territory becomes another real one of the same type: a commune another commune of the COG,
  an EPCI another BANATIC EPCI whose name fits the same grammar in the text (``SEED_FORMS``), with
  its core name, acronym and URL slug; the member communes and the places named in passing become
  communes of the new territory;
- the signatories get generated French names;
- every year 2000-2035 moves by the same delta (a multiple of 4, so 29 February stays valid);
- the quantities of the text (and of the objectives the gold quotes from it) are scaled by one
  random factor; list numbers, article numbers, dates, ages and member counts are left alone. The
  gold's ``figures`` no longer match and are marked ``unscored``.

The layouts find pieces of their seed by literal strings (``Cutter.cut("Valros")``) and draw some
chrome of their own (page footer, site banner, URL, print date); while a variant is built, those
literals and constants are varied like the text (``varied_layouts``). No original name may survive:
the varied text, its gold and the built document are checked, and a leftover is an error.

A share of the PDF variants is rasterized into a scanned PDF (doc_id ending in "-scan"). Output:
``OUT/<doc_id>.pdf|html``, ``OUT/gold/<doc_id>.json`` and ``OUT/manifest.json``; a second call with
the same arguments and inputs returns the listed files without rebuilding. The output is
byte-identical for given arguments, whatever the number of workers.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import multiprocessing
import random
import re
import shutil
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(CORPUS_DIR))

_bytecode = sys.dont_write_bytecode
sys.dont_write_bytecode = True          # keep corpus/ free of __pycache__, as corpus/build.py does
from layouts import common, gard, scan, valenciennes, valros, web  # noqa: E402
sys.dont_write_bytecode = _bytecode

from extract import reference  # noqa: E402
from extract.normalize import fold_key, slug  # noqa: E402

MANIFEST = "manifest.json"
PROGRESS_EVERY = 50
YEAR_DELTAS = (-8, -4, 0, 4)
FACTOR_RANGE = (0.6, 1.6)
# A commune is replaced by a commune of its departement (the texts name the Caf of that departement);
# an EPCI by one of its departement when there are at least this many, else by one of all France.
MIN_LOCAL_CHOICES = 8


# ---------------------------------------------------------------- layouts and seeds

@dataclass(frozen=True)
class Layout:
    key: str                                # short name in the doc_id
    seed: str                               # the seed it lays out
    ext: str
    build: Callable[[Path, Path], Path]


LAYOUTS = (
    Layout("valros", valros.NAME, "pdf", valros.build),
    Layout("vallee-herault", web.VH, "pdf", web.build_vallee_herault_pdf),
    Layout("vallee-herault-web", web.VH, "html", web.build_vallee_herault_html),
    Layout("frontignan", web.FR, "pdf", web.build_frontignan_pdf),
    Layout("valenciennes", valenciennes.NAME, "pdf", valenciennes.build),
    Layout("gard", gard.NAME, "pdf", gard.build),
)
LAYOUT_BY_KEY = {layout.key: layout for layout in LAYOUTS}

# Chrome of the layouts that names the territory or a year (footer, site banner, URL, header).
CHROME_CONSTANTS = ((valros, "FOOTER_TEXT"), (web, "VH_SITE"), (web, "VH_URL"), (web, "FR_SITE"),
                    (web, "FR_URL"), (valenciennes, "HEADER_TEXT"))


@dataclass(frozen=True)
class SeedForms:
    """How a seed names its territory beyond the gold's names, as read in the seed text."""

    # EPCI seeds: the BANATIC names a replacement may have, its core name in group "core"
    epci_pattern: str | None = None
    aliases: tuple[str, ...] = ()           # other names of the territory itself
    places: tuple[str, ...] = ()            # communes of the territory named in passing
    rewrites: tuple[tuple[str, str], ...] = ()   # fixed (regex, replacement) rewrites


SEED_FORMS = {
    # "la commune de Valros", "VALROS", and the demonym: "des allocataires valrossiens"
    valros.NAME: SeedForms(rewrites=((r"\bvalrossien(?:ne)?s?\b", "de la commune"),)),
    # "de la Vallée de l’Hérault", "(CCVH)", "Maire de Gignac": the core takes "la", so it must
    # start with a feminine noun, and not end with a legal form ("Terre d'Émeraude Communauté").
    web.VH: SeedForms(epci_pattern=r"^CC (?:de la )?(?P<core>(?:Vallée|Haute[- ]Vallée|Plaine|"
                                   r"Montagne|Côte|Terre|Forêt|Presqu'île|Porte)\b"
                                   r"(?!.*\bCommunauté\b)[^(,\"]*)$"),
    # "ville de Frontignan la Peyrade", "Maire de Frontignan", the site www.frontignan.fr
    web.FR: SeedForms(aliases=("Frontignan la Peyrade",)),
    # "territoire de Valenciennes Métropole", "l'agglomération Valenciennes Métropole", "CAVM":
    # a core without article, not itself a legal form
    valenciennes.NAME: SeedForms(
        epci_pattern=r"^CA (?P<core>(?!(?i:du|de|des|d'|le|la|les|l'|agglo|communauté)\b)"
                     r"(?!.*\b(?:Agglo|Agglomération|Communauté)\b)[^(,\"]+)$",
        places=("Valenciennes",)),
    # "la CA du Gard Rhodanien", and its towns in the portrait slides
    gard.NAME: SeedForms(epci_pattern=r"^CA du (?P<core>[^(,\"]+)$",
                         places=("Bagnols-sur-Cèze", "Pont-Saint-Esprit", "Laudun-L'Ardoise",
                                 "Issirac", "Montclus")),
}

FEMALE_FIRST = ("Agnès", "Anne", "Brigitte", "Camille", "Catherine", "Christine", "Claire",
                "Émilie", "Françoise", "Hélène", "Isabelle", "Julie", "Marie-Hélène", "Martine",
                "Nathalie", "Sandrine", "Sophie", "Sylvie", "Valérie", "Anne-Sophie")
MALE_FIRST = ("Alain", "Bruno", "Christophe", "Didier", "Éric", "Frédéric", "Gilles", "Jacques",
              "Jean-Luc", "Jean-Pierre", "Julien", "Marc", "Nicolas", "Olivier", "Patrick",
              "Philippe", "Pierre", "Stéphane", "Yves", "Jean-Marc")
SURNAMES = ("Martin", "Durand", "Lefebvre", "Moreau", "Fournier", "Girard", "Bonnet", "Dupont",
            "Lambert", "Fontaine", "Rousseau", "Muller", "Lefèvre", "Faure", "Mercier", "Blanc",
            "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand", "Gauthier", "Perrin", "Robin",
            "Morin", "Roussel", "Masson", "Marchand", "Duval", "Dumont", "Lemaire", "Meunier",
            "Brunet", "Gaillard", "Barbier", "Roche", "Renard", "Vidal", "Caron", "Fabre",
            "Le Gall", "Da Silva", "Lacroix-Morel", "Bourgeois", "Leclercq", "Hoarau")
# Full names to draw from, by gender.
FULL_NAMES = {"f": tuple((f, s) for f in FEMALE_FIRST for s in SURNAMES),
              "m": tuple((f, s) for f in MALE_FIRST for s in SURNAMES)}
# Roles of a woman in the gold: a generated name keeps the signatory's gender.
FEMININE_ROLE = re.compile(r"\b(?:Présidente|Directrice|adjointe|Conseillère)\b", re.I)


# ---------------------------------------------------------------- regexes of the variation

# A year to shift: 2000-2035, not inside a longer number ("2023", "2022-2026", "Insee/2019",
# "2024-03-07"; not the "2025" of "20250710").
YEAR = re.compile(r"(?<!\d)20(?:[0-2]\d|3[0-5])(?!\d)")

# An integer as the seeds write quantities: plain ("314", "1650") or grouped by thousands with a
# space, no-break or narrow no-break space ("25 800", "126 968"); not a piece of a word, code,
# date, time or decimal ("2ème", "17h00", "13/02/2023", "L. 263-1", "09:14", "2,5", "1^{er}", "n°3").
INTEGER = re.compile(r"(?<![\w.,/:^°-])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?![\w/:^°-]|[.,]\d)")
THOUSANDS_SEP = re.compile(r"[ \u00a0\u202f]")

# Before a number that names or orders something instead of counting it: "Axe 2", "Objectif 1",
# "ARTICLE 3", "Annexe 4", "Phase 1", "n° 78-17", "L. 227-1", the end of "L. 227-1 à 3".
LABEL_BEFORE = re.compile(r"(?:\b(?:axe|objectif|article|annexe|phase|page|fiche|action|étape|"
                          r"etape|chapitre|titre|priorité|orientation)|n°|\b[LRD]\.|\d-\d+ à)\s*$",
                          re.I)

# After a number that is not a quantity to scale: an age, duration or time ("3 ans", "10 à 17 ans",
# "6 mois"), a day of the month ("6 février", "24 et 25 mars"), a policy's name ("1000 premiers
# jours"), or the stated count of member communes, which the gold keeps ("13 communes").
NOT_A_QUANTITY_AFTER = re.compile(
    r"\s*(?:(?:à|-|et|au)\s*\d+\s*)?(?:ans?|mois|semaines?|jours?|heures?|h|premiers?|premières?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"communes?)\b", re.I)

# After a number: a percentage ("39 %", "29%"), never scaled beyond 100.
PERCENT_AFTER = re.compile(r"\s*%")

# A list number at the start of a line: "1. Une micro-crèche", "2) ...".
LIST_NUMBER_AFTER = re.compile(r"[.)]")

# A preposition before a name, contracted with the new name: "de Valros" -> "d’Agde",
# "de Gignac" -> "du Pouget", "à Le Bosc" -> "au Bosc", "DE VALROS" -> "D’AGDE".
PREPOSITION = r"(?P<prep>(?<![\w-])(?:de|De|DE|à|À)[ \u00a0]+|(?<![\w-])[dD]['’])?"

# A name starting with a vowel sound takes "d’" after "de": "Agde", "Hérault-Méditerranée"; not
# one starting with an aspirated h ("de Haut-Soultzbach").
VOWEL_START = re.compile(r"[aeiouyàâäéèêëîïôöùûüœ]|h(?!aut)", re.I)

# A name starting with an article that contracts with "de"/"à": "Le Pouget", "Les Matelles".
LEADING_ARTICLE = re.compile(r"^(Le|Les|LE|LES) (.+)$")

# A name that starts with an article or an elided article; never used as the territory, whose
# name the texts put after "de" in capitals too ("Le Bosc", "La Boissière", "L'Isle").
ARTICLE_NAME = re.compile(r"^(?:Le|La|Les|L['’])\b", re.I)

# Lower-case words left out of an acronym and of a URL slug: "Vallée de l'Hérault" -> CCVH.
MINOR_WORDS = frozenset("de du des la le les l d et en sur sous aux au a".split())


def name_pattern(name: str, flexible_space: str = r"(?:[ \u00a0]+|-)") -> str:
    """Regex of a name as the texts write it: space or hyphen between words, either apostrophe
    ("Saint André de Sangonis" = "Saint-André-de-Sangonis", "l'Hérault" = "l’Hérault")."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", name.strip())]
    body = flexible_space.join(re.sub("['’]", "['’]", w) for w in words)
    return rf"(?<![\w-]){body}(?![\w-])"


def acronym(legal: str, core: str) -> str:
    """"CC", "Vallée de l'Hérault" -> "CCVH"; "CA", "Valenciennes Métropole" -> "CAVM"."""
    words = [w for w in re.split(r"[\s\-'’]+", core) if w and w.lower() not in MINOR_WORDS]
    return legal + "".join(w[0].upper() for w in words)


def url_slug(name: str) -> str:
    """"Vallée de l'Hérault" -> "vallee-herault" (as in www.cc-vallee-herault.fr)."""
    return "-".join(w for w in slug(name).split("-") if w not in MINOR_WORDS)


# ---------------------------------------------------------------- the variation of one seed

@dataclass(frozen=True)
class Form:
    """One surface form of an original name and what replaces it."""

    pattern: str            # regex of the original
    replacement: str
    contracts: bool         # the replacement is a place name that contracts with "de"/"à"
    length: int             # length of the original: longer originals are tried first


@dataclass(frozen=True)
class Variation:
    """Everything that varies one seed, as plain picklable data."""

    forms: tuple[Form, ...]                 # longest original first
    leftovers: tuple[tuple[str, str], ...]  # (original name, regex) that must not survive
    year_delta: int
    factor: float
    apostrophe: str                         # apostrophe of an added "d’" in the text

    @cached_property
    def _names(self) -> re.Pattern:
        alternatives = "|".join(f"(?P<f{k}>{f.pattern})" for k, f in enumerate(self.forms))
        return re.compile(f"{PREPOSITION}(?:{alternatives})")

    @cached_property
    def _leftovers(self) -> re.Pattern:
        return re.compile("|".join(f"(?P<l{k}>{rx})" for k, (_, rx) in enumerate(self.leftovers)),
                          re.I)

    def apply(self, text: str, *, numbers: bool = True, apostrophe: str | None = None) -> str:
        """The text varied: names, then years, then (unless ``numbers`` is false) quantities."""
        default_apostrophe = apostrophe or self.apostrophe

        def rename(m: re.Match) -> str:
            form = self.forms[int(m.lastgroup[1:])]
            original = m.group(m.lastgroup)
            style = "’" if "’" in original else "'" if "'" in original else default_apostrophe
            new = form.replacement.replace("'", style).replace("’", style)
            prep = m.group("prep") or ""
            if prep and form.contracts:
                return contract(prep, new, style)
            return prep + new

        text = self._names.sub(rename, text)
        text = YEAR.sub(lambda m: str(int(m.group()) + self.year_delta), text)
        if numbers:
            text = INTEGER.sub(self._scale, text)
        return text

    def _scale(self, m: re.Match) -> str:
        raw, text = m.group(1), m.string
        value = int(THOUSANDS_SEP.sub("", raw))
        before, after = text[max(0, m.start() - 24):m.start()], text[m.end():m.end() + 40]
        line_start = text.rfind("\n", 0, m.start()) + 1
        # 0 and 1 read as articles ("1 Relais Petite Enfance"); a 4-digit 19xx/20xx is a year
        if (value < 2 or (len(raw) == 4 and 1900 <= value <= 2099) or LABEL_BEFORE.search(before)
                or NOT_A_QUANTITY_AFTER.match(after)
                or (not text[line_start:m.start()].strip() and LIST_NUMBER_AFTER.match(after))):
            return raw
        scaled = max(2, round(value * self.factor))      # a plural stays a plural
        if PERCENT_AFTER.match(after):
            scaled = min(scaled, 100)
        sep = THOUSANDS_SEP.search(raw)
        return f"{scaled:,}".replace(",", sep.group()) if sep else str(scaled)

    def literal(self, text: str) -> str:
        """A layout's own literal string varied like the text; other strings are left alone (they
        come from the varied text already)."""
        return self.apply(text) if text in LAYOUT_LITERALS else text

    def leftovers_in(self, text: str) -> list[str]:
        """The original names still present in ``text``."""
        found = {m.lastgroup for m in self._leftovers.finditer(text)}
        return [self.leftovers[int(g[1:])][0] for g in sorted(found)]


def contract(prep: str, name: str, apostrophe: str) -> str:
    """The preposition before a new place name, contracted: ("de ", "Agde") -> "d’Agde",
    ("de ", "Le Pouget") -> "du Pouget", ("À ", "Les Matelles") -> "Aux Matelles"."""
    word = prep.rstrip(" \u00a0'’")
    base = "de" if word.lower() in ("de", "d") else "à"
    rest = prep[len(word):]
    space = rest if rest.isspace() else " "          # "d’" had no space
    article = LEADING_ARTICLE.match(name)
    if article:
        head = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au",
                ("à", "les"): "aux"}[(base, article.group(1).lower())] + space
        name = article.group(2)
    elif base == "de" and VOWEL_START.match(name):
        head = "d" + apostrophe
    else:
        head = base + space
    if name.isupper():
        head = head.upper()
    elif word[:1].isupper():
        head = head[:1].upper() + head[1:]
    return head + name


def _string_constants(value) -> Iterator[str]:
    """The strings among a code object's constants, nested functions and tuples included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            yield from _string_constants(item)
    elif isinstance(value, types.CodeType):
        for const in value.co_consts:
            yield from _string_constants(const)


# Every string literal of the layout code: the strings a layout looks for in its seed.
LAYOUT_LITERALS = frozenset(
    s for module in (common, valros, web, valenciennes, gard)
    for s in _string_constants(compile(Path(module.__file__).read_text(encoding="utf-8"),
                                       module.__file__, "exec")))


@contextmanager
def varied_layouts(variation: Variation):
    """While building one variant: the layouts' literals and chrome varied like the text."""
    cut, between, take = common.Cutter.cut, common.Cutter.between, common.Blocks.take
    render = web.render
    literal = variation.literal

    def titled(doc_class):
        class Titled(doc_class):
            def __init__(self, *args, **kw):
                if "title" in kw:
                    kw["title"] = literal(kw["title"])
                super().__init__(*args, **kw)
        return Titled

    patches = [
        (common.Cutter, "cut", lambda self, s: cut(self, literal(s))),
        (common.Cutter, "between", lambda self, a, b: between(self, literal(a), literal(b))),
        (common.Blocks, "take", lambda self, prefix: take(self, literal(prefix))),
        (web, "render", lambda path, story, date, title, url:
            render(path, story, literal(date), title, url)),
        (valros, "BaseDocTemplate", titled(valros.BaseDocTemplate)),
        (valenciennes, "WordDoc", titled(valenciennes.WordDoc)),
    ] + [(module, name, variation.apply(getattr(module, name))) for module, name in CHROME_CONSTANTS]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    try:
        for owner, name, value in patches:
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


# ---------------------------------------------------------------- choosing a variation

@dataclass(frozen=True)
class Seed:
    """A seed as read once: its text and gold."""

    name: str
    text: str
    gold: dict
    text_words: str         # " folded words of the text ", to keep new names out of it


@lru_cache(maxsize=None)
def communes_of(departement: str) -> tuple[str, ...]:
    """Names of the current communes of a departement, sorted."""
    names = {c.name for refs in reference.communes_by_key().values() for c in refs
             if c.kind == "actuelle" and c.departement == departement and "(" not in c.name}
    return tuple(sorted(names))


@lru_cache(maxsize=None)
def epcis_matching(pattern: str) -> tuple[tuple[reference.EpciRef, str], ...]:
    """(EPCI, core name) of the BANATIC EPCIs whose name matches ``pattern``, by SIREN."""
    refs = sorted({e for v in reference.epci_by_key().values() for e in v}, key=lambda e: e.siren)
    rx = re.compile(pattern)
    return tuple((e, m.group("core").strip()) for e in refs if (m := rx.match(e.name)))


epci_departement = lru_cache(maxsize=None)(reference.epci_departement)


@lru_cache(maxsize=None)
def epci_candidates(pattern: str, name: str, text: str
                    ) -> tuple[reference.EpciRef, str, tuple[tuple[reference.EpciRef, str], ...]]:
    """The EPCI called ``name``, its core name, and the EPCIs that may replace it in ``text``:
    same legal form, a name matching ``pattern``, an acronym of their own; from the same
    departement when it has enough of them."""
    old = reference.find_epci(name)
    old_core = re.match(pattern, old.name).group("core")
    old_acronym = acronym(old.type, old_core)
    candidates = tuple((e, core) for e, core in epcis_matching(pattern)
                       if e.type == old.type and e != old and acronym(e.type, core) != old_acronym
                       and not re.search(rf"\b{acronym(e.type, core)}\b", text))
    local = tuple(c for c in candidates if epci_departement(c[0]) == epci_departement(old))
    return old, old_core, local if len(local) >= MIN_LOCAL_CHOICES else candidates


class Planner:
    """Picks the replacements of one variant, drawing from ``rng`` in a fixed order."""

    def __init__(self, seed: Seed, rng: random.Random):
        self.seed, self.rng = seed, rng
        self.taken: set[str] = set()
        self.forms: list[Form] = []
        self.leftovers: list[tuple[str, str]] = []

    def usable(self, name: str) -> bool:
        """Not in the seed text already (nor containing a name of it), not taken yet."""
        key = fold_key(name)
        return bool(key) and f" {key} " not in self.seed.text_words and key not in self.taken

    def take(self, pool, key=lambda c: c):
        """A random usable element of ``pool``, or None when none is left."""
        for _ in range(50):          # rejection sampling: the pools are mostly usable
            choice = self.rng.choice(pool)
            if self.usable(key(choice)):
                break
        else:
            rest = [c for c in pool if self.usable(key(c))]
            if not rest:
                return None
            choice = self.rng.choice(rest)
        self.taken.add(fold_key(key(choice)))
        return choice

    def place(self, original: str, new: str) -> None:
        """A place name and its upper-case form, contracting with a preposition before it."""
        for old, rep in ((original, new), (original.upper(), new.upper())):
            self.forms.append(Form(name_pattern(old), rep, True, len(old)))
        self.leftovers.append((original, name_pattern(original, r"[\s\-]+")))

    def token(self, original: str, new: str, pattern: str) -> None:
        """A form replaced as it is (an acronym, a URL slug, a fixed rewrite)."""
        self.forms.append(Form(pattern, new, False, len(original)))
        self.leftovers.append((original, pattern))

    def territory(self) -> tuple[str, list[tuple[str, ...]]]:
        """Replace the territory; return its new short name and the pools of its communes,
        best first."""
        gold, forms = self.seed.gold, SEED_FORMS[self.seed.name]
        name = gold["territory"]["name"]
        if gold["territory"]["type"] == "commune":
            departement = reference.find_communes(name)[0].departement
            pool = communes_of(departement)
            new = self.take([n for n in pool if not ARTICLE_NAME.match(n)])
            for old in (name, *forms.aliases):
                self.place(old, new)
            self.token(url_slug(name), url_slug(new),
                       rf"(?<![a-z0-9]){url_slug(name)}(?![a-z0-9])")
            return new, [pool]
        old_epci, old_core, candidates = epci_candidates(forms.epci_pattern, name, self.seed.text)
        old_acronym = acronym(old_epci.type, old_core)
        epci, core = self.take(candidates, key=lambda c: c[1])
        self.place(old_core, core)
        self.token(old_acronym, acronym(epci.type, core), rf"\b{old_acronym}\b")
        self.token(url_slug(old_core), url_slug(core),
                   rf"(?<![a-z0-9]){url_slug(old_core)}(?![a-z0-9])")
        codes = reference.communes_by_code()
        members = tuple(sorted({codes[m].name for m in epci.members if m in codes}))
        return core, [members, communes_of(epci_departement(epci))]

    def communes(self, pools: list[tuple[str, ...]]) -> None:
        """Gold member communes and places named in passing become communes of the new territory."""
        for original in self.seed.gold["communes"] + list(SEED_FORMS[self.seed.name].places):
            new = next(filter(None, (self.take(pool) for pool in pools if pool)), None)
            if new is None:
                raise ValueError(f"{self.seed.name}: no commune left to replace {original}")
            self.place(original, new)

    def people(self) -> None:
        """Signatories get generated names of the same gender (read from their role)."""
        gold = self.seed.gold
        people = {p["name"]: p["role"]
                  for p in gold["signatories"] + gold.get("signatories_optional", [])}
        for full, role in people.items():
            first, last = full.split(" ", 1)
            gender = "f" if FEMININE_ROLE.search(role) else "m"
            new_first, new_last = self.take(FULL_NAMES[gender], key=" ".join)
            pairs = [(f"{first} {last}", f"{new_first} {new_last}"),
                     (f"{first} {last.upper()}", f"{new_first} {new_last.upper()}"),
                     (f"{first} {last}".upper(), f"{new_first} {new_last}".upper())]
            for title in ("M.", "Mme", "Madame", "Monsieur"):
                pairs += [(f"{title} {last}", f"{title} {new_last}"),
                          (f"{title} {last.upper()}", f"{title} {new_last.upper()}")]
            for old, new in pairs:
                self.forms.append(Form(name_pattern(old), new, False, len(old)))
            self.leftovers.append((last, name_pattern(last, r"[\s\-]+")))

    def rewrites(self) -> None:
        """The seed's fixed rewrites (a demonym that names the old territory)."""
        for pattern, replacement in SEED_FORMS[self.seed.name].rewrites:
            self.token(pattern, replacement, pattern)


def plan_variant(index: int, layout: Layout, seed: Seed, base_seed: int) -> tuple[str, Variation]:
    """The doc_id and variation of variant ``index``: a pure function of its arguments."""
    rng = random.Random(base_seed + index)
    planner = Planner(seed, rng)
    short_name, pools = planner.territory()
    planner.communes(pools)
    planner.people()
    planner.rewrites()
    curly = seed.text.count("’") >= seed.text.count("'")
    variation = Variation(forms=tuple(sorted(planner.forms, key=lambda f: -f.length)),
                          leftovers=tuple(planner.leftovers),
                          year_delta=rng.choice(YEAR_DELTAS), factor=rng.uniform(*FACTOR_RANGE),
                          apostrophe="’" if curly else "'")
    return f"synth-{index:05d}-{layout.key}-{slug(short_name)}", variation


def vary_gold(gold: dict, variation: Variation, doc_id: str) -> dict:
    """The gold of a variant: names and years varied like the text, the objectives' quantities
    too (they are quoted from it), figures left as they are and marked unscored."""
    def walk(value, numbers: bool):
        if isinstance(value, str):
            return variation.apply(value, numbers=numbers, apostrophe="'")
        if isinstance(value, list):
            return [walk(v, numbers) for v in value]
        if isinstance(value, dict):
            return {k: walk(v, numbers) for k, v in value.items()}
        return value

    out = {k: walk(v, k in ("objectives", "objectives_optional")) for k, v in gold.items()}
    out["doc_id"] = doc_id
    for key in ("start", "end"):
        if isinstance(out.get("period", {}).get(key), int):
            out["period"][key] += variation.year_delta
    for figure in out.get("figures", []):
        if isinstance(figure.get("year"), int):
            figure["year"] += variation.year_delta
    out["unscored"] = list(dict.fromkeys(out.get("unscored", []) + ["figures"]))
    return out


# ---------------------------------------------------------------- building (in the workers)

@dataclass(frozen=True)
class Task:
    doc_id: str
    layout: str
    seeds: Path
    out: Path
    variation: Variation
    scanned: bool


@lru_cache(maxsize=None)
def read_seed_files(seeds: Path, name: str) -> tuple[str, str]:
    """The text and gold JSON of a seed, read once per process."""
    return ((seeds / f"{name}.txt").read_text(encoding="utf-8"),
            (seeds / "gold" / f"{name}.json").read_text(encoding="utf-8"))


def document_text(path: Path) -> str:
    """The text of a built PDF or HTML page, to look for leftovers in."""
    if path.suffix == ".html":
        return html.unescape(path.read_text(encoding="utf-8"))
    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def check_no_leftover(variation: Variation, doc_id: str, where: str, text: str) -> None:
    found = variation.leftovers_in(text)
    if found:
        raise AssertionError(f"{doc_id}: original name(s) left in the {where}: {', '.join(found)}")


def build_variant(task: Task) -> str:
    """Build one variant into ``task.out``; return its file name."""
    layout = LAYOUT_BY_KEY[task.layout]
    variation = task.variation
    text, gold_text = read_seed_files(task.seeds, layout.seed)
    text = variation.apply(text)
    gold = vary_gold(json.loads(gold_text), variation, task.doc_id)
    gold_json = json.dumps(gold, ensure_ascii=False, indent=2) + "\n"
    check_no_leftover(variation, task.doc_id, "varied seed text", text)
    # the doc_id names the layout ("synth-00001-valros-agde"): not a leftover
    check_no_leftover(variation, task.doc_id, "varied gold",
                      json.dumps({k: v for k, v in gold.items() if k != "doc_id"}, ensure_ascii=False))
    common.register_fonts()
    with tempfile.TemporaryDirectory(prefix="ctg-synth-") as tmp:
        seeds, built = Path(tmp) / "seeds", Path(tmp) / "out"
        (seeds / "gold").mkdir(parents=True)
        built.mkdir()
        (seeds / f"{layout.seed}.txt").write_text(text, encoding="utf-8")
        (seeds / "gold" / f"{layout.seed}.json").write_text(gold_json, encoding="utf-8")
        try:
            with varied_layouts(variation):
                path = layout.build(seeds, built)
        except Exception as exc:
            raise RuntimeError(f"{task.doc_id}: layout {layout.key} failed: {exc}") from exc
        check_no_leftover(variation, task.doc_id, "built document", document_text(path))
        if task.scanned:
            path = scan.build(path, built, task.doc_id)
        target = task.out / f"{task.doc_id}.{layout.ext}"
        shutil.move(path, target)
    (task.out / "gold" / f"{task.doc_id}.json").write_text(gold_json, encoding="utf-8")
    return target.name


# ---------------------------------------------------------------- the corpus

def inputs_digest(seeds: Path) -> str:
    """Digest of everything the output depends on besides the arguments."""
    digest = hashlib.sha256()
    reference_dir = resources.files("extract.resources").joinpath("reference")
    files = sorted(seeds.glob("*.txt")) + sorted((seeds / "gold").glob("*.json"))
    files += sorted((CORPUS_DIR / "layouts").glob("*.py")) + [Path(__file__).resolve()]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for entry in sorted((e for e in reference_dir.iterdir() if e.is_file()), key=lambda e: e.name):
        digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def cached_files(out: Path, manifest: dict) -> list[Path] | None:
    """The listed files when ``out`` holds a complete build with this manifest, else None."""
    try:
        old = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if {k: old.get(k) for k in ("arguments", "inputs")} != manifest:
        return None
    files = [out / name for name in old["files"]]
    golds = [out / "gold" / f"{Path(name).stem}.json" for name in old["files"]]
    return files if all(p.is_file() for p in files + golds) else None


def remove_previous(out: Path) -> None:
    """Delete the files a previous build listed (and only those)."""
    try:
        old = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for name in old.get("files", []):
        (out / name).unlink(missing_ok=True)
        (out / "gold" / f"{Path(name).stem}.json").unlink(missing_ok=True)
    (out / MANIFEST).unlink()


def make_corpus(seeds: Path, out: Path, n: int, scan_share: float = 0.03, seed: int = 0,
                workers: int = 2) -> list[Path]:
    """Build ``n`` varied documents into ``out`` (see the module docstring); return their paths."""
    seeds, out = Path(seeds).resolve(), Path(out)
    if not (seeds / "gold").is_dir() or not any(seeds.glob("*.txt")):
        raise FileNotFoundError(f"the seeds folder is needed: {seeds} (seed texts *.txt and gold/)")
    if n < 1 or not 0 <= scan_share <= 1:
        raise ValueError("n must be >= 1 and scan_share within [0, 1]")
    manifest = {"arguments": {"seeds": str(seeds), "n": n, "scan_share": scan_share, "seed": seed},
                "inputs": inputs_digest(seeds)}
    cached = cached_files(out, manifest)
    if cached is not None:
        return cached
    remove_previous(out)
    (out / "gold").mkdir(parents=True, exist_ok=True)

    loaded: dict[str, Seed] = {}
    for layout in LAYOUTS:
        text, gold_text = read_seed_files(seeds, layout.seed)
        loaded[layout.seed] = Seed(layout.seed, text, json.loads(gold_text),
                                   f" {fold_key(text)} ")
    pdf_indices = [i for i in range(n) if LAYOUTS[i % len(LAYOUTS)].ext == "pdf"]
    scanned = set(random.Random(seed).sample(pdf_indices, round(scan_share * len(pdf_indices))))
    tasks = []
    for i in range(n):
        layout = LAYOUTS[i % len(LAYOUTS)]
        doc_id, variation = plan_variant(i, layout, loaded[layout.seed], seed)
        if i in scanned:
            doc_id += "-scan"
        tasks.append(Task(doc_id, layout.key, seeds, out, variation, i in scanned))

    started = time.perf_counter()
    names: list[str] = []

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == n:
            print(f"synth: {done}/{n} documents, {time.perf_counter() - started:.0f} s", flush=True)

    if workers <= 1:
        for task in tasks:
            names.append(build_variant(task))
            progress(len(names))
    else:
        with multiprocessing.Pool(workers) as pool:
            for name in pool.imap(build_variant, tasks):
                names.append(name)
                progress(len(names))
    (out / MANIFEST).write_text(json.dumps({**manifest, "files": names}, ensure_ascii=False,
                                           indent=2) + "\n", encoding="utf-8")
    return [out / name for name in names]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--n", type=int, default=500, help="number of documents (default 500)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                    help="seed texts and their gold/ (default: ../shared/seeds)")
    ap.add_argument("--scan-share", type=float, default=0.03,
                    help="share of the PDF variants turned into scans (default 0.03)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--workers", type=int, default=2, help="build processes (default 2)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    try:
        files = make_corpus(args.seeds, args.out, args.n, args.scan_share, args.seed, args.workers)
    except (FileNotFoundError, ValueError) as exc:
        ap.exit(2, f"synth: {exc}\n")
    print(f"synth: {len(files)} documents in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
