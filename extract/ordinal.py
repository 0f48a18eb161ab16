"""The rank of this CTG for its territory: "la 2ème Ctg", "deuxième convention territoriale
globale", "3e CTG". A rank named after "après" or "précédente" is another CTG's."""

from __future__ import annotations

import re
from collections import Counter

from extract.normalize import parse_ordinal
from extract.text import passages, snippet
from models.conventions import Ordinal
from models.document import Document

# An ordinal right before the CTG: "2ème Ctg", "2e Convention territoriale globale",
# "deuxième CTG", "troisième convention territoriale".
ORDINAL_CTG = re.compile(
    r"""\b(?P<ordinal>\d{1,2}\s?(?:e|è|ème|eme|ième|ieme|ère|ere|er|nde?|ᵉ|ᵉʳ)
          |premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)
        \s+(?:ctg|convention\s+territoriale(?:\s+globale)?)\b""",
    re.IGNORECASE | re.VERBOSE,
)

# After the ordinal, a past CTG: "La première CTG, signée en 2018", "la 1ère CTG (2015-2019)".
PAST_CTG = re.compile(r"^[^.;]{0,15}?(?:sign[ée]e\s+en\s+\d{4}|\(\s*\d{4}\s*[-–]\s*\d{4}\s*\)|couvrait|avait)", re.IGNORECASE)
# Before the ordinal, a context that makes it another CTG: "après une première CTG",
# "la précédente (1ère) CTG", "suite à la première CTG", "depuis la 1ère CTG".
OTHER_CTG = re.compile(r"apr[èe]s|pr[ée]c[ée]dent\w*|suite\s+[àa]|depuis|ancienne|bilan\s+de", re.IGNORECASE)


def extract_ordinal(doc: Document) -> Ordinal | None:
    votes: Counter[int] = Counter()
    evidence = {}
    for passage in passages(doc):
        text = passage.text
        for match in ORDINAL_CTG.finditer(text):
            if OTHER_CTG.search(text[max(0, match.start() - 40):match.start()]) or PAST_CTG.match(text[match.end():]):
                continue
            value = parse_ordinal(match["ordinal"])
            if value is None:
                continue
            votes[value] += 1
            evidence.setdefault(value, (passage, match.span()))
    if not votes:
        return None
    # The most named rank; on a tie the highest, since a document recalls the CTGs before its own
    # ("une première CTG pour 2019-2023 ... la présente convention, deuxième CTG").
    value = max(votes, key=lambda rank: (votes[rank], rank))
    passage, span = evidence[value]
    return Ordinal(doc_id=doc.doc_id, page=passage.page.number, rule="ordinal_before_ctg",
                   snippet=snippet(passage.text, *span), bbox=passage.block.bbox.as_tuple(), value=value)
