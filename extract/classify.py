"""What kind of document this is, from its vocabulary and structure, never from its file name
or the way it was rendered (PDF print, Word export, HTML, scan).

Each kind has cue phrases (``resources/kinds.json``) whose weights add up, plus structural cues:
numbered articles for a convention, landscape slides for a diagnostic deck (only with its
vocabulary), reported speech for a news article, explanatory questions and a title naming the CTG
for a page presenting it. The best kind reaching its minimum score wins. A text about a CTG that
is no convention, deliberation, diagnostic or letter is an article about it: a press release or a
web page, whichever has more cues, ties going to the resource's ``tie`` kind. ``other`` is left
for letters and for texts that are not about a CTG and say nothing of their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.normalize import fold
from extract.text import alternation
from models.document import Document, Media
from models.documents import DocKind

# An article heading at the start of a block: "ARTICLE 1 - OBJET", "Article 11 – Durée", "Article premier".
ARTICLE_HEADING = re.compile(r"^\s*article\s+(?:\d{1,2}|premier|1er)\b", re.IGNORECASE)

# Where a page title's site name starts: "La CTG 2023-2027 | Grand Pontarlier", "... - Ville de Libourne".
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")

# A title longer than this is a sentence, not the name of a page.
TOPIC_TITLE_MAX_WORDS = 12

# The page title is looked for among the first blocks of the first page (after a site name and menu).
TITLE_SEARCH_BLOCKS = 8
TITLE_MAX_WORDS = 25

# A quotation in folded text, up to its closing mark or the end of the block when it is left open:
# « Nous avons réfléchi... », "Notre mission est...", “Ce document est très important...
QUOTATION = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")

# A block that opens inside a quotation begun in the block before: "...pour nos familles. » a-t-elle conclu".
CONTINUED_QUOTATION = re.compile(r"^[^«“]*?[»”]")

# Where the sentence before a question mark starts: "... 2023. Qu'est-ce qu'une CTG ?", "- Pourquoi une Ctg ?".
SENTENCE_START = re.compile(r"[.!:;\n«»\"]")

# A conjugated verb, not an infinitive, a present participle or an adverb: "souligne", not
# "souligner", "soulignant" or "précisément".
CONJUGATED = r"(?<!er)(?<!ir)(?<!ant)(?<!ment)"

# What continues a word in folded text (an apostrophe too: "d'intervention" holds no word "intervention").
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")

# Subject pronouns after an inverted speech verb: "rappelle-t-il", "disait-elle".
INVERSION = r"-(?:t-)?(?:il|elle|ils|elles)\b"

# What may stand between a closing quotation mark and the speech verb: "», a ainsi souligné",
# "», a-t-elle rappelé", "», s'est félicitée".
SPEECH_AUXILIARY = (r"(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles))?\s+)?"
                    r"(?:(?:ainsi|alors|encore|aussi|egalement|d'ailleurs|meme)\s+)?"
                    r"(?:s'est\s+|se\s+sont\s+)?")


@dataclass(frozen=True)
class _SpeechPatterns:
    after_quote: re.Pattern  # "», souligne le maire", "» a déclaré Pierre Martin", "», a-t-elle rappelé"
    incise: re.Pattern       # inside a quotation: "..., explique Anne Martin, vice-présidente..."
    inverted: re.Pattern     # anywhere: "résume-t-il", "disait-elle"
    before_quote: re.Pattern  # "Michel Martin a précisé : «", "a rappelé que « chaque CTG..."


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[DocKind, list[tuple[str, re.Pattern, float]]]:
    cues = lexicon.kind_cues()["cues"]
    return {
        DocKind(kind): [(fold(phrase), re.compile(rf"{re.escape(fold(phrase))}(?![a-z0-9])"), weight)
                        for phrase, weight in phrases.items() if not phrase.startswith("_")]
        for kind, phrases in cues.items()
    }


@lru_cache(maxsize=1)
def _speech_patterns() -> _SpeechPatterns:
    speech = lexicon.kind_cues()["reported_speech"]
    verb = ("(?:" + "|".join([rf"{re.escape(s)}[a-z]*" for s in speech["stems"]]
                             + [re.escape(f) for f in speech["forms"]]) + ")" + CONJUGATED + r"(?![a-z])")
    return _SpeechPatterns(
        # « is accepted as a closing mark: writers who type the opening one twice are common.
        after_quote=re.compile(rf"[»”\"«]\s*,?\s*{SPEECH_AUXILIARY}{verb}(?:{INVERSION}|(?![a-z]))"),
        incise=re.compile(rf",\s*{verb}(?:{INVERSION}|\s+(?!que\b|qu')[a-z])"),
        inverted=re.compile(rf"(?<![a-z]){verb}{INVERSION}"),
        before_quote=re.compile(rf"(?<![a-z]){verb}(?:\s+que|[^.!?«»“”\"]{{0,100}}:)\s*[«“\"]"),
    )


def _count_words(pattern: re.Pattern, text: str) -> int:
    """Matches that start a word ("hier", not "cahier"; "intervention de", not "d'intervention de").
    Checked here rather than by a look-behind, which would keep the regex from a fast literal scan."""
    return sum(1 for m in pattern.finditer(text) if m.start() == 0 or text[m.start() - 1] not in WORD_CHARS)


def _folded_blocks(doc: Document) -> list[str]:
    return [fold(block.text) for _, block in doc.blocks() if block.text.strip()]


def _outside_quotations(block: str) -> str:
    """The block without its quotations: what the document says in its own voice."""
    block = CONTINUED_QUOTATION.sub(" ", block, count=1) if "»" in block or "”" in block else block
    return QUOTATION.sub(" ", block)


def reported_speech(blocks: list[str]) -> int:
    """How many times the text reports what someone said, as a journalist does."""
    patterns = _speech_patterns()
    count = 0
    for block in blocks:
        count += len(patterns.after_quote.findall(block))
        count += len(patterns.inverted.findall(block))
        count += len(patterns.before_quote.findall(block))
        count += sum(len(patterns.incise.findall(quote)) for quote in QUOTATION.findall(block))
    return count


def questions(own_voice: str) -> int:
    """Short questions in the document's own voice: 'Qu'est-ce que la CTG ?', 'Quel périmètre
    d'intervention ?', as headings or run into the paragraph after them."""
    resource = lexicon.kind_cues()["question_heading"]
    interrogative = alternation(tuple(resource["interrogatives"]), r"(?<![a-z])", r"(?![a-z])")
    count = 0
    for before in own_voice.split("?")[:-1]:
        question = SENTENCE_START.split(before[-300:])[-1]
        count += len(question.split()) <= resource["max_words"] and bool(interrogative.search(question))
    return count


def page_title(doc: Document) -> str | None:
    """The document's own title: the largest of the blocks before the body (a site name and a
    menu line may come before it), without a site name after a separator. The same rule for every
    rendering, so that a page printed to PDF keeps its kind."""
    if not doc.pages:
        return None
    candidates = []
    for block in doc.pages[0].blocks[:TITLE_SEARCH_BLOCKS]:
        if len(block.text.split()) > TITLE_MAX_WORDS:
            break  # the body has begun: a heading further down titles a section, not the page
        if block.text.strip():
            candidates.append(block)
    if not candidates:
        return None
    # The first of the largest: a running header repeating the title in small type comes before it.
    title = max(candidates, key=lambda b: b.size).text
    return TITLE_SITE_SEPARATOR.split(title)[0]


def names_the_ctg(title: str | None) -> bool:
    """A title naming the CTG itself ("La convention territoriale globale de la Civis"), not a
    news event ("Saint-Junien et la Caf signent une nouvelle CTG")."""
    topic = lexicon.kind_cues()["topic_page"]
    title = fold(title or "")
    words = re.findall(r"[a-z0-9]+", title)
    if not words or len(words) > TOPIC_TITLE_MAX_WORDS:
        return False
    if not alternation(tuple(topic["subjects"]), "(?<![a-z])", "(?![a-z])").search(title):
        return False
    return not any(word.startswith(stem) for word in words for stem in topic["event_stems"])


def about_a_ctg(text: str) -> bool:
    phrases = tuple(lexicon.kind_cues()["subjects"]["phrases"])
    return bool(alternation(phrases, "(?<![a-z])", "(?![a-z])").search(text))


def kind_scores(doc: Document) -> dict[DocKind, float]:
    return _scores(doc, _folded_blocks(doc))


def _scores(doc: Document, blocks: list[str]) -> dict[DocKind, float]:
    resource = lexicon.kind_cues()
    cap = resource["cap"]
    own_voice = "\n".join(_outside_quotations(block) for block in blocks)
    scores = {kind: 0.0 for kind in DocKind}
    for kind, patterns in _cue_patterns().items():
        for phrase, pattern, weight in patterns:
            # Most cues are absent: a substring test spares their regex scan of the whole text.
            count = _count_words(pattern, own_voice) if phrase in own_voice else 0
            scores[kind] += weight * min(count, cap)

    articles = sum(1 for _, block in doc.blocks() if ARTICLE_HEADING.match(block.text))
    if articles >= 3:
        scores[DocKind.CONVENTION] += 6.0 + min(articles, 10) * 0.5
    landscape = resource["landscape"]
    slides = sum(1 for page in doc.pages if page.landscape)
    # Only a PDF has a real page shape: a text or HTML page is as wide as its longest line.
    if doc.media is Media.PDF and doc.pages and slides / len(doc.pages) >= landscape["share"]:
        scores[DocKind.DIAGNOSTIC] += landscape["weight"]

    speech = resource["reported_speech"]
    scores[DocKind.PRESS_RELEASE] += speech["weight"] * min(reported_speech(blocks), speech["cap"])
    heading = resource["question_heading"]
    scores[DocKind.WEB_PAGE] += heading["weight"] * min(questions(own_voice), heading["cap"])
    if names_the_ctg(page_title(doc)):
        scores[DocKind.WEB_PAGE] += resource["topic_page"]["weight"]
    return scores


ARTICLE_KINDS = (DocKind.PRESS_RELEASE, DocKind.WEB_PAGE)


def min_score(kind: DocKind) -> float:
    """The score from which a kind is claimed (see ``min_scores`` in the resource)."""
    thresholds = lexicon.kind_cues()["min_scores"]
    return thresholds.get(kind.value, thresholds["default"])


def classify(doc: Document) -> DocKind:
    """The best kind claimed by its cues; for a text about a CTG that is no convention,
    deliberation, diagnostic or letter, a press release or a web page by their cues."""
    # Folded block by block: the figures extractor folds the same blocks, and finds them cached.
    blocks = _folded_blocks(doc)
    scores = _scores(doc, blocks)
    claimed = {kind: score for kind, score in scores.items() if score >= min_score(kind)}
    kind = max(claimed, key=claimed.get) if claimed else None
    if kind is not None and kind not in ARTICLE_KINDS:
        return kind
    if not about_a_ctg("\n".join(blocks)):
        return kind or DocKind.OTHER
    press, web = scores[DocKind.PRESS_RELEASE], scores[DocKind.WEB_PAGE]
    if press == web:
        return DocKind(lexicon.kind_cues()["tie"]["kind"])
    return DocKind.PRESS_RELEASE if press > web else DocKind.WEB_PAGE
