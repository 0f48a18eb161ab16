"""Valenciennes Métropole CTG 2025-2029: a Word document exported to PDF.

A4 portrait: cover page, table of contents with dot leaders and real page
numbers (two-pass build), running header and "Page X / Y" footer on every page
but the cover, ARTICLE headings, ruled tables (reportlab Table + GRID), the
diagnostic annex laid out with big key figures, and the action-plan and
governance tables of the annexes. The seed's conversion debris (``<u>``,
``<ul ...>``, ``<p>``, ``**bold**``, ``1^{er}``) is printed literally.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame,
                                KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from .common import deferred_canvas, esc, hexcol, join_lines, placeholder, read_seed, style

NAME = "valenciennes-metropole-convention-2025-2029"

W, H = A4
MX = 57           # 2 cm
MT, MB = 72, 62
TEXT_W = W - 2 * MX
HEADER_TEXT = "Convention Territoriale Globale (CTG) 2025 – 2029"

BLUE = "#1f3864"
ACCENT = "#2e75b6"
LIGHT = "#deeaf6"
GREY = "#595959"

BODY = style("vm_body", fontName="SansCond", bulletFontName="SansCond", fontSize=10.5,
             leading=15, alignment=TA_JUSTIFY, spaceAfter=7)
LI1 = style("vm_li1", parent=BODY, leftIndent=24, bulletIndent=6, spaceAfter=3)
LI2 = style("vm_li2", parent=BODY, leftIndent=46, bulletIndent=29, spaceAfter=3)
H1 = style("vm_h1", fontName="SansCond-Bold", fontSize=12.5, leading=16, textColor=hexcol(BLUE),
           spaceBefore=14, spaceAfter=8, keepWithNext=1)
H_ANNEX = style("vm_annex", fontName="SansCond-Bold", fontSize=15, leading=19,
                textColor=hexcol(BLUE), spaceAfter=14, keepWithNext=1)
H3 = style("vm_h3", fontName="SansCond-Bold", fontSize=10.5, leading=14, spaceBefore=8,
           spaceAfter=5, keepWithNext=1)
LABEL = style("vm_label", fontName="SansCond-BoldOblique", fontSize=10.5, leading=14,
              spaceAfter=4, keepWithNext=1)
CELL = style("vm_cell", fontName="SansCond", fontSize=9.5, leading=12)
CELL_B = style("vm_cell_b", parent=CELL, fontName="SansCond-Bold")
TOC_ST = style("vm_toc", fontName="SansCond", fontSize=10.5, leading=15)


# ---------------------------------------------------------------- seed parsing

def groups_of(lines: list[str]) -> list[list[str]]:
    """Blank-line separated groups of raw lines (no-break spaces count as blank)."""
    out, cur = [], []
    for ln in lines:
        if ln.strip():
            cur.append(ln.rstrip("\n"))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


ITEM_RE = re.compile(r"^( ?)- (.*)$")
H1_RE = re.compile(r"^(ARTICLE \d+ [-–] |Préambule$)")
ANNEX_RE = re.compile(r"^Annexe \d – ")
THEME_RE = re.compile(r"^[A-ZÉÈ' &]+ :$")
SYMBOLS = "▶►●○✕×▪➔"


def body_blocks(lines: list[str]) -> list[tuple]:
    """Classify the seed lines of the convention's body into typed blocks."""
    out: list[list] = []
    for g in groups_of(lines):
        if any("\t" in ln for ln in g):
            out.append(["table", [ln.split("\t") for ln in g]])
            continue
        if not any(ITEM_RE.match(ln) for ln in g):
            text = join_lines(g)
            prev = out[-1] if out else None
            if (prev and prev[0] == "p" and prev[1][-1] not in ".:;!?»)"
                    and text[0].islower()):
                prev[1] += " " + text          # paragraph cut by a page break
            elif ANNEX_RE.match(text):
                out.append(["annex", text])
            elif H1_RE.match(text):
                out.append(["h1", text])
            elif text == "FOCUS TERRITOIRE":
                out.append(["focus", text])
            elif text.startswith("▪ ") or text == "Recours contentieux" or THEME_RE.match(text):
                out.append(["h3", text])
            elif text == "Enjeux :":
                out.append(["label", text])
            else:
                out.append(["p", text])
            continue
        for ln in g:
            m = ITEM_RE.match(ln)
            if m:
                out.append(["li", 2 if m.group(1) else 1, m.group(2).strip()])
            else:                               # line break inside a list item
                out[-1][2] += "\n" + ln.strip()
    return [tuple(b) for b in out]


def split_parts(text: str) -> dict[str, list[str]]:
    """Cut the seed at its main landmarks (cover, toc, body, annexes)."""
    lines = text.splitlines()

    def find(pred, start=0):
        for i in range(start, len(lines)):
            if pred(lines[i]):
                return i
        raise ValueError("landmark not found")

    toc = find(lambda ln: ln.strip() == "Table des matières")
    body = find(lambda ln: ln.strip() == "Entre", toc)
    a1 = find(lambda ln: ln.startswith("Annexe 1 – ") and "\t" not in ln and "....." not in ln, body)
    a2 = find(lambda ln: ln.startswith("Annexe 2 – "), a1)
    a3 = find(lambda ln: ln.startswith("Annexe 3 – "), a2)
    stamp = find(lambda ln: ln.startswith("Envoyé en préfecture"), a3)
    return {"cover": lines[:toc], "toc": lines[toc:body], "body": lines[body:a1],
            "annex1": lines[a1:a2], "annex2": lines[a2:a3], "annex345": lines[a3:stamp],
            "stamp": lines[stamp:]}


def norm_key(s: str) -> str:
    s = s.replace("’", "'").replace("–", "-")
    s = re.sub(r"\.{2,}", "", s)
    return re.sub(r"\s+", " ", s).strip().upper()


# ---------------------------------------------------------------- flowables

class Heading(Paragraph):
    """A paragraph registered in the table of contents (by its key)."""

    def __init__(self, text, st, key):
        super().__init__(esc(text), st)
        self.toc_key = key


class TocLine(Flowable):
    """One TOC entry: text, a leader of '.' characters glued to it, page number."""

    def __init__(self, text, page):
        super().__init__()
        self.text, self.page = text, page
        self.st = TOC_ST

    def _lines(self, width):
        limit = width - 40
        words, lines, cur = self.text.split(" "), [], ""
        for w in words:
            cand = f"{cur} {w}".strip()
            if cur and stringWidth(cand, self.st.fontName, self.st.fontSize) > limit:
                lines.append(cur)
                cur = w
            else:
                cur = cand
        return lines + [cur]

    def wrap(self, aw, ah):
        self.width = aw
        self.height = len(self._lines(aw)) * self.st.leading
        return aw, self.height

    def draw(self):
        c, st = self.canv, self.st
        lines = self._lines(self.width)
        c.setFont(st.fontName, st.fontSize)
        y = self.height - st.fontSize
        for i, ln in enumerate(lines):
            x0 = 0 if i == 0 else 18
            c.drawString(x0, y, ln)
            if i == len(lines) - 1:
                x = x0 + stringWidth(ln, st.fontName, st.fontSize)
                num = str(self.page)
                pw = stringWidth(num, st.fontName, st.fontSize)
                dot = stringWidth(".", st.fontName, st.fontSize)
                n = int((self.width - x - pw - 3) / dot)
                c.drawString(x, y, "." * n)
                c.drawRightString(self.width, y, num)
            y -= st.leading


class Stamp(Flowable):
    """The prefecture's transmission stamp, a small framed block on the right."""

    def __init__(self, lines):
        super().__init__()
        self.lines = lines
        self.w = 230

    def wrap(self, aw, ah):
        self.aw = aw
        return aw, 12 * len(self.lines) + 14

    def draw(self):
        c = self.canv
        x = self.aw - self.w
        h = 12 * len(self.lines) + 10
        c.setLineWidth(0.8)
        c.setStrokeColor(hexcol("#444444"))
        c.roundRect(x, 0, self.w, h, 4, stroke=1, fill=0)
        c.setFont("SansCond", 8.5)
        y = h - 14
        for ln in self.lines:
            c.drawString(x + 8, y, ln)
            y -= 12


class MapBox(Flowable):
    """Map placeholder with a legend (entries drawn with a coloured marker when
    the seed shows a plain list marker)."""

    PALETTE = ["#2e75b6", "#70ad47", "#ffc000", "#c00000", "#7030a0", "#ed7d31"]

    def __init__(self, legend, width=TEXT_W, height=250):
        super().__init__()
        self.legend, self.width, self.height = legend, width, height
        self.legend_w = 170 if legend else 0

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        map_w = self.width - self.legend_w
        placeholder(c, 0, 0, map_w, self.height)
        x = map_w + 16
        y = self.height - 16
        c.setFont("SansCond", 9.5)
        for k, (marker, label) in enumerate(self.legend):
            if marker:
                c.setFillColor(hexcol(self.PALETTE[k % len(self.PALETTE)]))
                c.rect(x, y - 1, 8, 8, fill=1, stroke=0)
            c.setFillColor(hexcol("#000000"))
            c.drawString(x + (14 if marker else 0), y, label)
            y -= 16


# ---------------------------------------------------------------- rendering helpers

def cell(text, st=CELL):
    return Paragraph(esc(text.strip()), st) if text.strip() else ""


def grid_table(data, widths, header=True, extra=()):
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    cmds = [("GRID", (0, 0), (-1, -1), 0.6, hexcol("#000000")),
            ("BOX", (0, 0), (-1, -1), 1, hexcol("#000000")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), hexcol(LIGHT)))
    t.setStyle(TableStyle(cmds + list(extra)))
    return t


def render_table(rows):
    """Pick the layout of a ruled table from its first row."""
    first = rows[0][0].strip()
    if first == "TYPES DE PRESTATIONS":
        num = style("vm_num", parent=CELL, alignment=TA_RIGHT)
        data = [[cell(rows[0][0], CELL_B), cell(rows[0][1], CELL_B)]]
        data += [[cell(a), cell(b, num)] for a, b in rows[1:]]
        return grid_table(data, [TEXT_W * 0.6, TEXT_W * 0.4])
    if first == "Thématiques":
        data = [[cell(x, CELL_B) for x in rows[0]]]
        data += [[cell(r[0], CELL_B)] + [cell(x) for x in r[1:]] for r in rows[1:]]
        return grid_table(data, [TEXT_W * 0.27, TEXT_W * 0.38, TEXT_W * 0.35])
    if first == "La CAF du Nord":
        # header "La CAF du Nord | | La Collectivité", then roles, then names
        data = [[cell(rows[0][0], CELL_B), "", cell(rows[0][2], CELL_B)]]
        data += [[cell(x) for x in rows[1]]]
        data += [[cell(x, CELL_B) for x in rows[2]]]
        return grid_table(data, [TEXT_W / 3] * 3, extra=[
            ("SPAN", (0, 0), (1, 0)), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 2), (-1, 2), 52), ("BOTTOMPADDING", (0, 2), (-1, 2), 8)])
    if first == "" and rows[0][1].strip() == "Pilotes":
        small = style("vm_cell_s", fontName="SansCond", fontSize=8, leading=10)
        small_b = style("vm_cell_sb", parent=small, fontName="SansCond-Bold")
        data = [[cell(x, small_b) for x in rows[0]]]
        data += [[cell(r[0], small_b)] + [cell(x, small) for x in r[1:]] for r in rows[1:]]
        return grid_table(data, [64, 84, 84, 80, 110, TEXT_W - 422])
    if first.startswith("Liste alphabétique"):
        return grid_table([[cell(x, CELL_B) for x in rows[0]]],
                          [TEXT_W * 0.4, TEXT_W * 0.25, TEXT_W * 0.35])
    raise ValueError(f"unknown table: {rows[0]}")


def bullet_para(level, text):
    st = LI1 if level == 1 else LI2
    mark = "•" if level == 1 else "◦"
    if text[:1] in SYMBOLS and text[1:2] == " ":
        mark, text = text[0], text[2:]
    markup = "<br/>".join(esc(part) for part in text.split("\n"))
    return Paragraph(markup, st, bulletText=mark)


def render_blocks(blocks, toc):
    """Flowables for typed body blocks; ``toc`` maps heading keys to TOC keys."""
    out = []
    prev = None
    for b in blocks:
        kind = b[0]
        if prev == "li" and kind != "li":
            out.append(Spacer(1, 5))          # space after a list
        prev = kind
        if kind == "annex":
            out += [PageBreak(), Heading(b[1], H_ANNEX, toc_key(b[1], toc))]
        elif kind == "h1":
            if b[1] == "Préambule":
                out.append(PageBreak())
            out.append(Heading(b[1], H1, toc_key(b[1], toc)))
        elif kind == "focus":
            band = style("vm_focus", fontName="SansCond-Bold", fontSize=11, leading=14,
                         textColor=hexcol("#ffffff"), backColor=hexcol(ACCENT),
                         borderPadding=(4, 6, 4, 6), spaceBefore=10, spaceAfter=10,
                         keepWithNext=1)
            out.append(Paragraph(esc(b[1]), band))
        elif kind == "h3":
            out.append(Paragraph(esc(b[1]), H3))
        elif kind == "label":
            out.append(Paragraph(esc(b[1]), LABEL))
        elif kind == "p":
            out.append(Paragraph(esc(b[1]), BODY))
        elif kind == "li":
            out.append(bullet_para(b[1], b[2]))
        elif kind == "table":
            out += [Spacer(1, 4), render_table(b[1]), Spacer(1, 10)]
    return out


def toc_key(text, toc):
    k = norm_key(text)
    return k if k in toc else None


# ---------------------------------------------------------------- parts

def cover(lines):
    title, years = [join_lines(g) for g in groups_of(lines)]
    big = style("vm_cover", fontName="SansCond-Bold", fontSize=28, leading=36,
                alignment=TA_CENTER, textColor=hexcol(BLUE))
    yrs = style("vm_cover_y", parent=big, fontSize=24, leading=30)

    class Logos(Flowable):
        def wrap(self, aw, ah):
            return aw, 90

        def draw(self):
            placeholder(self.canv, 0, 0, 150, 90)
            placeholder(self.canv, TEXT_W - 150, 0, 150, 90)

    return [Logos(), Spacer(1, 190), Paragraph(esc(title), big), Spacer(1, 22),
            Paragraph(esc(years), yrs), NextPageTemplate("page"), PageBreak()]


def toc_entries(lines):
    """(key, text) of the seed's TOC lines, text without leaders/page numbers."""
    title = lines[0].strip()
    entries = []
    for ln in lines[1:]:
        if not ln.strip():
            continue
        text = re.sub(r"\t\s*\d+\s*$", "", ln).strip()
        entries.append((norm_key(text), text))
    return title, entries


def toc_flowables(title, entries, pages):
    st = style("vm_toc_title", fontName="SansCond-Bold", fontSize=16, leading=20,
               textColor=hexcol(BLUE), spaceAfter=18)
    out = [Paragraph(esc(title), st)]
    for key, text in entries:
        out.append(TocLine(re.sub(r"\.{2,}$", "", text), pages.get(key, 0)))
    return out + [PageBreak()]


def key_figures(groups):
    """Key-figure cards: a big number, its "Nord: x%" comparison, its caption."""
    segs, figs = [], None
    num_re = re.compile(r"^(\d[\d ]*(?:[.,]\d+)?\s?%?)(?:\s+(.*))?$", re.S)
    for g in groups:
        text = join_lines(g)
        m = num_re.match(text)
        if text.startswith("Nord:") and figs:
            figs[-1]["cmp"] = text
        elif m:
            num, rest = m.group(1).strip(), (m.group(2) or "")
            cap, _, cmp_ = rest.partition(" Nord: ")
            fig = {"num": num, "cap": cap.strip(), "cmp": f"Nord: {cmp_}" if cmp_ else ""}
            if figs is None:
                figs = []
                segs.append(("figs", figs))
            figs.append(fig)
        elif figs and not figs[-1]["cap"]:
            figs[-1]["cap"] = text
        else:
            figs = None
            segs.append(("sub", text))
    out = []
    big = style("vm_fig", fontName="SansCond-Bold", fontSize=20, leading=24,
                textColor=hexcol(ACCENT))
    cmp_st = style("vm_fig_cmp", fontName="SansCond-Oblique", fontSize=9, leading=11,
                   textColor=hexcol(GREY), spaceBefore=1)
    cap_st = style("vm_fig_cap", fontName="SansCond", fontSize=9.5, leading=12, spaceBefore=3)
    sub_st = style("vm_fig_sub", fontName="SansCond-Oblique", fontSize=10, leading=13,
                   spaceBefore=4, spaceAfter=6)
    for kind, val in segs:
        if kind == "sub":
            out.append(Paragraph(esc(val), sub_st))
            continue
        cells = []
        for f in val:
            c = [Paragraph(esc(f["num"]), big)]
            if f["cmp"]:
                c.append(Paragraph(esc(f["cmp"]), cmp_st))
            c.append(Paragraph(esc(f["cap"]), cap_st))
            cells.append(c)
        rows = [cells[i:i + 3] for i in range(0, len(cells), 3)]
        rows[-1] += [""] * (3 - len(rows[-1]))
        t = Table(rows, colWidths=[(TEXT_W - 20) / 3] * 3)
        t.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), hexcol("#f2f2f2")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ]))
        out += [t, Spacer(1, 8)]
    return out


def synthesis(groups):
    """Synthesis page: banner headings, box titles, bullets, the communes' enjeux box."""
    banner = style("vm_banner", fontName="SansCond-Bold", fontSize=11.5, leading=14,
                   textColor=hexcol("#ffffff"), backColor=hexcol(BLUE),
                   borderPadding=(3, 6, 3, 6), spaceBefore=12, spaceAfter=8, keepWithNext=1)
    boxt = style("vm_boxt", fontName="SansCond-Bold", fontSize=10.5, leading=13.5,
                 textColor=hexcol(ACCENT), spaceBefore=4, spaceAfter=3, keepWithNext=1)
    li1 = style("vm_sli1", parent=LI1, fontSize=10, leading=13, alignment=0)
    li2 = style("vm_sli2", parent=LI2, fontSize=10, leading=13, alignment=0)
    out = []
    k = 0
    while k < len(groups):
        g = groups[k]
        is_list = ITEM_RE.match(g[0]) is not None
        if is_list:
            items = []
            for ln in g:
                m = ITEM_RE.match(ln)
                lvl = 2 if m.group(1) else 1
                items.append(Paragraph(esc(m.group(2).strip()), li1 if lvl == 1 else li2,
                                       bulletText="•" if lvl == 1 else "◦"))
            out += items
            k += 1
            continue
        text = join_lines(g)
        nxt_is_list = k + 1 < len(groups) and ITEM_RE.match(groups[k + 1][0])
        if text.startswith("Enjeux repérés") and nxt_is_list:
            inner = [Paragraph(esc(text), style("vm_enj", parent=boxt, textColor=hexcol(BLUE)))]
            for ln in groups[k + 1]:
                m = ITEM_RE.match(ln)
                inner.append(Paragraph(esc(m.group(2).strip()), li1, bulletText="•"))
            t = Table([[inner]], colWidths=[TEXT_W])
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), hexcol(LIGHT)),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 10),
                                   ("TOPPADDING", (0, 0), (-1, -1), 8),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
            out += [Spacer(1, 10), t]
            k += 2
            continue
        out.append(Paragraph(esc(text), boxt if nxt_is_list else banner))
        k += 1
    return out


def annex1(lines, toc):
    groups = groups_of(lines)
    head = join_lines(groups[0])
    names = [join_lines(g)[:-len(": synthèse")] for g in groups
             if join_lines(g).endswith(": synthèse")]
    out = [Heading(head, H_ANNEX, toc_key(head, toc))]
    # annex title page
    k = 1
    intro = []
    while join_lines(groups[k]) not in names:
        intro.append(join_lines(groups[k]))
        k += 1
    sizes = [(14, "SansCond"), (26, "SansCond-Bold"), (13, "SansCond-Oblique")]
    out.append(Spacer(1, 170))
    for i, t in enumerate(intro):
        size, font = sizes[min(i, 2)]
        out.append(Paragraph(esc(t), style(f"vm_a1_{i}", fontName=font, fontSize=size,
                                           leading=size * 1.3, alignment=TA_CENTER,
                                           textColor=hexcol(BLUE), spaceAfter=14)))
    sec_title = style("vm_sec", fontName="SansCond-Bold", fontSize=20, leading=24,
                      textColor=hexcol(BLUE), spaceAfter=12)
    kc = style("vm_kc", fontName="SansCond-Bold", fontSize=13, leading=16,
               textColor=hexcol(ACCENT), spaceBefore=14, spaceAfter=6)
    while k < len(groups):
        name = join_lines(groups[k])
        assert name in names, name
        k += 1
        legend, figs, synth = [], [], []
        while join_lines(groups[k]) != "CHIFFRES CLES":
            legend.append(groups[k])
            k += 1
        k += 1
        while not join_lines(groups[k]).endswith(": synthèse"):
            figs.append(groups[k])
            k += 1
        synth_title = join_lines(groups[k])
        k += 1
        while k < len(groups) and join_lines(groups[k]) not in names:
            synth.append(groups[k])
            k += 1
        out += [PageBreak(), Paragraph(esc(name), sec_title)]
        entries = [ln for g in legend for ln in g]
        if all(not ITEM_RE.match(ln) and ln[:1] not in SYMBOLS for ln in entries):
            # map titles: one map per title
            row = []
            for t in entries:
                row.append([Paragraph(esc(t.strip()), H3), MapBox([], TEXT_W / len(entries) - 10, 210)])
            tbl = Table([row], colWidths=[TEXT_W / len(row)] * len(row))
            tbl.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(tbl)
        else:
            leg = []
            for ln in entries:
                m = ITEM_RE.match(ln)
                leg.append((True, m.group(2).strip()) if m else (False, ln.strip()))
            out.append(MapBox(leg))
        out.append(Paragraph("CHIFFRES CLES", kc))
        out += key_figures(figs)
        out += [PageBreak(), Paragraph(esc(synth_title), sec_title)]
        out += synthesis(synth)
    return out


def annex2(lines, toc):
    groups = groups_of(lines)
    head = join_lines(groups[0])
    out = [PageBreak(), Heading(head, H_ANNEX, toc_key(head, toc))]
    title_st = style("vm_plan_t", fontName="SansCond-Bold", fontSize=11.5, leading=15,
                     alignment=TA_CENTER, textColor=hexcol("#ffffff"))
    plans, plan = [], None
    for g in groups[1:]:
        first = g[0]
        if first.startswith("PLAN D'ACTION"):
            plan = {"title": [], "enjeux": [], "rows": []}
            plans.append(plan)
            if "\t" in first:                       # the whole plan is one table
                plan["title"].append(first.split("\t")[0].strip())
                for ln in g[1:]:
                    cells = ln.split("\t")
                    if cells[0].startswith("Objectif"):
                        plan["rows"].append(cells)
                    else:
                        plan["enjeux"].append(("raw", cells[0].strip()))
            else:
                plan["title"].append(first.strip())
        elif "\t" in first:
            plan["rows"] += [ln.split("\t") for ln in g]
        elif ITEM_RE.match(first):
            plan["enjeux"] += [("li", ITEM_RE.match(ln).group(2).strip()) for ln in g]
        elif first.strip() == "Enjeux :":
            plan["enjeux"].append(("label", first.strip()))
        else:
            plan["title"].append(join_lines(g))
    for i, plan in enumerate(plans):
        enj = []
        for kind, text in plan["enjeux"]:
            if kind == "li":
                enj.append(Paragraph(esc(text), style("vm_pli", parent=CELL, leftIndent=12,
                                                      bulletIndent=2), bulletText="•"))
            elif kind == "label":
                enj.append(Paragraph(esc(text), CELL_B))
            else:
                enj.append(Paragraph(esc(text), CELL))
        data = [[Paragraph("<br/>".join(esc(t) for t in plan["title"]), title_st), ""],
                [enj, ""]]
        data += [[cell(r[0], CELL_B), cell(r[1])] for r in plan["rows"]]
        t = grid_table(data, [95, TEXT_W - 95], header=False, extra=[
            ("SPAN", (0, 0), (1, 0)), ("SPAN", (0, 1), (1, 1)),
            ("BACKGROUND", (0, 0), (-1, 0), hexcol(BLUE)),
            ("BACKGROUND", (0, 1), (-1, 1), hexcol(LIGHT)),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("VALIGN", (0, 2), (0, -1), "MIDDLE")])
        if i:
            out.append(PageBreak())
        out += [Spacer(1, 6), t]
    return out


# ---------------------------------------------------------------- document

class WordDoc(BaseDocTemplate):
    def __init__(self, path, **kw):
        super().__init__(str(path), pagesize=A4, leftMargin=MX, rightMargin=MX,
                         topMargin=MT, bottomMargin=MB, **kw)
        frame = Frame(MX, MB, TEXT_W, H - MT - MB, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="cover", frames=[frame]),
                               PageTemplate(id="page", frames=[frame])])
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, f):
        key = getattr(f, "toc_key", None)
        if key:
            self.heading_pages.setdefault(key, self.page)


def chrome(c, i, n):
    if i == 1:
        return
    c.saveState()
    c.setFont("SansCond", 8.5)
    c.setFillColor(hexcol(GREY))
    c.drawString(MX, H - 42, HEADER_TEXT)
    c.setStrokeColor(hexcol(GREY))
    c.setLineWidth(0.5)
    c.line(MX, H - 47, W - MX, H - 47)
    c.line(MX, 44, W - MX, 44)
    c.drawRightString(W - MX, 30, f"Page {i} / {n}")
    c.restoreState()


def build(seeds: Path, out: Path) -> Path:
    parts = split_parts(read_seed(seeds, NAME))
    toc_title, entries = toc_entries(parts["toc"])
    toc = {k for k, _ in entries}
    stamp_lines = [ln.strip() for ln in parts["stamp"] if ln.strip()]

    def story(pages):
        s = cover(parts["cover"]) + toc_flowables(toc_title, entries, pages)
        body = render_blocks(body_blocks(parts["body"]), toc)
        # keep the signature block (from "Fait à" to the end) on one page
        idx = next(i for i, f in enumerate(body)
                   if isinstance(f, Paragraph) and f.getPlainText() == "Fait à")
        s += body[:idx] + [KeepTogether(body[idx:])]
        s += [PageBreak()] + annex1(parts["annex1"], toc)
        s += annex2(parts["annex2"], toc)
        s += render_blocks(body_blocks(parts["annex345"]), toc)
        s += [Spacer(1, 30), Stamp(stamp_lines)]
        return s

    path = out / f"{NAME}.pdf"
    pages: dict[str, int] = {}
    for _ in range(4):       # page numbers of the TOC: build until stable
        doc = WordDoc(path, title="Convention Territoriale Globale (CTG) 2025 – 2029")
        doc.build(story(pages), canvasmaker=deferred_canvas(chrome))
        if doc.heading_pages == pages:
            break
        pages = dict(doc.heading_pages)
    missing = [k for k, _ in entries if k not in pages]
    if missing:
        raise ValueError(f"TOC entries without heading: {missing}")
    return path
