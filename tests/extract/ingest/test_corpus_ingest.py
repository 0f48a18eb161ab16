"""Ingest of every corpus file: the document view extractors will read."""

from __future__ import annotations

import re

import pytest
from rapidfuzz import fuzz

from extract.normalize import fold_key
from tests.conftest import (CORPUS_FILES, FRONTIGNAN, GARD, VALENCIENNES, VALLEE, VALLEE_HTML, VALROS,
                            VALROS_SCAN)


def block_index(doc, needle: str, page: int | None = None) -> tuple[int, int]:
    """(page number, position in the page's reading order) of the block that contains needle."""
    for p in doc.pages:
        if page is not None and p.number != page:
            continue
        for i, block in enumerate(p.blocks):
            if needle in block.text:
                return p.number, i
    raise AssertionError(f"{needle!r} not found")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_file_gives_pages_with_blocks_in_bounds(ingested, path):
    doc = ingested(path)
    assert doc.n_pages >= 1
    for page in doc.pages:
        assert page.number >= 1
        for block in page.blocks:
            assert block.text.strip()
            assert -1 <= block.bbox.x0 <= block.bbox.x1 <= page.width + 1
            assert -1 <= block.bbox.y0 <= block.bbox.y1 <= page.height + 1


def test_page_counts_and_media(ingested):
    assert [ingested(p).n_pages for p in (VALROS, VALROS_SCAN, VALLEE, FRONTIGNAN, VALENCIENNES, GARD)] == \
        [8, 8, 2, 2, 32, 19]
    assert ingested(VALLEE_HTML).media.value == "html"


def test_two_column_press_kit_reads_each_column_top_to_bottom(ingested):
    doc = ingested(VALROS)
    # Page 2: left column (Valros in the agglomeration, then the partnership) before the right
    # column (the services list), although they sit side by side.
    left_top = block_index(doc, "La ville de Valros fait partie", page=2)
    left_bottom = block_index(doc, "La politique familiale de la commune de Valros", page=2)
    right_top = block_index(doc, "Actuellement, les services suivants", page=2)
    assert left_top < left_bottom < right_top
    # Boxed paragraph of page 1 read whole, in one block.
    _, i = block_index(doc, "Ce vendredi 20 janvier à 17h00", page=1)
    assert "signeront avec Michel Loup" in doc.pages[0].blocks[i].text


def test_words_cut_at_line_ends_are_rejoined_in_the_press_kit(ingested):
    text = ingested(VALROS).text
    # The press kit hyphenates its narrow columns; no cut word survives in the view.
    assert "interconnaissance" in text
    assert not re.search(r"\b(?:dis|parte|accom|poli)- [a-zà-ÿ]", text)
    assert "parent-enfant" in text


def test_running_headers_and_page_numbers_are_dropped(ingested):
    doc = ingested(VALENCIENNES)
    for page in doc.pages[1:]:
        assert not any(b.text.startswith("Convention Territoriale Globale (CTG) 2025") for b in page.blocks)
        assert not any(re.fullmatch(r"Page \d+ / \d+", b.text) for b in page.blocks)
        assert page.furniture
    # The cover title is content, not furniture.
    assert "2025 – 2029" in [b.text for b in doc.pages[0].blocks]


def test_browser_print_header_and_footer_are_dropped(ingested):
    doc = ingested(VALLEE)
    text = doc.text
    assert "13/02/2023 09:14" not in text
    assert "https://" not in text
    assert "Le lundi 6 février à 17h00, Thierry Mathieu" in text


def test_slide_reads_title_first_and_keeps_each_box_whole(ingested):
    doc = ingested(GARD)
    # The content stream draws boxes in shuffled order; the view starts with the title.
    slide = doc.pages[8]
    assert slide.blocks[0].text == "Accompagner l’émancipation des jeunes du territoire"
    texts = [b.text for b in slide.blocks]
    assert "Systématiser des dispositifs de questionnements des jeunes pour s’adapter à leurs envies/besoins" in texts
    assert "Encourager la participation des jeunes et les accompagner dans leurs projets" in texts
    # Columns of the tree: objectives before actions, each column top to bottom.
    assert texts.index("Favoriser la mobilité sur le territoire et au-delà") < \
        texts.index("Encourager la participation des jeunes et les accompagner dans leurs projets") < \
        texts.index("Favoriser leur mobilité avec des solutions de transport pour tous") < \
        texts.index("Proposer un accompagnement au BAFA")


def test_slide_text_columns_are_not_interleaved(ingested):
    slide = ingested(GARD).pages[5]  # "A retenir sur l'Enfance": qualitative left, figures right
    texts = [b.text for b in slide.blocks]
    left = [i for i, t in enumerate(texts) if t.startswith(("Des centres de loisirs", "Une offre de séjours"))]
    right = [i for i, t in enumerate(texts) if t.startswith(("Une répartition géographique", "Une fréquentation"))]
    assert max(left) < min(right)


def test_convention_ruled_tables_are_found_with_their_cells(ingested):
    doc = ingested(VALENCIENNES)
    tables = [(p.number, t) for p in doc.pages for t in p.tables]
    assert len(tables) >= 8
    rows = [row for _, t in tables for row in t.rows]
    assert ("Prestations familiales", "27 162 662 €") in rows
    objectives = [row for row in rows if row and row[0].startswith("Objectif")]
    assert len(objectives) == 14
    assert ("Objectif 2", "Clarifier et diffuser l'offre parentalité sur le territoire.") in objectives
    # Table cells are blocks too, flagged with their table, read row by row.
    page = next(p for p in doc.pages if any(b.text == "PLAN D'ACTION PARENTALITÉ" for b in p.blocks))
    cells = [b.text for b in page.blocks if b.table is not None]
    assert cells.index("Objectif 1") + 1 == cells.index(
        "Repérer les familles monoparentales et/ou en situation de précarité pour leur proposer des ressources "
        "en adéquation avec leurs besoins.")


def test_table_of_contents_and_bullets_stay_readable(ingested):
    doc = ingested(VALENCIENNES)
    assert any(b.text.startswith("• Chaque commune a ses compétences propres") for _, b in doc.blocks())


def test_html_article_drops_site_chrome_and_keeps_the_article(ingested):
    doc = ingested(VALLEE_HTML)
    text = doc.text
    assert "Accueil" not in text.split("\n")[0]
    assert "Informations annexes au site" not in text
    assert doc.pages[0].blocks[0].size > 20 and doc.pages[0].blocks[0].bold  # the h1
    pdf_text = ingested(VALLEE).text
    # The same article read from HTML and from its printed PDF says the same.
    sentence = "La Ctg du territoire de la Vallée de l’Hérault a été signée par la Communauté de communes"
    assert sentence in text and sentence in pdf_text


def test_scan_is_ocred_and_holds_its_key_sentences(ingested):
    doc = ingested(VALROS_SCAN)
    assert doc.n_pages_ocr == doc.n_pages == 8
    text = fold_key(doc.text)
    for sentence in [
        "sera signée le vendredi 20 janvier 2023 et couvrira la période de 2022-2026",
        "Thierry Mathieu, Directeur de la Caisse d’allocations familiales de l’Hérault",
        "Michel Loup, Maire de la commune de Valros",
        "En 2021, la Caf de l’Hérault a versé près de 1,6 millions € de prestations légales aux 298 foyers",
        "Améliorer l’interconnaissance entre les acteurs impliqués dans l’offre des services aux familles",
    ]:
        assert fuzz.partial_ratio(fold_key(sentence), text) >= 90, sentence


def test_scan_layout_matches_the_born_digital_file(ingested):
    scan, digital = ingested(VALROS_SCAN), ingested(VALROS)
    # Same running footer dropped, same two-column order on page 2.
    for doc in (scan, digital):
        assert not any("Convention Territoriale Globale de Val" in b.text for b in doc.pages[1].blocks)
    page = scan.pages[1]
    texts = [b.text for b in page.blocks]
    left = next(i for i, t in enumerate(texts) if "fait partie de la Communauté" in t)
    right = next(i for i, t in enumerate(texts) if t.startswith("Actuellement"))
    assert left < right


def test_words_of_two_cells_on_one_baseline_stay_in_their_cells(tmp_path):
    """Narrow cell padding puts two cells' words closer than the gap that joins fragments of a
    line: the table's text and its blocks must still keep each cell's own words."""
    import pymupdf

    from extract.ingest import ingest

    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    xs, ys = (50, 200, 400), (100, 130, 160)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]))
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y))
    for y, left, right in ((120, "Axe 1 - Accès aux", "Rapprocher les services"),
                           (150, "Axe 2 - Jeunesse", "Créer un espace jeunes")):
        # The left cell's text ends 3 pt before its rule, the right one starts 3 pt after it:
        # a 6 pt gap, less than one em of this 9 pt text.
        page.insert_text((xs[1] - 3 - pymupdf.get_text_length(left, fontsize=9), y), left, fontsize=9)
        page.insert_text((xs[1] + 3, y), right, fontsize=9)
    path = tmp_path / "grid.pdf"
    pdf.save(path)
    doc = ingest(str(path), "grid")
    assert doc.pages[0].tables[0].rows == (("Axe 1 - Accès aux", "Rapprocher les services"),
                                           ("Axe 2 - Jeunesse", "Créer un espace jeunes"))
    assert [b.text for b in doc.pages[0].blocks if b.table is not None][:2] == [
        "Axe 1 - Accès aux", "Rapprocher les services"]
