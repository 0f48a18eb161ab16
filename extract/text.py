"""Reading helpers shared by extractors: blocks with their neighbours, sentences, snippets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Callable, Iterator, TypeVar

from models.document import Block, Document, Page
from models.provenance import SNIPPET_MAX

T = TypeVar("T")

# A sentence ends at . ! ? … (or at the closing quote after them: "... indispensable. » Des") followed
# by a space and a capital, a digit, a quote or a bullet;
# "M. Dupont" and "art. 3" are not ends.
SENTENCE_END = re.compile(
    r"(?<!\bM\.)(?<!\bMme\.)(?<!\bMlle\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bart\.)(?<!\bcf\.)(?<!\bn°\.)"
    r"(?<=[.!?…;])\s+(?=[A-ZÀ-Ý«\"(\d•])|(?<=[.!?…]\s»)\s+(?=[A-ZÀ-Ý«\"(\d•])|\n+"
)

# No end either: OCR's stray dot between a first name and a surname in the middle of a sentence,
# "..., Didier. Legrand, Directeur de la Caf" (the text before the dot, then after it).
STRAY_DOT_BEFORE = re.compile(r"(?:,|\bet|\bavec|\bpar)\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\.$")
STRAY_DOT_AFTER = re.compile(r"\s+[A-ZÀ-Ý][\w'’-]+\s*,")


def once_per_document(function: Callable[[Document], T]) -> Callable[[Document], T]:
    """``function(doc)`` computed once for the document being read: several extractors ask for
    the same structure (headings, body size) of one document in a row. The last document is held
    and compared by identity, so a new document is never given another's result."""
    last: list = [None, None]

    @wraps(function)
    def cached(doc: Document) -> T:
        if last[0] is not doc:
            last[:] = [doc, function(doc)]
        return last[1]

    return cached


@lru_cache(maxsize=256)
def alternation(phrases: tuple[str, ...], before: str = "", after: str = "") -> re.Pattern:
    """One compiled pattern matching any of ``phrases`` (literal, tried in the given order), with
    ``before``/``after`` around them: ``alternation(("euros", "€"), after="(?![a-z])")``. Built once per
    list, where a loop of one regex per phrase would escape and look up each at every call."""
    return re.compile(before + "(?:" + "|".join(map(re.escape, phrases)) + ")" + after)


# The end of a folded phrase: a word's end, or an elision ("en matière d'" before "accueil").
WORD_END = r"(?:(?<=')|(?![a-z0-9]))"


def phrase_pattern(phrases) -> re.Pattern:
    """One pattern for cue phrases of the language resources, matched on folded text (see
    ``normalize.fold``/``fold_aligned``) at word boundaries, the longest phrase first."""
    from extract.normalize import fold

    folded = tuple(sorted({fold(p) for p in phrases}, key=len, reverse=True))
    return alternation(folded, r"(?<![a-z0-9])", WORD_END)


@dataclass(frozen=True)
class Passage:
    """A block of a page, with the block before it (a heading, a label) as context."""

    page: Page
    block: Block
    previous: Block | None

    @property
    def text(self) -> str:
        return self.block.text


def passages(doc: Document) -> Iterator[Passage]:
    for page in doc.pages:
        previous = None
        for block in page.blocks:
            yield Passage(page, block, previous)
            previous = block


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence of ``text`` that contains [start, end)."""
    starts, ends = _sentence_ends(text)
    before = bisect.bisect_right(ends, start)          # ends at or before ``start``
    after = bisect.bisect_left(starts, end)            # the first end starting at or after ``end``
    return (ends[before - 1] if before else 0), (starts[after] if after < len(starts) else len(text))


@lru_cache(maxsize=2048)
def _sentence_ends(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the sentences of ``text`` end: the (start, end) offsets of each break, in order.
    Extractors ask for the sentence around many matches of one block: found once per text."""
    starts, ends = [], []
    for match in SENTENCE_END.finditer(text):
        if text[match.start() - 1:match.start()] == "." and STRAY_DOT_AFTER.match(text, match.start()) \
                and STRAY_DOT_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        starts.append(match.start())
        ends.append(match.end())
    return tuple(starts), tuple(ends)


def snippet(text: str, start: int, end: int, limit: int = SNIPPET_MAX) -> str:
    """The sentence around [start, end), cut to ``limit`` characters around the match."""
    left, right = sentence_at(text, start, end)
    if right - left <= limit:
        return text[left:right].strip()
    half = max(0, (limit - (end - start)) // 2)
    left = max(left, start - half)
    right = min(right, left + limit)
    return text[left:right].strip()
