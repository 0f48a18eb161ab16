"""Reading helpers shared by extractors: blocks with their neighbours, sentences, snippets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Callable, Iterator, TypeVar

from extract.ingest.prose import BULLET
from models.document import BBox, Block, Document, Page
from models.provenance import SNIPPET_MAX

T = TypeVar("T")

# A sentence ends at . ! ? … (or at the closing quote after them: "... indispensable. » Des") followed
# by a space and a capital, a digit, a quote or a bullet;
# "M. Dupont" and "art. 3" are not ends.
SENTENCE_END = re.compile(
    r"(?<!\bM\.)(?<!\bMM\.)(?<!\bMme\.)(?<!\bMlle\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bart\.)(?<!\bcf\.)(?<!\bn°\.)"
    r"(?<=[.!?…;])\s+(?=[A-ZÀ-Ý«\"(\d•])|(?<=[.!?…]\s»)\s+(?=[A-ZÀ-Ý«\"(\d•])|\n+"
)

# The end of a block whose sentence goes on in the next block (columns, hard line breaks): a
# comma, a hyphen, a word no sentence ends with, a civility: "représentée par son Président," |
# "Monsieur Paul ABEL", "..., et" | "Anne Roux, présidente", "et par Madame" | "Claire DUVAL".
CONTINUED = re.compile(r"""(?:[,\-–]|(?<![\w'’])(?:et|ou|de|du|des|la|le|les|à|au|aux|par|pour|avec|en|sur|entre|
                           son|sa|ses|leur|[ld]['’])|(?<!\w)(?:monsieur|madame|mademoiselle|m\.|mme|mlle))\s*$""",
                       re.IGNORECASE | re.VERBOSE)
# The start of a block that goes on the sentence of the block before: a word in lower case.
CONTINUING = re.compile(r"^[a-zà-ÿ]")
# The end of a sentence at the end of a block.
ENDED = re.compile(r"[.!?:;…][»\")\]]?\s*$")
# A block that opens with a label starts anew: "Photo : ...", "Rapporteur : ...".
LABEL = re.compile(r"^\W*\w+(?:\s+\w+){0,3}\s*:")
# A sentence run over blocks is read whole up to this many characters.
JOINED_MAX = 1500

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


# An adverb a writer slips between the words of a set phrase (folded): "prévoit également de", "est
# elle aussi au programme", "il est ainsi prévu de", "sont actuellement à l'étude".
INSERTED_ADVERB = (r"(?:(?:aussi|egalement|ainsi|notamment|actuellement|donc|deja|surtout|en\s+outre|par\s+ailleurs|entre\s+autres"
                   r"|(?:elle|il|elles|ils|lui|eux)\s+aussi)\s+)?")


def phrase_pattern(phrases) -> re.Pattern:
    """One pattern for cue phrases of the language resources, matched on folded text (see
    ``normalize.fold``/``fold_aligned``) at word boundaries, the longest phrase first; an adverb
    may stand between two of a phrase's words (``INSERTED_ADVERB``)."""
    from extract.normalize import fold

    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    # ``fold_aligned`` keeps a ligature as one letter ("cœur"), ``fold`` spells it out ("coeur").
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+" + INSERTED_ADVERB).replace("oe", "(?:oe|œ)")
                            .replace("ae", "(?:ae|æ)") for p in folded)
    return re.compile(r"(?<![a-z0-9])(?:" + alternatives + ")" + WORD_END)


@dataclass(frozen=True)
class Passage:
    """A block of a page, with the block before it (a heading, a label) as context. A passage of
    ``joined_passages`` may be made of several blocks (``parts``), its ``block`` their union."""

    page: Page
    block: Block
    previous: Block | None
    parts: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        return self.block.text


# The page title is looked for among the first blocks of the first page (after a site name and
# menu); a block longer than this is the body.
TITLE_SEARCH_BLOCKS = 8
TITLE_MAX_WORDS = 25


def title_block(doc: Document) -> Block | None:
    """The document's own title: the largest of the blocks before the body (a site's name and menu
    lines may come before it, as a browser prints a page)."""
    if not doc.pages:
        return None
    candidates = []
    for block in doc.pages[0].blocks[:TITLE_SEARCH_BLOCKS]:
        if len(block.text.split()) > TITLE_MAX_WORDS:
            break  # the body has begun: a heading further down titles a section, not the page
        if block.text.strip():
            candidates.append(block)
    # The first of the largest: a running header repeating the title in small type comes before it.
    return max(candidates, key=lambda b: b.size) if candidates else None


def passages(doc: Document) -> Iterator[Passage]:
    for page in doc.pages:
        previous = None
        for block in page.blocks:
            yield Passage(page, block, previous)
            previous = block


def joined_passages(doc: Document) -> list[Passage]:
    """The document's passages, a sentence that runs over several blocks read as one ("...,
    représentée par son Président," then "Monsieur Paul ABEL, dûment habilité"; a caption ending
    on the next page): its ``block`` is the union of its ``parts`` (on the first part's page). Table
    cells and list items stand alone."""
    out: list[Passage] = []
    parts: list[tuple[Page, Block]] = []
    previous: Block | None = None
    for page, block in (*doc.blocks(), (None, None)):
        if parts and block is not None and _goes_on([b for _, b in parts], block, page is parts[-1][0]):
            parts.append((page, block))
            continue
        if parts:
            first_page, first = parts[0]
            joined = first if len(parts) == 1 else Block(
                lines=tuple(line for _, b in parts for line in b.lines), text=" ".join(b.text for _, b in parts),
                bbox=BBox.enclosing([b.bbox for p, b in parts if p is first_page]))
            out.append(Passage(first_page, joined, previous, tuple(b for _, b in parts)))
            previous = parts[-1][1] if parts[-1][0] is page else None
        parts = [(page, block)] if block is not None else []
    return out


def _goes_on(parts: list[Block], block: Block, same_page: bool) -> bool:
    """Whether ``block`` goes on the sentence that the last of ``parts`` leaves open: below it,
    at the head of the next column or page; not beside it (signature blocks side by side)."""
    last = parts[-1]
    if last.table is not None or block.table is not None or BULLET.match(block.text) or LABEL.match(block.text) \
            or (same_page and not _below_or_next_column(last.bbox, block.bbox)) \
            or sum(len(b.text) for b in parts) + len(block.text) > JOINED_MAX:
        return False
    return bool(CONTINUED.search(last.text) or (not ENDED.search(last.text) and CONTINUING.match(block.text)))


def _below_or_next_column(last: BBox, block: BBox) -> bool:
    """Where the text of a column goes on: below in the same column, or at the top of another."""
    return (block.y0 >= last.y1 - 1 and block.x_overlap(last) > 0) or block.y1 <= last.y0


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
