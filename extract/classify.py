"""What kind of document this is, from its vocabulary and structure, never from its file name.

Each kind has cue phrases (``resources/kinds.json``) whose weights add up, plus structural cues:
numbered articles for a convention, landscape slides for a consultant's diagnostic deck. A web
page with no strong cue stays ``web_page``; anything else without one is ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.normalize import fold
from models.document import Document, Media
from models.documents import DocKind

# Below this score no kind is claimed.
MIN_SCORE = 4.0

# An article heading at the start of a block: "ARTICLE 1 - OBJET", "Article 11 – Durée", "Article premier".
ARTICLE_HEADING = re.compile(r"^\s*article\s+(?:\d{1,2}|premier|1er)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[DocKind, list[tuple[str, re.Pattern, float]]]:
    cues = lexicon.kind_cues()["cues"]
    return {
        DocKind(kind): [(fold(phrase), re.compile(rf"(?<![a-z0-9]){re.escape(fold(phrase))}(?![a-z0-9])"), weight)
                        for phrase, weight in phrases.items()]
        for kind, phrases in cues.items()
    }


def kind_scores(doc: Document) -> dict[DocKind, float]:
    text = fold(doc.text)
    cap = lexicon.kind_cues()["cap"]
    scores = {kind: 0.0 for kind in DocKind}
    for kind, patterns in _cue_patterns().items():
        for phrase, pattern, weight in patterns:
            # Most cues are absent: a substring test spares their regex scan of the whole text.
            count = len(pattern.findall(text)) if phrase in text else 0
            scores[kind] += weight * min(count, cap)

    articles = sum(1 for _, block in doc.blocks() if ARTICLE_HEADING.match(block.text))
    if articles >= 3:
        scores[DocKind.CONVENTION] += 6.0 + min(articles, 10) * 0.5
    slides = sum(1 for page in doc.pages if page.landscape)
    if doc.media is Media.PDF and slides / len(doc.pages) >= 0.6:
        scores[DocKind.DIAGNOSTIC] += 4.0
    if doc.media is Media.HTML:
        scores[DocKind.WEB_PAGE] += MIN_SCORE
    return scores


def classify(doc: Document) -> DocKind:
    scores = kind_scores(doc)
    web = scores.pop(DocKind.WEB_PAGE)
    scores.pop(DocKind.OTHER)
    kind, score = max(scores.items(), key=lambda kv: kv[1])
    if score >= MIN_SCORE:
        return kind
    return DocKind.WEB_PAGE if web else DocKind.OTHER
