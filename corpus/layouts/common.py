"""Shared helpers for the corpus builders: fonts, seed parsing, chrome.

Everything here is deterministic: no clock, no randomness without a seed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph

# Byte-identical output: no creation date, fixed document ID.
rl_config.invariant = 1

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# reportlab name -> file name
FONT_FILES = {
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Oblique": "DejaVuSans-Oblique.ttf",
    "Sans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "SansCond": "DejaVuSansCondensed.ttf",
    "SansCond-Bold": "DejaVuSansCondensed-Bold.ttf",
    "SansCond-Oblique": "DejaVuSansCondensed-Oblique.ttf",
    "SansCond-BoldOblique": "DejaVuSansCondensed-BoldOblique.ttf",
}

_fonts_done = False


def register_fonts() -> None:
    """Register the DejaVu TTF fonts (they cover ’ « » œ € ▶ ➔ ● ✕ ▪ •)."""
    global _fonts_done
    if _fonts_done:
        return
    missing = [f for f in FONT_FILES.values() if not (FONT_DIR / f).is_file()]
    if missing:
        raise SystemExit(
            f"DejaVu fonts not found in {FONT_DIR} (missing: {', '.join(missing)}).\n"
            "Install them with: apt-get install fonts-dejavu-core"
        )
    for name, fname in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / fname)))
    for fam in ("Sans", "Serif", "SansCond"):
        italic = "Italic" if fam == "Serif" else "Oblique"
        bold_italic = "BoldItalic" if fam == "Serif" else "BoldOblique"
        pdfmetrics.registerFontFamily(
            fam, normal=fam, bold=f"{fam}-Bold", italic=f"{fam}-{italic}",
            boldItalic=f"{fam}-{bold_italic}",
        )
    _fonts_done = True


# ---------------------------------------------------------------- seed text

PAGE_START = re.compile(r"^ (?=\S)")
WS = re.compile(r"\s+")


def read_seed(seeds: Path, name: str) -> str:
    return (seeds / f"{name}.txt").read_text(encoding="utf-8")


def split_pages(text: str) -> list[str]:
    """Cut a seed into pages: a page starts at a line beginning with one space."""
    pages: list[list[str]] = []
    for line in text.splitlines():
        if PAGE_START.match(line) or not pages:
            pages.append([])
        pages[-1].append(line)
    return ["\n".join(p) for p in pages]


SPACES = re.compile(r"[ \t\r\f\v]+")   # not the no-break space: it is kept


def join_lines(lines: list[str]) -> str:
    """Reflow the lines of one paragraph: a line ending with '-' is glued to the
    next one (``2022-`` + ``2026``), other line breaks become one space."""
    out = ""
    for line in lines:
        line = SPACES.sub(" ", line).strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-"):
            out += line
        else:
            out += " " + line
    return out


def blocks(text: str) -> list[str]:
    """Blank-line separated blocks of a seed page, each reflowed to one line."""
    out, cur = [], []
    for line in text.splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(join_lines(cur))
            cur = []
    if cur:
        out.append(join_lines(cur))
    return out


def flat(text: str) -> str:
    """A whole page reflowed into one string (all line breaks are artifacts)."""
    return join_lines(text.splitlines())


class Cutter:
    """Consume a reflowed seed page piece by piece.

    Layout code takes the pieces it places (``cut``/``between``) and calls
    ``done()`` at the end, which fails if any seed text was left unplaced.
    """

    def __init__(self, text: str, label: str = ""):
        self.text = text
        self.label = label

    def cut(self, s: str) -> str:
        i = self.text.find(s)
        if i < 0:
            raise ValueError(f"[{self.label}] not found: {s!r}")
        self.text = self.text[:i] + " " + self.text[i + len(s):]
        return s

    def between(self, start: str, end: str) -> str:
        """Cut from ``start`` through ``end`` (inclusive)."""
        i = self.text.find(start)
        if i < 0:
            raise ValueError(f"[{self.label}] start not found: {start!r}")
        j = self.text.find(end, i)
        while j >= 0 and j + len(end) < i + len(start):
            j = self.text.find(end, j + 1)
        if j < 0:
            raise ValueError(f"[{self.label}] end not found: {end!r}")
        s = self.text[i:j + len(end)]
        self.text = self.text[:i] + " " + self.text[j + len(end):]
        return s.strip()

    def done(self) -> None:
        rest = WS.sub(" ", self.text).strip()
        if rest:
            raise ValueError(f"[{self.label}] seed text left unplaced: {rest[:200]!r}")


class Blocks:
    """Consume the blank-line separated blocks of a seed (or of a part of it)."""

    def __init__(self, items: list[str], label: str = ""):
        self.items = list(items)
        self.label = label

    def take(self, prefix: str) -> str:
        for i, b in enumerate(self.items):
            if b.startswith(prefix):
                return self.items.pop(i)
        raise ValueError(f"[{self.label}] no block starts with {prefix!r}")

    def next(self) -> str:
        return self.items.pop(0)

    def done(self) -> None:
        if self.items:
            raise ValueError(f"[{self.label}] blocks left unplaced: {self.items[:3]!r}")


def esc(s: str) -> str:
    """Escape seed text for reportlab Paragraph markup (debris such as <u>,
    <ul ...> or <p> must print literally)."""
    return escape(s)


# ---------------------------------------------------------------- gold files

def copy_gold(seeds: Path, out: Path, src: str, doc_id: str) -> Path:
    """Gold file of a variant document: the seed's gold with its own doc_id."""
    text = (seeds / "gold" / f"{src}.json").read_text(encoding="utf-8")
    # textual replacement keeps the file otherwise byte-identical to the seed's gold
    new = re.sub(r'("doc_id"\s*:\s*)"[^"]*"', lambda m: f'{m.group(1)}"{doc_id}"', text, count=1)
    a, b = json.loads(text), json.loads(new)
    a["doc_id"] = doc_id
    assert a == b, "only doc_id may change"
    dst = out / "gold" / f"{doc_id}.json"
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(new, encoding="utf-8")
    return dst


# ---------------------------------------------------------------- drawing

def hexcol(h: str) -> colors.Color:
    return colors.HexColor(h)


def style(name: str, **kw) -> ParagraphStyle:
    """A ParagraphStyle; without ``parent`` it starts from DejaVu Sans 10/13."""
    # never break inside a word (only the hyphenation of the Valros press kit may)
    base = {} if "parent" in kw else dict(fontName="Sans", bulletFontName="Sans",
                                          fontSize=10, leading=13, splitLongWords=0)
    base.update(kw)
    return ParagraphStyle(name, **base)


def draw_para(c, text: str, st: ParagraphStyle, x: float, y_top: float, w: float) -> float:
    """Draw a Paragraph with its top-left corner at (x, y_top); return its height."""
    p = Paragraph(text, st)
    _, h = p.wrap(w, 10_000)
    p.drawOn(c, x, y_top - h)
    return h


def para_height(text: str, st: ParagraphStyle, w: float) -> float:
    return Paragraph(text, st).wrap(w, 10_000)[1]


def placeholder(c, x: float, y: float, w: float, h: float, fill: str = "#d9d9d9") -> None:
    """Empty grey rectangle standing for a photo, map or logo (no text in it)."""
    c.saveState()
    c.setFillColor(hexcol(fill))
    c.setStrokeColor(hexcol("#bdbdbd"))
    c.setLineWidth(0.5)
    c.rect(x, y, w, h, fill=1, stroke=1)
    c.restoreState()


def deferred_canvas(chrome):
    """A canvas class that keeps every page until ``save`` so that the page chrome
    can show the total page count: ``chrome(canvas, page_no, page_count)``."""

    class _Canvas(rl_canvas.Canvas):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._pages)
            for i, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                chrome(self, i, n)
                super().showPage()
            super().save()

    return _Canvas


class Placeholder(Flowable):
    """Grey placeholder rectangle inside the flow (a photo or a map), empty like a lost image."""

    def __init__(self, width, height):
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        placeholder(self.canv, 0, 0, self.width, self.height)
