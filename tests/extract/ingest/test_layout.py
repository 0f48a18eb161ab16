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
