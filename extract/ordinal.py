"""The rank of this CTG for its territory: "la 2ème Ctg", "deuxième convention territoriale
globale", "3e CTG", "une CTG de troisième génération", "signée pour la seconde fois", "Pour la
deuxième fois, ... ont signé". A rank named after "après" or "précédente" is another CTG's; a rank
among territories ("la première CTG dans le département", "la troisième CTG signée en Martinique,
après celles de ...") or in the Caf's count ("la Caf a signé sa première CTG", "conclue par la
Caf", "de l'année") is no rank of this one, and a text that ranks its territory among others
("deuxième ville de Guyane", "rejoint les douze communes") claims no rank 1. A renewed CTG
("nouvelle CTG", "a renouvelé", "nouvelle mouture") is the second when the text names a first one
in the past ("une première CTG avait été conclue"); a renewal alone says nothing of the rank."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon, reference
from extract.normalize import fold, fold_aligned, parse_ordinal
from extract.text import Passage, passages, phrase_pattern, sentence_at, snippet
from models.conventions import Ordinal
from models.document import Document

# A rank in words: "première", "deuxième", "seconde", "troisième".
RANK_WORD = r"premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me"
# A rank, in digits or words: "2ème", "3e", "1ère", "2nd", "deuxième", "seconde".
RANK = rf"(?P<ordinal>\d{{1,2}}\s?(?:e|è|ème|eme|ième|ieme|ère|ere|er|nde?|ᵉ|ᵉʳ)|{RANK_WORD})"

# An ordinal right before the CTG: "2ème Ctg", "2e Convention territoriale globale",
# "deuxième CTG", "troisième convention territoriale", this very convention ranked: "les
# orientations de cette seconde convention" (not "cette seconde convention d'objectifs", "... avec la MSA").
ORDINAL_CTG = re.compile(rf"""(?:(?<=\bcette\s)(?P<this>))?\b{RANK}\s+
                             (?:ctg|convention\s+territoriale(?:\s+globale)?|(?(this)convention(?!\s+d[eu'’s]|\s+avec\s+(?!la\s+caf))|(?!)))\b""",
                         re.IGNORECASE | re.VERBOSE)

# The CTG's generation: "une CTG de troisième génération", "la convention dite « de 2e génération »",
# "CTG 2e génération" (the contracts before it counted, as writers count them).
GENERATION = re.compile(
    rf"""\b(?:ctg|convention(?:\s+territoriale(?:\s+globale)?)?)\s+(?:\(ctg\)\s+)?(?:dite\s+)?[«"“]?\s*(?:de\s+)?
        {RANK}\s+g[ée]n[ée]ration\b""",
    re.IGNORECASE | re.VERBOSE,
)

# The rank of a signing: "un accord reconduit pour la seconde fois", "renouvelée pour la 3e fois",
# "ont signé, pour la deuxième fois, une CTG".
_TIMES = r"""pour\s+la\s+(?P<ordinal>seconde|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me|\d{1,2}\s?(?:e|è|ème|eme|ᵉ))
             \s+fois\b"""
SIGNED_TIMES = re.compile(
    rf"""\b(?:sign|renouvel|conclu|contractualis|reconduit|paraph)\w*[\s,]+(?:[^.;]{{0,30}}?[\s,])?{_TIMES}""",
    re.IGNORECASE | re.VERBOSE,
)
# The rank fronted, the signing verb after it in the sentence: "Pour la deuxième fois, la commune et la
# Caf ont signé une CTG" (a verb, not "la signature": "Pour la 2e fois, le comité a préparé la signature").
FRONTED_TIMES = re.compile(
    rf"""{_TIMES}\s*,[^.;]{{0,80}}?\b(?:sign|paraph|conclu|renouvel|reconduit|contractualis)
         (?:é|ée|és|ées|e|ent|era|eront|ons|u|ue|us|ues)\b""",
    re.IGNORECASE | re.VERBOSE,
)

# After the ordinal, a past CTG: "La première CTG, signée en 2018", "la 1ère CTG (2015-2019)",
# "La première CTG réunissait cinq partenaires" (an imperfect, two letters at least before "-ait": not "fait"),
# further in the clause its end: "une première CTG pour la période 2020-2024, arrivée à échéance le 31 décembre".
PAST_CTG = re.compile(
    r"""^[^.;]{0,15}?(?:sign[ée]e\s+en\s+\d{4}|\(\s*\d{4}\s*[-–]\s*\d{4}\s*\)|couvrait|avait|ayant
        |\b\w{2,}(?:ait|aient)\b|s['’]est\s+achev|a\s+pris\s+fin|[ée]chue|expir)
      |^[^.;]{0,60}?\barriv[ée]e\s+[àa]\s+(?:son\s+)?(?:[ée]ch[ée]ance|terme)""",
    re.IGNORECASE | re.VERBOSE,
)
# Before the ordinal, a context that makes it another CTG: "après une première CTG",
# "la précédente (1ère) CTG", "suite à la première CTG", "depuis la 1ère CTG".
OTHER_CTG = re.compile(r"apr[èe]s|pr[ée]c[ée]dent\w*|suite\s+[àa]|depuis|ancienne|bilan\s+de", re.IGNORECASE)
# A sentence told in the pluperfect is about a CTG before this one: "En 2019, la commune s'était
# engagée avec la Caf dans une première convention territoriale globale", "avait conclu", "avait
# souscrit", "avait mis en place" (participles in -é, -i, -u, -is, -it, -ert).
PLUPERFECT = re.compile(r"\b(?:avai(?:t|ent)|(?:s['’])?[ée]tai(?:t|ent)|ayant)\s+(?:\w+\s+){0,2}?"
                        r"\w+(?:[ée]|i|u|is|it|ert)(?:e?s?)\b", re.IGNORECASE)

# A first CTG named in the past, which makes a renewed one the second: "Une première CTG avait été
# conclue", "La première convention, signée en 2020 pour quatre ans", "la première convention ayant
# expiré en 2023".
FIRST_CTG = re.compile(
    r"\b(?:une|la|sa|leur|notre)\s+premi[eè]re\s+(?:ctg|convention(?:\s+territoriale(?:\s+globale)?)?)\b",
    re.IGNORECASE,
)
# A CTG that takes over from an earlier one: "une nouvelle CTG", "ont renouvelé la convention", "la
# nouvelle mouture", "la reconduction de la CTG"; not the "programme de renouvellement urbain".
RENEWAL = re.compile(
    r"\bnouvelle\s+(?:ctg|convention|mouture)\b|\brenouvel\w*\b(?!\s+urbain)|\breconduction\b|\breconduit\w*"
    r"|\ben\s+(?:sign|conclu|pr[ée]par)\w*\s+une\s+(?:nouvelle|autre)\b",  # "..., en signe une nouvelle"
    re.IGNORECASE,
)

# Right after "première CTG", the area it ranks in: "dans les Yvelines", "du département",
# "signée en Occitanie", "à l'échelle nationale" (the scope words are calendar.json's).
RANKING_LEAD = re.compile(
    r"""^\s*(?:\([^)]{0,20}\)\s*)?(?:(?:sign[ée]e|conclue|mise\s+en\s+place|contractualis[ée]e|paraph[ée]e)\s+)?
        (?P<prep>dans|en|sur|au\s+sein|à\s+l['’][ée]chelle|au\s+niveau|du|de|des|pour|par|à)\b\s*
        (?:(?:du|de\s+la|des|les|le|la)\s+|(?:de\s+l|l)['’]\s*)?""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Scopes:
    nouns: frozenset[str]           # folded: "departement", "caf", "territoire national"
    collectivities: frozenset[str]  # folded nouns that name a collectivity when capitalised
    names: tuple[str, ...]          # departements and regions as written, longest first
    adjectives: frozenset[str]      # folded: "nationale", "departementale"


@lru_cache(maxsize=1)
def _scopes() -> Scopes:
    data = lexicon.calendar()["ranking_scopes"]
    names = [d.name for d in lexicon.departements()] + data["regions"]
    return Scopes(frozenset(fold(n) for n in data["nouns"]), frozenset(fold(n) for n in data["collectivities"]),
                  tuple(sorted(names, key=len, reverse=True)), frozenset(fold(a) for a in data["adjectives"]))


# The Caf as the owner of the rank, which counts its CTGs with every territory: "La Caf de la Somme a
# signé sa première CTG en 2017 avec Abbeville".
CAF_OWNER = re.compile(r"\b(?:la|chaque)\s+(?:caf|caisse)\b(?:(?!\bet\b)[^.;,]){0,60}?\b(?:sa|son)\s+$", re.IGNORECASE)
# Further in the clause, the territories whose CTGs came first: "la troisième CTG signée en
# Martinique, après celles de Schœlcher et Ducos".
AFTER_OTHERS = re.compile(r"^[^.;]{0,60}?\bapr[èe]s\s+cel(?:le|les|ui|ux)\s+d[e'’]", re.IGNORECASE)


def is_ranking(after: str) -> bool:
    """Whether the words after "première CTG" place it among other territories' CTGs: "dans les
    Yvelines", "du département", "à l'échelle nationale", "signée à Mayotte", "conclue par la
    Caf", "de l'année", "..., après celles de"; not "du territoire", "de la commune", "du Val
    de Sarthe" nor "du Département" (the collectivity itself, with a capital)."""
    if AFTER_OTHERS.match(after):
        return True
    lead = RANKING_LEAD.match(after)
    if not lead:
        return False
    rest, prep = after[lead.end():], fold(lead["prep"])
    if prep == "a":
        # "signée à Mayotte", "à La Réunion": a departement or region, not the town of its name
        # ("à Paris", "à Mayenne").
        place = after[lead.end("prep"):].lstrip()
        name = next((n for n in _scopes().names if place.startswith(n) or rest.startswith(n)), None)
        return name is not None and not any(reference.find_communes(name, d.code)
                                            for d in lexicon.departements() if d.name == name)
    scopes = _scopes()
    words = re.match(r"[\w'’-]+(?:\s+[\w'’-]+)?", rest)
    if not words:
        return False
    first = words.group().split()[0]
    if fold(first) in scopes.nouns or fold(words.group()) in scopes.nouns:
        return not (first[:1].isupper() and fold(first) in scopes.collectivities)
    if prep.startswith(("a l'", "au niveau")) and fold(first) in scopes.adjectives:
        return True
    # A departement or region by name is an area only after "dans", "en", "sur": "la première CTG
    # du Var" may be the Var's own.
    return prep in ("dans", "en", "sur", "au sein") and any(rest.startswith(n) for n in scopes.names)


@lru_cache(maxsize=1)
def _ranked_among() -> re.Pattern:
    """A territory ranked among others, on folded text: "deuxieme ville de guyane", "rejoint les
    douze communes", "avant elle" (calendar.json ranking_scopes)."""
    data = lexicon.calendar()
    ordinals = "|".join(sorted({fold(w) for w in data["ordinal_words"]}, key=len, reverse=True))
    nouns = "|".join(sorted({fold(n) for n in data["ranking_scopes"]["ranked_nouns"]}, key=len, reverse=True))
    phrases = phrase_pattern(data["ranking_scopes"]["context"]).pattern
    return re.compile(rf"(?<![a-z])(?:{ordinals}|\d{{1,2}}e)\s+(?:{nouns})s?\s+(?:(?:de|du|des)(?![a-z])|d')|{phrases}")


def _ranks_its_territory(doc: Document) -> bool:
    """Whether the text ranks its territory among others, which makes its "première CTG" doubtful."""
    pattern = _ranked_among()
    return any(pattern.search(fold_aligned(p.text)) for p in passages(doc))


def _past_mention(text: str, start: int, end: int) -> bool:
    """Whether the CTG named at [start, end) of ``text`` is one before this one."""
    left, right = sentence_at(text, start, end)
    return bool(OTHER_CTG.search(text[max(0, start - 40):start]) or PAST_CTG.match(text[end:])
                or PLUPERFECT.search(text, left, right))


def _renewed_after_first(doc: Document) -> tuple[Passage, tuple[int, int]] | None:
    """Where a renewed CTG is named, when the text also names a first one in the past."""
    first = renewal = None
    for passage in passages(doc):
        text = passage.text
        for match in FIRST_CTG.finditer(text):
            if first is None and _past_mention(text, match.start(), match.end()) and not is_ranking(text[match.end():]):
                first = match
        for match in RENEWAL.finditer(text):
            renewal = renewal or (passage, match.span())
    return renewal if first is not None else None


def extract_ordinal(doc: Document) -> Ordinal | None:
    votes: Counter[int] = Counter()
    evidence = {}
    for passage in passages(doc):
        text = passage.text
        for match in ORDINAL_CTG.finditer(text):
            if _past_mention(text, match.start(), match.end()) or is_ranking(text[match.end():]) \
                    or CAF_OWNER.search(text, sentence_at(text, match.start(), match.end())[0], match.start()):
                continue
            value = parse_ordinal(match["ordinal"])
            if value is None:
                continue
            votes[value] += 1
            evidence.setdefault(value, (passage, match.span(), "ordinal_before_ctg"))
        for match in GENERATION.finditer(text):
            value = parse_ordinal(match["ordinal"])
            if value is not None and value > 1 and not _past_mention(text, match.start(), match.end()):
                votes[value] += 1
                evidence.setdefault(value, (passage, match.span(), "generation"))
        for match in SIGNED_TIMES.finditer(text):
            value = parse_ordinal(match["ordinal"])
            if value is not None and value > 1:
                votes[value] += 1
                evidence.setdefault(value, (passage, match.span(), "signed_times"))
        for match in FRONTED_TIMES.finditer(text):
            left, _ = sentence_at(text, match.start(), match.end())
            value = parse_ordinal(match["ordinal"])
            if not text[left:match.start()].strip(" \t\n«\"") and value is not None and value > 1:
                votes[value] += 1
                evidence.setdefault(value, (passage, match.span(), "signed_times"))
    if not votes:
        renewed = _renewed_after_first(doc)
        if renewed is None:
            return None
        passage, span = renewed
        return Ordinal(doc_id=doc.doc_id, page=passage.page.number, rule="renewal_after_first",
                       snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(), value=2)
    # The most named rank; on a tie the highest, since a document recalls the CTGs before its own
    # ("une première CTG pour 2019-2023 ... la présente convention, deuxième CTG").
    value = max(votes, key=lambda rank: (votes[rank], rank))
    if value == 1 and _ranks_its_territory(doc):
        return None  # "Saint-Laurent, deuxième ville de Guyane, ... signé leur première CTG"
    passage, span, rule = evidence[value]
    return Ordinal(doc_id=doc.doc_id, page=passage.page.number, rule=rule,
                   snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(), value=value)
