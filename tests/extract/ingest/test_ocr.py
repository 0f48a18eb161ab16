"""OCR modes and a clear error when Tesseract or its French data is missing."""

from __future__ import annotations

import os
import stat

import pytest
from rapidfuzz import fuzz

from extract.errors import OcrUnavailable
from extract.ingest import OcrMode, ingest, ocr
from extract.normalize import fold_key
from pipeline import process_document
from tests.conftest import VALLEE, VALROS_SCAN


@pytest.fixture
def no_tesseract(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr.check_tesseract.cache_clear()
    yield
    ocr.check_tesseract.cache_clear()


@pytest.fixture
def tesseract_without_french(monkeypatch, tmp_path):
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages in \"/x\" (2):'\necho eng\necho osd\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    ocr.check_tesseract.cache_clear()
    yield
    ocr.check_tesseract.cache_clear()


def test_scan_without_tesseract_is_an_error_saying_how_to_install(no_tesseract):
    result = process_document(str(VALROS_SCAN), "scan")
    assert result.document.status.value == "error"
    assert result.document.error_stage == "ocr"
    assert "apt-get install tesseract-ocr tesseract-ocr-fra" in result.document.error


def test_scan_without_french_data_is_an_error(tesseract_without_french):
    with pytest.raises(OcrUnavailable, match="no French data"):
        ingest(str(VALROS_SCAN), "scan")


def test_born_digital_file_needs_no_tesseract(no_tesseract):
    assert process_document(str(VALLEE), "v").document.status.value == "ok"


def test_ocr_never_leaves_scanned_pages_empty():
    doc = ingest(str(VALROS_SCAN), "scan", OcrMode.NEVER)
    assert doc.n_pages == 8 and doc.n_pages_ocr == 0 and not doc.text.strip()


def test_ocr_always_reads_born_digital_pages_by_ocr_too():
    digital = ingest(str(VALLEE), "v")
    ocred = ingest(str(VALLEE), "v", OcrMode.ALWAYS)
    assert ocred.n_pages_ocr == ocred.n_pages == 2
    assert fuzz.token_sort_ratio(fold_key(digital.text), fold_key(ocred.text)) >= 90


def test_text_drawn_as_outlines_is_ocred_and_a_blank_page_is_not(tmp_path):
    import pymupdf

    born = pymupdf.open()
    page = born.new_page(width=595, height=842)
    page.insert_text((60, 120), "La convention territoriale globale 2024-2028", fontsize=18)
    page.insert_text((60, 160), "est signée entre la Caf du Gers et la commune d'Auch.", fontsize=14)
    # A designer's export: the same page with its glyphs as vector paths, no text layer.
    outlined = pymupdf.open("svg", page.get_svg_image(text_as_path=True).encode())
    pdf = pymupdf.open("pdf", outlined.convert_to_pdf())
    pdf.new_page(width=595, height=842)  # and a blank page
    path = tmp_path / "outlined.pdf"
    pdf.save(path)
    assert not pymupdf.open(path)[0].get_text().strip()
    doc = ingest(str(path), "outlined")
    assert doc.pages[0].ocr and not doc.pages[1].ocr
    assert fuzz.partial_ratio("La convention territoriale globale 2024-2028", doc.text) > 90


def test_page_scanned_sideways_is_turned_upright(tmp_path):
    import numpy as np
    import pymupdf

    born = pymupdf.open()
    page = born.new_page(width=595, height=842)
    sentences = ["La convention territoriale globale est signée pour la période 2024-2028.",
                 "Elle engage la Caf du Gers et la communauté de communes de la Lomagne gersoise.",
                 "Les axes retenus sont la petite enfance, la jeunesse et la parentalité."]
    for number, sentence in enumerate(sentences * 4):
        page.insert_text((50, 80 + 40 * number), sentence, fontsize=12)
    image = born[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    grey = np.frombuffer(image.samples, dtype=np.uint8).reshape(image.height, image.stride)[:, :image.width]
    for turns in (1, 3):  # a quarter turn either way: the page lies on its side in the scan
        sideways = np.ascontiguousarray(np.rot90(grey, turns))
        scan = pymupdf.open()
        scan.new_page(width=842, height=595).insert_image(pymupdf.Rect(0, 0, 842, 595), pixmap=pymupdf.Pixmap(
            pymupdf.csGRAY, sideways.shape[1], sideways.shape[0], sideways.tobytes(), False))
        path = tmp_path / f"sideways-{turns}.pdf"
        scan.save(path)
        doc = ingest(str(path), "sideways")
        assert (doc.pages[0].width, doc.pages[0].height) == (595, 842)
        for sentence in sentences:
            assert fuzz.partial_ratio(sentence, doc.text) > 90, (turns, doc.text[:300])


def test_pages_read_by_ocr_are_recorded():
    result = process_document(str(VALROS_SCAN), "scan")
    assert result.document.ocr_pages == tuple(range(1, 9))
    assert result.document.n_pages_ocr == 8


def test_skew_is_measured_on_a_rotated_page():
    import numpy as np
    from PIL import Image, ImageDraw

    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 800, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)
    tilted = np.array(image.rotate(1.2, fillcolor=255))
    assert ocr.estimate_skew(tilted) == pytest.approx(-1.2, abs=0.15)
    level, angle = ocr.straighten(tilted)
    assert angle == pytest.approx(-1.2, abs=0.15)
    assert ocr.estimate_skew(level) == pytest.approx(0.0, abs=0.15)


def test_rules_of_a_table_are_found_on_a_page_image_but_not_in_text():
    import numpy as np
    from PIL import Image, ImageDraw

    from extract.ingest.tables import has_ruled_cell, image_rules

    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for x in (100, 500, 1100):
        draw.line((x, 100, x, 500), fill=40, width=3)
    for y in (100, 300, 500):
        draw.line((100, y, 1100, y), fill=40, width=2)
    # A gap of one pixel in a rule, as scans leave, and text-like strokes that are no rules.
    draw.point((700, 300), fill=255)
    for x in range(120, 480, 30):
        draw.rectangle((x, 200, x + 18, 230), fill=0)
    dark = np.asarray(image) < 160
    horizontal, vertical = image_rules(dark, 72 / 200)
    assert len(horizontal) == 3 and len(vertical) == 3
    assert horizontal[1][0] == pytest.approx(300 * 72 / 200, abs=1) and horizontal[1][2] - horizontal[1][1] > 350
    assert has_ruled_cell(horizontal, vertical)


def test_rules_of_a_table_under_a_dark_header_band_are_found():
    import numpy as np
    from PIL import Image, ImageDraw

    from extract.ingest.tables import has_ruled_cell, image_rules

    # A plan table as conventions print them: a dark title band with white text, the table's
    # sides running down through it, then ruled rows.
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 1100, 220), fill=60)
    draw.text((500, 150), "PLAN D'ACTION", fill=255)
    for x in (100, 400, 1100):
        draw.line((x, 100 if x != 400 else 220, x, 600), fill=40, width=3)
    for y in (220, 350, 480, 600):
        draw.line((100, y, 1100, y), fill=40, width=2)
    horizontal, vertical = image_rules(np.asarray(image) < 160, 72 / 200)
    assert sorted(round(x * 200 / 72) for x, _, _ in vertical) == pytest.approx([100, 400, 1100], abs=8)
    # The band's top and bottom edges close the rows as rules would; the stretches between its
    # text lines are no rules.
    assert [round(y * 200 / 72) for y, _, _ in horizontal] == pytest.approx([100, 220, 350, 480, 600], abs=8)
    assert has_ruled_cell(horizontal, vertical)


def test_a_scanned_ruled_table_is_read_as_a_table(tmp_path):
    import pymupdf

    born = pymupdf.open()
    page = born.new_page(width=595, height=842)
    xs, ys = (60, 200, 540), (100, 140, 180, 220)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]), width=1)
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y), width=1)
    rows = (("Objectif 1", "Créer un lieu d'accueil enfants-parents"), ("Objectif 2", "Soutenir les parents"),
            ("Objectif 3", "Ouvrir un espace jeunes"))
    for (label, text), y in zip(rows, ys):
        page.insert_text((66, y + 25), label, fontsize=11)
        page.insert_text((206, y + 25), text, fontsize=11)
    scan = pymupdf.open()
    image = born[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    scan.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), pixmap=image)
    path = tmp_path / "scan.pdf"
    scan.save(path)
    doc = ingest(str(path), "scan")
    assert doc.pages[0].ocr and len(doc.pages[0].tables) == 1
    read = doc.pages[0].tables[0].rows
    assert [row[0] for row in read] == ["Objectif 1", "Objectif 2", "Objectif 3"]
    assert fuzz.ratio(read[0][1], rows[0][1]) > 90


def test_light_text_on_dark_boxes_of_a_scanned_slide_is_read(tmp_path):
    import numpy as np
    import pymupdf

    born = pymupdf.open()
    page = born.new_page(width=842, height=595)
    page.insert_text((40, 60), "Plan d'actions de la convention", fontsize=26)
    boxes = (("Renforcer la politique petite enfance", (40, 120), 0.1),
             ("Accompagner les jeunes du territoire", (40, 260), 0.35), ("Favoriser la mobilité des familles", (420, 260), 0.5))
    for text, (x, y), fill in boxes:
        page.draw_rect(pymupdf.Rect(x, y, x + 330, y + 90), color=None, fill=(fill, fill, fill))
        page.insert_text((x + 14, y + 50), text, fontsize=13, color=(1, 1, 1), fontname="hebo")
    page.insert_text((420, 170), "Informer sur les aides existantes", fontsize=14)
    # Scanned: grey, with the grain of a scanner.
    image = born[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    grey = np.frombuffer(image.samples, dtype=np.uint8).reshape(image.height, image.stride)[:, :image.width]
    grainy = np.clip(grey + np.random.default_rng(0).normal(0, 18, grey.shape), 0, 255).astype(np.uint8)
    scan = pymupdf.open()
    scan.new_page(width=842, height=595).insert_image(
        pymupdf.Rect(0, 0, 842, 595), pixmap=pymupdf.Pixmap(pymupdf.csGRAY, image.width, image.height, grainy.tobytes(), False))
    path = tmp_path / "slide-scan.pdf"
    scan.save(path)
    texts = [block.text for block in ingest(str(path), "slide").pages[0].blocks]
    for expected in [text for text, _, _ in boxes] + ["Informer sur les aides existantes", "Plan d'actions de la convention"]:
        assert max(fuzz.ratio(expected, text) for text in texts) > 90, (expected, texts)
    # Read once each: the box text is not also read, garbled, from the page itself.
    assert sum("Renforcer" in text for text in texts) == 1
