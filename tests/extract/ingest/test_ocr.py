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
    pnm, angle = ocr.straighten(tilted)
    assert angle == pytest.approx(-1.2, abs=0.15)
    level = np.array(Image.open(__import__("io").BytesIO(pnm)))
    assert ocr.estimate_skew(level) == pytest.approx(0.0, abs=0.15)
