"""Turn the lines of a block into prose: rejoin words hyphenated at line ends, join lines that
continue a sentence, keep hard breaks where a line really ends (list items, short closing lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Glyphs that mark list items: dots, squares, triangles, arrows, chevrons, ticks.
BULLET_GLYPHS = "•●○◦▪▫■□◆◇►▶▸➔➢➤➜➝➞→›‣⁃✓✔✕✗×❖\u25aa\u25cf"
# A line that opens a list item: "• Améliorer ...", "› Maintenir ...", "- Phase 1", "▶ 57%", "1) ...",
# "1.2 Soutenir ...", "a. ...".
BULLET = re.compile(
    rf"""^\s*(?:
        [{BULLET_GLYPHS}]                            # glyph bullets
      | [-–—*](?=\s)                                 # dash or star then a space
      | \d{{1,2}}[.)](?=\s)                          # "1." / "2)"
      | \d{{1,2}}(?:\.\d{{1,2}})+\.?(?=\s)              # "1.1" / "2.3." sub-items
      | [a-h][.)](?=\s)                              # "a." / "b)"
    )""",
    re.VERBOSE,
)

# A word cut at the line end: "interconnais-" / "parent-" (also the soft hyphen U+00AD).
HYPHENATED_END = re.compile(r"(?P<left>[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)[-\u2010\u00ad]$")

# The first word of the next line: "sance ..." / "enfant (ex : ...".
WORD_START = re.compile(r"^(?P<right>[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)")

# A line opening with a label and a colon: "Objectif 2 : ...", "Pilote : ...", "Axe 1.2 : ...".
LABEL_LINE = re.compile(r"^[A-ZÀ-Ý][\w'’ ]{1,24}?(?:\s+[\dIVX]+(?:\.\d+)*)?\s*:\s+\S")

# A list item of a field, in lower case, after an item closed by ";": "accès aux droits : faciliter ...".
FIELD_ITEM_LINE = re.compile(r"^[a-zà-ÿ][\w'’ -]{1,30}?\s:\s+\S")

# Sentence-final punctuation at a line end, possibly followed by a closing quote or bracket.
SENTENCE_END = re.compile(r"[.!?:;…][»\")\]]?$")

# The shortest word frequency (wordfreq's Zipf scale) that counts as "a real French word".
KNOWN_WORD_ZIPF = 2.5
# How much rarer than its rarer part a joined word may be and still win over the compound:
# "dispositifs" (3.95) against "positifs" (4.02) joins; "peutêtre" (2.26) against "peut" (6.19) does not.
JOIN_MARGIN_ZIPF = 1.0

# A word cut by a line end that a reflow (a copied newspaper column, an HTML paragraph) brought into
# the line, hyphen and space kept: "ont si- gné", "dans les sa- lons".
INLINE_CUT = re.compile(r"(?<!\w)(?P<left>[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)[-\u00ad] (?P<right>[a-zà-öø-ÿœæ]+)\b")

# A number cut after its dash: "2022-" / "2026" stays "2022-2026".
NUMBER_DASH_END = re.compile(r"\d[-\u2010–]$")


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    # Imported lazily: wordfreq loads its French list (~0.2 s) on first use only.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "fr")


@dataclass
class Dehyphenator:
    """Decides whether ``left-`` + ``right`` at a line break is one word cut in two or a compound.

    ``vocabulary`` holds the lower-cased words a document uses elsewhere, whole: it settles cases
    the general word list cannot ("valros-siens" vs a known "valrossiens").
    """

    vocabulary: frozenset[str] = field(default_factory=frozenset)

    def join(self, left: str, right: str) -> str:
        """``left`` and ``right`` are the fragments around the hyphen; returns the word as written."""
        joined, compound = left + right, f"{left}-{right}"
        lowered = joined.lower()
        if compound.lower() in self.vocabulary:
            return compound
        if lowered in self.vocabulary:
            return joined
        if right[:1].isupper():  # "Saint-\nJean", "Petite-\nEnfance"
            return compound
        z_left, z_right = _zipf(left.lower()), _zipf(right.lower())
        if z_left >= KNOWN_WORD_ZIPF and z_right >= KNOWN_WORD_ZIPF:
            # Two real words: a compound ("parent-enfant", "co-construits") unless the joined
            # word is about as common as its rarer part ("sou-tien" -> "soutien").
            rare = min(z_left, z_right) - JOIN_MARGIN_ZIPF
            return joined if _zipf(lowered) >= max(rare, KNOWN_WORD_ZIPF) else compound
        return joined

    def rejoin_inline(self, text: str) -> str:
        """Words cut at a former line end, inside the line: "ont si- gné" -> "ont signé". Only when
        the joined word is known ("pré- et post-natal" stays as written)."""
        if "- " not in text and "\u00ad " not in text:
            return text

        def joined(match: re.Match) -> str:
            word = match["left"] + match["right"]
            known = word.lower() in self.vocabulary or _zipf(word.lower()) >= KNOWN_WORD_ZIPF
            return word if known and self.join(match["left"], match["right"]) == word else match.group(0)

        return INLINE_CUT.sub(joined, text)


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def join_lines(lines: list[str], short: list[bool] | None = None,
               dehyphenator: Dehyphenator | None = None) -> str:
    """Join the text lines of one block.

    ``short[i]`` says line i stops well before the block's right edge: when such a line ends a
    sentence, the break is a real one (paragraph end without spacing) and is kept as ``\\n``.
    """
    dehyphenator = dehyphenator or Dehyphenator()
    short = short or [False] * len(lines)
    out = ""
    for i, raw in enumerate(lines):
        text = dehyphenator.rejoin_inline(" ".join(raw.split()))
        if not text:
            continue
        if not out:
            out = text
            continue
        prev_short = short[i - 1] if i - 1 < len(short) else False
        # A list item ends with ";" or follows an introduction ending with ":": keep the break
        # even when the item has lost its bullet (OCR).
        closes_item = (out.endswith((";", ":")) and text[:1].isupper()) or \
            (out.endswith(";") and bool(FIELD_ITEM_LINE.match(text)))
        if is_bullet(text) or closes_item or LABEL_LINE.match(text) or (prev_short and SENTENCE_END.search(out)):
            out += "\n" + text
            continue
        if NUMBER_DASH_END.search(out) and text[:1].isdigit():
            out += text
            continue
        cut, start = HYPHENATED_END.search(out), WORD_START.match(text)
        if cut and start and not out.endswith(" -"):
            word = dehyphenator.join(cut.group("left"), start.group("right"))
            out = out[: cut.start()] + word + text[start.end():]
            continue
        out += " " + text
    return out


def vocabulary(texts: list[str]) -> frozenset[str]:
    """Lower-cased words (hyphenated compounds included) that appear inside lines, not cut."""
    words: set[str] = set()
    for text in texts:
        tokens = text.split()
        # The last token of a line may be a cut word: leave it out.
        for token in tokens[:-1] if tokens and tokens[-1].endswith(("-", "\u00ad")) else tokens:
            token = token.strip(".,;:!?()«»\"'’[]…").lower()
            if len(token) > 2:
                words.add(token)
    return frozenset(words)
