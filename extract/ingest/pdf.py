"""PDF files: PyMuPDF for the text layer (spans with bbox, size, bold), Tesseract for pages that
have none, pdfplumber for ruled tables; then the layout of ``extract.ingest.layout``."""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pymupdf

from extract.errors import UnreadableDocument
from extract.ingest import layout, ocr
from extract.ingest.pages import RawPage, build_document
from extract.ingest.tables import find_tables, has_ruled_cell, image_rules, rule_edges, rules, table_edges
from models.document import BBox, Document, Line, Media, Span

# Expand ligatures ("ﬁ" -> "fi"), keep spaces, ignore text outside the page, skip images.
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
# Resolution at which pages are rendered for Tesseract: scans at their own resolution within
# these bounds, other pages at the highest.
OCR_DPI = 300
MIN_OCR_DPI = 150
# A page whose text layer has fewer visible characters than this, over an image, gets OCR.
MIN_TEXT_CHARS = 20
# A text layer with more than this share of unmapped glyphs (U+FFFD, private use) is garbage.
MAX_GARBAGE_SHARE = 0.3
# A page without text whose thumbnail at this resolution has more than this share of dark
# pixels shows something drawn (text as outlines): OCR it.
INK_CHECK_DPI = 24
MIN_INK_SHARE = 0.002

BOLD_FLAG, ITALIC_FLAG = 16, 2
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "demi")


class OcrMode(StrEnum):
    AUTO = "auto"      # OCR the pages without a usable text layer
    ALWAYS = "always"  # OCR every page, ignoring the text layer
    NEVER = "never"    # never OCR; scanned pages stay empty


# Bullets of Word's Symbol and Wingdings fonts, exported as private-use code points: read as "•".
PRIVATE_BULLETS = str.maketrans({chr(c): "•" for c in (0xF0B7, 0xF0A7, 0xF0D8, 0xF076, 0xF0FC, 0xF06E, 0xF0A8,
                                                        0xF071, 0xF0E0, 0xF0D7, 0xF0F0)})


def _span(raw: dict) -> Span:
    font = raw.get("font", "")
    flags = raw.get("flags", 0)
    lowered = font.lower()
    return Span(
        text=raw["text"].translate(PRIVATE_BULLETS),
        bbox=BBox(*raw["bbox"]),
        font=font,
        size=round(raw.get("size", 0.0), 2),
        bold=bool(flags & BOLD_FLAG) or any(n in lowered for n in BOLD_NAMES),
        italic=bool(flags & ITALIC_FLAG) or "italic" in lowered or "oblique" in lowered,
    )


def text_layer_lines(page: pymupdf.Page, cuts: list[tuple[float, float, float]] = ()) -> list[Line]:
    """Lines of the text layer, split where PyMuPDF put far-apart text on one line, and at the
    vertical rules ``cuts`` (x, y0, y1) of a ruled table: PyMuPDF may read two cells' words
    as one span when the cell padding is narrow."""
    lines: list[Line] = []
    raw_page = page.get_text("rawdict" if cuts else "dict", flags=TEXT_FLAGS)
    for block in raw_page["blocks"]:
        for raw_line in block.get("lines", ()):
            if raw_line.get("dir", (1, 0))[0] < 0.5:  # vertical or upside-down text: margins notes
                continue
            current: list[Span] = []
            spans = [s for raw in raw_line["spans"] for s in _cut_span(raw, cuts)] if cuts else \
                [(_span(raw), 0) for raw in raw_line["spans"] if raw["text"]]
            cell = None
            for span, cell_of_span in spans:
                if current and (cell_of_span != cell or span.bbox.x0 - current[-1].bbox.x1 >
                                layout.FRAGMENT_GAP_EM * max(span.size, 1)):
                    lines.append(Line.of(current))
                    current = []
                current.append(span)
                cell = cell_of_span
            if current:
                lines.append(Line.of(current))
    return [ln for ln in lines if ln.text]


def drawn_bullets(drawings: list[dict]) -> list[BBox]:
    """Boxes of the small filled shapes that may be list bullets (see layout.attach_drawn_bullets)."""
    out = []
    for path in drawings:
        if path.get("fill") is None or path.get("type") not in ("f", "fs"):
            continue
        box = BBox(*path["rect"])
        if layout.is_drawn_bullet(box):
            out.append(box)
    return out


def _cut_span(raw: dict, cuts: list[tuple[float, float, float]]) -> list[tuple[Span, int]]:
    """A rawdict span as spans cut at the vertical rules crossing it, each with the index of the
    slot between rules its characters lie in."""
    chars = raw.get("chars", ())
    y = (raw["bbox"][1] + raw["bbox"][3]) / 2
    xs = sorted(x for x, y0, y1 in cuts if y0 <= y <= y1 and raw["bbox"][0] < x < raw["bbox"][2])
    pieces: list[list[dict]] = []
    slots: list[int] = []
    for char in chars:
        centre = (char["bbox"][0] + char["bbox"][2]) / 2
        slot = sum(1 for x in xs if x < centre)
        if not pieces or slots[-1] != slot:
            pieces.append([])
            slots.append(slot)
        pieces[-1].append(char)
    base = sum(1 for x, y0, y1 in cuts if y0 <= y <= y1 and x <= raw["bbox"][0])
    out = []
    for piece, slot in zip(pieces, slots):
        text = "".join(c["c"] for c in piece)
        if not text:
            continue
        box = (piece[0]["bbox"][0], raw["bbox"][1], piece[-1]["bbox"][2], raw["bbox"][3])
        out.append((_span({**raw, "text": text, "bbox": box}), base + slot))
    return out


def _needs_ocr(page: pymupdf.Page, lines: list[Line]) -> bool:
    text = "".join(ln.text for ln in lines)
    visible = [c for c in text if not c.isspace()]
    if visible:
        garbage = sum(1 for c in visible if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF)
        if garbage / len(visible) > MAX_GARBAGE_SHARE:
            return True
    if len(visible) >= MIN_TEXT_CHARS:
        return False
    area = page.rect.width * page.rect.height or 1.0
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info())
    if covered / area > 0.3:
        return True
    # No text and no scan, yet ink: text drawn as vector outlines (a designer's export), which
    # only OCR reads. A thumbnail tells a drawn page from a blank one at little cost.
    thumbnail = page.get_pixmap(dpi=INK_CHECK_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    pixels = np.frombuffer(thumbnail.samples, dtype=np.uint8)
    return pixels.size > 0 and float((pixels < 200).mean()) > MIN_INK_SHARE


def ocr_dpi(page: pymupdf.Page) -> int:
    """The resolution to OCR a page at: a scan's own (resampling blurs it, and big print is read
    better at scanning resolution than enlarged), else ``OCR_DPI``."""
    area = page.rect.width * page.rect.height or 1.0
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"])
        if abs(box & page.rect) / area > 0.8 and box.width > 0:
            native = info["width"] * 72.0 / box.width
            return int(min(max(native, MIN_OCR_DPI), OCR_DPI))
    return OCR_DPI


def ocr_page(page: pymupdf.Page) -> tuple[list[Line], list[dict], tuple[float, float]]:
    """OCR a page, turned upright if scanned sideways and straightened: a scan's skew would make
    every line box taller than its text and blur the layout. Boxes are those of the upright,
    straightened page, whose size (width, height) is returned too. Also the edges of its ruled
    tables, seen on the image (empty when the rules close no cell, or the page was turned)."""
    dpi = ocr_dpi(page)
    pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.stride)[:, :pixmap.width]
    size = (page.rect.width, page.rect.height)
    turns = ocr.quarter_turns(gray)
    if turns:
        gray = np.ascontiguousarray(np.rot90(gray, turns))
        size = size[::-1] if turns % 2 else size
    level, _ = ocr.straighten(gray)
    scale = 72.0 / dpi
    horizontal, vertical = image_rules(level < ocr.INK_LEVEL, scale)
    # pdfplumber finds a turned page's tables in the page's own frame: none are looked for there.
    edges = rule_edges(horizontal, vertical) if has_ruled_cell(horizontal, vertical) and not turns else []
    if horizontal or vertical:
        level = ocr.erase_rules(level, horizontal, vertical, scale)
    # MuPDF keeps decoded images in a global store (up to 256 MB): a page's scan, once rendered,
    # is not needed again, and a worker reading long scans would otherwise hold hundreds of MB.
    pymupdf.TOOLS.store_shrink(100)
    boxes = ocr.dark_boxes(level, scale)
    if not boxes:
        return ocr.tsv_lines(ocr.run_tesseract(ocr.to_pnm(level)), scale), edges, size
    # Light text on dark boxes is read apart, the boxes stacked in one image; the page is read
    # with the boxes blanked (black boxes throw Tesseract's segmentation of the text around).
    image, to_page = ocr.mosaic(boxes)
    lines = ocr.tsv_lines(ocr.run_tesseract(ocr.to_pnm(ocr.blank(level, boxes))), scale)
    return lines + ocr.tsv_lines(ocr.run_tesseract(ocr.to_pnm(image)), scale, to_page), edges, size


def _open(data: bytes) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        raise UnreadableDocument(f"not a readable PDF: {exc}") from exc
    if doc.needs_pass:
        raise UnreadableDocument("password-protected PDF: remove the password to extract it")
    if doc.page_count == 0:
        raise UnreadableDocument("PDF has no pages")
    return doc


def read_pdf(data: bytes, path: str, doc_id: str, ocr_mode: OcrMode = OcrMode.AUTO) -> Document:
    raw_pages: list[RawPage] = []
    ruled_edges: dict[int, list[dict]] = {}
    with _open(data) as pdf:
        title = (pdf.metadata or {}).get("title") or None
        for page in pdf:
            try:
                drawings = page.get_drawings() if ocr_mode is not OcrMode.ALWAYS else []
                horizontal, vertical = rules(drawings)
                ruled = has_ruled_cell(horizontal, vertical)
                lines = text_layer_lines(page, vertical if ruled else ()) if ocr_mode is not OcrMode.ALWAYS else []
                lines = layout.attach_drawn_bullets(lines, drawn_bullets(drawings))
                use_ocr = ocr_mode is OcrMode.ALWAYS or (ocr_mode is OcrMode.AUTO and _needs_ocr(page, lines))
                size = (page.rect.width, page.rect.height)
                if use_ocr:
                    lines, edges, size = ocr_page(page)
                    if edges:
                        ruled_edges[page.number + 1] = edges
                elif ruled:
                    ruled_edges[page.number + 1] = table_edges(drawings)
            except UnreadableDocument:
                raise
            except RuntimeError as exc:  # MuPDF errors on damaged content streams
                raise UnreadableDocument(f"page {page.number + 1} cannot be read: {exc}", page.number + 1) from exc
            raw_pages.append(RawPage(page.number + 1, *size, layout.merge_fragments(lines), use_ocr))
    pymupdf.TOOLS.store_shrink(100)  # see ocr_page: nothing of this document is needed again
    tables = find_tables(data, ruled_edges)
    return build_document(doc_id, path, Media.PDF, raw_pages, tables, title)
