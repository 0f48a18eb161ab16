"""HTML and plain-text files, read into the same document view as PDFs.

HTML: the page's chrome (``header``, ``nav``, ``footer``, ``aside``, scripts, cookie banners) is
dropped and the main content (``main`` / ``article`` when present) is walked in document order:
headings, paragraphs, list items and table cells become blocks; ``<table>`` also becomes a
``Table``. Block boxes are synthetic (one column, growing downwards) and headings get the sizes
a browser would give them, so extractors that look at size and bold work unchanged.
Plain text: laid on a monospace grid and read by the same layout code as PDF pages.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from extract.errors import UnreadableDocument
from extract.ingest.pages import RawPage, build_document
from extract.ingest.prose import Dehyphenator, join_lines, vocabulary
from models.document import BBox, Block, Document, Line, Media, Page, Span, Table

PAGE_WIDTH = 595.0
BODY_SIZE = 11.0
HEADING_SIZES = {"h1": 24.0, "h2": 18.0, "h3": 15.0, "h4": 13.0, "h5": 12.0, "h6": 11.0}
# Elements whose text is one block each.
BLOCK_TAGS = {"p", "li", "dt", "dd", "blockquote", "figcaption", "caption", "pre", "address",
              "summary", *HEADING_SIZES}
# Inline elements: their text belongs to the surrounding block.
INLINE_TAGS = {"a", "span", "strong", "b", "em", "i", "u", "small", "sup", "sub", "abbr", "time",
               "mark", "font", "label", "cite", "q", "code", "img", "br", "s", "del", "ins", "var"}
# Site chrome, never content.
DROP_TAGS = ["script", "style", "noscript", "template", "svg", "header", "nav", "footer", "aside",
             "form", "button", "iframe", "select"]
# Chrome marked by role, id or class: navigation, banners, cookie notices, sharing widgets.
DROP_XPATH = ("//*[@role='navigation' or @role='banner' or @role='contentinfo' or "
              "contains(@class,'cookie') or contains(@id,'cookie') or contains(@class,'breadcrumb') or "
              "contains(@class,'share') or contains(@class,'social')]")

# The charset a page declares: <meta charset="windows-1252"> or http-equiv content="...; charset=...".
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# An XML declaration, which lxml refuses on already-decoded text.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, then the declared charset, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    candidates = [declared] if declared else []
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


class _Writer:
    """Lays blocks out top to bottom on one synthetic page."""

    def __init__(self, dehyphenator: Dehyphenator):
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.y = 40.0
        self.dehyphenator = dehyphenator

    def add(self, text_lines: list[str], size: float = BODY_SIZE, bold: bool = False,
            table: int | None = None, indent: float = 0.0) -> None:
        text_lines = [" ".join(t.split()) for t in text_lines]
        text_lines = [t for t in text_lines if t]
        if not text_lines:
            return
        lines = []
        x0 = 40.0 + indent
        for t in text_lines:
            box = BBox(x0, self.y, min(PAGE_WIDTH - 40.0, x0 + 0.5 * size * len(t)), self.y + 1.2 * size)
            lines.append(Line.of((Span(t, box, "html", size, bold),)))
            self.y += 1.2 * size
        self.y += 0.8 * size
        text = join_lines(text_lines, [True] * len(text_lines), self.dehyphenator)
        self.blocks.append(Block(lines=tuple(lines), bbox=BBox.enclosing([ln.bbox for ln in lines]),
                                 text=text, table=table))

    def page(self, height: float | None = None) -> Page:
        # At least an A4 page: a short text must not look like a landscape slide.
        return Page(number=1, width=PAGE_WIDTH, height=max(height or self.y + 40.0, 842.0),
                    blocks=tuple(self.blocks), tables=tuple(self.tables))


def _inline_text(element: etree._Element, skip: set[str] = frozenset()) -> str:
    """The element's text, inline children included, ``<br>`` as a line break; children whose
    tag is in ``skip`` (nested lists) are left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            tag = child.tag.lower()
            if tag == "br":
                parts.append("\n")
            elif tag not in skip:
                parts.append(_inline_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(element: etree._Element, writer: _Writer) -> None:
    """Emit the blocks of a container: runs of inline text between block-level children
    become blocks of their own."""
    run: list[str] = [element.text or ""]

    def flush() -> None:
        text = "".join(run)
        run.clear()
        if text.strip():
            writer.add(text.split("\n"))

    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            run.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in INLINE_TAGS:
            run.append("\n" if tag == "br" else _inline_text(child))
        else:
            flush()
            if tag == "table":
                _table(child, writer)
            elif tag in BLOCK_TAGS:
                lines = _inline_text(child, skip={"ul", "ol"}).split("\n")
                if tag == "li":
                    lines[0] = "• " + lines[0].lstrip()
                writer.add(lines, size=HEADING_SIZES.get(tag, BODY_SIZE), bold=tag in HEADING_SIZES,
                           indent=12.0 if tag == "li" else 0.0)
                for nested in child:
                    if isinstance(nested.tag, str) and nested.tag.lower() in {"ul", "ol"}:
                        _walk(nested, writer)
            else:
                _walk(child, writer)
        run.append(child.tail or "")
    flush()


def _table(element: etree._Element, writer: _Writer) -> None:
    index = len(writer.tables)
    rows, top = [], writer.y
    for tr in element.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in {"td", "th"}]
        row = []
        for cell in cells:
            lines = [ln for ln in (" ".join(t.split()) for t in cell.itertext()) if ln]
            row.append(join_lines(lines, [True] * len(lines), writer.dehyphenator))
            writer.add(lines, bold=cell.tag.lower() == "th", table=index)
        if row:
            rows.append(tuple(row))
    if rows:
        writer.tables.append(Table(bbox=BBox(40.0, top, PAGE_WIDTH - 40.0, writer.y), rows=tuple(rows)))


def read_html(data: bytes, path: str, doc_id: str) -> Document:
    head = data[:4096]
    declared = META_CHARSET.search(head)
    text = decode(data, declared.group(1).decode("ascii", "ignore") if declared else None)
    text = XML_DECLARATION.sub("", text)
    if not text.strip():
        raise UnreadableDocument("empty HTML file")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"HTML cannot be parsed: {exc}") from exc
    title = " ".join((root.findtext(".//title") or "").split()) or None
    for tag in DROP_TAGS:
        for element in root.iter(tag):
            element.drop_tree() if element.getparent() is not None else None
    for element in root.xpath(DROP_XPATH):
        if element.getparent() is not None and element.tag not in {"html", "body", "main", "article"}:
            element.drop_tree()
    articles = root.xpath("//article") or root.xpath("//main") or root.xpath("//body") or [root]
    main = max(articles, key=lambda e: len(e.text_content()))
    all_text = [t for t in main.itertext()]
    writer = _Writer(Dehyphenator(vocabulary(all_text)))
    _walk(main, writer)
    if not writer.blocks:
        raise UnreadableDocument("HTML page has no text content")
    return Document(doc_id=doc_id, source_path=path, media=Media.HTML, pages=(writer.page(),), title=title)


# Plain text is laid on a monospace grid so that the layout code reads it like a PDF page:
# columns separated by runs of spaces (as PDF-to-text tools lay them out) stay apart, blank lines
# separate blocks, form feeds separate pages.
CHAR_WIDTH = 6.0
LINE_HEIGHT = 12.0
TEXT_SIZE = 10.0
# A fragment of a line: words separated by single or double spaces; 3 spaces or more, or a tab,
# separate columns. A no-break space (thin or not) joins: "55\u202f400 habitants", "2,4\u00a0M€".
NO_BREAK_SPACES = "\u00a0\u202f\u2009\u2007"
FRAGMENT = re.compile(rf"[^\s{NO_BREAK_SPACES}]+(?:(?: {{1,2}}|[{NO_BREAK_SPACES}]+)[^\s{NO_BREAK_SPACES}]+)*")
# A justified row of a dump: words at most 4 spaces apart from end to end, at least 3 gaps.
# Column gutters are wider; such a row is one line.
JUSTIFIED_ROW = re.compile(r"^\s*\S+(?: {1,4}\S+){3,}\s*$")
ROW_TEXT = re.compile(r"\S(?:.*\S)?")


def _text_lines(page_text: str) -> tuple[list[Line], int, int]:
    lines: list[Line] = []
    rows = page_text.splitlines()
    widest = 0
    for row, raw in enumerate(rows):
        expanded = raw.expandtabs(8)
        widest = max(widest, len(expanded))
        top = 40.0 + row * LINE_HEIGHT
        pieces = ROW_TEXT.finditer(expanded) if JUSTIFIED_ROW.match(expanded) else FRAGMENT.finditer(expanded)
        for match in pieces:
            fragment = " ".join(match.group().split())
            letters = [c for c in fragment if c.isalpha()]
            # A short line in capitals reads as a heading.
            heading = bool(letters) and all(c.isupper() for c in letters) and len(fragment) <= 80 \
                and fragment == " ".join(raw.split())
            box = BBox(40.0 + match.start() * CHAR_WIDTH, top, 40.0 + match.end() * CHAR_WIDTH, top + TEXT_SIZE * 1.15)
            lines.append(Line.of((Span(fragment, box, "text", TEXT_SIZE, heading),)))
    return lines, widest, len(rows)


# A line starting with exactly one space: where a text dump turned a form feed into a space.
PAGE_START = re.compile(r"\n (?=\S)")


def split_pages(text: str) -> list[str]:
    """Pages of a text: at form feeds; in a dump without them, at lines opening with a single
    space when such lines are rare (the form feed became a space), not an indented text."""
    if "\f" in text:
        return text.split("\f")
    lines = text.count("\n") + 1
    starts = len(PAGE_START.findall(text))
    if 2 <= starts <= lines / 8:
        return PAGE_START.split(text)
    return [text]


def read_text(data: bytes, path: str, doc_id: str) -> Document:
    text = decode(data)
    if not text.strip():
        raise UnreadableDocument("empty text file")
    raw_pages = []
    for number, page_text in enumerate(split_pages(text), start=1):
        lines, widest, rows = _text_lines(page_text)
        raw_pages.append(RawPage(number=number, width=max(widest, 80) * CHAR_WIDTH + 80.0,
                                 # As tall as the text: a dump's running footer is its last row.
                                 height=40.0 + rows * LINE_HEIGHT + 8.0, lines=lines, ocr=False))
    return build_document(doc_id, path, Media.TEXT, raw_pages, {}, None)
