"""What kind of document this is, from its vocabulary and structure, never from its file name.

Each kind has cue phrases (``resources/kinds.json``) whose weights add up, plus structural cues:
numbered articles for a convention, landscape slides for a consultant's diagnostic deck. A web
page with no strong cue stays ``web_page``, and so does one titled by the CTG itself (a page that
presents it) unless it calls itself a press release; anything else without a cue is ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.normalize import fold
from extract.text import alternation
from models.document import Document, Media
from models.documents import DocKind

# Below this score no kind is claimed.
MIN_SCORE = 4.0

# An article heading at the start of a block: "ARTICLE 1 - OBJET", "Article 11 – Durée", "Article premier".
ARTICLE_HEADING = re.compile(r"^\s*article\s+(?:\d{1,2}|premier|1er)\b", re.IGNORECASE)

# Where a page title's site name starts: "La CTG 2023-2027 | Grand Pontarlier", "... - Ville de Libourne".
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")

# A title longer than this is a sentence, not the name of a page.
TOPIC_TITLE_MAX_WORDS = 12


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


def page_title(doc: Document) -> str | None:
    """The page's own title: the HTML title without the site name, else a bold first block."""
    if doc.title:
        return TITLE_SITE_SEPARATOR.split(doc.title)[0]
    first = next((block for _, block in doc.blocks()), None)
    return first.text if first is not None and all(line.bold for line in first.lines) else None


def presents_the_ctg(doc: Document) -> bool:
    """An HTML page titled by the CTG itself ("La convention territoriale globale de la Civis"),
    not by a news event ("Saint-Junien et la Caf signent une nouvelle CTG"), and that does not
    call itself a press release."""
    topic = lexicon.kind_cues()["topic_page"]
    title = fold(page_title(doc) or "")
    words = re.findall(r"[a-z0-9]+", title)
    if not words or len(words) > TOPIC_TITLE_MAX_WORDS:
        return False
    if not alternation(tuple(topic["subjects"]), "(?<![a-z])", "(?![a-z])").search(title):
        return False
    if any(word.startswith(stem) for word in words for stem in topic["event_stems"]):
        return False
    text = fold(doc.text)
    press = lexicon.kind_cues()["cues"][DocKind.PRESS_RELEASE.value]
    return not any(weight >= topic["press_weight"] and phrase in text for phrase, weight in press.items())


def classify(doc: Document) -> DocKind:
    scores = kind_scores(doc)
    web = scores.pop(DocKind.WEB_PAGE)
    scores.pop(DocKind.OTHER)
    kind, score = max(scores.items(), key=lambda kv: kv[1])
    if doc.media is Media.HTML and kind is DocKind.PRESS_RELEASE and presents_the_ctg(doc):
        return DocKind.WEB_PAGE
    if score >= MIN_SCORE:
        return kind
    return DocKind.WEB_PAGE if web else DocKind.OTHER
