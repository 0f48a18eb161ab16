"""Geometry on synthetic pages: blocks, reading order (columns, grids, full-width cuts) and
running headers/footers."""

from __future__ import annotations

from extract.ingest import layout
from extract.ingest.prose import Dehyphenator
from models.document import BBox, Line, Span


def line(text: str, x0: float, y0: float, x1: float, size: float = 10.0, bold: bool = False) -> Line:
    box = BBox(x0, y0, x1, y0 + size * 1.15)
    return Line.of((Span(text, box, "Test", size, bold),))


def paragraph(texts: list[str], x0: float, y0: float, width: float = 240.0, size: float = 10.0) -> list[Line]:
    return [line(t, x0, y0 + i * size * 1.2, x0 + width, size) for i, t in enumerate(texts)]


def ordered_texts(lines: list[Line]) -> list[str]:
    groups = layout.group_blocks(lines)
    blocks = [layout.to_block(g, Dehyphenator()) for g in groups]
    units = [layout.Unit(bbox=b.bbox, blocks=[b]) for b in blocks]
    return [b.text for u in layout.reading_order(units) for b in u.blocks]


def test_two_columns_read_column_by_column_even_when_paragraph_gaps_line_up():
    lines = [line("TITRE SUR DEUX COLONNES", 50, 40, 540, size=18, bold=True)]
    # Left and right columns, two paragraphs each, with gaps at the same height.
    lines += paragraph(["gauche un a", "gauche un b"], 50, 100)
    lines += paragraph(["droite un a", "droite un b"], 300, 100)
    lines += paragraph(["gauche deux a", "gauche deux b"], 50, 140)
    lines += paragraph(["droite deux a", "droite deux b"], 300, 140)
    assert ordered_texts(lines) == ["TITRE SUR DEUX COLONNES", "gauche un a gauche un b", "gauche deux a gauche deux b",
                                    "droite un a droite un b", "droite deux a droite deux b"]


def test_full_width_box_between_column_sections_cuts_the_page():
    lines = paragraph(["haut gauche"], 50, 60) + paragraph(["haut droite"], 300, 60)
    lines += paragraph(["encadré sur toute la largeur"], 50, 120, width=490)
    lines += paragraph(["bas gauche"], 50, 180) + paragraph(["bas droite"], 300, 180)
    assert ordered_texts(lines) == ["haut gauche", "haut droite", "encadré sur toute la largeur",
                                    "bas gauche", "bas droite"]


def test_single_column_keeps_vertical_order_with_short_right_aligned_lines():
    lines = paragraph(["Fait à Lille,"], 400, 100, width=100) + paragraph(["La Directrice"], 50, 140, width=120)
    assert ordered_texts(lines) == ["Fait à Lille,", "La Directrice"]


def test_lines_group_into_blocks_by_spacing_style_and_bullets():
    lines = [line("Axe 1 : Petite-enfance", 50, 40, 250, size=14, bold=True)]
    lines += paragraph(["Sur le champ de la petite-enfance, trois", "enjeux se montrent majeurs :"], 50, 62)
    lines += paragraph(["• Améliorer l’interconnais-", "sance entre les acteurs ;", "• Promouvoir les dispositifs."], 50, 90)
    assert ordered_texts(lines) == [
        "Axe 1 : Petite-enfance",
        "Sur le champ de la petite-enfance, trois enjeux se montrent majeurs :",
        "• Améliorer l’interconnaissance entre les acteurs ;",
        "• Promouvoir les dispositifs.",
    ]


def test_fragments_on_one_baseline_merge_into_one_line():
    a = line("Le lundi 6 février", 50, 100, 140)
    b = line("à 17h00", 143, 100, 180)
    far = line("1/2", 500, 100, 515)
    merged = layout.merge_fragments([b, far, a])
    assert [m.text for m in merged] == ["Le lundi 6 février à 17h00", "1/2"]


def test_running_headers_footers_and_page_numbers_are_furniture():
    pages = []
    for n in range(1, 4):
        lines = [line("Convention Territoriale Globale 2025 – 2029", 50, 20, 300, size=8),
                 line(f"Page {n} / 3", 500, 815, 545, size=8),
                 line(f"Texte propre à la page {n}", 50, 300, 300)]
        pages.append((842.0, lines))
    result = layout.split_furniture(pages)
    for kept, furniture in result:
        assert [ln.text for ln in kept][0].startswith("Texte propre")
        assert len(furniture) == 2


def test_single_page_print_stamp_and_url_are_furniture_but_body_is_not():
    lines = [line("13/02/2023 09:14", 20, 10, 90, size=7),
             line("https://www.exemple.fr/actualites/signature-ctg", 20, 825, 300, size=7),
             line("Signée le 13/02/2023 à Gignac.", 50, 400, 300)]
    [(kept, furniture)] = layout.split_furniture([(842.0, lines)])
    assert [ln.text for ln in kept] == ["Signée le 13/02/2023 à Gignac."]
    assert len(furniture) == 2


def test_words_of_a_stretched_justified_line_join_but_columns_and_figures_do_not():
    # "priorités    partagées    en    faveur    des": one word per fragment, even 1.8 em gaps.
    words = [("priorités", 46, 100), ("partagées", 118, 172), ("en", 190, 202), ("faveur", 220, 256),
             ("des", 274, 292)]
    merged = layout.merge_fragments([line(t, x0, 200, x1) for t, x0, x1 in words])
    assert [m.text for m in merged] == ["priorités partagées en faveur des"]
    # Two columns: lines of several words across a gutter stay apart.
    columns = [line("la fin de la colonne", 46, 300, 160), line("le début de l'autre", 178, 300, 290),
               line("et encore une", 308, 300, 380)]
    assert len(layout.merge_fragments(columns)) == 3
    # Figures of a table row evenly spaced are no words.
    cells = [line("684", 46, 400, 64), line("128", 100, 400, 118), line("2954", 154, 400, 178)]
    assert len(layout.merge_fragments(cells)) == 3


def test_a_heading_spanning_a_gutter_ends_the_grid_above_it():
    # A three-column grid of names, then a heading as wide as two columns, then a paragraph.
    grid = [line(t, x, y, x + 90) for t, x, y in (
        ("Biarrotte", 50, 100), ("Biaudos", 200, 100), ("Ondres", 350, 100),
        ("Saint-André", 50, 112), ("Saint-Barthélemy", 200, 112), ("Saint-Laurent", 350, 112))]
    heading = [line("ARTICLE 3 - ÉLÉMENTS DE DIAGNOSTIC", 50, 136, 260, bold=True)]
    body = paragraph(["Le territoire compte 27 614 habitants."], 50, 160, width=400)
    texts = ordered_texts(grid + heading + body)
    assert texts.index("ARTICLE 3 - ÉLÉMENTS DE DIAGNOSTIC") > max(
        i for i, t in enumerate(texts) if "Ondres" in t or "Saint-Laurent" in t)


def test_short_pages_of_a_text_dump_keep_their_running_header_and_footer_apart():
    pages = []
    for n, rows in ((1, 10), (2, 20), (3, 8)):
        height = 48.0 + rows * 12.0
        lines = [line("Convention Territoriale Globale 2022-2025", 40, 40, 300),
                 line(f"Texte de la page {n}", 40, 64, 300),
                 line(f"Caf des Landes - CTG Seignanx    Page {n} sur 3", 40, 40 + (rows - 1) * 12, 400)]
        pages.append((height, lines))
    for kept, furniture in layout.split_furniture(pages):
        assert [ln.text for ln in kept] == [kept[0].text] and kept[0].text.startswith("Texte de la page")
        assert len(furniture) == 2


def test_a_bullet_set_lower_than_its_text_joins_the_text_after_it():
    # A 12 pt bullet beside 10.5 pt text sits 2 pt lower and sorts after the text's line.
    text = line("d’information des familles", 70, 381.0, 207, size=10.5)
    bullet = Line.of([Span("•", BBox(54, 381.4, 61, 393.4), "Sans", 12.0)])
    merged = layout.merge_fragments([text, bullet])
    assert [ln.text for ln in merged] == ["• d’information des familles"]


def test_drawn_discs_mark_the_list_items_beside_them_and_nothing_else():
    items = [line("premier point de la liste", 76, 373, 232, size=12), line("second point", 76, 391, 160, size=12),
             line("Un paragraphe sans puce.", 60, 420, 300, size=12)]
    discs = [BBox(63, 378, 66.8, 381.8), BBox(63, 396, 66.8, 399.8)]
    marked = layout.attach_drawn_bullets(items, discs)
    assert [ln.text for ln in marked] == ["• premier point de la liste", "• second point", "Un paragraphe sans puce."]
    # A disc far from any line's start (a chart's dot) marks nothing.
    assert [ln.text for ln in layout.attach_drawn_bullets(items, [BBox(400, 378, 403.8, 381.8)])] == \
        [ln.text for ln in items]


def test_only_small_square_shapes_are_taken_for_bullets():
    assert layout.is_drawn_bullet(BBox(63, 378, 66.8, 381.8))
    assert not layout.is_drawn_bullet(BBox(60, 378, 200, 380))  # a rule
    assert not layout.is_drawn_bullet(BBox(60, 378, 90, 408))   # a logo


def test_an_opening_quote_joins_the_stretched_justified_line_it_opens():
    # "« Nous travaillons selon des axes" justified across a column: each word a fragment 10 pt apart.
    words = [("«", 314.6, 324.4), ("Nous", 334.6, 364.4), ("travaillons", 374.6, 432.8), ("selon", 443.0, 474.3),
             ("des", 484.6, 506.5), ("axes", 516.7, 541.3)]
    fragments = [line(text, x0, 168.5, x1, size=10.5) for text, x0, x1 in words]
    assert [ln.text for ln in layout.merge_fragments(fragments)] == ["« Nous travaillons selon des axes"]


def test_a_colon_set_apart_stays_inside_a_stretched_justified_line():
    # French sets a space before ":": "Priorité : agrandir la halte-garderie", each token a fragment.
    words = [("Priorité", 54, 93), (":", 106.6, 113.5), ("agrandir", 127.2, 168), ("la", 181.6, 191),
             ("halte-garderie", 204.6, 280.7)]
    fragments = [line(text, x0, 540, x1, size=10.5) for text, x0, x1 in words]
    assert [ln.text for ln in layout.merge_fragments(fragments)] == ["Priorité : agrandir la halte-garderie"]
    # a colon alone stays alone
    assert [ln.text for ln in layout.merge_fragments([line(":", 106.6, 540, 113.5, size=10.5)])] == [":"]


def test_numbers_inside_a_stretched_justified_line_stay_in_it():
    words = [("signée", 54, 84), ("jeudi", 106, 135), ("9", 157, 163), ("décembre", 185, 230), ("2021", 252, 275),
             ("à", 297, 303)]
    fragments = [line(text, x0, 336, x1, size=10.5) for text, x0, x1 in words]
    assert [ln.text for ln in layout.merge_fragments(fragments)] == ["signée jeudi 9 décembre 2021 à"]
    # a row of figures is no stretched line
    cells = [line(text, x0, 336, x1, size=10.5) for text, x0, x1 in [("12", 54, 66), ("45", 106, 118), ("78", 157, 169)]]
    assert [ln.text for ln in layout.merge_fragments(cells)] == ["12", "45", "78"]
