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
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether,
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


def q_story():
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

    s += [P("PRÉAMBULE", QART),
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

    s += [P("ARTICLE 1 – OBJET DE LA CONVENTION", QART),
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
    s += [P("ARTICLE 2 – PÉRIMÈTRE DE LA CONVENTION", QART),
          P("La convention s'applique au territoire de Questembert Communauté et de ses 13 "
            "communes membres, dont la liste et les dates des délibérations d'adhésion "
            "figurent en annexe 3. La Communauté exerce la compétence petite enfance "
            "(multi-accueils, Relais Petite Enfance) et la compétence jeunesse pour les 11-17 "
            "ans ; les communes conservent les accueils périscolaires et, pour certaines, "
            "l'accueil de loisirs du mercredi.", QB)]
    s += [P("ARTICLE 3 – ENGAGEMENTS DE LA CAF ET DE LA MSA", QART),
          P("La Caf et la MSA s'engagent, chacune pour ce qui la concerne, à :", QB)] + q_bullets([
        "apporter leur expertise et leur connaissance des besoins des familles ;",
        "mobiliser leurs financements d'action sociale au service du plan d'actions ;",
        "transmettre à la Communauté les données utiles au suivi de la convention ;",
        "participer aux instances de pilotage et de suivi.",
    ]) + [P("Les financements de la Caf sont accordés dans le respect de son règlement "
            "intérieur d'action sociale et dans la limite des crédits arrêtés chaque année par "
            "son Conseil d'administration. Le bonus « territoire CTG » se substitue aux "
            "financements antérieurement versés au titre du Contrat enfance jeunesse.", QB)]
    s += [P("ARTICLE 4 – ENGAGEMENTS DE LA COMMUNAUTÉ", QART),
          P("La Communauté s'engage à :", QB)] + q_bullets([
        "piloter la mise en œuvre du plan d'actions figurant en annexe 2 ;",
        "associer les communes membres à chaque étape de la démarche ;",
        "désigner un chargé de coopération CTG, interlocuteur des partenaires ;",
        "informer les familles des services proposés sur le territoire.",
    ])
    s += [P("ARTICLE 5 – AXES DE DÉVELOPPEMENT RETENUS", QART),
          P("Au regard du diagnostic partagé, les signataires retiennent quatre axes "
            "prioritaires, déclinés en objectifs et en actions dans le plan d'actions "
            "(annexe 2) :", QB)]
    s += [Paragraph(f"<b>{escape(a)}</b> : {escape(d)} ;" if k < 3 else
                    f"<b>{escape(a)}</b> : {escape(d)}.", QBUL, bulletText="•")
          for k, (a, d, _) in enumerate(Q_AXES)]
    s += [P("ARTICLE 6 – PILOTAGE ET SUIVI", QART),
          P("Un comité de pilotage, coprésidé par le Président de la Communauté et la "
            "Directrice de la Caf, réunit au moins une fois par an les signataires, les maires "
            "des communes membres et les partenaires associés. Il valide le programme annuel "
            "des actions et arbitre les priorités. Un comité technique, animé par le chargé de "
            "coopération CTG, se réunit deux fois par an pour suivre l'avancement des "
            "actions.", QB),
          P("ARTICLE 7 – ÉVALUATION", QART),
          P("Chaque action du plan d'actions est assortie d'indicateurs de suivi. Un bilan "
            "intermédiaire est présenté au comité de pilotage à mi-parcours ; l'évaluation "
            "finale, conduite au cours du premier semestre de la dernière année, prépare le "
            "renouvellement éventuel de la convention.", QB),
          P("ARTICLE 8 – DURÉE DE LA CONVENTION", QART),
          P("Les engagements réciproques des parties prennent effet le 1er janvier 2024. Ils "
            "valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus, sans "
            "reconduction tacite. Six mois avant ce terme, les signataires se réuniront pour "
            "examiner les suites à donner à la démarche.", QB),
          P("ARTICLE 9 – RÉVISION ET RÉSILIATION", QART),
          P("Toute modification de la présente convention fait l'objet d'un avenant signé par "
            "l'ensemble des parties. En cas de non-respect de ses engagements par l'une des "
            "parties, la convention peut être résiliée par lettre recommandée avec accusé de "
            "réception, à l'expiration d'un délai de trois mois.", QB),
          P("ARTICLE 10 – RECOURS", QART),
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
    s += [PageBreak(), P("ANNEXE 1 – DIAGNOSTIC PARTAGÉ : CHIFFRES CLÉS", QH1),
          P("Les indicateurs ci-dessous sont issus des données de la Caf du Morbihan, de la "
            "MSA Portes de Bretagne et de l'Insee. Les colonnes « Morbihan » et « France » "
            "sont données à titre de comparaison.", QB)]
    rows = [["Indicateur", "Questembert Communauté", "Morbihan", "France"],
            ["Population municipale (Insee 2021)", "24 318 habitants", "762 450", "67 407 241"],
            ["Évolution annuelle de la population 2015-2021", "+0,9 %", "+0,6 %", "+0,3 %"],
            ["Allocataires de la Caf (décembre 2023)", "3 947", "162 880", "–"],
            ["Personnes couvertes par la Caf", "10 862", "360 210", "–"],
            ["Part de la population couverte", "44,7 %", "47,2 %", "50,1 %"],
            ["Familles monoparentales parmi les familles allocataires avec enfants",
             "18,3 %", "22,6 %", "24,9 %"],
            ["Allocataires à bas revenus", "21,5 %", "27,8 %", "33,4 %"],
            ["Enfants de moins de 3 ans (2022)", "712", "19 640", "–"],
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
            "l'autre. Le territoire compte 2 384 jeunes âgés de 11 à 17 ans ; l'offre qui leur "
            "est destinée reste concentrée à Questembert.", QB),
          P("Parentalité", QH2),
          P("L'offre de soutien à la parentalité existe (actions du réseau parents, "
            "accompagnement à la scolarité, médiation familiale) mais elle est peu connue : "
            "dans l'enquête conduite auprès des familles, 58,6 % des parents répondants "
            "déclarent ne pas savoir à qui s'adresser en cas de difficulté éducative.", QB),
          P("Accès aux droits", QH2),
          P("L'espace France services de Questembert a accueilli 5 260 visiteurs en 2023. "
            "Les habitants des communes rurales éloignées du bourg-centre et les personnes "
            "peu à l'aise avec le numérique restent les plus exposés au non-recours.", QB),
          P("Engagements financiers", QH2),
          P("En 2023, la Caf du Morbihan a versé 38,6 millions d'euros de prestations légales "
            "aux familles du territoire et 2,14 millions d'euros de prestations de service et "
            "de bonus territoire aux équipements et services de Questembert Communauté et de "
            "ses communes.", QB)]

    # annex 2: action plan as ruled tables, one per axis
    s += [PageBreak(), P("ANNEXE 2 – PLAN D'ACTIONS 2024-2028", QH1)]
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
    s += [PageBreak(), P("ANNEXE 3 – LISTE DES COMMUNES MEMBRES ET DÉLIBÉRATIONS D'ADHÉSION",
                         QH1),
          P("Questembert Communauté regroupe 13 communes. Chacune a approuvé son adhésion à "
            "la présente convention par délibération de son conseil municipal.", QB)]
    rows = [["N°", "Commune", "Délibération du conseil municipal"]]
    rows += [[str(k), n, f"Séance du {d}"] for k, (n, d) in enumerate(Q_COMMUNES, 1)]
    s += [q_grid(rows, [40, 200, 231], extra=[("ALIGN", (0, 1), (0, -1), "CENTER")])]
    return s


def build_questembert():
    path = OUT / f"{Q_NAME}.pdf"
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=62, rightMargin=62, topMargin=66,
                          bottomMargin=62, title="Convention Territoriale Globale 2024-2028 - "
                          "Questembert Communauté", author="Caf du Morbihan",
                          creator="Microsoft® Word pour Microsoft 365")
    frame = Frame(62, 62, W - 124, H - 128, id="f", **NOPAD)
    doc.addPageTemplates([PageTemplate("cover", [frame], onPage=q_cover_page),
                          PageTemplate("body", [frame])])
    doc.build(q_story(), canvasmaker=deferred_canvas(q_chrome))
    return path
