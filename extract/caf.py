"""The Caf party and its departement: "Caf de l'Hérault", "CAF Hérault", "Caisse d'allocations
familiales du Nord", "CAF 34", "Caf des PO", "la Caf varoise"; overseas "CGSS de la Martinique"
and "CSS de Mayotte". The name or adjective after it is looked up in the list of departements
(``resources/departements.json``); a Caf named after a town or an area ("CAF d'Alençon", "CAF du
Cambrésis") is not its departement's, and "la Caf" alone names none.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract import lexicon
from extract.names import LEADING_ARTICLE, PARTY_CLAUSE, read_name
from extract.normalize import clean, fold, fold_key
from extract.text import Passage, once_per_document, passages, snippet
from models.conventions import Caf
from models.document import Document

# "Caf de l'Hérault", "CAF du Nord", "Caisse d'allocations familiales (Caf) de la Somme", "CAF
# Hérault", "CAF 34"; overseas, the social security funds that serve families: "CGSS de la
# Martinique", "Caisse générale de sécurité sociale de la Guadeloupe", "CSS de Mayotte".
CAF_NAME = re.compile(
    r"""(?:\b(?:caf|caisse\s+d['’]\s*allocations?\s+familiales?)(?:\s*\((?:caf|CAF)\))?
          |\b(?-i:CGSS|CSS)\b|\bcaisse\s+(?:g[ée]n[ée]rale\s+)?de\s+s[ée]curit[ée]\s+sociale)\s+
        (?P<article>de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?(?=[A-ZÀ-Ý0-9])""",
    re.IGNORECASE | re.VERBOSE,
)
# After "Caf", a departement written by its abbreviation: "Caf des PO", "CAF des P.-O.".
CAF_ABBREVIATION = re.compile(r"(?:[A-Z]\.?-?){2,3}(?![\w])")
# A Caf named by its departement's adjective: "la Caf varoise", "la CAF girondine".
CAF_ADJECTIVE = re.compile(r"\b(?:caf|caisse\s+d['’]\s*allocations?\s+familiales?)\s+(?P<adjective>[a-zà-ÿ-]{4,})\b",
                           re.IGNORECASE)
# The institution a Caf name opens with, for naming it: overseas funds keep their own name.
CGSS_WORDS = re.compile(r"^(?:cgss|caisse\s+g[ée]n[ée]rale)", re.IGNORECASE)
CSS_WORDS = re.compile(r"^(?:css|caisse\s+de\s+s[ée]curit[ée])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _departements() -> dict[str, lexicon.Departement]:
    by_key = {fold_key(d.name): d for d in lexicon.departements()}
    by_code = {d.code: d for d in lexicon.departements()}
    for alias, code in lexicon.caf_aliases().items():
        by_key.setdefault(fold_key(alias), by_code[code])
    by_key.update({d.code.lower(): d for d in lexicon.departements()})
    return by_key


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, lexicon.Departement]:
    by_code = {d.code: d for d in lexicon.departements()}
    return {fold(adjective): by_code[code] for adjective, code in lexicon.caf_adjectives().items()}


def departement_of(name: str) -> lexicon.Departement | None:
    """The departement a Caf name refers to: "l'Hérault" -> Hérault, "Nord et CAVM" -> Nord
    (longest leading match), "34" -> Hérault, "PO" -> Pyrénées-Orientales."""
    words = fold_key(LEADING_ARTICLE.sub("", clean(name))).split()
    table = _departements()
    for n in range(min(len(words), 5), 0, -1):
        found = table.get(" ".join(words[:n]))
        if found:
            return found
    return None


def caf_name(departement: lexicon.Departement, institution: str = "Caf") -> str:
    """"Caf de l'Hérault", "Caf du Nord", "Caf de la Somme", "CSS de Mayotte"."""
    joiner = "" if departement.article.endswith("'") else " "
    return f"{institution} {departement.article}{joiner}{departement.name}"


def _institution(written: str) -> str:
    return "CGSS" if CGSS_WORDS.match(written) else "CSS" if CSS_WORDS.match(written) else "Caf"


@once_per_document  # the territory asks for it too (its departement resolves commune names)
def extract_caf(doc: Document) -> Caf | None:
    votes: Counter[str] = Counter()
    evidence: dict[str, tuple[float, Passage, tuple[int, int], str]] = {}

    def vote(departement: lexicon.Departement, passage: Passage, span: tuple[int, int], institution: str) -> None:
        # A Caf named as a party of the convention ("..., ci-après dénommée") weighs double.
        weight = 2.0 if PARTY_CLAUSE.match(passage.text[span[1]:span[1] + 60]) else 1.0
        votes[departement.code] += weight
        if departement.code not in evidence or weight > evidence[departement.code][0]:
            evidence[departement.code] = (weight, passage, span, institution)

    for passage in passages(doc):
        text = passage.text
        for match in CAF_NAME.finditer(text):
            tail = text[match.end():match.end() + 60]
            read = read_name(tail, 0) or next(((m.group(), m.end()) for m in (
                re.match(r"\d{2,3}\b", tail), CAF_ABBREVIATION.match(tail)) if m), None)
            if read is None:
                continue
            departement = departement_of(read[0])
            if departement is None:
                continue
            vote(departement, passage, (match.start(), match.end() + read[1]), _institution(match.group()))
        for match in CAF_ADJECTIVE.finditer(text):
            departement = _adjectives().get(fold(match["adjective"]))
            if departement is not None:
                vote(departement, passage, match.span(), "Caf")
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    code = ranked[0][0]
    departement = next(d for d in lexicon.departements() if d.code == code)
    _, passage, span, institution = evidence[code]
    return Caf(doc_id=doc.doc_id, page=passage.page.number, rule="caf_name",
               snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(),
               name=caf_name(departement, institution), department=departement.name, department_code=departement.code)
