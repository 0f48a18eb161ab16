"""Blind evaluation set: eight new, realistic CTG documents.

Run from anywhere:

    .venv/bin/python tests/data/blind/make.py

writes the eight documents next to this file (PDF, HTML, TXT). The gold files in
``gold/`` are written by hand, not by this script. The output is deterministic:
two runs give byte-identical files (no clock, seeded randomness, fixed PDF IDs).

Real places, invented persons and figures. Nothing here comes from the seeds.
"""
from __future__ import annotations

import io
import random
import sys
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pymupdf
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether,
                                ListFlowable, ListItem, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

sys.dont_write_bytecode = True
rl_config.invariant = 1          # no creation date, fixed document ID

OUT = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "Sans": "DejaVuSans.ttf", "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Oblique": "DejaVuSans-Oblique.ttf", "Sans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf", "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "Cond": "DejaVuSansCondensed.ttf", "Cond-Bold": "DejaVuSansCondensed-Bold.ttf",
    "Cond-Oblique": "DejaVuSansCondensed-Oblique.ttf",
    "Cond-BoldOblique": "DejaVuSansCondensed-BoldOblique.ttf",
}


def register_fonts() -> None:
    for name, fname in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / fname)))
    for fam, it in (("Sans", "Oblique"), ("Serif", "Italic"), ("Cond", "Oblique")):
        pdfmetrics.registerFontFamily(fam, normal=fam, bold=f"{fam}-Bold",
                                      italic=f"{fam}-{it}", boldItalic=f"{fam}-Bold{it}")


# ---------------------------------------------------------------- helpers

def C(h: str):
    return colors.HexColor(h)


def st(name, **kw) -> ParagraphStyle:
    base = {} if "parent" in kw else dict(fontName="Sans", bulletFontName="Sans", fontSize=10,
                                          leading=13, splitLongWords=0)
    base.update(kw)
    return ParagraphStyle(name, **base)


def P(text, style):
    """Paragraph from plain text (escaped), keeping <b>/<i>/<br/> written as [b]..[/b]."""
    t = escape(text)
    for a, b in (("[b]", "<b>"), ("[/b]", "</b>"), ("[i]", "<i>"), ("[/i]", "</i>"),
                 ("[br]", "<br/>")):
        t = t.replace(a, b)
    return Paragraph(t, style)


def draw_para(c, text, style, x, y_top, w):
    p = P(text, style)
    _, h = p.wrap(w, 10_000)
    p.drawOn(c, x, y_top - h)
    return h


def placeholder(c, x, y, w, h, fill="#d9d9d9"):
    """Grey rectangle standing for a photo or a logo (no text in it)."""
    c.saveState()
    c.setFillColor(C(fill))
    c.setStrokeColor(C("#bdbdbd"))
    c.setLineWidth(0.5)
    c.rect(x, y, w, h, fill=1, stroke=1)
    c.restoreState()


class Placeholder(Flowable):
    def __init__(self, w, h):
        super().__init__()
        self.width, self.height = w, h

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        placeholder(self.canv, 0, 0, self.width, self.height)


def deferred_canvas(chrome):
    """Canvas keeping all pages until save, so that chrome(c, i, n) knows n."""

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


NOPAD = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
W, H = A4


# ================================================================ 1. convention (Morbihan)

Q_NAME = "questembert-communaute-ctg-2024-2028"
Q_BLUE = "#1f4e79"
Q_LIGHT = "#dce6f1"

QB = st("q_body", fontSize=10.3, leading=14.2, alignment=TA_JUSTIFY, spaceAfter=7)
QBUL = st("q_bul", parent=QB, leftIndent=16, bulletIndent=4, spaceAfter=3)
QART = st("q_art", fontName="Sans-Bold", fontSize=11.5, leading=15, textColor=C(Q_BLUE),
          spaceBefore=12, spaceAfter=7)
QH1 = st("q_h1", fontName="Sans-Bold", fontSize=15, leading=19, textColor=C(Q_BLUE),
         alignment=TA_CENTER, spaceAfter=14)
QH2 = st("q_h2", fontName="Sans-Bold", fontSize=11, leading=14, textColor=C("#333333"),
         spaceBefore=8, spaceAfter=6)
QCELL = st("q_cell", fontName="Cond", fontSize=9, leading=11.2)
QCELLB = st("q_cellb", parent=QCELL, fontName="Cond-Bold")
QHEAD = st("q_head", fontName="Cond-Bold", fontSize=9, leading=11.2, textColor=colors.white)
QSIG = st("q_sig", fontSize=9.5, leading=12.5, alignment=TA_CENTER)


def q_bullets(items, style=QBUL, bullet="–"):
    return [Paragraph(escape(t), style, bulletText=bullet) for t in items]


def q_grid(data, widths, head_rows=1, extra=()):
    rows = []
    for r, row in enumerate(data):
        rows.append([c if not isinstance(c, str) else
                     P(c, QHEAD if r < head_rows else QCELL) for c in row])
    t = Table(rows, colWidths=widths, repeatRows=head_rows)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), C(Q_BLUE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra]))
    return t


Q_COMMUNES = [
    ("Berric", "4 décembre 2023"), ("Caden", "14 décembre 2023"),
    ("La Vraie-Croix", "7 décembre 2023"), ("Larré", "18 décembre 2023"),
    ("Lauzach", "12 décembre 2023"), ("Le Cours", "15 décembre 2023"),
    ("Limerzel", "11 décembre 2023"), ("Malansac", "5 décembre 2023"),
    ("Molac", "14 décembre 2023"), ("Pluherlin", "8 décembre 2023"),
    ("Questembert", "18 décembre 2023"), ("Rochefort-en-Terre", "11 janvier 2024"),
    ("Saint-Gravé", "19 décembre 2023"),
]

Q_AXES = [
    ("Axe 1 – Petite enfance",
     "développer et diversifier l'offre d'accueil du jeune enfant", [
         ("Développer l'offre d'accueil collectif dans le secteur est du territoire",
          ["Créer une micro-crèche de 12 places à Malansac",
           "Étudier l'extension du multi-accueil de Questembert"],
          "Questembert Communauté", "2024-2026"),
         ("Soutenir l'attractivité du métier d'assistant maternel",
          ["Organiser des réunions d'information sur le métier avec le Relais Petite Enfance",
           "Accompagner l'ouverture de Maisons d'assistants maternels"],
          "Relais Petite Enfance / Caf", "2024-2028"),
     ]),
    ("Axe 2 – Enfance et jeunesse",
     "harmoniser l'offre de loisirs et accompagner les jeunes vers l'autonomie", [
         ("Harmoniser l'offre des accueils de loisirs sur les 13 communes",
          ["Élaborer une charte qualité commune aux accueils de loisirs",
           "Mettre en place un transport vers les accueils de loisirs pendant les vacances"],
          "Communes / Questembert Communauté", "2025"),
         ("Accompagner les initiatives des jeunes de 11 à 17 ans",
          ["Créer un Point Information Jeunesse itinérant",
           "Soutenir les projets de jeunes par un fonds d'initiatives"],
          "Service jeunesse intercommunal", "2024-2028"),
     ]),
    ("Axe 3 – Parentalité",
     "rendre lisible et rapprocher des familles l'offre de soutien à la parentalité", [
         ("Rendre lisible l'offre de soutien à la parentalité",
          ["Publier un guide des ressources parentalité du territoire",
           "Créer une page dédiée aux familles sur le site de la Communauté"],
          "Questembert Communauté / Caf", "2024"),
         ("Développer les lieux d'échanges entre parents",
          ["Ouvrir un lieu d'accueil enfants-parents itinérant",
           "Organiser des cafés des parents dans les écoles"],
          "Caf / MSA / communes", "2025-2027"),
     ]),
    ("Axe 4 – Accès aux droits et inclusion numérique",
     "garantir à chaque habitant un accès de proximité aux services et aux droits", [
         ("Rapprocher les services publics des habitants les plus isolés",
          ["Conforter l'espace France services de Questembert",
           "Organiser des permanences de la Caf et de la MSA dans les mairies"],
          "Questembert Communauté / Caf / MSA", "2024-2028"),
         ("Lutter contre la fracture numérique",
          ["Déployer des ateliers numériques animés par un conseiller numérique",
           "Installer des points d'accès numérique accompagnés dans les communes"],
          "Questembert Communauté", "2024-2026"),
     ]),
]


def q_cover_page(c, doc):
    c.saveState()
    c.setFillColor(C(Q_BLUE))
    c.rect(0, H - 150, W, 150, fill=1, stroke=0)
    c.setFillColor(C(Q_LIGHT))
    c.rect(0, 0, W, 90, fill=1, stroke=0)
    c.restoreState()
    # three partner logos (empty placeholders) and their names under them
    for k, name in enumerate(("Caf du Morbihan", "Questembert Communauté",
                              "MSA Portes de Bretagne")):
        x = 80 + k * 160
        placeholder(c, x, 140, 110, 62, fill="#e8e8e8")
        c.setFont("Sans", 8)
        c.setFillColor(C("#444444"))
        c.drawCentredString(x + 55, 126, name)


def q_chrome(c, i, n):
    if i == 1:
        return
    c.saveState()
    c.setFont("Cond", 8.5)
    c.setFillColor(C("#666666"))
    c.drawString(62, H - 40, "Convention Territoriale Globale 2024-2028 – Questembert Communauté")
    c.drawRightString(W - 62, H - 40, "Caf du Morbihan")
    c.setStrokeColor(C(Q_BLUE))
    c.setLineWidth(0.6)
    c.line(62, H - 45, W - 62, H - 45)
    c.line(62, 46, W - 62, 46)
    c.drawString(62, 32, "CTG Questembert Communauté")
    c.drawRightString(W - 62, 32, f"Page {i} sur {n}")
    c.restoreState()


class Heading(Paragraph):
    """A heading that records its page for the table of contents."""

    def __init__(self, text, style, key):
        super().__init__(escape(text), style)
        self.toc_key = key


class TocLine(Flowable):
    """One TOC entry: text, dot leader, page number (as Word prints them)."""

    def __init__(self, text, page, width):
        super().__init__()
        self.text, self.page, self.width = text, page, width
        self.height = 17

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFont("Sans", 10)
        c.drawString(0, 4, self.text)
        num = str(self.page) if self.page else "?"
        x0 = stringWidth(self.text, "Sans", 10) + 4
        x1 = self.width - stringWidth(num, "Sans", 10) - 4
        dots = int((x1 - x0) / stringWidth(".", "Sans", 10))
        c.drawRightString(x1, 4, "." * max(dots, 0))
        c.drawRightString(self.width, 4, num)


Q_TOC = [
    ("pre", "Préambule"), ("a1", "Article 1 – Objet de la convention"),
    ("a2", "Article 2 – Périmètre de la convention"),
    ("a3", "Article 3 – Engagements de la Caf et de la MSA"),
    ("a4", "Article 4 – Engagements de la Communauté"),
    ("a5", "Article 5 – Axes de développement retenus"),
    ("a6", "Article 6 – Pilotage et suivi"), ("a7", "Article 7 – Évaluation"),
    ("a8", "Article 8 – Durée de la convention"),
    ("a9", "Article 9 – Révision et résiliation"), ("a10", "Article 10 – Recours"),
    ("x1", "Annexe 1 – Diagnostic partagé : chiffres clés"),
    ("x2", "Annexe 2 – Plan d'actions 2024-2028"),
    ("x3", "Annexe 3 – Liste des communes membres et délibérations d'adhésion"),
    ("x4", "Annexe 4 – Instances de pilotage"),
]


def q_story(pages):
    s = []
    cover_title = st("q_ct", fontName="Sans-Bold", fontSize=26, leading=32,
                     textColor=C(Q_BLUE), alignment=TA_CENTER)
    cover_sub = st("q_cs", fontSize=15, leading=20, textColor=C("#333333"),
                   alignment=TA_CENTER)
    s += [Spacer(1, 150), P("CONVENTION TERRITORIALE GLOBALE", cover_title), Spacer(1, 8),
          P("de services aux familles", cover_sub), Spacer(1, 40),
          P("Questembert Communauté", st("q_cn", fontName="Sans-Bold", fontSize=20, leading=26,
                                          alignment=TA_CENTER)),
          Spacer(1, 16),
          P("Période 2024 – 2028", st("q_cp", fontName="Sans-Bold", fontSize=17, leading=22,
                                      textColor=C("#c55a11"), alignment=TA_CENTER)),
          Spacer(1, 26),
          P("Caisse d'allocations familiales du Morbihan[br]Mutualité sociale agricole Portes de "
            "Bretagne", cover_sub),
          NextPageTemplate("body"), PageBreak()]
    s += [P("SOMMAIRE", QH1), Spacer(1, 6)]
    s += [TocLine(t, pages.get(k), W - 124) for k, t in Q_TOC]
    s += [PageBreak()]

    s += [P("CONVENTION TERRITORIALE GLOBALE DE SERVICES AUX FAMILLES", QH1),
          P("[b]ENTRE LES SOUSSIGNÉS :[/b]", QB),
          P("La [b]Caisse d'allocations familiales du Morbihan[/b], représentée par Monsieur "
            "Yannick LE DORIDOUR, Président du Conseil d'administration, et par Madame "
            "Claire-Hélène MAHÉO, Directrice, dûment habilités à signer la présente convention,",
            QB),
          P("ci-après dénommée « la Caf » ;", QB),
          P("La [b]Mutualité sociale agricole Portes de Bretagne[/b], représentée par Monsieur "
            "Erwan GUILLEMOT, Directeur général,", QB),
          P("ci-après dénommée « la MSA » ;", QB),
          P("[b]ET[/b]", QB),
          P("[b]Questembert Communauté[/b], représentée par Monsieur Jean-Pierre GUÉGAN, son "
            "Président, agissant en vertu de la délibération du conseil communautaire en date "
            "du 11 décembre 2023,", QB),
          P("ci-après dénommée « la Communauté ».", QB),
          Spacer(1, 4)]
    s += [P("[b]VU :[/b]", QB)] + q_bullets([
        "le Code de la sécurité sociale, notamment ses articles L. 223-1 et L. 263-1 ;",
        "le Code de l'action sociale et des familles ;",
        "le Code général des collectivités territoriales ;",
        "la Convention d'objectifs et de gestion (COG) conclue entre l'État et la Caisse "
        "nationale des allocations familiales pour la période 2023-2027 ;",
        "la délibération du Conseil d'administration de la Caf du Morbihan en date du "
        "28 septembre 2023 ;",
        "la délibération du conseil communautaire de Questembert Communauté en date du "
        "11 décembre 2023 ;",
    ], bullet="•") + [Spacer(1, 6), P("[b]IL EST CONVENU CE QUI SUIT :[/b]", QB)]

    s += [Heading("PRÉAMBULE", QART, "pre"),
          P("Les Caisses d'allocations familiales et la Mutualité sociale agricole accompagnent "
            "les familles dans leur vie quotidienne, par le versement des prestations légales "
            "et par une action sociale qui soutient le développement de services adaptés à "
            "leurs besoins. Cette action s'exerce en partenariat étroit avec les collectivités "
            "territoriales, qui portent l'essentiel des équipements et services destinés aux "
            "familles.", QB),
          P("La Convention territoriale globale (CTG) est une démarche partenariale qui vise à "
            "élaborer, à partir d'un diagnostic partagé, le projet de territoire pour le "
            "maintien et le développement des services aux familles. Elle peut couvrir "
            "l'ensemble des champs d'intervention de la branche Famille : petite enfance, "
            "enfance, jeunesse, parentalité, animation de la vie sociale, accès aux droits, "
            "inclusion numérique, logement, handicap et accompagnement social.", QB),
          P("Questembert Communauté et la Caf du Morbihan ont conclu une première Convention "
            "territoriale globale pour la période 2019-2023. Son bilan, présenté au comité de "
            "pilotage du 5 octobre 2023, fait apparaître la création de 24 places d'accueil du "
            "jeune enfant, la mise en place d'un Relais Petite Enfance unique et l'ouverture "
            "d'un espace France services. La présente convention, deuxième CTG du territoire, "
            "prolonge et approfondit cette dynamique.", QB),
          P("Le territoire de Questembert Communauté regroupe 13 communes du sud-est du "
            "Morbihan, entre Vannes et Redon. Le diagnostic partagé, conduit au cours de "
            "l'année 2023 avec les communes, les partenaires et les familles, figure en "
            "annexe 1.", QB)]

    s += [Heading("ARTICLE 1 – OBJET DE LA CONVENTION", QART, "a1"),
          P("La présente convention a pour objet de définir le projet stratégique global du "
            "territoire en direction des familles, ainsi que ses modalités de mise en œuvre. "
            "Elle vise à :", QB)] + q_bullets([
        "identifier les besoins prioritaires du territoire ;",
        "définir les champs d'intervention à privilégier au regard de l'écart entre l'offre "
        "et les besoins ;",
        "pérenniser et optimiser l'offre de services existante par la mobilisation des "
        "cofinancements ;",
        "développer des actions nouvelles répondant aux besoins non satisfaits.",
    ])
    s += [Heading("ARTICLE 2 – PÉRIMÈTRE DE LA CONVENTION", QART, "a2"),
          P("La convention s'applique au territoire de Questembert Communauté et de ses 13 "
            "communes membres, dont la liste et les dates des délibérations d'adhésion "
            "figurent en annexe 3. La Communauté exerce la compétence petite enfance "
            "(multi-accueils, Relais Petite Enfance) et la compétence jeunesse pour les 11-17 "
            "ans ; les communes conservent les accueils périscolaires et, pour certaines, "
            "l'accueil de loisirs du mercredi.", QB)]
    s += [Heading("ARTICLE 3 – ENGAGEMENTS DE LA CAF ET DE LA MSA", QART, "a3"),
          P("La Caf et la MSA s'engagent, chacune pour ce qui la concerne, à :", QB)] + q_bullets([
        "apporter leur expertise et leur connaissance des besoins des familles ;",
        "mobiliser leurs financements d'action sociale au service du plan d'actions ;",
        "transmettre à la Communauté les données utiles au suivi de la convention ;",
        "participer aux instances de pilotage et de suivi.",
    ]) + [P("Les financements de la Caf sont accordés dans le respect de son règlement "
            "intérieur d'action sociale et dans la limite des crédits arrêtés chaque année par "
            "son Conseil d'administration. Le bonus « territoire CTG » se substitue aux "
            "financements antérieurement versés au titre du Contrat enfance jeunesse.", QB)]
    s += [Heading("ARTICLE 4 – ENGAGEMENTS DE LA COMMUNAUTÉ", QART, "a4"),
          P("La Communauté s'engage à :", QB)] + q_bullets([
        "piloter la mise en œuvre du plan d'actions figurant en annexe 2 ;",
        "associer les communes membres à chaque étape de la démarche ;",
        "désigner un chargé de coopération CTG, interlocuteur des partenaires ;",
        "informer les familles des services proposés sur le territoire.",
    ])
    s += [Heading("ARTICLE 5 – AXES DE DÉVELOPPEMENT RETENUS", QART, "a5"),
          P("Au regard du diagnostic partagé, les signataires retiennent quatre axes "
            "prioritaires, déclinés en objectifs et en actions dans le plan d'actions "
            "(annexe 2) :", QB)]
    s += [Paragraph(f"<b>{escape(a)}</b> : {escape(d)} ;" if k < 3 else
                    f"<b>{escape(a)}</b> : {escape(d)}.", QBUL, bulletText="•")
          for k, (a, d, _) in enumerate(Q_AXES)]
    s += [Heading("ARTICLE 6 – PILOTAGE ET SUIVI", QART, "a6"),
          P("Un comité de pilotage, coprésidé par le Président de la Communauté et la "
            "Directrice de la Caf, réunit au moins une fois par an les signataires, les maires "
            "des communes membres et les partenaires associés. Il valide le programme annuel "
            "des actions et arbitre les priorités. Un comité technique, animé par le chargé de "
            "coopération CTG, se réunit deux fois par an pour suivre l'avancement des "
            "actions.", QB),
          Heading("ARTICLE 7 – ÉVALUATION", QART, "a7"),
          P("Chaque action du plan d'actions est assortie d'indicateurs de suivi. Un bilan "
            "intermédiaire est présenté au comité de pilotage à mi-parcours ; l'évaluation "
            "finale, conduite au cours du premier semestre de la dernière année, prépare le "
            "renouvellement éventuel de la convention.", QB),
          Heading("ARTICLE 8 – DURÉE DE LA CONVENTION", QART, "a8"),
          P("Les engagements réciproques des parties prennent effet le 1er janvier 2024. Ils "
            "valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus, sans "
            "reconduction tacite. Six mois avant ce terme, les signataires se réuniront pour "
            "examiner les suites à donner à la démarche.", QB),
          Heading("ARTICLE 9 – RÉVISION ET RÉSILIATION", QART, "a9"),
          P("Toute modification de la présente convention fait l'objet d'un avenant signé par "
            "l'ensemble des parties. En cas de non-respect de ses engagements par l'une des "
            "parties, la convention peut être résiliée par lettre recommandée avec accusé de "
            "réception, à l'expiration d'un délai de trois mois.", QB),
          Heading("ARTICLE 10 – RECOURS", QART, "a10"),
          P("Les litiges nés de l'exécution de la présente convention sont portés, à défaut "
            "d'accord amiable, devant le Tribunal administratif de Rennes.", QB)]

    # signature page: three columns
    def sig(lines):
        return [P(t, QSIG) if t else Spacer(1, 40) for t in lines]
    sig_tbl = Table([
        [sig(["[b]Pour la Caisse d'allocations familiales du Morbihan[/b]"]),
         sig(["[b]Pour Questembert Communauté[/b]"]),
         sig(["[b]Pour la Mutualité sociale agricole Portes de Bretagne[/b]"])],
        [sig(["Le Président du Conseil d'administration", "", "Yannick LE DORIDOUR"]),
         sig(["Le Président", "", "Jean-Pierre GUÉGAN"]),
         sig(["Le Directeur général", "", "Erwan GUILLEMOT"])],
        [sig(["La Directrice", "", "Claire-Hélène MAHÉO"]), "", ""],
    ], colWidths=[157, 157, 157])
    sig_tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("TOPPADDING", (0, 1), (-1, -1), 18)]))
    s += [PageBreak(), Spacer(1, 30),
          P("Fait à Questembert, le 14 mars 2024, en trois exemplaires originaux.", QB),
          Spacer(1, 30), sig_tbl]

    # annex 1: diagnostic
    s += [PageBreak(), Heading("ANNEXE 1 – DIAGNOSTIC PARTAGÉ : CHIFFRES CLÉS", QH1, "x1"),
          P("Les indicateurs ci-dessous sont issus des données de la Caf du Morbihan, de la "
            "MSA Portes de Bretagne et de l'Insee. Les colonnes « Morbihan » et « France » "
            "sont données à titre de comparaison.", QB)]
    rows = [["Indicateur", "Questembert Communauté", "Morbihan", "France"],
            ["Population municipale (Insee 2021)", "24 318 habitants", "762 450", "67 407 241"],
            ["Évolution annuelle de la population 2015-2021", "+0,9 %", "+0,6 %", "+0,3 %"],
            ["Allocataires de la Caf (décembre 2023)", "3 947", "162 880", "–"],
            ["Personnes couvertes par la Caf", "10 862", "360 210", "–"],
            ["Part de la population couverte", "44,7 %", "47,2 %", "50,1 %"],
            ["Familles monoparentales parmi les familles allocataires avec enfants",
             "18,3 %", "22,6 %", "24,9 %"],
            ["Allocataires à bas revenus", "21,5 %", "27,8 %", "33,4 %"],
            ["Enfants de moins de 3 ans (2022)", "712", "19 640", "–"],
            ["Taux de couverture en accueil du jeune enfant (2022)", "68,4 %", "71,9 %",
             "59,8 %"]]
    s += [q_grid(rows, [205, 100, 83, 83],
                 extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                        ("BACKGROUND", (1, 1), (1, -1), C("#f3f7fb"))]),
          Spacer(1, 12)]
    s += [P("Petite enfance", QH2),
          P("Le territoire compte 4 établissements d'accueil du jeune enfant totalisant 96 "
            "places, un Relais Petite Enfance intercommunal et 241 assistants maternels en "
            "activité. La demande d'accueil collectif reste supérieure à l'offre dans le "
            "secteur est (Malansac, Pluherlin, Caden), où les familles se tournent vers "
            "l'accueil individuel faute de place.", QB),
          P("Enfance et jeunesse", QH2),
          P("9 accueils de loisirs sans hébergement fonctionnent pendant les vacances "
            "scolaires, avec des amplitudes et des tarifs très variables d'une commune à "
            "l'autre. Le territoire compte 2 384 jeunes âgés de 11 à 17 ans ; l'offre qui leur "
            "est destinée reste concentrée à Questembert.", QB),
          P("Parentalité", QH2),
          P("L'offre de soutien à la parentalité existe (actions du réseau parents, "
            "accompagnement à la scolarité, médiation familiale) mais elle est peu connue : "
            "dans l'enquête conduite auprès des familles, 58,6 % des parents répondants "
            "déclarent ne pas savoir à qui s'adresser en cas de difficulté éducative.", QB),
          P("Accès aux droits", QH2),
          P("L'espace France services de Questembert a accueilli 5 260 visiteurs en 2023. "
            "Les habitants des communes rurales éloignées du bourg-centre et les personnes "
            "peu à l'aise avec le numérique restent les plus exposés au non-recours.", QB),
          P("Engagements financiers", QH2),
          P("En 2023, la Caf du Morbihan a versé 38,6 millions d'euros de prestations légales "
            "aux familles du territoire et 2,14 millions d'euros de prestations de service et "
            "de bonus territoire aux équipements et services de Questembert Communauté et de "
            "ses communes.", QB)]

    # annex 2: action plan as ruled tables, one per axis
    s += [PageBreak(), Heading("ANNEXE 2 – PLAN D'ACTIONS 2024-2028", QH1, "x2")]
    widths = [88, 130, 163, 90]
    for axe, _desc, objs in Q_AXES:
        data = [["Axe", "Objectif", "Actions", "Pilote"]]
        spans = []
        first = len(data)
        for obj, acts, pilote, _cal in objs:
            for k, act in enumerate(acts):
                data.append([axe if len(data) == first else "",
                             obj if k == 0 else "", "• " + act, pilote if k == 0 else ""])
            spans += [("SPAN", (1, len(data) - len(acts)), (1, len(data) - 1)),
                      ("SPAN", (3, len(data) - len(acts)), (3, len(data) - 1))]
        spans.append(("SPAN", (0, first), (0, len(data) - 1)))
        rows = [[c if r == 0 else (P(c, QCELLB) if j == 0 else c) for j, c in enumerate(row)]
                for r, row in enumerate(data)]
        s += [KeepTogether(q_grid(rows, widths, extra=spans + [
            ("BACKGROUND", (0, 1), (0, -1), C(Q_LIGHT))])), Spacer(1, 12)]

    # annex 3: member communes
    s += [PageBreak(), Heading("ANNEXE 3 – LISTE DES COMMUNES MEMBRES ET DÉLIBÉRATIONS D'ADHÉSION",
                               QH1, "x3"),
          P("Questembert Communauté regroupe 13 communes. Chacune a approuvé son adhésion à "
            "la présente convention par délibération de son conseil municipal.", QB)]
    rows = [["N°", "Commune", "Délibération du conseil municipal"]]
    rows += [[str(k), n, f"Séance du {d}"] for k, (n, d) in enumerate(Q_COMMUNES, 1)]
    s += [q_grid(rows, [40, 200, 231], extra=[("ALIGN", (0, 1), (0, -1), "CENTER")])]
    s += [Spacer(1, 24), Heading("ANNEXE 4 – INSTANCES DE PILOTAGE", QH1, "x4")]
    rows = [["Instance", "Composition", "Fréquence", "Rôle"],
            ["Comité de pilotage", "Président de la Communauté, Directrice de la Caf, "
             "représentant de la MSA, maires des communes membres, partenaires associés",
             "1 fois par an", "Valide le programme annuel, arbitre les priorités, "
             "examine les bilans"],
            ["Comité technique", "Chargé de coopération CTG, conseillers territoriaux de la "
             "Caf et de la MSA, responsables des services petite enfance, jeunesse et France "
             "services", "2 fois par an", "Suit l'avancement des actions, prépare le comité "
             "de pilotage"],
            ["Groupes de travail thématiques", "Professionnels et familles volontaires",
             "Selon les besoins", "Construisent et ajustent les actions de chaque axe"]]
    s += [q_grid(rows, [105, 170, 70, 126])]
    return s


def build_questembert():
    path = OUT / f"{Q_NAME}.pdf"
    pages = {}
    for _ in range(4):
        pages = q_build_once(path, pages)
    return path


def q_build_once(path, pages):
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=62, rightMargin=62, topMargin=66,
                          bottomMargin=62, title="Convention Territoriale Globale 2024-2028 - "
                          "Questembert Communauté", author="Caf du Morbihan",
                          creator="Microsoft® Word pour Microsoft 365")
    frame = Frame(62, 62, W - 124, H - 128, id="f", **NOPAD)
    doc.addPageTemplates([PageTemplate("cover", [frame], onPage=q_cover_page),
                          PageTemplate("body", [frame])])
    found = {}

    def after(f):
        key = getattr(f, "toc_key", None)
        if key:
            found.setdefault(key, doc.page)
    doc.afterFlowable = after
    doc.build(q_story(pages), canvasmaker=deferred_canvas(q_chrome))
    return found


# ================================================================ 2. press kit (Isère)

PC_NAME = "pont-de-claix-dossier-presse-ctg-2025"
PC_RED = "#b0213b"
PC_TEAL = "#00798c"
PC_PALE = "#e6f2f4"
PC_ROSE = "#f8e8eb"
PC_INK = "#222222"
PC_ML, PC_MR, PC_GAP = 46, 46, 20
PC_FULL = W - PC_ML - PC_MR
PC_COL = (PC_FULL - PC_GAP) / 2

PCB = st("pc_body", fontSize=9.6, leading=13, alignment=TA_JUSTIFY, textColor=C(PC_INK),
         spaceAfter=7)
PCLEAD = st("pc_lead", parent=PCB, fontName="Sans-Bold", fontSize=10.4, leading=14.2,
            textColor=C(PC_TEAL))
PCH = st("pc_h", fontName="Sans-Bold", fontSize=12, leading=15, textColor=C(PC_RED),
         spaceBefore=6, spaceAfter=6)
PCPAGE = st("pc_page", fontName="Sans-Bold", fontSize=19, leading=23, textColor=C(PC_TEAL))
PCBUL = st("pc_bul", parent=PCB, leftIndent=12, bulletIndent=0, spaceAfter=4,
           alignment=TA_LEFT, bulletColor=C(PC_RED), bulletFontName="Sans-Bold")
PCBOXH = st("pc_boxh", fontName="Sans-Bold", fontSize=11, leading=14, textColor=C(PC_RED),
            spaceAfter=5)
PCQUOTE = st("pc_quote", fontName="Serif-Italic", fontSize=11, leading=15.5,
             textColor=C("#333333"), spaceAfter=6)
PCSIGN = st("pc_sign", fontName="Sans-Bold", fontSize=9, leading=12, textColor=C(PC_TEAL),
            alignment=TA_RIGHT)


def pc_box(flowables, fill, width=PC_COL, rule=PC_RED, pad=9):
    t = Table([[flowables]], colWidths=[width])
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), C(fill)),
        ("LINEABOVE", (0, 0), (-1, 0), 3, C(rule)),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad - 2),
    ]))
    return t


def pc_columns(c, top, bottom, left_items, right_items):
    for k, items in enumerate((left_items, right_items)):
        x = PC_ML + k * (PC_COL + PC_GAP)
        f = Frame(x, bottom, PC_COL, top - bottom, **NOPAD)
        items = list(items)
        f.addFromList(items, c)
        if items:
            raise ValueError(f"press kit column overflow: {items[0]}")


def pc_footer(c, n):
    c.saveState()
    c.setFillColor(C(PC_TEAL))
    c.rect(0, 0, W, 26, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Sans", 7.5)
    c.drawString(PC_ML, 10, "Dossier de presse – Convention territoriale globale du Pont-de-Claix")
    c.drawRightString(W - PC_MR, 10, str(n))
    c.restoreState()


def pc_page_title(c, text, y=H - 70):
    c.saveState()
    c.setFillColor(C(PC_RED))
    c.rect(PC_ML, y + 26, 46, 4, fill=1, stroke=0)
    c.restoreState()
    return draw_para(c, text, PCPAGE, PC_ML, y + 18, PC_FULL)


def pc_cover(c):
    c.saveState()
    c.setFillColor(C(PC_TEAL))
    c.rect(0, H - 300, W, 300, fill=1, stroke=0)
    c.setFillColor(C(PC_RED))
    c.rect(0, H - 308, W, 8, fill=1, stroke=0)
    c.restoreState()
    draw_para(c, "DOSSIER DE PRESSE", st("pc_k", fontName="Sans-Bold", fontSize=13, leading=16,
                                         textColor=colors.white), PC_ML, H - 60, PC_FULL)
    draw_para(c, "Signature de la troisième Convention territoriale globale du Pont-de-Claix",
              st("pc_t", fontName="Sans-Bold", fontSize=29, leading=35, textColor=colors.white),
              PC_ML, H - 100, PC_FULL - 40)
    draw_para(c, "Jeudi 12 juin 2025 – 11 h – Hôtel de ville du Pont-de-Claix",
              st("pc_d", fontSize=14, leading=18, textColor=C("#d9f0f3")), PC_ML, H - 250,
              PC_FULL)
    placeholder(c, PC_ML, 190, PC_FULL, 320)          # photo
    for k in range(2):                                 # logos of the Ville and of the Caf
        placeholder(c, PC_ML + k * 140, 60, 110, 70, fill="#ececec")
    draw_para(c, "Contacts presse[br]Ville du Pont-de-Claix – Léa Fournier, service "
              "communication[br]Caf de l'Isère – Thomas Brunet, service communication",
              st("pc_cp", fontSize=8, leading=11, textColor=C("#555555")), W - PC_MR - 220,
              128, 220)
    pc_footer(c, 1)
    c.showPage()


def pc_page2(c):
    pc_page_title(c, "Une troisième convention au service des familles pontoises")
    left = [
        P("Le jeudi 12 juin 2025, la Ville du Pont-de-Claix et la Caisse d’allocations "
          "familiales de l’Isère signent la troisième Convention territoriale globale (CTG) de "
          "la commune. Conclue pour la période 2025-2029, elle fixe pour cinq ans les "
          "priorités partagées en faveur des familles.", PCLEAD),
        P("La convention est signée à l’hôtel de ville par Fabienne Marchetti-Roux, maire du "
          "Pont-de-Claix, Sébastien Giraud, président du conseil d’administration de la Caf de "
          "l’Isère, et Nadia Bensalem, directrice de la Caf de l’Isère. Karim Ouali, adjoint "
          "délégué à l’enfance et à la jeunesse, présente à cette occasion le plan d’actions "
          "construit avec les habitants et les partenaires.", PCB),
        P("Un partenariat de dix ans", PCH),
        P("Le Pont-de-Claix a été l’une des premières communes de l’agglomération grenobloise "
          "à s’engager dans cette démarche : une première convention a été signée en 2016, "
          "suivie d’une deuxième CTG pour la période 2020-2024. Son bilan est positif : "
          "ouverture d’une crèche de 24 berceaux, création du lieu ressource parentalité "
          "« La Passerelle », renforcement de l’équipe de la Maison des habitants.", PCB),
        P("La nouvelle convention s’appuie sur un diagnostic partagé réalisé entre "
          "septembre 2024 et février 2025, qui a associé plus de 300 familles à travers un "
          "questionnaire, des rencontres dans les écoles et deux ateliers publics.", PCB),
    ]
    right = [
        pc_box([P("« Avec cette troisième convention, nous nous donnons les moyens "
                  "d’accueillir les nouvelles familles sans laisser personne de côté, des "
                  "tout-petits jusqu’aux jeunes adultes. »", PCQUOTE),
                P("Fabienne Marchetti-Roux, maire du Pont-de-Claix", PCSIGN)],
               PC_ROSE),
        Spacer(1, 12),
        P("Une commune de la métropole grenobloise", PCH),
        P("Située au sud de Grenoble, Le Pont-de-Claix fait partie de Grenoble-Alpes "
          "Métropole, qui regroupe 49 communes et près de 450 000 habitants. La commune "
          "accueille depuis plusieurs années de nouvelles familles, attirées par les "
          "programmes de logements du centre-ville et par l’arrivée du tramway.", PCB),
        Spacer(1, 4),
        pc_box([P("La CTG en bref", PCBOXH),
                P("La Convention territoriale globale est une démarche de partenariat entre "
                  "la Caf et une collectivité, qui part d’un diagnostic partagé pour bâtir un "
                  "projet social de territoire. Elle peut mobiliser tous les champs "
                  "d’intervention de la branche Famille : petite enfance, enfance, jeunesse, "
                  "parentalité, animation de la vie sociale, accès aux droits, inclusion "
                  "numérique, logement, handicap, accompagnement social. Elle remplace "
                  "progressivement les contrats enfance jeunesse.", PCB)], PC_PALE,
               rule=PC_TEAL),
    ]
    pc_columns(c, H - 110, 50, left, right)
    pc_footer(c, 2)
    c.showPage()


PC_FIGS = [
    ("11 280", "habitants au Pont-de-Claix (Insee, recensement 2021)"),
    ("2 954", "foyers allocataires de la Caf au 31 décembre 2024"),
    ("684", "enfants de moins de 6 ans dans les familles allocataires"),
    ("128", "places d’accueil du jeune enfant dans les trois crèches municipales"),
    ("27,6 %", "des familles allocataires sont des familles monoparentales (24,1 % en Isère)"),
    ("41,8 %", "des allocataires perçoivent une aide au logement, contre 37,2 % dans le "
               "département"),
    ("61,5 %", "des enfants de moins de 3 ans disposent d’une solution d’accueil formel en "
               "Isère ; au Pont-de-Claix, ce taux de couverture est de 52,3 %"),
    ("18,7", "millions d’euros de prestations légales versés aux familles pontoises en 2024"),
]


def pc_page3(c):
    pc_page_title(c, "Le Pont-de-Claix en chiffres")
    top, gap = H - 118, 12
    bw, bh = PC_COL, 92
    big = st("pc_big", fontName="Sans-Bold", fontSize=25, leading=29, textColor=C(PC_RED),
             alignment=TA_RIGHT)
    cap = st("pc_cap", fontSize=9.3, leading=12.2, textColor=C(PC_INK))
    # the numbers and their captions are separate text frames, exported as the layout
    # software stores them: all the numbers first, then all the captions
    for phase in ("box", "num", "cap"):
        for k, (num, caption) in enumerate(PC_FIGS):
            row, col = divmod(k, 2)
            x = PC_ML + col * (bw + PC_GAP)
            y = top - (row + 1) * bh - row * gap
            if phase == "box":
                c.saveState()
                c.setFillColor(C(PC_PALE if (row + col) % 2 == 0 else PC_ROSE))
                c.rect(x, y, bw, bh, fill=1, stroke=0)
                c.restoreState()
            elif phase == "num":
                p = P(num, big)
                _, h = p.wrap(104, 100)
                p.drawOn(c, x + 2, y + (bh - h) / 2)
            else:
                p = P(caption, cap)
                _, h = p.wrap(bw - 126, 100)
                p.drawOn(c, x + 116, y + (bh - h) / 2)
    y = top - 4 * bh - 3 * gap - 20
    box = pc_box([P("À l’échelle de Grenoble-Alpes Métropole", PCBOXH),
                  P("46,9 % des habitants de la Métropole sont couverts par au moins une "
                    "prestation de la Caf, et 33,2 % des familles allocataires avec enfants "
                    "sont des familles monoparentales.", PCB)], PC_PALE, width=PC_FULL,
                 rule=PC_TEAL)
    _, h = box.wrap(PC_FULL, 500)
    box.drawOn(c, PC_ML, y - h)
    draw_para(c, "Sources : Caf de l’Isère, données au 31/12/2024 ; Insee, recensement de la "
              "population 2021.", st("pc_src", fontName="Sans-Oblique", fontSize=7.5,
                                      leading=9.5, textColor=C("#666666")),
              PC_ML, y - h - 10, PC_FULL)
    pc_footer(c, 3)
    c.showPage()


PC_AXES = [
    ("Axe 1 – Petite enfance", [
        "Maintenir un niveau d’accueil du jeune enfant adapté à l’arrivée de nouvelles familles",
        "Favoriser l’accueil des enfants en situation de handicap dans les crèches municipales",
        "Accompagner les assistantes maternelles par le Relais Petite Enfance"]),
    ("Axe 2 – Jeunesse", [
        "Accompagner les 16-25 ans vers l’autonomie (emploi, logement, mobilité)",
        "Renforcer la présence éducative dans l’espace public le soir et le week-end"]),
    ("Axe 3 – Parentalité", [
        "Créer un lieu d’accueil enfants-parents au sein de « La Passerelle »",
        "Soutenir les parents d’adolescents par des groupes d’échanges",
        "Mieux faire connaître l’offre de soutien à la parentalité"]),
    ("Axe 4 – Animation de la vie sociale", [
        "Renouveler le projet social de la Maison des habitants",
        "Encourager la participation des habitants aux projets de quartier"]),
]


def pc_page4(c):
    pc_page_title(c, "Les quatre axes de la CTG 2025-2029")
    intro = ("Issus du diagnostic partagé, quatre axes structurent le plan d’actions de la "
             "convention. Chacun est décliné en objectifs opérationnels, suivis chaque année "
             "par un comité de pilotage réunissant la Ville, la Caf et leurs partenaires.")
    h = draw_para(c, intro, PCB, PC_ML, H - 112, PC_FULL)
    cols = [[], []]
    for k, (axe, objs) in enumerate(PC_AXES):
        fill = PC_PALE if k % 2 == 0 else PC_ROSE
        box = pc_box([P(axe, PCBOXH)] +
                     [Paragraph(escape(o), PCBUL, bulletText="›") for o in objs], fill,
                     rule=PC_TEAL if k % 2 == 0 else PC_RED)
        cols[k % 2] += [box, Spacer(1, 14)]
    pc_columns(c, H - 122 - h, 50, cols[0], cols[1])
    pc_footer(c, 4)
    c.showPage()


def pc_page5(c):
    pc_page_title(c, "L’engagement de la Caf de l’Isère")
    left = [
        P("Au-delà des prestations versées directement aux familles, la Caf soutient le "
          "fonctionnement des équipements et services de la commune : crèches, accueil de "
          "loisirs, lieu ressource parentalité, Maison des habitants.", PCB),
        P("En 2024, la Caf de l’Isère a versé 1,2 million d’euros à la Ville et aux "
          "associations pontoises au titre des prestations de service et du bonus territoire "
          "CTG.", PCLEAD),
        P("Sur la durée de la nouvelle convention, la Caf prévoit d’y consacrer près de "
          "6,5 millions d’euros, sous réserve des crédits votés chaque année par son conseil "
          "d’administration.", PCB),
    ]
    right = [
        pc_box([P("Le calendrier", PCBOXH)] + [
            Paragraph(escape(t), PCBUL, bulletText="›") for t in (
                "Septembre 2024 – février 2025 : diagnostic partagé",
                "24 mars 2025 : vote du conseil municipal autorisant la signature",
                "12 juin 2025 : signature de la convention",
                "2026 : premier bilan annuel devant le comité de pilotage",
                "2029 : évaluation finale")], PC_PALE, rule=PC_TEAL),
        Spacer(1, 14),
        pc_box([P("Contacts presse", PCBOXH),
                P("Ville du Pont-de-Claix : Léa Fournier, service communication[br]"
                  "Caf de l’Isère : Thomas Brunet, service communication", PCB)], PC_ROSE),
    ]
    left += [Spacer(1, 8), Placeholder(PC_COL, 150),
             P("La crèche municipale Les Coccinelles, ouverte en 2022.",
               st("pc_capt", fontName="Sans-Oblique", fontSize=7.8, leading=10,
                  textColor=C("#555555"), spaceBefore=3))]
    pc_columns(c, H - 110, 50, left, right)
    pc_footer(c, 5)
    c.showPage()


def build_pont_de_claix():
    path = OUT / f"{PC_NAME}.pdf"
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Dossier de presse - CTG Le Pont-de-Claix 2025-2029")
    c.setAuthor("Ville du Pont-de-Claix")
    c.setCreator("Adobe InDesign 19.4 (Windows)")
    for page in (pc_cover, pc_page2, pc_page3, pc_page4, pc_page5):
        page(c)
    c.save()
    return path


# ================================================================ 3. slide deck (Drôme)

SD_NAME = "crestois-saillans-diagnostic-ctg-2023-2027"
SW, SH = 960, 540
SD_GREEN = "#3a6b35"
SD_OCHRE = "#d08c2a"
SD_PLUM = "#6b3a5b"
SD_PALE = "#eef3e8"
SD_CREAM = "#fbf3e4"
SD_TERR = "Communauté de communes du Crestois et du Pays de Saillans Cœur de Drôme"


def fit(text, width, height, size, font="Sans", colour="#222222", align=TA_LEFT, min_size=7):
    while True:
        p = P(text, st(f"sd_{font}_{size}_{align}_{colour}", fontName=font, fontSize=size,
                       leading=size * 1.2, textColor=C(colour), alignment=align))
        _, h = p.wrap(width, 10_000)
        widest = max(stringWidth(w, font, size) for w in text.replace("[br]", " ").split())
        if (h <= height and widest <= width) or size <= min_size:
            return p, h
        size -= 0.5


def sd_box(c, x, y, w, h, text, fill=SD_PALE, colour="#222222", size=12, font="Sans",
           align=TA_LEFT, stroke=None, radius=6, pad=9):
    c.saveState()
    c.setFillColor(C(fill))
    if stroke:
        c.setStrokeColor(C(stroke))
        c.setLineWidth(1.2)
    c.roundRect(x, y, w, h, radius, fill=1, stroke=1 if stroke else 0)
    c.restoreState()
    if text:
        p, ph = fit(text, w - 2 * pad, h - 2 * pad, size, font, colour, align)
        p.drawOn(c, x + pad, y + (h - ph) / 2)


def sd_text(c, x, y_top, w, h, text, size=12, font="Sans", colour="#222222", align=TA_LEFT):
    p, ph = fit(text, w, h, size, font, colour, align)
    p.drawOn(c, x, y_top - ph)


def sd_line(c, x1, y1, x2, y2, colour=SD_GREEN):
    mid = (x1 + x2) / 2
    c.saveState()
    c.setStrokeColor(C(colour))
    c.setLineWidth(1.1)
    path = c.beginPath()
    path.moveTo(x1, y1)
    path.lineTo(mid, y1)
    path.lineTo(mid, y2)
    path.lineTo(x2, y2)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


class Slide:
    """Collects a slide's drawing operations and emits them in a shuffled order, so that
    the content stream does not follow the reading order (as in exported decks)."""

    def __init__(self, c, number, title, section=""):
        self.c, self.number, self.title, self.section = c, number, title, section
        self.ops, self.under = [], []

    def add(self, fn, *a, **kw):
        self.ops.append((fn, a, kw))

    def add_under(self, fn, *a, **kw):
        """Background shapes: drawn before the shuffled text objects."""
        self.under.append((fn, a, kw))

    def finish(self):
        c = self.c
        c.saveState()
        c.setFillColor(C(SD_GREEN))
        c.rect(0, 0, SW, 5, fill=1, stroke=0)
        c.restoreState()
        placeholder(c, SW - 110, 12, 74, 26)                    # consultant's logo
        ops = list(self.ops)
        random.Random(7000 + self.number).shuffle(ops)
        for fn, a, kw in self.under + ops:
            fn(c, *a, **kw)
        c.saveState()
        c.setFont("Sans", 8)
        c.setFillColor(C("#777777"))
        c.drawString(40, 16, f"CTG 2023-2027 – Diagnostic partagé – {self.number}")
        c.restoreState()
        if self.section:
            c.saveState()
            c.setFont("Sans-Bold", 9.5)
            w = stringWidth(self.section, "Sans-Bold", 9.5) + 22
            c.setFillColor(C(SD_OCHRE))
            c.roundRect(SW - w - 30, SH - 42, w, 22, 5, fill=1, stroke=0)
            c.setFillColor(colors.white)
            c.drawString(SW - w - 19, SH - 35, self.section)
            c.restoreState()
        if self.title:
            sd_text(c, 40, SH - 26, SW - 300, 60, self.title, size=23, font="Sans-Bold",
                    colour=SD_GREEN)
            c.saveState()
            c.setStrokeColor(C(SD_OCHRE))
            c.setLineWidth(2.5)
            c.line(40, SH - 92, 130, SH - 92)
            c.restoreState()
        c.showPage()


def sd_figure(sl, x, y, w, h, num, caption, comp=None, fill=SD_PALE, num_colour=SD_GREEN):
    """A key-figure box: the number, its caption and the comparison are separate text
    objects (shuffled independently)."""
    def bg(c):
        c.saveState()
        c.setFillColor(C(fill))
        c.roundRect(x, y, w, h, 6, fill=1, stroke=0)
        c.restoreState()
    sl.add_under(bg)
    sl.add(sd_text, x + 10, y + h - 10, w - 20, 34, num, size=25, font="Sans-Bold",
           colour=num_colour, align=TA_CENTER)
    sl.add(sd_text, x + 10, y + h - 48, w - 20, h - 78 if comp else h - 56, caption, size=11.5,
           align=TA_CENTER)
    if comp:
        sl.add(sd_text, x + 10, y + 26, w - 20, 20, comp, size=9, font="Sans-Oblique",
               colour="#6b6b6b", align=TA_CENTER)


def sd_title_slide(c):
    c.saveState()
    c.setFillColor(C(SD_GREEN))
    c.rect(0, 0, 340, SH, fill=1, stroke=0)
    c.setFillColor(C(SD_OCHRE))
    c.rect(340, 0, 8, SH, fill=1, stroke=0)
    c.restoreState()
    placeholder(c, 60, 380, 200, 90, fill="#e6e6e6")       # photo of the territory
    placeholder(c, 60, 60, 90, 40, fill="#e6e6e6")         # logos
    placeholder(c, 165, 60, 90, 40, fill="#e6e6e6")
    sd_text(c, 390, 430, 520, 90, "Convention Territoriale Globale 2023-2027", size=30,
            font="Sans-Bold", colour=SD_GREEN)
    sd_text(c, 390, 340, 520, 60, SD_TERR, size=16, colour="#333333")
    sd_text(c, 390, 262, 520, 40, "Diagnostic partagé et plan d’actions", size=20,
            font="Sans-Bold", colour=SD_OCHRE)
    sd_text(c, 390, 200, 520, 60, "Comité de pilotage du 16 novembre 2022[br]Document de "
            "travail – version soumise à validation", size=12, colour="#555555")
    sd_text(c, 390, 110, 520, 40, "Avec la Caf de la Drôme et la MSA Ardèche Drôme Loire",
            size=11, font="Sans-Oblique", colour="#555555")
    c.showPage()


def sd_demarche(c, n):
    sl = Slide(c, n, "Une démarche en cinq temps", "Méthodologie")
    steps = [("Janvier 2022", "Lancement de la démarche et comité de pilotage d’installation"),
             ("Mars – mai 2022", "Analyse des données, entretiens et questionnaire aux "
                                 "familles"),
             ("Juin 2022", "Quatre ateliers thématiques avec les acteurs du territoire"),
             ("Novembre 2022", "Validation du diagnostic et du plan d’actions en comité de "
                               "pilotage"),
             ("1er trimestre 2023", "Signature de la convention et lancement des actions")]
    bw, gap = 160, 23
    for k, (when, what) in enumerate(steps):
        x = 40 + k * (bw + gap)
        sl.add(sd_box, x, 300, bw, 44, when, fill=SD_GREEN, colour="#ffffff", size=13,
               font="Sans-Bold", align=TA_CENTER)
        sl.add(sd_box, x, 170, bw, 118, what, fill=SD_PALE, size=12, align=TA_CENTER)
        if k:
            sl.add(sd_line, x - gap, 322, x, 322, SD_OCHRE)
    sl.add(sd_box, 40, 60, SW - 80, 80,
           "287 familles ont répondu au questionnaire en ligne et papier ; 46 professionnels "
           "et élus ont participé aux ateliers thématiques.", fill=SD_CREAM, size=13)
    sl.finish()


def sd_portrait(c, n):
    sl = Slide(c, n, "Portrait du territoire : les chiffres clés", "Portrait de territoire")
    figs = [("16 142", "habitants (Insee 2019)", None),
            ("+0,6 %", "de croissance annuelle de la population entre 2013 et 2019",
             "Drôme : +0,5 % · France : +0,4 %"),
            ("3 412", "allocataires de la Caf (décembre 2021)", None),
            ("25,7 %", "de familles monoparentales parmi les familles avec enfants",
             "Drôme : 26,9 % · France : 24,9 %"),
            ("15,8 %", "taux de pauvreté des ménages", "Drôme : 15,3 % · France : 14,6 %"),
            ("52 %", "des allocataires sont des familles avec enfants", "Drôme : 48 %")]
    bw, bh, gap = 200, 140, 16
    for k, (num, cap, comp) in enumerate(figs):
        r, col = divmod(k, 3)
        sd_figure(sl, 40 + col * (bw + gap), 290 - r * (bh + gap), bw, bh, num, cap, comp,
                  fill=SD_PALE if (r + col) % 2 == 0 else SD_CREAM)
    sl.add(sd_box, 700, 134, 220, 296,
           "À retenir[br][br]Une population qui continue de croître, portée par l’arrivée de "
           "jeunes ménages dans la vallée de la Drôme.[br][br]Une population concentrée à "
           "Crest, des villages de montagne peu denses et éloignés des services.",
           fill=SD_GREEN, colour="#ffffff", size=12)
    sl.finish()


def sd_petite_enfance(c, n):
    sl = Slide(c, n, "Petite enfance : une offre appréciée mais saturée",
               "Analyse des besoins")
    figs = [("58,2 %", "taux de couverture en accueil du jeune enfant",
             "Drôme : 61,0 % · France : 59,8 %"),
            ("98", "places dans 4 établissements d’accueil du jeune enfant", None),
            ("146", "assistantes maternelles agréées", None)]
    for k, (num, cap, comp) in enumerate(figs):
        sd_figure(sl, 40, 330 - k * 132, 230, 120, num, cap, comp,
                  fill=SD_PALE if k % 2 == 0 else SD_CREAM)
    notes = ["Des listes d’attente importantes au multi-accueil de Crest, surtout pour les "
             "enfants de moins de 18 mois.",
             "Une forte demande d’accueil en horaires atypiques (santé, agriculture, "
             "commerce) : 31 % des parents interrogés travaillent avant 7 h ou après 19 h.",
             "Un Relais Petite Enfance bien identifié par les professionnelles, beaucoup moins "
             "par les familles.",
             "Des départs en retraite d’assistantes maternelles non remplacés dans les "
             "villages."]
    for k, t in enumerate(notes):
        r, col = divmod(k, 2)
        sl.add(sd_box, 300 + col * 318, 260 - r * 162, 302, 150, t, fill="#ffffff",
               stroke=SD_GREEN, size=12.5)
    sl.finish()


def sd_enfance_jeunesse(c, n):
    sl = Slide(c, n, "Enfance et jeunesse : une offre à rendre accessible à tous",
               "Analyse des besoins")
    figs = [("7", "accueils de loisirs extrascolaires", None),
            ("1 523", "jeunes âgés de 11 à 17 ans", None),
            ("18,4 %", "des 15-24 ans ni en emploi ni en formation",
             "Drôme : 16,2 % · France : 12,9 %")]
    for k, (num, cap, comp) in enumerate(figs):
        sd_figure(sl, 690, 330 - k * 132, 230, 120, num, cap, comp,
                  fill=SD_CREAM if k % 2 == 0 else SD_PALE, num_colour=SD_PLUM)
    notes = ["Peu d’offre pour les 11-14 ans en dehors des vacances scolaires.",
             "Des difficultés de mobilité pour les jeunes des villages de montagne, sans "
             "transport en commun le mercredi.",
             "Un recrutement d’animateurs de plus en plus difficile, en particulier l’été.",
             "Des jeunes qui souhaitent être associés aux projets qui les concernent."]
    for k, t in enumerate(notes):
        r, col = divmod(k, 2)
        sl.add(sd_box, 40 + col * 318, 260 - r * 162, 302, 150, t, fill="#ffffff",
               stroke=SD_PLUM, size=12.5)
    sl.finish()


def sd_parentalite(c, n):
    sl = Slide(c, n, "Parentalité, vie sociale et accès aux droits", "Analyse des besoins")
    figs = [("2", "centres sociaux", None), ("1", "lieu d’accueil enfants-parents", None),
            ("62 %", "des parents interrogés ne connaissent pas l’offre de soutien à la "
                     "parentalité", None),
            ("27 %", "des allocataires dont les revenus dépendent à plus de 50 % des "
                     "prestations", "Drôme : 24 %")]
    for k, (num, cap, comp) in enumerate(figs):
        sd_figure(sl, 40 + k * 222, 290, 206, 140, num, cap, comp,
                  fill=SD_PALE if k % 2 == 0 else SD_CREAM)
    notes = ["Une offre parentalité riche mais concentrée à Crest et peu lisible pour les "
             "familles des villages.",
             "Des centres sociaux reconnus comme lieux ressources, qui manquent de bénévoles.",
             "Un espace France services très fréquenté, des besoins d’accompagnement aux "
             "démarches en ligne."]
    for k, t in enumerate(notes):
        sl.add(sd_box, 40 + k * 296, 80, 280, 180, t, fill="#ffffff", stroke=SD_OCHRE,
               size=13)
    sl.finish()


SD_ENJEUX = ["Adapter l’offre d’accueil du jeune enfant aux rythmes de travail des familles",
             "Construire une offre jeunesse lisible et accessible sur tout le territoire",
             "Faire connaître et rapprocher l’offre de soutien à la parentalité",
             "Garantir un accès de proximité aux droits et aux services"]


def sd_enjeux(c, n):
    sl = Slide(c, n, "Quatre enjeux partagés pour 2023-2027", "Enjeux")
    for k, t in enumerate(SD_ENJEUX):
        r, col = divmod(k, 2)
        sl.add(sd_box, 40 + col * 450, 262 - r * 176, 430, 160, f"{k + 1}. {t}",
               fill=SD_PALE if k in (0, 3) else SD_CREAM, size=17, font="Sans-Bold",
               colour=SD_GREEN, align=TA_CENTER)
    sl.finish()


SD_TREES = [
    ("Axe 1[br]Petite enfance", [
        ("Répondre aux besoins d’accueil en horaires atypiques", [
            "Expérimenter une amplitude élargie (6 h 30 – 20 h) au multi-accueil de Crest",
            "Constituer un réseau d’assistantes maternelles en horaires décalés"]),
        ("Mieux informer les familles sur les modes d’accueil", [
            "Créer un guichet unique d’information petite enfance",
            "Organiser une matinée portes ouvertes annuelle des modes d’accueil"])]),
    ("Axe 2[br]Enfance – Jeunesse", [
        ("Développer une offre pour les 11-14 ans hors vacances scolaires", [
            "Ouvrir un accueil jeunes les mercredis et samedis à Saillans",
            "Mettre en place des navettes vers les accueils de loisirs"]),
        ("Soutenir l’engagement et les projets des jeunes", [
            "Financer des formations BAFA pour les jeunes du territoire",
            "Créer un conseil intercommunal des jeunes"])]),
    ("Axe 3[br]Parentalité", [
        ("Rendre visible l’offre de soutien à la parentalité", [
            "Éditer un guide parentalité intercommunal"]),
        ("Aller vers les familles isolées", [
            "Proposer un lieu d’accueil enfants-parents itinérant dans les villages",
            "Développer des temps parents-enfants dans les centres sociaux"])]),
    ("Axe 4[br]Accès aux droits et vie sociale", [
        ("Rapprocher les services des habitants éloignés", [
            "Organiser des permanences France services itinérantes"]),
        ("Conforter les centres sociaux comme lieux ressources", [
            "Accompagner le renouvellement des projets sociaux",
            "Former les bénévoles à l’accueil et à l’orientation des habitants"])]),
]


def sd_tree(c, n, axe, objs):
    sl = Slide(c, n, "Plan d’actions : " + axe.replace("[br]", " – "), "Fiches-Actions")
    # column labels
    for x, label in ((40, "Axe"), (270, "Objectifs"), (580, "Actions")):
        sl.add(sd_text, x, 432, 200, 20, label, size=11, font="Sans-Bold", colour=SD_OCHRE)
    top, bottom = 410, 50
    n_act = sum(len(a) for _, a in objs)
    ah, agap = 62, 14
    total = n_act * ah + (n_act - 1) * agap + (len(objs) - 1) * 14
    y = top - (top - bottom - total) / 2
    obj_pos = []
    act_boxes = []
    for obj, acts in objs:
        y_start = y
        for act in acts:
            act_boxes.append((y - ah, act))
            y -= ah + agap
        y_end = y + agap
        obj_pos.append(((y_start + y_end) / 2, obj))
        y -= 14
    axe_mid = (top + bottom) / 2
    sl.add(sd_box, 40, axe_mid - 60, 190, 120, axe, fill=SD_GREEN, colour="#ffffff", size=17,
           font="Sans-Bold", align=TA_CENTER)
    ai = 0
    for mid, (obj, acts) in zip((m for m, _ in obj_pos), objs):
        oh = 84
        sl.add(sd_box, 270, mid - oh / 2, 270, oh, obj, fill=SD_CREAM, size=13,
               font="Sans-Bold", colour="#5a3d10")
        sl.add(sd_line, 230, axe_mid, 270, mid)
        for act in acts:
            ay, text = act_boxes[ai]
            ai += 1
            sl.add(sd_box, 580, ay, 340, ah, text, fill="#ffffff", stroke=SD_GREEN, size=12)
            sl.add(sd_line, 540, mid, 580, ay + ah / 2, SD_OCHRE)
    sl.finish()


def sd_gouvernance(c, n):
    sl = Slide(c, n, "Gouvernance et suite de la démarche", "Mise en œuvre de la CTG")
    items = [("Comité de pilotage", "Une fois par an : élus de la Communauté de communes, Caf "
              "de la Drôme, MSA, Département"),
             ("Comité technique", "Deux fois par an : techniciens de la Communauté, "
              "conseillère territoriale de la Caf, coordinatrice CTG"),
             ("Signature", "Signature de la convention prévue au 1er trimestre 2023"),
             ("Évaluation", "Bilan à mi-parcours en 2025, évaluation finale en 2027")]
    for k, (h, t) in enumerate(items):
        y = 350 - k * 88
        sl.add(sd_box, 40, y, 230, 74, h, fill=SD_GREEN, colour="#ffffff", size=15,
               font="Sans-Bold", align=TA_CENTER)
        sl.add(sd_box, 290, y, 630, 74, t, fill=SD_PALE, size=13)
    sl.finish()


def build_crestois():
    path = OUT / f"{SD_NAME}.pdf"
    c = rl_canvas.Canvas(str(path), pagesize=(SW, SH))
    c.setTitle("CTG 3CPS - Diagnostic et plan d'actions - COPIL 16-11-2022")
    c.setAuthor("Cabinet Ancrages Territoires")
    c.setCreator("Microsoft® PowerPoint® pour Microsoft 365")
    sd_title_slide(c)
    n = 2
    for fn in (sd_demarche, sd_portrait, sd_petite_enfance, sd_enfance_jeunesse,
               sd_parentalite, sd_enjeux):
        fn(c, n)
        n += 1
    for axe, objs in SD_TREES:
        sd_tree(c, n, axe, objs)
        n += 1
    sd_gouvernance(c, n)
    c.save()
    return path


# ================================================================ 4. scanned deliberation (Marne)

SM_NAME = "sainte-menehould-deliberation-ctg-2024-scan"
SMB = st("sm_body", fontName="Serif", fontSize=10.4, leading=14.2, alignment=TA_JUSTIFY,
         spaceAfter=7)
SMBUL = st("sm_bul", parent=SMB, leftIndent=18, bulletIndent=4, spaceAfter=4)
SMC = st("sm_c", fontName="Serif-Bold", fontSize=11, leading=14, alignment=TA_CENTER)
SMSMALL = st("sm_small", fontName="Serif", fontSize=9, leading=11.5)


def sm_page1(c):
    x0, w = 62, W - 124
    draw_para(c, "DÉPARTEMENT DE LA MARNE[br]ARRONDISSEMENT DE SAINTE-MENEHOULD[br][b]VILLE DE "
              "SAINTE-MENEHOULD[/b]", st("sm_hd", fontName="Serif", fontSize=9, leading=12),
              x0, H - 50, 230)
    placeholder(c, W - 62 - 70, H - 110, 70, 62, fill="#e2e2e2")      # coat of arms
    draw_para(c, "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS[br]DU CONSEIL MUNICIPAL",
              st("sm_t", fontName="Serif-Bold", fontSize=13.5, leading=17,
                 alignment=TA_CENTER), x0, H - 128, w)
    draw_para(c, "Séance du jeudi 28 mars 2024", SMC, x0, H - 170, w)
    y = H - 196
    tbl = Table([["Nombre de conseillers", "Date de convocation", "Délibération"],
                 ["En exercice : 23 – Présents : 17 – Votants : 21", "21 mars 2024",
                  "n° 2024-031"]], colWidths=[w * 0.46, w * 0.27, w * 0.27])
    tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                             ("FONT", (0, 0), (-1, 0), "Serif-Bold", 9),
                             ("FONT", (0, 1), (-1, 1), "Serif", 9),
                             ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    _, h = tbl.wrap(w, 100)
    tbl.drawOn(c, x0, y - h)
    y -= h + 12
    story = [
        P("L’an deux mille vingt-quatre, le vingt-huit mars à dix-neuf heures trente, le "
          "Conseil municipal de la Ville de Sainte-Menehould, dûment convoqué, s’est réuni en "
          "séance publique à l’Hôtel de Ville, sous la présidence de Monsieur Bertrand "
          "HUMBERT, Maire.", SMB),
        P("[b]Présents :[/b] M. Bertrand HUMBERT, Mme Nathalie PERRIN-DUVAL, M. Didier "
          "COLLARD, Mme Sylvie MANGIN, M. Laurent THIÉBAULT, Mme Christine JACQUESSON, M. "
          "Patrick ANDRÉ, Mme Véronique LALLEMENT, M. Jean-Claude PIERSON, Mme Aurélie "
          "MAILLARD, M. Franck HENRIOT, Mme Marie-Pierre GOBERT, M. Julien GÉRARD, Mme Sandrine "
          "FAYE, M. Olivier BARTHÉLEMY, Mme Émilie DROUOT, M. Thierry LAMBERT.", SMB),
        P("[b]Absents représentés :[/b] Mme Élodie ROYER (pouvoir à Mme PERRIN-DUVAL), M. "
          "Gérard PAYEN (pouvoir à M. HUMBERT), Mme Catherine VIGNERON (pouvoir à M. COLLARD), "
          "M. Stéphane WARNIER (pouvoir à Mme MANGIN).", SMB),
        P("[b]Absents excusés :[/b] Mme Laetitia BRIQUET, M. Benoît COLSON.", SMB),
        P("[b]Secrétaire de séance :[/b] M. Julien GÉRARD.", SMB),
        Spacer(1, 4),
        P("[b]Objet : Convention Territoriale Globale 2024-2028 avec la Caisse d’allocations "
          "familiales de la Marne – Approbation et autorisation de signature[/b]", SMB),
        P("[b]Rapporteur :[/b] Mme Nathalie PERRIN-DUVAL, Adjointe au Maire déléguée à "
          "l’enfance, à la jeunesse et aux affaires scolaires.", SMB),
        P("Depuis 2012, la Ville était liée à la Caisse d’allocations familiales (Caf) de la "
          "Marne par un Contrat enfance jeunesse (CEJ), arrivé à échéance le 31 décembre 2022. "
          "Conformément aux orientations de la Caisse nationale des allocations familiales, ce "
          "dispositif est remplacé par la Convention Territoriale Globale (CTG), convention "
          "de partenariat qui vise à renforcer l’efficacité, la cohérence et la coordination "
          "des actions en direction des habitants du territoire.", SMB),
        P("Un diagnostic partagé a été conduit au cours de l’année 2023 avec les services de la "
          "Caf. Il fait apparaître une population de 3 981 habitants, dont 548 foyers "
          "allocataires, une part de familles monoparentales de 29,3 % parmi les familles "
          "allocataires, et un taux de couverture en accueil du jeune enfant de 47,6 %, "
          "inférieur à la moyenne départementale (58,9 %).", SMB),
    ]
    f = Frame(x0, 50, w, y - 50, **NOPAD)
    f.addFromList(story, c)
    if story:
        raise ValueError("deliberation page 1 overflow")
    c.setFont("Serif", 8)
    c.drawCentredString(W / 2, 28, "1/2")
    c.showPage()


def sm_page2(c):
    x0, w = 62, W - 124
    story = [
        P("Au vu de ce diagnostic, le projet de convention retient les axes de travail "
          "suivants :", SMB),
        *[Paragraph(escape(t), SMBUL, bulletText="–") for t in (
            "petite enfance : conforter le multi-accueil municipal et développer l’accueil "
            "individuel ;",
            "enfance et jeunesse : adapter l’accueil de loisirs du mercredi aux besoins des "
            "familles et développer une offre pour les adolescents ;",
            "parentalité : créer des temps d’échanges entre parents, en lien avec le centre "
            "social ;",
            "accès aux droits : faciliter l’accès aux services de la Caf par l’intermédiaire "
            "de l’espace France services.")],
        P("La convention est conclue pour une durée de cinq ans, du 1er janvier 2024 au 31 "
          "décembre 2028. Elle permet notamment le versement à la Ville du bonus « territoire "
          "CTG » en remplacement des financements du CEJ, soit un montant estimé à 86 400 "
          "euros par an.", SMB),
        P("Vu le Code général des collectivités territoriales, notamment son article "
          "L. 2121-29 ;", SMB),
        P("Vu l’avis favorable de la commission enfance, jeunesse et affaires scolaires du 14 "
          "mars 2024 ;", SMB),
        P("Considérant l’intérêt pour la Ville de poursuivre son partenariat avec la Caf de la "
          "Marne ;", SMB),
        P("[b]Le Conseil municipal, après en avoir délibéré, à l’unanimité des membres présents "
          "et représentés :[/b]", SMB),
        *[Paragraph(t, SMBUL, bulletText="–") for t in (
            "<b>APPROUVE</b> la Convention Territoriale Globale 2024-2028 à conclure avec la "
            "Caisse d’allocations familiales de la Marne, annexée à la présente "
            "délibération ;",
            "<b>AUTORISE</b> Monsieur le Maire, ou son représentant, à signer ladite convention "
            "ainsi que tout document s’y rapportant ;",
            "<b>DIT</b> que les recettes correspondantes seront inscrites au budget de la "
            "Ville.")],
        Spacer(1, 8),
        P("Ainsi fait et délibéré les jour, mois et an susdits.", SMB),
    ]
    f = Frame(x0, 300, w, H - 60 - 300, **NOPAD)
    f.addFromList(story, c)
    if story:
        raise ValueError("deliberation page 2 overflow")
    # signatures and stamp
    draw_para(c, "Le secrétaire de séance,[br]Julien GÉRARD", SMSMALL, x0, 285, 180)
    draw_para(c, "Pour extrait certifié conforme au registre,[br]Fait à Sainte-Menehould, le "
              "29 mars 2024[br][br]Le Maire,[br][br][br][br]Bertrand HUMBERT",
              st("sm_sig", fontName="Serif", fontSize=10, leading=13), W - 62 - 220, 285, 220)
    c.saveState()
    c.setStrokeColor(C("#555555"))
    c.setLineWidth(1.2)
    c.circle(W - 62 - 160, 200, 34)                 # the town's round stamp, no text
    c.circle(W - 62 - 160, 200, 26)
    c.setLineWidth(0.8)
    path = c.beginPath()                            # a hand-written signature stroke
    path.moveTo(W - 62 - 130, 196)
    path.curveTo(W - 62 - 110, 230, W - 62 - 90, 170, W - 62 - 70, 205)
    path.curveTo(W - 62 - 60, 215, W - 62 - 50, 190, W - 62 - 30, 200)
    c.drawPath(path, stroke=1, fill=0)
    c.rect(x0, 92, 250, 70, stroke=1, fill=0)
    c.restoreState()
    draw_para(c, "Acte rendu exécutoire après transmission en préfecture de la Marne le "
              "3 avril 2024 et publication le 4 avril 2024.[br]Accusé de réception reçu le "
              "03/04/2024.", SMSMALL, x0 + 8, 154, 234)
    draw_para(c, "La présente délibération peut faire l’objet d’un recours contentieux devant "
              "le Tribunal administratif de Châlons-en-Champagne dans un délai de deux mois à "
              "compter de sa publication.", st("sm_foot", fontName="Serif-Italic", fontSize=8,
                                              leading=10), x0, 76, w)
    c.setFont("Serif", 8)
    c.drawCentredString(W / 2, 28, "2/2")
    c.showPage()


SCAN_META = {"title": "", "author": "", "subject": "", "keywords": "", "creator": "",
             "producer": "", "creationDate": "", "modDate": "", "trapped": "", "format": ""}


def degrade(img, page_no):
    rnd = random.Random(4100 + page_no)
    rng = np.random.default_rng(4200 + page_no)
    img = img.rotate(rnd.uniform(-1.3, 1.3), resample=Image.BICUBIC, expand=False,
                     fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    a = 30 + a * (224 - 30) / 255                   # paper is never white, toner never black
    a += rng.normal(0, 5, a.shape)
    h, w = a.shape
    for _ in range(rnd.randint(200, 350)):           # dust specks
        y, x = rng.integers(0, h - 3), rng.integers(0, w - 3)
        s = int(rng.integers(1, 4))
        a[y:y + s, x:x + s] = rng.uniform(20, 110)
    a[:, :int(rng.integers(10, 22))] *= 0.55        # shadow of the scanner lid on one edge
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    return out.filter(ImageFilter.GaussianBlur(1.0))


def build_sainte_menehould():
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    sm_page1(c)
    sm_page2(c)
    c.save()
    src = pymupdf.open(stream=buf.getvalue(), filetype="pdf")
    scan = pymupdf.open()
    for i, page in enumerate(src):
        pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY, alpha=False)
        img = degrade(Image.frombytes("L", (pix.width, pix.height), pix.samples), i)
        jb = io.BytesIO()
        img.save(jb, format="JPEG", quality=42, optimize=True)
        new = scan.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jb.getvalue())
    scan.set_metadata(SCAN_META)
    path = OUT / f"{SM_NAME}.pdf"
    scan.save(path, garbage=4, deflate=True, no_new_id=True)
    return path, src


# ================================================================ 5. web article printed to PDF (Somme)

AB_NAME = "abbeville-article-ctg-caf-somme"
AB_BLUE = "#0b4f8a"
AB_TITLE = "La Ville et la Caf de la Somme signent une Convention territoriale globale"
AB_URL = ("https://www.abbeville.fr/actualites/la-ville-et-la-caf-de-la-somme-signent-une-"
          "convention-territoriale-globale")
WMX = 62
WTEXT = W - 2 * WMX
WBODY = st("w_body", fontSize=10.8, leading=16.2, spaceAfter=9, textColor=C("#1f1f1f"))
WLEAD = st("w_lead", parent=WBODY, fontName="Sans-Bold", fontSize=11.3, leading=16.8)
WH1 = st("w_h1", fontName="Sans-Bold", fontSize=21, leading=26, spaceBefore=14, spaceAfter=8)
WH2 = st("w_h2", fontName="Sans-Bold", fontSize=14.5, leading=18.5, spaceBefore=10,
         spaceAfter=7, textColor=C(AB_BLUE))
WMETA = st("w_meta", fontSize=8.8, leading=12, textColor=C("#6b6b6b"), spaceAfter=10)
WCAP = st("w_cap", fontName="Sans-Oblique", fontSize=8.5, leading=11.5,
          textColor=C("#555555"), spaceBefore=4, spaceAfter=12)
WQUOTE = st("w_quote", parent=WBODY, fontName="Sans-Oblique", leftIndent=16,
            textColor=C("#333333"), borderColor=C(AB_BLUE), borderWidth=0, borderPadding=0)
WLI = st("w_li", parent=WBODY, spaceAfter=5)


def ab_chrome(c, i, n):
    c.saveState()
    c.setFont("Sans", 7)
    c.setFillColor(C("#555555"))
    c.drawString(22, H - 20, "22/01/2025 14:37")
    c.drawCentredString(W / 2, H - 20, AB_TITLE + " - Ville d'Abbeville")
    c.drawString(22, 16, AB_URL)
    c.drawRightString(W - 22, 16, f"{i}/{n}")
    c.restoreState()


def web_band(text, colour, nav):
    band = Table([[P(text, st("w_site", fontName="Sans-Bold", fontSize=18, leading=22,
                               textColor=colors.white))]], colWidths=[WTEXT])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), C(colour)),
                              ("LEFTPADDING", (0, 0), (-1, -1), 14),
                              ("TOPPADDING", (0, 0), (-1, -1), 15),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 15)]))
    menu = Table([[Paragraph(("&nbsp;" * 6).join(escape(x) for x in nav),
                             st("w_nav", fontName="Sans-Bold", fontSize=9, leading=12,
                                textColor=C("#333333")))]], colWidths=[WTEXT])
    menu.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), C("#efefef")),
                              ("LINEBELOW", (0, 0), (-1, -1), 2, C(colour)),
                              ("LEFTPADDING", (0, 0), (-1, -1), 12),
                              ("TOPPADDING", (0, 0), (-1, -1), 7),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    return [band, menu]


def build_abbeville():
    story = web_band("Ville d’Abbeville", AB_BLUE,
                     ["Accueil", "Ma ville", "Mes démarches", "Culture & loisirs", "Solidarités",
                      "Actualités"])
    story += [
        P("Accueil › Actualités › Solidarités", st("w_bc", fontSize=8, leading=11,
                                                     textColor=C("#777777"), spaceBefore=8)),
        P(AB_TITLE, WH1),
        P("Publié le 22 janvier 2025 · Solidarités, Famille", WMETA),
        P("Ce mardi 21 janvier, la Ville d’Abbeville, la Caisse d’allocations familiales de la "
          "Somme et le Département de la Somme ont signé en mairie la Convention territoriale "
          "globale (CTG) qui fixe, pour la période 2025-2029, les priorités communes en faveur "
          "des familles abbevilloises.", WLEAD),
        KeepTogether([Spacer(1, 4), Placeholder(WTEXT, WTEXT * 0.45),
                      P("De gauche à droite : Jean-Marc Dufossé, vice-président du Département "
                        "de la Somme chargé de l’enfance et de la famille, Martine Caron, "
                        "présidente du conseil d’administration de la Caf de la Somme, Mathilde "
                        "Vasseur-Leclercq, maire d’Abbeville, et Olivier Delattre, directeur de "
                        "la Caf de la Somme. © Ville d’Abbeville", WCAP)]),
        P("Un cadre commun pour cinq ans", WH2),
        P("La CTG succède au Contrat enfance jeunesse qui liait la commune à la Caf depuis "
          "2009. Elle s’inscrit dans la Convention d’objectifs et de gestion 2023-2027 signée "
          "entre l’État et la Caisse nationale des allocations familiales, et dans le schéma "
          "départemental des services aux familles. Fait nouveau à Abbeville, le Département "
          "de la Somme est cosignataire de la convention, au titre de ses compétences en "
          "matière de protection maternelle et infantile et d’action sociale.", WBODY),
        P("« Cette convention nous engage sur des actions concrètes, construites avec les "
          "familles et les associations du territoire », a souligné Mathilde Vasseur-Leclercq. "
          "Pour Olivier Delattre, « la CTG permet de mettre autour de la table tous ceux qui "
          "agissent pour les familles, et de le faire dans la durée ».", WQUOTE),
        P("Quatre priorités", WH2),
        P("Élaborée à partir d’un diagnostic partagé mené au printemps 2024, la convention "
          "retient quatre priorités :", WBODY),
        ListFlowable([ListItem(P(t, WLI), leftIndent=18, value="•") for t in (
            "[b]Petite enfance[/b] : augmenter le nombre de places d’accueil dans le quartier "
            "du Soleil Levant et soutenir les assistants maternels ;",
            "[b]Jeunesse[/b] : développer les activités des 12-17 ans pendant les vacances et "
            "accompagner les projets de jeunes ;",
            "[b]Parentalité[/b] : créer un lieu d’accueil enfants-parents et renforcer "
            "l’accompagnement à la scolarité ;",
            "[b]Accès aux droits[/b] : organiser des permanences de la Caf au centre social et "
            "lutter contre le non-recours aux prestations.")],
            bulletType="bullet", start="•", leftIndent=18, bulletFontName="Sans",
            bulletFontSize=11, spaceAfter=8),
        P("Quelques chiffres", WH2),
        P("Abbeville compte 22 840 habitants et 5 120 foyers allocataires de la Caf. 31,4 % des "
          "familles allocataires sont des familles monoparentales, contre 27,2 % dans la "
          "Somme. En 2023, la Caf a consacré 3,2 millions d’euros au fonctionnement des "
          "équipements et services abbevillois (crèches, accueils de loisirs, centres "
          "sociaux), et versé 41,5 millions d’euros de prestations aux familles de la "
          "commune.", WBODY),
        P("La ville-centre pèse lourd dans la Communauté d’agglomération de la Baie de Somme, "
          "qui compte près de 50 000 habitants et dont 38 % des familles allocataires résident "
          "à Abbeville.", WBODY),
        P("Un comité de pilotage réunira chaque année les signataires pour suivre la mise en "
          "œuvre des actions ; un premier bilan est attendu à l’automne 2026.", WBODY),
        P("Partager : Facebook · X · LinkedIn · Courriel", st("w_share", fontSize=8.5,
                                                          leading=11, textColor=C("#777777"),
                                                          spaceBefore=6)),
    ]
    foot = Table([[P("Ville d’Abbeville – Hôtel de Ville – 80100 Abbeville[br]Mentions légales "
                     "· Accessibilité · Plan du site · Contact",
                     st("w_foot", fontSize=8.8, leading=12, textColor=colors.white))]],
                 colWidths=[WTEXT])
    foot.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), C("#1d2b3a")),
                              ("LEFTPADDING", (0, 0), (-1, -1), 14),
                              ("TOPPADDING", (0, 0), (-1, -1), 14),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    story += [Spacer(1, 20), foot]
    path = OUT / f"{AB_NAME}.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=WMX, rightMargin=WMX,
                            topMargin=44, bottomMargin=44, title=AB_TITLE + " - Ville d'Abbeville",
                            creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0",
                            producer="Skia/PDF m131")
    doc.build(story, canvasmaker=deferred_canvas(ab_chrome))
    return path


# ================================================================ 6. HTML page, UTF-8 (Doubs)

GP_NAME = "grand-pontarlier-ctg-2023-2027"
GP_HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>La Convention territoriale globale 2023-2027 | Communauté de communes du Grand Pontarlier</title>
<meta name="description" content="La CTG signée avec la Caf du Doubs : priorités, objectifs et chiffres clés.">
<link rel="stylesheet" href="/themes/ccgp/css/styles.min.css?v=3.4.1">
<style>
body { font-family: "Open Sans", Arial, sans-serif; margin: 0; color: #243038; }
header .top { background: #0e5a74; color: #fff; padding: 14px 28px; font-size: 1.5em; font-weight: 700; }
nav.main ul { list-style: none; margin: 0; padding: 10px 28px; background: #eef4f6; border-bottom: 3px solid #e3a21a; }
nav.main li { display: inline-block; margin-right: 22px; }
nav.main a, .breadcrumb a { color: #0e5a74; text-decoration: none; }
main { max-width: 900px; margin: 0 auto; padding: 10px 28px 40px; line-height: 1.6; }
table.chiffres { border-collapse: collapse; width: 100%; margin: 12px 0 24px; }
table.chiffres th, table.chiffres td { border: 1px solid #b9c8ce; padding: 6px 10px; text-align: left; }
table.chiffres th { background: #0e5a74; color: #fff; }
aside.encart { background: #fdf4e0; border-left: 4px solid #e3a21a; padding: 10px 16px; }
footer { background: #243038; color: #dfe6e9; padding: 22px 28px; font-size: 0.9em; }
footer a { color: #dfe6e9; }
</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header>
  <div class="top">Communauté de communes du Grand Pontarlier</div>
  <nav class="main" aria-label="Menu principal">
    <ul>
      <li><a href="/">Accueil</a></li>
      <li><a href="/la-communaute">La Communauté</a></li>
      <li><a href="/vivre">Vivre</a></li>
      <li><a href="/vivre/petite-enfance">Petite enfance</a></li>
      <li><a href="/vivre/jeunesse">Jeunesse</a></li>
      <li><a href="/environnement">Environnement</a></li>
      <li><a href="/actualites">Actualités</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </nav>
</header>
<main id="contenu">
  <p class="breadcrumb"><a href="/">Accueil</a> › <a href="/vivre">Vivre</a> › <a href="/vivre/familles">Familles</a> › Convention territoriale globale</p>
  <article>
    <h1>La Convention territoriale globale (CTG) 2023-2027</h1>
    <p class="chapo">Le 6 juillet 2023, la Communauté de communes du Grand Pontarlier et la Caisse d’allocations familiales du Doubs ont signé la Convention territoriale globale qui encadre, jusqu’au 31 décembre 2027, leur politique commune en faveur des familles.</p>
    <p>La convention a été signée par Jean-Luc Cuenot-Vuillemin, président de la Communauté de communes, et Sandrine Fayolle, directrice de la Caf du Doubs, en présence des maires des dix communes membres. Elle prend le relais du Contrat enfance jeunesse, arrivé à son terme fin 2022.</p>
    <p>La CTG concerne les 10 communes du Grand Pontarlier :</p>
    <ul class="communes">
      <li>Chaffois</li>
      <li>Dommartin</li>
      <li>Doubs</li>
      <li>Granges-Narboz</li>
      <li>Houtaud</li>
      <li>La Cluse-et-Mijoux</li>
      <li>Les Verrières-de-Joux</li>
      <li>Pontarlier</li>
      <li>Sainte-Colombe</li>
      <li>Vuillecin</li>
    </ul>

    <h2>Le territoire en chiffres</h2>
    <table class="chiffres">
      <caption>Chiffres clés du diagnostic partagé (sources : Caf du Doubs, Insee)</caption>
      <thead>
        <tr><th scope="col">Indicateur</th><th scope="col">Grand Pontarlier</th><th scope="col">Département du Doubs</th></tr>
      </thead>
      <tbody>
        <tr><td>Population (Insee 2020)</td><td>28&nbsp;914 habitants</td><td>543&nbsp;974 habitants</td></tr>
        <tr><td>Foyers allocataires de la Caf (2022)</td><td>6&nbsp;874</td><td>131&nbsp;250</td></tr>
        <tr><td>Enfants de moins de 3 ans (2022)</td><td>1&nbsp;046</td><td>17&nbsp;820</td></tr>
        <tr><td>Places en établissements d’accueil du jeune enfant</td><td>312 places</td><td>–</td></tr>
        <tr><td>Taux de couverture petite enfance (2021)</td><td>63,7&nbsp;%</td><td>60,2&nbsp;%</td></tr>
        <tr><td>Part des familles monoparentales</td><td>22,8&nbsp;%</td><td>25,9&nbsp;%</td></tr>
        <tr><td>Aides de la Caf aux équipements et services du territoire (2022)</td><td>4,6 millions d’euros</td><td>–</td></tr>
      </tbody>
    </table>

    <p>Près d’un actif sur trois du territoire travaille en Suisse : les horaires et les temps de trajet des parents pèsent fortement sur les besoins d’accueil des enfants.</p>

    <h2>Petite enfance</h2>
    <ul>
      <li>Créer 40 nouvelles places d’accueil collectif d’ici 2026</li>
      <li>Faciliter le recrutement de professionnels de la petite enfance</li>
      <li>Développer l’accueil en horaires décalés pour les parents travaillant en Suisse</li>
    </ul>

    <h2>Enfance et jeunesse</h2>
    <ul>
      <li>Augmenter les capacités d’accueil des centres de loisirs pendant l’été</li>
      <li>Créer un espace jeunes intercommunal pour les 12-17 ans</li>
    </ul>

    <h2>Parentalité</h2>
    <ul>
      <li>Ouvrir un lieu d’accueil enfants-parents à Pontarlier</li>
      <li>Proposer des conférences et des ateliers pour les parents</li>
    </ul>

    <h2>Animation de la vie sociale</h2>
    <ul>
      <li>Accompagner la création d’un espace de vie sociale dans les communes rurales</li>
      <li>Soutenir les associations et les initiatives des habitants</li>
    </ul>

    <h2>Logement</h2>
    <ul>
      <li>Faciliter l’accès au logement des jeunes actifs et des apprentis</li>
      <li>Prévenir les impayés de loyer en lien avec la Caf</li>
    </ul>

    <aside class="encart">
      <h3>Suivi de la convention</h3>
      <p>Un comité de pilotage se réunit chaque année. Le bilan 2024 a été présenté au conseil communautaire du 27 mars 2025.</p>
      <p><a href="/medias/ctg-grand-pontarlier-2023-2027.pdf">Télécharger la convention (PDF, 2,1 Mo)</a></p>
    </aside>
  </article>
</main>
<footer>
  <p><strong>Communauté de communes du Grand Pontarlier</strong> – 25300 Pontarlier</p>
  <p><a href="/mentions-legales">Mentions légales</a> · <a href="/accessibilite">Accessibilité : partiellement conforme</a> · <a href="/plan-du-site">Plan du site</a> · <a href="/cookies">Gestion des cookies</a></p>
  <p>© 2025 Communauté de communes du Grand Pontarlier</p>
</footer>
<script src="/themes/ccgp/js/main.min.js?v=3.4.1" defer></script>
</body>
</html>
"""


def build_grand_pontarlier():
    path = OUT / f"{GP_NAME}.html"
    path.write_bytes(GP_HTML.encode("utf-8"))
    return path


# ================================================================ 7. HTML page, Windows-1252 (Haute-Vienne)

SJ_NAME = "caf-haute-vienne-ctg-saint-junien"
SJ_HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="windows-1252">
<title>Saint-Junien et la Caf signent une nouvelle Convention territoriale globale - Caf de la Haute-Vienne</title>
<style type="text/css">
body { font-family: Verdana, Arial, sans-serif; font-size: 13px; margin: 0; color: #333; }
#bandeau { background: #1a4b8c; color: #fff; padding: 12px 20px; }
#bandeau .logo { font-size: 20px; font-weight: bold; }
#menu { background: #e9eef5; padding: 8px 20px; }
#menu a { margin-right: 18px; color: #1a4b8c; font-weight: bold; text-decoration: none; }
#contenu { width: 860px; margin: 0 auto; padding: 10px 20px 30px; line-height: 1.55; }
.date { color: #888; font-size: 11px; }
.encadre { background: #f3f3f3; border: 1px solid #ddd; padding: 8px 14px; }
#pied { background: #2b2b2b; color: #ccc; padding: 16px 20px; font-size: 11px; }
#pied a { color: #ccc; }
</style>
</head>
<body>
<div id="bandeau">
  <span class="logo">caf.fr</span> &nbsp;|&nbsp; Ma Caf : Haute-Vienne (87)
</div>
<div id="menu">
  <a href="/allocataires">Allocataires</a>
  <a href="/partenaires">Partenaires</a>
  <a href="/ma-caf">Ma Caf</a>
  <a href="/ma-caf/actualites">Actualit\u00e9s</a>
  <a href="/nous-contacter">Nous contacter</a>
</div>
<div id="contenu">
<p class="fil"><a href="/">Accueil</a> &gt; <a href="/partenaires">Partenaires</a> &gt; <a href="/partenaires/actualites">Actualit\u00e9s partenaires</a></p>
<h1>Saint-Junien et la Caf signent une nouvelle Convention territoriale globale</h1>
<p class="date">Publi\u00e9 le 25/11/2024 - Mis \u00e0 jour le 02/12/2024</p>

<p><strong>Le 18 novembre 2024, Herv\u00e9 Lachaud, directeur de la Caf de la Haute-Vienne, et Isabelle Peyronnet, maire de Saint-Junien, ont sign\u00e9 la Convention territoriale globale (CTG) de la commune pour la p\u00e9riode 2024-2028.</strong> La signature s\u2019est d\u00e9roul\u00e9e \u00e0 l\u2019h\u00f4tel de ville, en pr\u00e9sence de Pascal Nouaille, pr\u00e9sident du conseil d\u2019administration de la Caf, et des partenaires associ\u00e9s \u00e0 la d\u00e9marche.</p>

<h2>Qu\u2019est-ce qu\u2019une CTG ?</h2>
<p>La Convention territoriale globale est une convention de partenariat qui vise \u00e0 renforcer l\u2019efficacit\u00e9, la coh\u00e9rence et la coordination des actions en direction des habitants d\u2019un territoire. Elle peut mobiliser tous les champs d\u2019intervention de la Caf : petite enfance, enfance, jeunesse, parentalit\u00e9, animation de la vie sociale, acc\u00e8s aux droits, inclusion num\u00e9rique, logement, handicap et accompagnement social. Elle est sign\u00e9e pour une dur\u00e9e de quatre \u00e0 cinq ans, \u00e0 l\u2019\u00e9chelle d\u2019une commune ou d\u2019une intercommunalit\u00e9.</p>
<p>En Haute-Vienne, 23 CTG sont aujourd\u2019hui sign\u00e9es et couvrent 96 % des habitants du d\u00e9partement. En 2023, la Caf a vers\u00e9 478 millions d\u2019euros de prestations aux allocataires haut-viennois.</p>

<h2>Les priorit\u00e9s retenues \u00e0 Saint-Junien</h2>
<p>Le diagnostic partag\u00e9 r\u00e9alis\u00e9 en 2023 avec les services municipaux, les associations et les familles a conduit la Ville et la Caf \u00e0 retenir trois priorit\u00e9s :</p>
<ul>
<li><strong>Accueil du jeune enfant</strong> : maintenir l\u2019offre des deux multi-accueils municipaux et accompagner le renouvellement des assistantes maternelles&nbsp;;</li>
<li><strong>Jeunesse</strong> : ouvrir un accueil jeunes le samedi et accompagner les 16-25 ans dans leurs projets&nbsp;;</li>
<li><strong>Parentalit\u00e9</strong> : d\u00e9velopper les actions du r\u00e9seau parentalit\u00e9 et cr\u00e9er un groupe de parole pour les parents d\u2019adolescents.</li>
</ul>

<h2>Saint-Junien en chiffres</h2>
<div class="encadre">
<p>11&nbsp;402 habitants<br>
2&nbsp;318 foyers allocataires<br>
27,9 % de familles monoparentales parmi les familles allocataires<br>
1,87 million d\u2019euros vers\u00e9s par la Caf en 2023 aux \u00e9quipements et services de la commune (cr\u00e8ches, accueil de loisirs, centre social)</p>
</div>
<p>La Ville est membre de la Communaut\u00e9 de communes Porte Oc\u00e9ane du Limousin, associ\u00e9e au comit\u00e9 de pilotage de la convention. \u00ab&nbsp;Cette convention donne un cadre clair \u00e0 notre action pour les familles jusqu\u2019en 2028&nbsp;\u00bb, a soulign\u00e9 Isabelle Peyronnet.</p>
<p><a href="/files/87/ctg/ctg-saint-junien-2024-2028.pdf">Consulter la convention (PDF)</a></p>
</div>
<div id="pied">
<p>Caisse d\u2019allocations familiales de la Haute-Vienne &ndash; 87000 Limoges</p>
<p><a href="/mentions-legales">Mentions l\u00e9gales</a> | <a href="/accessibilite">Accessibilit\u00e9</a> | <a href="/donnees-personnelles">Donn\u00e9es personnelles</a> | &copy; Cnaf 2024</p>
</div>
</body>
</html>
"""


def build_saint_junien():
    path = OUT / f"{SJ_NAME}.html"
    path.write_bytes(SJ_HTML.encode("cp1252"))
    return path


# ================================================================ 8. pdftotext -layout output (Landes)

SX_NAME = "seignanx-convention-ctg-2022-2025"
SX_WIDTH = 92          # text width in characters
SX_INDENT = 9          # left margin as pdftotext -layout renders it
SX_BODY_LINES = 52     # body lines per page


def sx_justify(text, width, indent=0, first=None):
    """Wrap and justify a paragraph as a justified PDF paragraph comes out of pdftotext
    -layout: inner lines padded with extra spaces, last line ragged."""
    lines = textwrap.wrap(text, width - indent, break_long_words=False, break_on_hyphens=False)
    out = []
    for k, ln in enumerate(lines):
        if k < len(lines) - 1:
            words = ln.split(" ")
            gaps = len(words) - 1
            extra = width - indent - len(ln)
            if gaps and extra:
                # deterministic distribution of the extra spaces
                adds = [extra // gaps + (1 if g < extra % gaps else 0) for g in range(gaps)]
                ln = "".join(w + " " * (1 + adds[g]) if g < gaps else w
                             for g, w in enumerate(words))
        out.append(" " * indent + ln)
    return out


def sx_content():
    L = []          # list of (kind, payload); kinds: para, title, blank, raw, item, pagebreak

    def para(t, indent=0):
        L.append(("para", (t, indent)))
        L.append(("blank", None))

    def title(t):
        L.append(("title", t))
        L.append(("blank", None))

    def item(t, mark="-"):
        L.append(("item", (t, mark)))

    def raw(*lines):
        for ln in lines:
            L.append(("raw", ln))

    # cover page
    raw("", "", "", "", "")
    raw(*[ln.center(SX_WIDTH).rstrip() for ln in (
        "CAISSE D'ALLOCATIONS FAMILIALES DES LANDES", "", "", "", "",
        "CONVENTION TERRITORIALE GLOBALE", "", "DE SERVICES AUX FAMILLES", "", "", "",
        "Communauté de communes du Seignanx", "", "", "",
        "du 1er janvier 2022 au 31 décembre 2025", "", "", "", "", "", "",
        "En partenariat avec la MSA Sud Aquitaine")])
    L.append(("pagebreak", None))

    title("ENTRE")
    para("La Caisse d'allocations familiales des Landes, représentée par Monsieur Jean-Michel "
         "LABORDE, Président du Conseil d'administration, et par Madame Laurence "
         "DUPOUY-LARRIEU, Directrice, ci-après dénommée « la Caf »,")
    para("La Mutualité sociale agricole Sud Aquitaine, représentée par Monsieur Thierry "
         "ARRIBEY, Directeur général, ci-après dénommée « la MSA »,")
    title("ET")
    para("La Communauté de communes du Seignanx, représentée par Monsieur Jean-Baptiste "
         "ETCHEVERRY, Président, dûment habilité par délibération du conseil communautaire en "
         "date du 15 décembre 2021, ci-après dénommée « la Communauté ».")
    para("Vu la Convention d'objectifs et de gestion 2018-2022 signée entre l'État et la "
         "Caisse nationale des allocations familiales ;")
    para("Vu la délibération du Conseil d'administration de la Caf des Landes en date du 22 "
         "novembre 2021 ;")
    para("Vu la délibération du conseil communautaire de la Communauté de communes du "
         "Seignanx en date du 15 décembre 2021 ;")
    title("Il est convenu ce qui suit :")
    title("PRÉAMBULE")
    para("La Convention territoriale globale (CTG) est une convention de partenariat qui vise "
         "à renforcer l'efficacité, la cohérence et la coordination des actions en direction "
         "des habitants d'un territoire. Elle s'appuie sur un diagnostic partagé et se "
         "concrétise par un plan d'actions pluriannuel.")
    para("Elle succède au Contrat enfance jeunesse 2018-2021 conclu entre la Caf et la "
         "Communauté, dont elle reprend les engagements financiers au travers des bonus "
         "« territoire CTG » versés aux gestionnaires des équipements.")
    title("ARTICLE 1 - OBJET DE LA CONVENTION")
    para("La présente convention définit le projet stratégique global du territoire en "
         "direction des familles et précise les engagements réciproques des signataires pour "
         "sa mise en œuvre.")
    title("ARTICLE 2 - CHAMP D'APPLICATION TERRITORIAL")
    para("La convention s'applique à l'ensemble du territoire de la Communauté de communes "
         "du Seignanx, qui regroupe les huit communes suivantes :")
    raw(*["    " + "".join(f"{x:<29}" for x in row).rstrip() for row in (
        ("Biarrotte", "Biaudos", "Ondres"),
        ("Saint-André-de-Seignanx", "Saint-Barthélemy", "Saint-Laurent-de-Gosse"),
        ("Saint-Martin-de-Seignanx", "Tarnos"))])
    L.append(("blank", None))
    title("ARTICLE 3 - ÉLÉMENTS DE DIAGNOSTIC")
    para("Le territoire compte 27 614 habitants (Insee 2018). La Caf y accompagne 5 936 "
         "allocataires, soit 15 212 personnes couvertes. Le taux de couverture en accueil du "
         "jeune enfant atteint 74,1 %, nettement au-dessus de la moyenne landaise (64,8 %).")
    para("Les familles monoparentales représentent 21,6 % des familles allocataires avec "
         "enfants (Landes : 23,9 % ; France : 24,6 %). La part des allocataires dont les "
         "revenus sont constitués à plus de 50 % de prestations est de 14,2 % (Landes : "
         "19,7 %).")
    para("En 2020, la Caf a versé 52,3 millions d'euros de prestations légales aux habitants "
         "du territoire, et 1,9 million d'euros de prestations de service aux équipements "
         "petite enfance, enfance et jeunesse.")
    title("ARTICLE 4 - AXES ET OBJECTIFS PARTAGÉS")
    para("Les signataires retiennent les axes et objectifs suivants, précisés dans les fiches "
         "actions annexées à la présente convention :")
    for axe, objs in SX_AXES:
        raw("  " + axe)
        for o in objs:
            L.append(("obj", o))
        L.append(("blank", None))
    title("ARTICLE 5 - ENGAGEMENTS DES PARTENAIRES")
    para("La Caf et la MSA s'engagent à mobiliser leur offre de service et leurs financements "
         "d'action sociale, dans la limite de leurs budgets annuels, au service des objectifs "
         "définis à l'article 4. La Communauté s'engage à piloter la démarche, à y associer les "
         "communes membres et à désigner un coordinateur CTG.")
    title("ARTICLE 6 - PILOTAGE ET ÉVALUATION")
    para("Un comité de pilotage réunit les signataires au moins une fois par an. Il s'appuie "
         "sur un comité technique qui suit les indicateurs définis dans chaque fiche action. "
         "Une évaluation finale est présentée au cours du dernier semestre de la convention.")
    title("ARTICLE 7 - DURÉE")
    para("La présente convention est conclue pour une durée de quatre ans. Elle couvre la "
         "période du 1er janvier 2022 au 31 décembre 2025.")
    title("ARTICLE 8 - RÉSILIATION")
    para("En cas de non-respect par l'une des parties de ses engagements, la convention peut "
         "être résiliée par l'une ou l'autre des parties, à l'expiration d'un délai de trois "
         "mois suivant l'envoi d'une lettre recommandée avec accusé de réception.")
    title("ARTICLE 9 - RECOURS")
    para("Tout litige relatif à l'exécution de la présente convention relève de la compétence "
         "du Tribunal administratif de Pau.")
    L.append(("pagebreak", None))
    para("Fait à Saint-Martin-de-Seignanx, le ....................................., en "
         "trois exemplaires originaux.")
    raw("", "")
    left = ["Pour la Caisse d'allocations familiales", "des Landes,", "",
            "Le Président du Conseil d'administration,", "", "", "", "Jean-Michel LABORDE", "",
            "", "La Directrice,", "", "", "", "Laurence DUPOUY-LARRIEU"]
    right = ["Pour la Communauté de communes", "du Seignanx,", "", "Le Président,", "", "", "",
             "Jean-Baptiste ETCHEVERRY", "", "", "Pour la MSA Sud Aquitaine,",
             "Le Directeur général,", "", "", "Thierry ARRIBEY"]
    for a, b in zip(left, right):
        raw(f"{a:<50}{b}".rstrip())
    return L


SX_AXES = [
    ("Axe 1 - Petite enfance", [
        "1.1  Maintenir un taux de couverture en accueil du jeune enfant supérieur à 70 %",
        "1.2  Soutenir l'accueil individuel par l'animation du Relais Petite Enfance"]),
    ("Axe 2 - Enfance et jeunesse", [
        "2.1  Harmoniser les tarifs et les horaires des accueils de loisirs intercommunaux",
        "2.2  Développer l'offre en direction des 15-17 ans à Tarnos et à Ondres"]),
    ("Axe 3 - Parentalité", [
        "3.1  Structurer un réseau intercommunal des acteurs de la parentalité",
        "3.2  Développer l'accompagnement à la scolarité dans les collèges"]),
    ("Axe 4 - Handicap", [
        "4.1  Favoriser l'accueil des enfants en situation de handicap dans les structures "
        "petite enfance et les accueils de loisirs"]),
    ("Axe 5 - Accès aux droits", [
        "5.1  Renforcer l'accueil de proximité au sein des espaces France services du "
        "territoire"]),
]


def sx_render(items):
    """Lay the items out on pages: running header, body, running footer, form feeds."""
    pages, cur = [], []

    def flush():
        pages.append(cur[:])
        cur.clear()

    for kind, val in items:
        if kind == "pagebreak":
            flush()
            continue
        if kind == "para":
            text, indent = val
            lines = sx_justify(text, SX_WIDTH, indent)
        elif kind == "title":
            lines = [val]
        elif kind == "item":
            text, mark = val
            ls = sx_justify(text, SX_WIDTH, 4)
            lines = ["  " + mark + ls[0][3:]] + ls[1:]
        elif kind == "obj":
            num, text = val.split("  ", 1)
            ls = sx_justify(text, SX_WIDTH, 9)
            lines = ["    " + f"{num:<5}" + ls[0].lstrip()] + ls[1:]
        elif kind == "blank":
            lines = [""]
        else:
            lines = [val]
        for ln in lines:
            if len(cur) >= SX_BODY_LINES:
                flush()
            if not cur and not ln:
                continue        # no blank line at the top of a page
            cur.append(ln)
    if cur:
        flush()
    n = len(pages)
    out = []
    for i, body in enumerate(pages, 1):
        page = []
        if i > 1:
            head = "Convention Territoriale Globale 2022-2025"
            right = "Communauté de communes du Seignanx"
            page += [" " * SX_INDENT + head + " " * (SX_WIDTH - len(head) - len(right)) + right,
                     "", ""]
        page += [(" " * SX_INDENT + ln) if ln else "" for ln in body]
        page += [""] * min(SX_BODY_LINES - len(body) + 2, 5)
        foot_l = "Caf des Landes - CTG Seignanx"
        foot_r = f"Page {i} sur {n}"
        page.append(" " * SX_INDENT + foot_l + " " * (SX_WIDTH - len(foot_l) - len(foot_r))
                    + foot_r)
        out.append("\n".join(page) + "\n")
    return "\f".join(out) + "\f"


def build_seignanx():
    path = OUT / f"{SX_NAME}.txt"
    path.write_bytes(sx_render(sx_content()).encode("utf-8"))
    return path


# ================================================================ main

def main() -> int:
    register_fonts()
    made = [build_questembert(), build_pont_de_claix(), build_crestois(),
            build_sainte_menehould()[0], build_abbeville(), build_grand_pontarlier(),
            build_saint_junien(), build_seignanx()]
    for p in made:
        print(f"{p.stat().st_size:>9,d}  {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
