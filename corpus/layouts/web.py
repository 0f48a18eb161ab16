"""Web news articles: printed to PDF from a browser, and one as an HTML page.

The PDFs imitate a browser's "print to PDF": the browser header (print date,
page title) and footer (URL, page i/n) on every page, the site's own header
band and menu at the top of the first page, then the one-column article and
the site footer.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (KeepTogether, ListFlowable, ListItem, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

from .common import (Blocks, Placeholder, blocks, deferred_canvas, esc, hexcol, placeholder,
                     read_seed, style)

W, H = A4
MX = 62            # left/right margin of the printed page
MT, MB = 44, 44    # the browser's header/footer live in these margins
TEXT_W = W - 2 * MX

# Menu entries of the site header: neutral chrome, no facts.
NAV = ["Accueil", "Vivre", "Découvrir", "Entreprendre", "Services", "Actualités"]

BODY = style("w_body", fontSize=11, leading=16.5, spaceAfter=9, textColor=hexcol("#1f1f1f"))
LEAD = style("w_lead", parent=BODY, fontName="Sans-Bold", fontSize=11.5, leading=17,
             textColor=hexcol("#333333"), spaceAfter=10)
H1 = style("w_h1", fontName="Sans-Bold", fontSize=22, leading=27, spaceBefore=14,
           spaceAfter=10)
H2 = style("w_h2", fontName="Sans-Bold", fontSize=15, leading=19, spaceBefore=10,
           spaceAfter=8)
H3 = style("w_h3", fontName="Sans-Bold", fontSize=12.5, leading=16, spaceBefore=4,
           spaceAfter=6)
META = style("w_meta", fontSize=9, leading=12, textColor=hexcol("#6b6b6b"), spaceAfter=10)
CAPTION = style("w_caption", fontName="Sans-Oblique", fontSize=8.5, leading=11,
                textColor=hexcol("#555555"), spaceBefore=4, spaceAfter=12)
QUOTE = style("w_quote", parent=BODY, fontName="Sans-Oblique", leftIndent=14,
              textColor=hexcol("#333333"))


def print_chrome(date: str, title: str, url: str):
    """Browser print header/footer, drawn once the page count is known."""

    def chrome(c, i, n):
        c.saveState()
        c.setFont("Sans", 7)
        c.setFillColor(hexcol("#555555"))
        c.drawString(22, H - 20, date)
        c.drawCentredString(W / 2, H - 20, title)
        c.drawString(22, 16, url)
        c.drawRightString(W - 22, 16, f"{i}/{n}")
        c.restoreState()

    return deferred_canvas(chrome)


def site_header(name: str, colour: str):
    band = Table([[Paragraph(esc(name), style("w_site", fontName="Sans-Bold", fontSize=19,
                                              leading=23, textColor=hexcol("#ffffff")))]],
                 colWidths=[TEXT_W])
    band.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), hexcol(colour)),
        ("LEFTPADDING", (0, 0), (-1, -1), 14), ("TOPPADDING", (0, 0), (-1, -1), 16),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
    ]))
    sep = "&nbsp;" * 7
    nav = Table([[Paragraph(sep.join(esc(x) for x in NAV),
                            style("w_nav", fontName="Sans-Bold", fontSize=9.5, leading=12,
                                  textColor=hexcol("#333333")))]], colWidths=[TEXT_W])
    nav.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), hexcol("#efefef")),
        ("LINEBELOW", (0, 0), (-1, -1), 2, hexcol(colour)),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return [band, nav]


def site_footer(text: str | None, colour: str):
    cell = Paragraph(esc(text), style("w_foot", fontSize=9.5, leading=12,
                                      textColor=hexcol("#ffffff"))) if text else ""
    t = Table([[cell]], colWidths=[TEXT_W], rowHeights=[None if text else 46])
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), hexcol(colour)),
        ("LEFTPADDING", (0, 0), (-1, -1), 14), ("TOPPADDING", (0, 0), (-1, -1), 16),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
    ]))
    return [Spacer(1, 24), t]


def render(path: Path, story, date, title, url):
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MX, rightMargin=MX,
                            topMargin=MT, bottomMargin=MB, title=title)
    doc.build(story, canvasmaker=print_chrome(date, title, url))


# ---------------------------------------------------------------- Vallée de l'Hérault

VH = "vallee-herault-communique-2023"
VH_COLOUR = "#2e7d5b"
VH_SITE = "Vallée de l’Hérault"
VH_URL = ("https://www.cc-vallee-herault.fr/actualites/"
          "signature-de-la-convention-globale-avec-la-caf-de-lherault")


def vh_article(seeds: Path) -> dict:
    """The article's parts, in reading order."""
    b = Blocks(blocks(read_seed(seeds, VH)), VH)
    art = {"title": b.next(), "lead": b.next(), "date": b.take("Publié le"), "sections": []}
    sec = {"h2": b.take("Un levier pour adapter"), "paras": []}
    art["sections"].append(sec)
    footer = None
    while b.items:
        blk = b.next()
        if blk == "La Ctg en quelques mots":
            sec = {"h2": blk, "paras": []}
            art["sections"].append(sec)
        elif blk.startswith("Informations annexes"):
            footer = blk
        else:
            sec["paras"].append(blk)
    art["footer"] = footer
    b.done()
    return art


def build_vallee_herault_pdf(seeds: Path, out: Path) -> Path:
    art = vh_article(seeds)
    story = site_header(VH_SITE, VH_COLOUR)
    story += [Paragraph(esc(art["title"]), H1), Paragraph(esc(art["lead"]), LEAD),
              Paragraph(esc(art["date"]), META)]
    for sec in art["sections"]:
        story.append(Paragraph(esc(sec["h2"]), H2))
        story += [Paragraph(esc(p), BODY) for p in sec["paras"]]
    story += site_footer(art["footer"], "#263238")
    path = out / f"{VH}.pdf"
    render(path, story, "13/02/2023 09:14", art["title"], VH_URL)
    return path


HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; margin: 0; color: #1f1f1f; }}
header .site {{ background: {colour}; color: #fff; font-size: 1.6em; font-weight: bold; padding: 18px 24px; }}
nav ul {{ list-style: none; margin: 0; padding: 8px 24px; background: #efefef; border-bottom: 3px solid {colour}; }}
nav li {{ display: inline-block; margin-right: 28px; font-weight: bold; }}
nav a {{ color: #333; text-decoration: none; }}
main {{ max-width: 820px; margin: 0 auto; padding: 12px 24px; line-height: 1.55; }}
p.chapo {{ font-weight: bold; }}
p.date {{ color: #6b6b6b; font-size: 0.85em; }}
footer {{ background: #263238; color: #fff; padding: 18px 24px; margin-top: 32px; }}
</style>
</head>
<body>
<header>
<div class="site">{site}</div>
<nav>
<ul>
{nav}
</ul>
</nav>
</header>
<main>
<article>
<h1>{title}</h1>
<p class="chapo">{lead}</p>
<p class="date">{date}</p>
{sections}
</article>
</main>
<footer>
<p>{footer}</p>
</footer>
</body>
</html>
"""


def build_vallee_herault_html(seeds: Path, out: Path) -> Path:
    art = vh_article(seeds)

    def e(s):
        return html.escape(s, quote=False)

    nav = "\n".join(f'<li><a href="#">{e(x)}</a></li>' for x in NAV)
    secs = []
    for sec in art["sections"]:
        secs.append(f"<h2>{e(sec['h2'])}</h2>")
        secs += [f"<p>{e(p)}</p>" for p in sec["paras"]]
    page = HTML_TEMPLATE.format(title=e(art["title"]), site=e(VH_SITE), colour=VH_COLOUR,
                                nav=nav, lead=e(art["lead"]), date=e(art["date"]),
                                sections="\n".join(secs), footer=e(art["footer"]))
    path = out / f"{VH}-web.html"
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------- Frontignan

FR = "frontignan-article-2024"
FR_COLOUR = "#005b96"
FR_SITE = "Frontignan la Peyrade"
FR_URL = ("https://www.frontignan.fr/actualites/"
          "une-convention-territoriale-globale-un-partenariat-dactions")


def build_frontignan_pdf(seeds: Path, out: Path) -> Path:
    b = Blocks(blocks(read_seed(seeds, FR)), FR)
    title = b.next()
    story = site_header(FR_SITE, FR_COLOUR)
    story += [Paragraph(esc(title), H1), Paragraph(esc(b.take("2024-03-07")), META),
              Paragraph(esc(b.take("Une convention territoriale globale (CTG) a été")), LEAD)]
    # the photo, its caption directly under it
    story.append(KeepTogether([Spacer(1, 4), Placeholder(TEXT_W, TEXT_W * 0.4),
                               Paragraph(esc(b.take("G à D")), CAPTION)]))
    story.append(Paragraph(esc(b.take("Une CTG, c’est quoi")), H2))
    for prefix in ("La Convention territoriale globale (Ctg en", "La démarche",
                   "Une convention de partenariat", "La convention territoriale globale (Ctg)"):
        story.append(Paragraph(esc(b.take(prefix)), BODY))
    story.append(Paragraph(esc(b.take("«")), QUOTE))
    story.append(Paragraph(esc(b.take("Quelles actions")), H2))
    story.append(Paragraph(esc(b.take("Les Ctg couvrent")), BODY))
    # the items are one block in the seed, one "•" line each
    items = [s.strip() for s in b.take("•").split("•") if s.strip()]
    story.append(ListFlowable(
        [ListItem(Paragraph(esc(it), style("w_li", parent=BODY, spaceAfter=5)),
                  leftIndent=18, value="•") for it in items],
        bulletType="bullet", start="•", leftIndent=18, bulletFontName="Sans",
        bulletFontSize=11, spaceAfter=8))
    story.append(Paragraph(esc(b.take("Quelques chiffres")), H2))
    story.append(Paragraph(esc(b.take("Contexte socio-économique")), H3))
    for prefix in ("29%", "Financements", "Prestations versées"):
        txt = esc(b.take(prefix))
        # the figure itself in bold, as on the site
        txt = re.sub(r"^(\S+%)", r"<b>\1</b>", txt)
        story.append(Paragraph(txt, BODY))
    b.done()
    story += site_footer(None, "#1d3c5a")
    path = out / f"{FR}.pdf"
    render(path, story, "07/03/2024 11:02", title, FR_URL)
    return path
