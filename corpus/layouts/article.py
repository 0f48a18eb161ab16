"""Generic layouts for a short text of unknown structure (a news article, a web page, a
deliberation, an excerpt of a convention), as users' files show it.

``parse`` turns a plain text into an ``Article``: an optional dated header, a title, and blocks
(headings, paragraphs, list items). Each ``build_*`` lays the article out as one kind of file:

- ``article_pdf``  a web page printed from a browser: print header and footer, site band and menu,
                   ``<h1>``, one column (reportlab);
- ``twocol_pdf``   a two-column page (newspaper, magazine, press kit): a band, a full-width title, two columns;
- ``word_pdf``     a Word-like document: serif body, running header, page numbers; ``ruled=True``
                   puts lists and short lines in ruled tables;
- ``slides_pdf``   a landscape deck: a title bar, text in boxes, a few blocks per slide;
- ``html_page``    the web page itself, with its site chrome;
- ``docx``/``pptx`` a Word document and a PowerPoint deck (python-docx, python-pptx), which
                   LibreOffice turns into PDF as users' own exports.

Everything is deterministic: a layout's choices (colours, site name) come from a hash of the
document's name.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, ListFlowable, ListItem, PageTemplate, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

from .common import deferred_canvas, esc, hexcol, style

W, H = A4

# A dated header some texts carry on their first line: " date 2025-11" or " date 2025-11-22 ...".
DATE_LINE = re.compile(r"^\s*date\s+(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\s*")
# A list item: a bullet glyph or a dash at the start of a line.
BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*➢➔►▶→✓✔-]|\d{1,2}[.)])\s+")
# Sentence-final or list punctuation: a line ending so is not a heading.
ENDS_SENTENCE = re.compile(r"[.:;,!?…»\"”)]\s*$")

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
PALETTE = ["#005b96", "#2e7d5b", "#8e244d", "#b3541e", "#4b3f72", "#00677f", "#6d4c41", "#37474f"]
NAV = ["Accueil", "Ma commune", "Services", "Solidarités", "Actualités", "Contact"]


@dataclass
class Item:
    kind: str  # "h" (heading), "p" (paragraph), "li" (list item) or "t" (table: rows of " | " cells)
    text: str

    @property
    def rows(self) -> list[list[str]]:
        return [[cell.strip() for cell in row.split("|")] for row in self.text.splitlines()]


@dataclass
class Article:
    name: str
    title: str
    items: list[Item] = field(default_factory=list)
    date: tuple[int, int, int | None] | None = None  # year, month, day of a dated header

    @property
    def colour(self) -> str:
        return PALETTE[int(hashlib.sha1(self.name.encode()).hexdigest(), 16) % len(PALETTE)]

    def date_text(self) -> str | None:
        if not self.date:
            return None
        year, month, day = self.date
        when = f"{day} {MONTHS[month - 1]} {year}" if day else f"{MONTHS[month - 1]} {year}"
        return f"Publié le {when}" if day else f"Publié en {when}"


def _is_heading(text: str) -> bool:
    """A short line without final punctuation, or a short question ("Qu'est-ce qu'une CTG ?")."""
    question = text.endswith("?") and len(text) <= 80
    return len(text) <= 110 and (question or not ENDS_SENTENCE.search(text)) and not BULLET.match(text) \
        and text[:1].isupper()


# A line ending so continues on the next line: "... passée entre la CAF et la" / "Communauté ...".
OPEN_END = re.compile(r"\b(?:la|le|les|l['’]|de|du|des|d['’]|à|au|aux|en|et|ou|par|pour|avec|sur|dans|un|une|que|qui)$",
                      re.IGNORECASE)
# A line that ends a paragraph: sentence-final punctuation, or a colon before a list.
CLOSED = re.compile(r"[.!?…:»\"”)]\s*$")
HEADING_MAX = 80


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """The lines of one blank-line block cut into paragraphs: a paragraph ends after a line closed
    by punctuation before a line opening in upper case, and a short unclosed line before such a
    line is a heading of its own; other line breaks are wrapping."""
    out: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        out[-1].append(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        opens = following[:1].isupper() or following[:1] in "«\"“0123456789"
        heading = len(line) <= HEADING_MAX and not CLOSED.search(line) and not OPEN_END.search(line)
        if following and opens and (CLOSED.search(line) or heading):
            out.append([])
    return [p for p in out if p]


# Columns aligned with spaces, as a table copied from a PDF keeps them: three spaces or more between
# cells (two are a typing slip in prose).
ALIGNED_GAP = re.compile(r"\S(?: {3,}|\t+)\S")


# A Markdown table's rule under its header: "|---|---|", "| :--- | ---: |".
MARKDOWN_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


def _table_line(line: str) -> bool:
    """A row of a table written with pipes ("Axe | Objectif | Action | Pilote", "| Axe | Objectif |"),
    tabs ("Multi-accueils<TAB>19") or aligned with spaces ("Population (2021)      31 600      439 000"),
    numbered or not; a Markdown table's rule ("|---|---|") too (dropped from the rows)."""
    if MARKDOWN_RULE.match(line.strip()):
        return True
    cells = line.count(" | ") + len(ALIGNED_GAP.findall(line.strip()))
    # A numbered row ("1. Petite enfance<TAB>Augmenter ...<TAB>Créer ...") is a row, not a list item.
    return cells >= 1 and (not BULLET.match(line.strip()) or cells >= 2)


def _table_row(line: str) -> str:
    """The row with its cells between pipes; a row aligned with spaces that opens on blanks keeps its
    first cell empty (the line goes on with the row above's group)."""
    if " | " in line:
        row = line.strip()
        if row.startswith("|"):  # a Markdown row: its outer pipes open and close it, its cells may be empty
            row = row[1:-1] if row.endswith("|") else row[1:]
        return row
    cells = re.split(r" {3,}|\t+", line.rstrip())
    return " | ".join(cell.strip() for cell in cells)


def _at(lines: list[str], index: int) -> str:
    return lines[index].strip() if 0 <= index < len(lines) else ""


def parse(name: str, text: str) -> Article:
    """A plain text as an article: blank lines separate blocks; a block's lines are cut into
    paragraphs where a sentence or a heading ends (``_paragraphs``); list items are lines opening
    with a bullet; a short paragraph without final punctuation is a heading."""
    date = None
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and (m := DATE_LINE.match(lines[0])):
        date = (int(m["year"]), int(m["month"]), int(m["day"]) if m["day"] else None)
        lines[0] = lines[0][m.end():]
    items: list[Item] = []
    block: list[str] = []

    def close() -> None:
        for paragraph in _paragraphs(block):
            joined = " ".join(" ".join(paragraph).split())
            items.append(Item("h" if len(paragraph) == 1 and _is_heading(joined) else "p", joined))
        block.clear()

    for number, line in enumerate(lines):
        stripped = line.strip()
        if _table_line(stripped) and (_table_line(_at(lines, number - 1)) or _table_line(_at(lines, number + 1))):
            close()
            if MARKDOWN_RULE.match(stripped):
                continue
            row = _table_row(line)
            if items and items[-1].kind == "t":
                items[-1].text += "\n" + row
            else:
                items.append(Item("t", row))
            continue
        if not stripped:
            close()
        elif BULLET.match(stripped):
            close()
            items.append(Item("li", BULLET.sub("", stripped, count=1)))
        elif items and items[-1].kind == "li" and not block and stripped[:1].islower():
            items[-1].text += " " + stripped  # a list item wrapped on two lines
        else:
            block.append(stripped)
    close()
    title = ""
    if items and items[0].kind in ("h", "p") and len(items[0].text) <= 160:
        title = items.pop(0).text
    return Article(name=name, title=title, items=items, date=date)


# --- reportlab layouts ------------------------------------------------------------------------------

BODY = style("a_body", fontSize=10.5, leading=15, spaceAfter=8, textColor=hexcol("#1f1f1f"))
LI = style("a_li", parent=BODY, spaceAfter=3)
H1 = style("a_h1", fontName="Sans-Bold", fontSize=21, leading=26, spaceBefore=12, spaceAfter=10)
H2 = style("a_h2", fontName="Sans-Bold", fontSize=14, leading=18, spaceBefore=8, spaceAfter=6)
META = style("a_meta", fontSize=9, leading=12, textColor=hexcol("#6b6b6b"), spaceAfter=10)


def _bullets(items: list[Item], st=LI) -> ListFlowable:
    return ListFlowable([ListItem(Paragraph(esc(i.text), st), leftIndent=16, value="•") for i in items],
                        bulletType="bullet", start="•", leftIndent=16, bulletFontName="Sans", spaceAfter=8)


def _story(article: Article, body=BODY, h2=H2, li=LI) -> list:
    """The article's blocks as flowables, consecutive list items in one list."""
    story, pending = [], []
    for item in article.items + [Item("end", "")]:
        if item.kind == "li":
            pending.append(item)
            continue
        if pending:
            story.append(_bullets(pending, li))
            pending = []
        if item.kind == "h":
            story.append(Paragraph(esc(item.text), h2))
        elif item.kind == "p":
            story.append(Paragraph(esc(item.text), body))
        elif item.kind == "t":
            story += [ruled_table(item.rows, body), Spacer(1, 8)]
    return story


def ruled_table(rows: list[list[str]], body, width: float = W - 150) -> Table:
    """A table with its grid drawn, the first row as the header (bold)."""
    columns = max(len(row) for row in rows)
    head = style("a_th", parent=body, fontName=body.fontName.split("-")[0] + "-Bold", alignment=0)
    cell_style = style("a_td", parent=body, alignment=0, spaceAfter=0)
    data = [[Paragraph(esc(row[c]) if c < len(row) else "", head if n == 0 else cell_style) for c in range(columns)]
            for n, row in enumerate(rows)]
    # Columns as wide as their text asks, as a word processor sizes them: a long action wider than a date.
    needs = [max((len(row[c]) if c < len(row) else 0) for row in rows) ** 0.5 + 2 for c in range(columns)]
    table = Table(data, colWidths=[width * need / sum(needs) for need in needs])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, hexcol("#333333")),
                               ("BACKGROUND", (0, 0), (-1, 0), hexcol("#e8e8e8")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _band(text: str, colour: str, width: float, size: float = 17) -> Table:
    cell = Paragraph(esc(text), style("a_band", fontName="Sans-Bold", fontSize=size, leading=size * 1.2,
                                      textColor=hexcol("#ffffff")))
    band = Table([[cell]], colWidths=[width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), hexcol(colour)),
                              ("LEFTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 12),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    return band


def article_pdf(article: Article, path: Path, site: str, url: str) -> Path:
    """A web page printed to PDF from a browser."""
    mx = 60
    width = W - 2 * mx
    printed = article.date_text()

    def chrome(c, i, n):
        c.saveState()
        c.setFont("Sans", 7)
        c.setFillColor(hexcol("#555555"))
        c.drawCentredString(W / 2, H - 20, article.title[:90])
        c.drawString(22, 16, url)
        c.drawRightString(W - 22, 16, f"{i}/{n}")
        c.restoreState()

    nav = Paragraph(("&nbsp;" * 6).join(esc(x) for x in NAV),
                    style("a_nav", fontName="Sans-Bold", fontSize=9, leading=12, textColor=hexcol("#333333")))
    story = [_band(site, article.colour, width), nav, Spacer(1, 6)]
    if article.title:
        story.append(Paragraph(esc(article.title), H1))
    if printed:
        story.append(Paragraph(esc(printed), META))
    story += _story(article)
    story += [Spacer(1, 18), _band("Mentions légales · Plan du site · Accessibilité", "#263238", width, 8)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=mx, rightMargin=mx, topMargin=44, bottomMargin=44,
                            title=article.title)
    doc.build(story, canvasmaker=deferred_canvas(chrome))
    return path


def twocol_pdf(article: Article, path: Path, issuer: str) -> Path:
    """A two-column page: header band with the issuer's name, full-width title, the text in two columns."""
    mx, gap, top = 48, 22, 150
    col = (W - 2 * mx - gap) / 2

    def first_page(c, doc):
        c.saveState()
        c.setFillColor(hexcol(article.colour))
        c.rect(0, H - 70, W, 70, fill=1, stroke=0)
        c.setFillColor(hexcol("#ffffff"))
        c.setFont("Sans-Bold", 16)
        # The issuer's name only: what kind of text this is must come from the text, as in the
        # real set where a two-column page may be a newspaper's, a magazine's or a council's.
        c.drawString(mx, H - 44, issuer.upper())
        c.restoreState()

    def later_page(c, doc):
        c.saveState()
        c.setFont("Sans", 8)
        c.setFillColor(hexcol("#777777"))
        c.drawRightString(W - mx, 24, str(doc.page))
        c.restoreState()

    title = Frame(mx, H - top, W - 2 * mx, top - 80, id="title")
    left = Frame(mx, 50, col, H - top - 60, id="left")
    right = Frame(mx + col + gap, 50, col, H - top - 60, id="right")
    left2 = Frame(mx, 50, col, H - 110, id="left2")
    right2 = Frame(mx + col + gap, 50, col, H - 110, id="right2")
    doc = BaseDocTemplate(str(path), pagesize=A4, title=article.title)
    doc.addPageTemplates([PageTemplate("first", [title, left, right], onPage=first_page, autoNextPageTemplate="next"),
                          PageTemplate("next", [left2, right2], onPage=later_page)])
    head = [Paragraph(esc(article.title), style("a_pr_title", parent=H1, fontSize=18, leading=22))]
    if article.date_text():
        head.append(Paragraph(esc(article.date_text()), META))
    body = style("a_pr_body", parent=BODY, fontSize=10.5, leading=14.5, alignment=4)
    story = head + [FrameBreak()] + _story(article, body=body, li=style("a_pr_li", parent=body, spaceAfter=2))
    doc.build(story)
    return path


def word_pdf(article: Article, path: Path, ruled: bool = False) -> Path:
    """A Word-like document: serif body, a running header, page numbers. ``ruled``: list items and
    short paragraphs go in a ruled table, as in a convention's tables."""
    body = style("a_w_body", fontName="Serif", fontSize=11, leading=15, spaceAfter=7, alignment=4)
    h = style("a_w_h", fontName="Serif-Bold", fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=6)
    title = style("a_w_title", fontName="Serif-Bold", fontSize=15, leading=19, alignment=1, spaceAfter=12)

    def chrome(c, i, n):
        c.saveState()
        c.setFont("Serif", 8)
        c.setFillColor(hexcol("#444444"))
        c.drawString(70, H - 36, article.title[:80])
        c.line(70, H - 40, W - 70, H - 40)
        c.drawRightString(W - 70, 30, f"Page {i} sur {n}")
        c.restoreState()

    story = [Paragraph(esc(article.title), title)] if article.title else []
    if article.date:
        year, month, day = article.date
        story.append(Paragraph(esc(f"date {year}-{month:02d}" + (f"-{day:02d}" if day else "")), body))
    if not ruled:
        story += _story(article, body=body, h2=h, li=style("a_w_li", parent=body, spaceAfter=3))
    else:
        rows: list[list] = []
        for item in article.items + [Item("end", "")]:
            if item.kind == "li" or (item.kind == "p" and len(item.text) < 160):
                rows.append([Paragraph(esc(item.text), body)])
                continue
            if rows:
                table = Table(rows, colWidths=[W - 160])
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, hexcol("#333333")),
                                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                story += [table, Spacer(1, 8)]
                rows = []
            if item.kind == "h":
                story.append(Paragraph(esc(item.text), h))
            elif item.kind == "p":
                story.append(Paragraph(esc(item.text), body))
            elif item.kind == "t":
                story += [ruled_table(item.rows, body), Spacer(1, 8)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=70, rightMargin=70, topMargin=60, bottomMargin=56,
                            title=article.title)
    doc.build(story, canvasmaker=deferred_canvas(chrome))
    return path


def slides_pdf(article: Article, path: Path) -> Path:
    """A landscape deck: the title slide, then a few blocks per slide, each in a box."""
    size = landscape((W * 16 / 9 * 0.75, W * 0.75))  # 16:9, about 600 x 446 pt
    sw, sh = size
    box = style("a_s_box", fontSize=13, leading=17, textColor=hexcol("#1f1f1f"))
    head = style("a_s_head", fontName="Sans-Bold", fontSize=20, leading=24, textColor=hexcol("#ffffff"))
    slides: list[tuple[str, list[Item]]] = []
    current_title, current, weight = article.title, [], 0
    titled = False  # the current slide has its own title (not the deck's)
    for item in article.items:
        if item.kind == "h" and (not titled or (current and current[-1].kind != "h")):
            # A heading opens a slide; headings in a row after it are its first lines, so that a
            # slide of short lines ("46 communes", "Familles monoparentales") loses none.
            if current:
                slides.append((current_title, current))
            current_title, current, weight, titled = item.text, [], 0, True
            continue
        if current and weight + len(item.text) > 520:
            slides.append((current_title, current))
            current, weight = [], 0
        current.append(item)
        weight += len(item.text)
    if current:
        slides.append((current_title, current))

    c = rl_canvas.Canvas(str(path), pagesize=(sw, sh))
    c.setTitle(article.title)
    c.setFillColor(hexcol(article.colour))
    c.rect(0, 0, sw, sh, fill=1, stroke=0)
    t = Paragraph(esc(article.title), style("a_s_title", parent=head, fontSize=26, leading=32))
    _, th = t.wrap(sw - 120, sh)
    t.drawOn(c, 60, sh / 2 - th / 2 + 20)
    c.showPage()
    for number, (title, items) in enumerate(slides, 2):
        c.setFillColor(hexcol(article.colour))
        c.rect(0, sh - 64, sw, 64, fill=1, stroke=0)
        p = Paragraph(esc(title[:120]), head)
        _, ph = p.wrap(sw - 80, 64)
        p.drawOn(c, 40, sh - 32 - ph / 2)
        y = sh - 84
        for item in items:
            if item.kind == "t":
                table = ruled_table(item.rows, box, width=sw - 80)
                _, th = table.wrap(sw - 80, sh)
                table.drawOn(c, 40, y - th)
                y -= th + 14
                continue
            text = ("• " if item.kind == "li" else "") + item.text
            para = Paragraph(f"<b>{esc(text)}</b>" if item.kind == "h" else esc(text), box)
            _, hh = para.wrap(sw - 110, sh)
            c.setFillColor(hexcol("#eef3f7"))
            c.setStrokeColor(hexcol("#c5d3df"))
            c.roundRect(40, y - hh - 14, sw - 80, hh + 14, 6, fill=1, stroke=1)
            para.drawOn(c, 55, y - hh - 7)
            y -= hh + 24
        c.setFont("Sans", 8)
        c.setFillColor(hexcol("#777777"))
        c.drawRightString(sw - 20, 12, str(number))
        c.showPage()
    c.save()
    return path


# --- HTML, Word and PowerPoint -----------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #1f1f1f; }}
header .site {{ background: {colour}; color: #fff; font-size: 1.5em; font-weight: bold; padding: 16px 24px; }}
nav ul {{ list-style: none; margin: 0; padding: 8px 24px; background: #efefef; }}
nav li {{ display: inline-block; margin-right: 24px; font-weight: bold; }}
main {{ max-width: 780px; margin: 0 auto; padding: 8px 24px; line-height: 1.5; }}
p.date {{ color: #6b6b6b; font-size: 0.85em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #444; padding: 4px 8px; text-align: left; }}
footer {{ background: #263238; color: #fff; padding: 16px 24px; margin-top: 28px; font-size: 0.8em; }}
</style>
</head>
<body>
<header><div class="site">{site}</div>
<nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{title}</h1>
{date}
{body}
</article></main>
<footer><p>Mentions légales · Plan du site · Accessibilité</p></footer>
</body>
</html>
"""


def html_page(article: Article, site: str) -> str:
    def e(s: str) -> str:
        return html.escape(s, quote=False)

    parts, pending = [], []
    for item in article.items + [Item("end", "")]:
        if item.kind == "li":
            pending.append(f"<li>{e(item.text)}</li>")
            continue
        if pending:
            parts.append("<ul>" + "".join(pending) + "</ul>")
            pending = []
        if item.kind == "h":
            parts.append(f"<h2>{e(item.text)}</h2>")
        elif item.kind == "p":
            parts.append(f"<p>{e(item.text)}</p>")
        elif item.kind == "t":
            rows = item.rows
            head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
            body_rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body_rows}</tbody></table>")
    date = f'<p class="date">{e(article.date_text())}</p>' if article.date else ""
    nav = "".join(f"<li>{e(x)}</li>" for x in NAV)
    return HTML_PAGE.format(title=e(article.title), site=e(site), colour=article.colour, nav=nav, date=date,
                            body="\n".join(parts))


def docx(article: Article, path: Path) -> Path:
    """A Word document as a collectivity's staff writes one: title, headings, bullets."""
    import docx as python_docx

    document = python_docx.Document()
    if article.title:
        document.add_heading(article.title, level=1)
    if article.date:
        year, month, day = article.date
        document.add_paragraph(f"date {year}-{month:02d}" + (f"-{day:02d}" if day else ""))
    for item in article.items:
        if item.kind == "h":
            document.add_heading(item.text, level=2)
        elif item.kind == "li":
            document.add_paragraph(item.text, style="List Bullet")
        elif item.kind == "t":
            rows = item.rows
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(item.text)
    document.core_properties.title = article.title
    document.save(str(path))
    return path


def pptx(article: Article, path: Path) -> Path:
    """A PowerPoint deck: a title slide, then a title-and-content slide per heading (or per few blocks)."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = article.title or " "
    groups: list[tuple[str, list[Item]]] = []
    for item in article.items:
        if item.kind == "h" and (not groups or (groups[-1][1] and groups[-1][1][-1].kind != "h")):
            groups.append((item.text, []))  # a heading opens a slide; headings after it are its lines
            continue
        if not groups or sum(len(i.text) for i in groups[-1][1]) > 450:
            groups.append((groups[-1][0] if groups else article.title, []))
        groups[-1][1].append(item)
    for title, items in groups:
        tables = [item for item in items if item.kind == "t"]
        items = [item for item in items if item.kind != "t"]
        for item in tables:  # a table on a slide of its own
            slide = deck.slides.add_slide(deck.slide_layouts[5])
            slide.shapes.title.text = title[:120]
            rows = item.rows
            shape = slide.shapes.add_table(len(rows), max(len(r) for r in rows), Inches(0.4), Inches(1.5),
                                           Inches(9.2), Inches(0.4 * len(rows)))
            for r, row in enumerate(rows):
                for col, cell in enumerate(row):
                    shape.table.cell(r, col).text = cell
                    shape.table.cell(r, col).text_frame.paragraphs[0].font.size = Pt(11)
        if not items:
            continue
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title[:120]
        frame = slide.placeholders[1].text_frame
        for n, item in enumerate(items):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            paragraph.text = item.text
            paragraph.font.size = Pt(14 if len(item.text) < 300 else 11)
    deck.save(str(path))
    return path
