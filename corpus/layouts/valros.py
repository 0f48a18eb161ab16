"""Valros press kit (dossier de presse), A4 portrait, 8 pages.

One seed page = one PDF page. Text pages use a BaseDocTemplate whose page
templates stack a full-width frame (titles, intro) above two column frames;
the comparison, key-figure and diagram pages are drawn on the canvas at
explicit positions, like the infographics of the original.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyphen

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak,
                                NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from .common import (Blocks, Cutter, blocks, draw_para, esc, flat, hexcol,
                     para_height, Placeholder, placeholder, read_seed, split_pages, style)

NAME = "valros-dossier-de-presse-2023"

W, H = A4
ML, MR, MT, MB = 48, 48, 46, 58
GAP = 18
FULL_W = W - ML - MR
COL_W = (FULL_W - GAP) / 2

TEAL = "#0b6e8a"
ORANGE = "#e07a1f"
LIGHT_TEAL = "#e3f1f6"
LIGHT_ORANGE = "#fcefe2"
INK = "#222222"
FOOTER_TEXT = "Convention Territoriale Globale de Valros"

_PYPHEN = pyphen.Pyphen(lang="fr_FR")


def french_hyphenation(word: str):
    """reportlab hyphenation callback: French patterns (pyphen), but proper nouns
    and acronyms (capitalised words: Mathieu, Béziers, Caf) are never split."""
    if not word[:1].islower():
        return []
    return _PYPHEN.iterate(word)


# Two-column body text is justified and hyphenated (French patterns via pyphen).
BODY_COL = style("v_body_col", fontSize=9.5, leading=12.6, alignment=TA_JUSTIFY,
                 textColor=hexcol(INK), spaceAfter=6, hyphenationLang=french_hyphenation,
                 embeddedHyphenation=1, uriWasteReduce=0.3)
BODY_FULL = style("v_body_full", fontSize=9.8, leading=13.2, alignment=TA_JUSTIFY,
                  textColor=hexcol(INK), spaceAfter=7)
BULLET = style("v_bullet", parent=BODY_COL, leftIndent=13, bulletIndent=0,
               bulletFontName="Sans-Bold", bulletColor=hexcol(ORANGE), spaceAfter=4)
ITEM = style("v_item", parent=BULLET, bulletFontName="Sans")
H_PAGE = style("v_h_page", fontName="Sans-Bold", fontSize=15, leading=18.5,
               textColor=hexcol(TEAL), spaceAfter=10)
H_SUB = style("v_h_sub", fontName="Sans-Bold", fontSize=11, leading=14,
              textColor=hexcol(ORANGE), spaceBefore=6, spaceAfter=5)
H_LEAD = style("v_h_lead", fontName="Sans-Bold", fontSize=13, leading=16.5,
               textColor=hexcol(TEAL), spaceAfter=10)
LABEL = style("v_label", fontName="Sans-Bold", fontSize=9.5, leading=12.5,
              textColor=hexcol(TEAL), spaceBefore=3, spaceAfter=3)
CAPTION = style("v_caption", fontName="Sans-Oblique", fontSize=7.5, leading=9.5,
                textColor=hexcol("#555555"), spaceBefore=3)
FOOTNOTE = style("v_footnote", fontSize=7, leading=8.6, textColor=hexcol("#333333"))


def coloured_box(flowables, fill, width=COL_W, pad=8):
    t = Table([[flowables]], colWidths=[width])
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), hexcol(fill)),
        ("LINEBEFORE", (0, 0), (0, -1), 3, hexcol(ORANGE)),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 2), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad - 2),
    ]))
    return t


def measure(flowables, width):
    total = 0.0
    for i, f in enumerate(flowables):
        if isinstance(f, (ActionFlowable, PageBreak)):
            continue
        total += f.wrap(width, 10_000)[1] + f.getSpaceAfter()
        if i:
            total += f.getSpaceBefore()
    return total


class Page:
    """One page of the press kit: an optional full-width region on top of an
    optional two-column region, plus canvas drawing (``draw``)."""

    def __init__(self, pid, top=MT, full=(), cols=(), cols_height=None,
                 bottom=MB, draw=None):
        self.pid, self.top, self.full, self.cols = pid, top, list(full), list(cols)
        self.cols_height, self.bottom, self.draw = cols_height, bottom, draw

    def template(self):
        frames = []
        y = H - self.top
        if self.full:
            h = measure(self.full, FULL_W) + 4
            frames.append(Frame(ML, y - h, FULL_W, h, id=f"{self.pid}_full", **NOPAD))
            y -= h + 6
        if self.cols:
            avail = y - self.bottom
            h = avail
            if self.cols_height == "balanced":
                h = min(avail, measure(self.cols, COL_W) / 2 + 30)
            elif self.cols_height:
                h = self.cols_height
            for k, x in enumerate((ML, ML + COL_W + GAP)):
                frames.append(Frame(x, y - h, COL_W, h, id=f"{self.pid}_c{k}", **NOPAD))
            self.cols_bottom = y - h
        if not frames:
            frames.append(Frame(ML, MB, FULL_W, H - MT - MB, id=f"{self.pid}_x", **NOPAD))

        def on_page(c, doc, draw=self.draw):
            if draw:
                draw(c)
            footer(c, doc.page)

        return PageTemplate(id=self.pid, frames=frames, onPage=on_page)

    def story(self, next_pid):
        out = list(self.full)
        if self.full and self.cols:
            out.append(FrameBreak())
        out += self.cols
        if not out:
            out.append(Spacer(1, 1))
        if next_pid:
            out += [NextPageTemplate(next_pid), PageBreak()]
        return out


NOPAD = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def footer(c, page_no):
    c.saveState()
    c.setStrokeColor(hexcol(TEAL))
    c.setLineWidth(0.8)
    c.line(ML, 40, W - MR, 40)
    c.setFont("Sans", 7.5)
    c.setFillColor(hexcol("#666666"))
    c.drawString(ML, 28, FOOTER_TEXT)
    c.setFont("Sans-Bold", 8)
    c.setFillColor(hexcol(TEAL))
    c.drawRightString(W - MR, 28, str(page_no))
    c.restoreState()


def annex_tag(c, label):
    c.saveState()
    c.setFillColor(hexcol(ORANGE))
    w = 78
    c.rect(W - MR - w, H - 30, w, 18, fill=1, stroke=0)
    c.setFillColor(hexcol("#ffffff"))
    c.setFont("Sans-Bold", 9)
    c.drawCentredString(W - MR - w / 2, H - 24.5, label)
    c.restoreState()


def bullet(text, st=BULLET):
    return Paragraph(esc(text.lstrip("• ").strip()), st, bulletText="•")


def para(text, st=BODY_COL):
    return Paragraph(esc(text), st)


# ---------------------------------------------------------------- pages

def page1(text):
    b = Blocks(blocks(text), "valros p1")
    title = b.take("SIGNATURE")
    band_h = 170

    def draw(c):
        c.saveState()
        c.setFillColor(hexcol(TEAL))
        c.rect(0, H - band_h, W, band_h, fill=1, stroke=0)
        c.setFillColor(hexcol(ORANGE))
        c.rect(0, H - band_h - 6, W, 6, fill=1, stroke=0)
        c.restoreState()
        placeholder(c, W - MR - 92, H - 64, 92, 40, fill="#e6e6e6")   # logo
        st = style("v_cover", fontName="Sans-Bold", fontSize=25, leading=31,
                   textColor=hexcol("#ffffff"))
        draw_para(c, esc(title), st, ML, H - 74, FULL_W - 60)

    full = [Paragraph(esc(b.take("La Convention Territoriale Globale de Valros")), H_LEAD)]
    for prefix in ("Outil incontournable", "En l’occurrence", "Pour cette année"):
        full.append(para(b.take(prefix), BODY_FULL))
    box = coloured_box([para(b.take("Ce vendredi"))], LIGHT_ORANGE)
    cols = [box, FrameBreak(), para(b.take("Par cette convention")),
            Spacer(1, 8), Placeholder(COL_W, 185)]
    b.done()
    return Page("p1", top=band_h + 24, full=full, cols=cols, draw=draw)


def page2(text):
    b = Blocks(blocks(text), "valros p2")
    full = [Paragraph(esc(b.take("Valros, une commune")), H_PAGE)]
    cols = [para(b.take("La ville de Valros")),
            Paragraph(esc(b.take("Un partenariat de longue date")), H_SUB),
            para(b.take("La politique familiale")),
            Spacer(1, 4), Placeholder(COL_W, 150),
            FrameBreak(),
            para(b.take("Actuellement"))]
    for heading in ("Petite enfance :", "Enfance jeunesse :"):
        cols.append(Paragraph(esc(b.take(heading)), LABEL))
        # one block holds several "1 ..." items (one per line in the seed)
        for item in re.split(r"(?<=;) (?=1 )", b.take("1 ")):
            markup = esc(item).replace("(Paje)1 ;", "(Paje)<super>1</super> ;")
            cols.append(Paragraph(markup, ITEM, bulletText="▪"))
    cols += [Spacer(1, 8), Placeholder(COL_W, 190),
             Paragraph(esc(b.take("Carte de Valros")), CAPTION)]
    note = b.take("1. Une micro-crèche")
    b.done()

    def draw(c):
        # footnote at the bottom of the page, small type, short rule above
        h = para_height(esc(note), FOOTNOTE, FULL_W)
        y = MB + 2 + h
        draw_para(c, esc(note), FOOTNOTE, ML, y, FULL_W)
        c.setLineWidth(0.5)
        c.line(ML, y + 5, ML + 70, y + 5)

    return Page("p2", full=full, cols=cols, bottom=MB + 44, draw=draw)


def page3(text):
    cu = Cutter(flat(text), "valros p3")
    title = cu.between("Comparaison des chiffres", "Béziers Méditerranée")
    valros, valros_pop = cu.cut("Valros"), cu.cut("(1 641 habitants)")
    agglo = cu.cut("Agglomération de Béziers Méditerranée")
    agglo_pop = cu.cut("(126 968 habitants)")
    row_label, row_src = cu.cut("Nombre d’enfants"), cu.cut("(chiffres Caf 2021)")
    v_lines = [cu.cut("314 enfants environ dont :"), cu.cut("40 enfants de moins de 3 ans"),
               cu.cut("158 des enfants âgés de 10 à 17 ans")]
    a_lines = [cu.cut("28 859 enfants environ dont :"), cu.cut("4 169 enfants de moins de 3 ans"),
               cu.cut("14 429 des enfants âgés de 10 à 17 ans")]
    soit = cu.cut("soit près de")
    fifth = cu.cut("1/5 DES HABITANTS DE VALROS SONT DES ENFANTS")
    cu.done()

    def draw(c):
        top = H - MT - 70
        x0, lw = ML, 140
        cw = (FULL_W - lw - 16) / 2
        xs = [x0 + lw + 8, x0 + lw + 16 + cw]
        head = style("v_cmp_head", fontName="Sans-Bold", fontSize=13, leading=16,
                     textColor=hexcol("#ffffff"), alignment=TA_CENTER)
        pop = style("v_cmp_pop", parent=head, fontName="Sans", fontSize=10, leading=13)
        for x, name, people, fill in ((xs[0], valros, valros_pop, TEAL),
                                      (xs[1], agglo, agglo_pop, ORANGE)):
            c.setFillColor(hexcol(fill))
            c.roundRect(x, top - 84, cw, 84, 6, fill=1, stroke=0)
            h = draw_para(c, esc(name), head, x + 8, top - 12, cw - 16)
            draw_para(c, esc(people), pop, x + 8, top - 16 - h, cw - 16)
        row_top = top - 98
        row_h = 120
        c.setFillColor(hexcol(LIGHT_TEAL))
        c.rect(x0, row_top - row_h, FULL_W, row_h, fill=1, stroke=0)
        lab = style("v_cmp_lab", fontName="Sans-Bold", fontSize=11, leading=14,
                    textColor=hexcol(TEAL))
        h = draw_para(c, esc(row_label), lab, x0 + 10, row_top - 30, lw - 14)
        draw_para(c, esc(row_src), style("v_cmp_src", fontName="Sans-Oblique", fontSize=8.5,
                                         leading=11), x0 + 10, row_top - 32 - h, lw - 14)
        big = style("v_cmp_big", fontName="Sans-Bold", fontSize=12.5, leading=16,
                    textColor=hexcol(INK))
        small = style("v_cmp_small", fontSize=9.5, leading=12.5, textColor=hexcol(INK))
        for x, lines in zip(xs, (v_lines, a_lines)):
            y = row_top - 14
            y -= draw_para(c, esc(lines[0]), big, x + 10, y, cw - 20) + 6
            for ln in lines[1:]:
                y -= draw_para(c, esc(ln), small, x + 22, y, cw - 32) + 4
                c.setFillColor(hexcol(ORANGE))
                c.circle(x + 14, y + 10, 2, fill=1, stroke=0)
        # "soit près de 1/5 ..." call-out
        cy = row_top - row_h - 120
        c.setFillColor(hexcol(ORANGE))
        c.circle(x0 + 85, cy, 62, fill=1, stroke=0)
        c.setFillColor(hexcol("#ffffff"))
        c.setFont("Sans", 11)
        c.drawCentredString(x0 + 85, cy + 14, soit)
        c.setFont("Sans-Bold", 26)
        c.drawCentredString(x0 + 85, cy - 16, fifth.split(" ")[0])
        draw_para(c, esc(" ".join(fifth.split(" ")[1:])),
                  style("v_fifth", fontName="Sans-Bold", fontSize=20, leading=25,
                        textColor=hexcol(TEAL)), x0 + 170, cy + 26, FULL_W - 180)
        placeholder(c, ML, MB + 6, FULL_W, cy - 70 - MB - 6)   # photo

    return Page("p3", full=[Paragraph(esc(title), H_PAGE)], draw=draw)


def page4(text):
    b = Blocks(blocks(text), "valros p4")
    full = [Paragraph(esc(b.take("Focus sur les axes")), H_PAGE),
            para(b.take("La ville de Valros"), BODY_FULL),
            para(b.take("La Caf apporte"), BODY_FULL)]
    tag = b.take("ANNEXE")
    cols = []
    for axe, intro, n in (("Axe 1", "Sur le champ", 3), ("Axe 2", "Au niveau", 4),
                          ("Axe 3", "La Ctg prévoit", 3)):
        cols.append(Paragraph(esc(b.take(axe)), H_SUB))
        cols.append(para(b.take(intro)))
        cols += [bullet(b.take("•")) for _ in range(n)]
    b.done()

    def draw(c):
        annex_tag(c, tag)
        placeholder(c, ML, MB + 8, FULL_W, page.cols_bottom - MB - 30)   # photo

    page = Page("p4", full=full, cols=cols, cols_height="balanced", draw=draw)
    return page


def page5(text):
    b = Blocks(blocks(text), "valros p5")
    full = [Paragraph(esc(b.take("Le soutien financier")), H_PAGE)]
    tag = b.take("ANNEXE")
    cols = [para(b.take("Les équipes")), FrameBreak(),
            coloured_box([Paragraph(esc(b.take("Les prestations légales")), LABEL),
                          para(b.take("En 2021, la Caf"))], LIGHT_TEAL)]
    b.done()
    cols_h = 190

    def draw(c):
        annex_tag(c, tag)
        top = H - MT - measure(full, FULL_W) - 10 - cols_h - 20
        placeholder(c, ML, MB + 8, FULL_W, top - MB - 8)       # photo

    return Page("p5", full=full, cols=cols, cols_height=cols_h, draw=draw)


def page6(text):
    cu = Cutter(flat(text), "valros p6")
    title = cu.cut("Contexte économique de Valros")
    tag = cu.cut("ANNEXE 3")
    # captions first (they contain the short labels such as "RSA")
    cap_af = cu.between("des allocataires valrossiens perçoivent", "de 12 points")
    cap_couple = cu.between("des allocataires valrossiens sont en couple", "dont")
    cap_actifs = cu.between("des parents issus", "départemental)")
    cap_rsa = cu.between("des allocataires valrossiens bénéficient", "de 2 points")
    cap_log = cu.between("des allocataires valrossiens sont bénéficiaires", "de 9 points")
    cap_pauv = cu.between("soit 7,9 points", "départemental")
    lab_pauv = cu.cut("DES FAMILLES ALLOCATAIRES VIVENT SOUS LE SEUIL DE PAUVRETÉ")
    labels = [cu.cut("ALLOCATIONS FAMILIALES"), cu.cut("RSA"), cu.cut("ALLOCATION AU LOGEMENT")]
    n_pauv = cu.cut("34,9 %")
    nums = [cu.cut("39 %"), cu.cut("12 %"), cu.cut("26 %")]
    n_couple, n_actifs = cu.cut("42 %"), cu.cut("68,9 %")
    cu.done()

    big = dict(fontName="Sans-Bold")
    cap = style("v_fig_cap", fontSize=9.5, leading=12.5, textColor=hexcol(INK))
    lab = style("v_fig_lab", fontName="Sans-Bold", fontSize=10, leading=12.5,
                textColor=hexcol(TEAL), alignment=TA_CENTER)

    def draw(c):
        annex_tag(c, tag)
        top = H - MT - 40
        # 1. poverty rate: big number beside its caption
        c.setFillColor(hexcol(LIGHT_ORANGE))
        c.roundRect(ML, top - 120, FULL_W, 110, 8, fill=1, stroke=0)
        c.setFillColor(hexcol(ORANGE))
        c.setFont("Sans-Bold", 32)
        c.drawString(ML + 22, top - 78, n_pauv)
        x = ML + 200
        h = draw_para(c, esc(lab_pauv), style("v_pauv", fontName="Sans-Bold", fontSize=13,
                                              leading=16, textColor=hexcol(TEAL)),
                      x, top - 30, FULL_W - 215)
        draw_para(c, esc(cap_pauv), cap, x, top - 38 - h, FULL_W - 215)
        # 2. three tiles: label, big number, caption
        t_top = top - 145
        tw = (FULL_W - 2 * 14) / 3
        for k, (label, num, caption) in enumerate(zip(labels, nums, (cap_af, cap_rsa, cap_log))):
            x = ML + k * (tw + 14)
            c.setFillColor(hexcol(LIGHT_TEAL))
            c.roundRect(x, t_top - 235, tw, 235, 8, fill=1, stroke=0)
            c.setFillColor(hexcol(TEAL))
            c.rect(x, t_top - 34, tw, 34, fill=1, stroke=0)
            draw_para(c, esc(label), style("v_tile_lab", parent=lab, textColor=hexcol("#ffffff")),
                      x + 6, t_top - 11 if len(label) < 22 else t_top - 5, tw - 12)
            c.setFillColor(hexcol(ORANGE))
            c.setFont("Sans-Bold", 32)
            c.drawCentredString(x + tw / 2, t_top - 82, num)
            draw_para(c, esc(caption), cap, x + 10, t_top - 98, tw - 20)
        # 3. household structure: two stacked figures, each number beside its caption
        y = t_top - 270
        for num, caption, fill in ((n_couple, cap_couple, TEAL), (n_actifs, cap_actifs, ORANGE)):
            c.setFillColor(hexcol(fill))
            c.setFont("Sans-Bold", 30)
            c.drawRightString(ML + 150, y - 30, num)
            c.setStrokeColor(hexcol(fill))
            c.setLineWidth(2)
            c.line(ML + 165, y - 2, ML + 165, y - 42)
            draw_para(c, esc(caption), style("v_cap2", parent=cap, fontSize=10.5, leading=13.5),
                      ML + 178, y - 4, FULL_W - 190)
            y -= 70
        placeholder(c, ML, MB + 6, FULL_W, y - MB - 6)   # pictogram / photo

    return Page("p6", full=[Paragraph(esc(title), H_PAGE)], draw=draw)


def page7(text):
    b = Blocks(blocks(text), "valros p7")
    head = style("v_band", fontName="Sans-Bold", fontSize=17, leading=21,
                 textColor=hexcol("#ffffff"), backColor=hexcol(TEAL), borderPadding=(7, 8, 7, 8),
                 spaceAfter=16)
    full = [Paragraph(esc(b.take("La Ctg en quelques mots")), head)]
    tag = b.take("ANNEXE")
    cols = [para(b.take(p)) for p in ("La Convention territoriale", "La démarche",
                                      "Une convention de partenariat", "La Ctg facilite",
                                      "Bien sûr")]
    cols.append(Paragraph(esc(b.take("Quels engagements")), H_SUB))
    cols.append(para(b.take("Pour développer")))
    cols += [bullet(b.take("•")) for _ in range(2)]
    b.done()

    def draw(c):
        annex_tag(c, tag)
        c.setFillColor(hexcol(LIGHT_TEAL))
        bottom = page.cols_bottom - 14
        c.roundRect(ML - 12, bottom, FULL_W + 24, H - MT + 4 - bottom, 10, fill=1, stroke=0)
        placeholder(c, ML, MB + 8, FULL_W, bottom - MB - 30)   # photo

    page = Page("p7", top=MT + 10, full=full, cols=cols, cols_height="balanced", draw=draw)
    return page


def page8(text):
    cu = Cutter(flat(text), "valros p8")
    ctg = cu.cut("CTG")
    h_serv, h_out = cu.cut("LES SERVICES AUX FAMILLES"), cu.cut("LES OUTILS")
    outils = [cu.cut("Contrat enfance et jeunesse (Cej)"),
              cu.between("Prestation de service unique (Psu)", "et les bonifications"),
              cu.cut("Fonds nationaux à l’investissement"),
              cu.cut("Fonds locaux à l’investissement"), cu.cut("...")]
    services = [cu.cut("Établissement d’accueil jeunes enfants (Eaje)"),
                cu.cut("Relais assistants maternels (Ram)"),
                cu.cut("Accueil de loisirs sans hébergement (Alsh)"),
                cu.cut("Accueil de loisirs périscolaire (Alp)"),
                cu.between("Les dispositifs de soutien", "par exemple)"),
                cu.cut("Centre social, Espace de Vie Sociale (Evs)"), cu.cut("...")]
    themes = [cu.cut(t) for t in ("Petite enfance", "Enfance et jeunesse", "Parentalité",
                                  "Animation de la vie sociale", "Accès aux droits sociaux",
                                  "Logement")]
    h_them = cu.cut("L’ENSEMBLE DES THÉMATIQUES")
    cu.done()

    head = style("v_dia_head", fontName="Sans-Bold", fontSize=11, leading=14,
                 textColor=hexcol("#ffffff"), alignment=TA_CENTER)
    item = style("v_dia_item", fontSize=9, leading=11.5, textColor=hexcol(INK),
                 alignment=TA_CENTER)

    def draw(c):
        cx, cy = W / 2, H - MT - 60
        colw = (FULL_W - 2 * 16) / 3
        xs = [ML + k * (colw + 16) for k in range(3)]
        head_top = cy - 95
        c.setStrokeColor(hexcol(TEAL))
        c.setLineWidth(1.5)
        for x in xs:
            c.line(cx, cy - 50, x + colw / 2, head_top)
        c.setFillColor(hexcol(TEAL))
        c.circle(cx, cy, 50, fill=1, stroke=0)
        c.setFillColor(hexcol("#ffffff"))
        c.setFont("Sans-Bold", 28)
        c.drawCentredString(cx, cy - 10, ctg)
        for x, title, items in zip(xs, (h_serv, h_out, h_them), (services, outils, themes)):
            c.setFillColor(hexcol(ORANGE))
            c.roundRect(x, head_top - 44, colw, 44, 6, fill=1, stroke=0)
            draw_para(c, esc(title), head, x + 6, head_top - 8, colw - 12)
            y = head_top - 56
            for it in items:
                h = para_height(esc(it), item, colw - 16) + 12
                c.setFillColor(hexcol(LIGHT_TEAL))
                c.setStrokeColor(hexcol(TEAL))
                c.setLineWidth(0.6)
                c.roundRect(x, y - h, colw, h, 5, fill=1, stroke=1)
                draw_para(c, esc(it), item, x + 8, y - 6, colw - 16)
                y -= h + 8

    return Page("p8", draw=draw)


def build(seeds: Path, out: Path) -> Path:
    pages_text = split_pages(read_seed(seeds, NAME))
    makers = [page1, page2, page3, page4, page5, page6, page7, page8]
    assert len(pages_text) == len(makers), len(pages_text)
    pages = [mk(t) for mk, t in zip(makers, pages_text)]
    path = out / f"{NAME}.pdf"
    doc = BaseDocTemplate(str(path), pagesize=A4,
                          title="Signature de la Convention Territoriale Globale de Valros")
    doc.addPageTemplates([p.template() for p in pages])
    story = []
    for k, p in enumerate(pages):
        story += p.story(pages[k + 1].pid if k + 1 < len(pages) else None)
    doc.build(story)
    return path
