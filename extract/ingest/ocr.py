"""OCR of page images with Tesseract (French), returning the same ``Line`` objects as the PDF
text layer so that layout analysis treats both alike.

The ``tesseract`` command is run once per page with TSV output (words, boxes, confidences).
``OMP_THREAD_LIMIT=1``: Tesseract's OpenMP threads make it ~10x slower on a busy 2-core
machine, and pages are already processed in parallel by the pipeline's workers.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from PIL import Image

from extract.errors import OcrUnavailable
from models.document import BBox, Line, Span

LANGUAGE = "fra"
INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-fra"
# Words Tesseract is less sure of than this (0-100) are dropped: mostly noise and speckles.
MIN_CONFIDENCE = 30
OCR_TIMEOUT_S = 120
# Words shorter than this (points) are specks of dust, not text.
MIN_WORD_HEIGHT = 3.0


@lru_cache(maxsize=1)
def check_tesseract() -> str:
    """Return the tesseract executable, or raise ``OcrUnavailable`` saying how to install it."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(f"page needs OCR but Tesseract is not installed; {INSTALL_HINT}")
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable(f"Tesseract does not run ({exc}); {INSTALL_HINT}") from exc
    if LANGUAGE not in langs.stdout.split():
        raise OcrUnavailable(f"Tesseract has no French data ('{LANGUAGE}'); {INSTALL_HINT}")
    return exe


# Skew angles tried when straightening a scan, in degrees.
MAX_SKEW_DEG, SKEW_STEP_DEG = 3.0, 0.1
# Below this angle a scan is left as it is.
MIN_SKEW_DEG = 0.15


# A scanned page's pixel is ink below this grey level (rules of light grey survive the scan).
INK_LEVEL = 160


def _ink_sample(gray: np.ndarray) -> np.ndarray:
    """The page's ink on a ~800 px wide sample: fast, and precise enough to measure its lines.
    Ink is what is darker than the page's mean by a margin (and than INK_LEVEL)."""
    step = max(1, gray.shape[1] // 800)
    small = gray[::step, ::step]
    return small < min(INK_LEVEL, int(small.mean()) - 30)


def estimate_skew(gray: np.ndarray) -> float:
    """The angle (degrees) by which to turn a grayscale page (PIL: counter-clockwise) to level its text lines.

    Projection profiles: for each candidate angle the dark pixels are projected on the vertical
    axis; text lines make the sharpest profile (largest sum of squares) at the right angle.
    """
    ys, xs = np.nonzero(_ink_sample(gray))
    if len(xs) < 500:
        return 0.0
    if len(xs) > 60000:  # enough ink to measure: keep an even sample
        keep = np.linspace(0, len(xs) - 1, 60000).astype(int)
        ys, xs = ys[keep], xs[keep]
    xs = xs - xs.mean()
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + 1e-9, SKEW_STEP_DEG):
        theta = np.deg2rad(angle)
        rows = np.round(ys * np.cos(theta) - xs * np.sin(theta)).astype(int)
        counts = np.bincount(rows - rows.min())
        score = float(np.dot(counts, counts))
        if score > best_score:
            best, best_score = float(angle), score
    return best


# Text lines across the page make its row profile sharp; a page whose column profile is this
# many times sharper has its text running up or down (scanned sideways).
SIDEWAYS_RATIO = 1.5
OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def _profile_sharpness(ink: np.ndarray, axis: int) -> float:
    counts = ink.sum(axis=axis).astype(float)
    return float(np.dot(counts, counts)) / max(1.0, counts.sum()) ** 2 * len(counts)


def quarter_turns(gray: np.ndarray) -> int:
    """How many quarter turns (numpy's ``rot90``, counter-clockwise) put a page scanned sideways
    upright; 0 for an upright page. Projection profiles say whether the text runs sideways (cheap,
    every page); Tesseract's orientation detection says which way, only then."""
    ink = _ink_sample(gray)
    if ink.sum() < 500 or _profile_sharpness(ink, 0) < SIDEWAYS_RATIO * _profile_sharpness(ink, 1):
        return 0
    proc = subprocess.run([check_tesseract(), "stdin", "stdout", "--psm", "0"], input=to_pnm(gray),
                          capture_output=True, timeout=OCR_TIMEOUT_S, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    found = OSD_ROTATE.search(proc.stdout.decode("utf-8", "replace"))
    # Tesseract's "Rotate: 90" is clockwise; the profiles said sideways, so 0 or 180 is no answer.
    return {90: 3, 270: 1}.get(int(found.group(1)), 0) if found else 0


def straighten(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The page rotated so that its text lines are horizontal, and the angle."""
    angle = estimate_skew(gray)
    if abs(angle) < MIN_SKEW_DEG:
        return gray, angle
    image = Image.fromarray(gray).rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return np.asarray(image), angle


# Pixels erased on each side of a rule's centre line (rules of scanned tables are 1-6 px thick).
RULE_HALF_WIDTH_PX = 3


def erase_rules(gray: np.ndarray, horizontal: list[tuple[float, float, float]],
                vertical: list[tuple[float, float, float]], scale: float) -> np.ndarray:
    """The page with the rules of its tables painted white: Tesseract drops whole rows of text
    that sit close to a rule, and reads a rule's end as a letter. Only where the rule is a drawn
    line, light on both sides: the edge of a dark filled box (a header row with white text) is
    left, since a white frame around it keeps Tesseract from reading its text."""
    clean = gray.copy()
    half, reach = RULE_HALF_WIDTH_PX, RULE_HALF_WIDTH_PX + 2
    # Vertical rules are horizontal ones of the transposed page (.T shares the memory).
    for image, source, rules in ((clean, gray, horizontal), (clean.T, gray.T, vertical)):
        last = source.shape[0] - 1
        for at, start, end in rules:
            row, first, stop = round(at / scale), max(0, round(start / scale) - 1), round(end / scale) + 2
            line = (source[max(0, row - reach), first:stop] >= INK_LEVEL) & \
                   (source[min(last, row + reach), first:stop] >= INK_LEVEL)
            image[max(0, row - half):row + half + 1, first:stop][:, line] = 255
    return clean


# Light text on dark filled boxes (slide boxes, table header rows): a box is a region of cells of
# this many points mostly darker than DARK_FILL_LEVEL, at least BOX_MIN_PT tall; its text is
# what is clearly lighter than the fill.
FILL_CELL_PT = 2.5
DARK_FILL_LEVEL = 150
BOX_MIN_PT = 10.0
TEXT_ABOVE_FILL = 50
# A box fills at least this share of its bounding rectangle, and its text at most this share of it.
BOX_RECTANGULARITY = 0.85
BOX_MAX_TEXT_SHARE = 0.35


def dark_boxes(gray: np.ndarray, scale: float) -> list[tuple[int, int, np.ndarray]]:
    """The dark filled boxes of a page with light text (slide boxes, table header rows), which
    Tesseract leaves unread: (top, left, image) in pixels, the image the box's text turned dark
    on white. Big bold letters are no boxes: a box fills most of its bounding rectangle."""
    cell = max(2, round(FILL_CELL_PT / scale))
    rows, cols = gray.shape[0] // cell, gray.shape[1] // cell
    if rows < 2 or cols < 2:
        return []
    blocks = gray[:rows * cell, :cols * cell].reshape(rows, cell, cols, cell)
    fill = (blocks < DARK_FILL_LEVEL).mean(axis=(1, 3)) > 0.5
    if fill.sum() < 4:
        return []
    fill = _close(fill, 2)  # the white letters inside a box leave holes in it
    found = []
    min_cells = BOX_MIN_PT / (cell * scale)
    for component in _components(fill):
        ys, xs = zip(*component)
        top, left, bottom, right = min(ys), min(xs), max(ys) + 1, max(xs) + 1
        if bottom - top < min_cells or right - left < 2 * min_cells \
                or len(component) < BOX_RECTANGULARITY * (bottom - top) * (right - left):
            continue
        mask = np.zeros((bottom - top, right - left), dtype=bool)
        mask[np.array(ys) - top, np.array(xs) - left] = True
        pixels = np.repeat(np.repeat(mask, cell, axis=0), cell, axis=1)
        crop = gray[top * cell:bottom * cell, left * cell:right * cell]
        region = crop[pixels]
        text = crop > np.median(region) + TEXT_ABOVE_FILL
        if text[pixels].mean() > BOX_MAX_TEXT_SHARE:
            continue  # mostly light: not a filled box
        found.append((top * cell, left * cell, np.where(text & pixels, 0, 255).astype(np.uint8)))
    return found


def blank(gray: np.ndarray, boxes: list[tuple[int, int, np.ndarray]]) -> np.ndarray:
    """The page with its ``dark_boxes`` painted white."""
    out = gray.copy()
    for top, left, image in boxes:
        out[top:top + image.shape[0], left:left + image.shape[1]] = 255
    return out


# White space around each box in the image of boxes OCR'd together, in pixels.
MOSAIC_PAD = 24


def mosaic(boxes: list[tuple[int, int, np.ndarray]]) -> tuple[np.ndarray, Callable[[int, int], tuple[int, int]]]:
    """The boxes stacked in one white image, so that one Tesseract run reads them all, and the
    function taking a point of that image back to the page."""
    width = max(image.shape[1] for _, _, image in boxes) + 2 * MOSAIC_PAD
    height = sum(image.shape[0] + MOSAIC_PAD for _, _, image in boxes) + MOSAIC_PAD
    canvas = np.full((height, width), 255, dtype=np.uint8)
    starts = []
    y = MOSAIC_PAD
    for top, left, image in boxes:
        canvas[y:y + image.shape[0], MOSAIC_PAD:MOSAIC_PAD + image.shape[1]] = image
        starts.append((y, top, left))
        y += image.shape[0] + MOSAIC_PAD

    def to_page(x: int, y: int) -> tuple[int, int]:
        start, top, left = next((entry for entry in reversed(starts) if entry[0] <= y + MOSAIC_PAD // 2), starts[0])
        return x - MOSAIC_PAD + left, y - start + top

    return canvas, to_page


def _close(mask: np.ndarray, steps: int) -> np.ndarray:
    """Morphological closing of a boolean grid by ``steps`` cells (4-neighbourhood)."""
    def grow(m: np.ndarray) -> np.ndarray:
        padded = np.pad(m, 1)
        return padded[1:-1, 1:-1] | padded[:-2, 1:-1] | padded[2:, 1:-1] | padded[1:-1, :-2] | padded[1:-1, 2:]

    closed = mask
    for _ in range(steps):
        closed = grow(closed)
    for _ in range(steps):
        closed = ~grow(~closed)
    return closed


def _components(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    """4-connected components of the true cells of a small boolean grid."""
    seen = np.zeros_like(mask)
    found = []
    height, width = mask.shape
    for start in zip(*np.nonzero(mask)):
        if seen[start]:
            continue
        seen[start] = True
        stack, component = [start], []
        while stack:
            y, x = stack.pop()
            component.append((int(y), int(x)))
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < height and 0 <= nx < width and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        found.append(component)
    return found


def to_pnm(gray: np.ndarray) -> bytes:
    """A grey image as PNM bytes, the format Tesseract reads fastest from stdin."""
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, format="PPM")
    return buffer.getvalue()


def run_tesseract(image: bytes) -> str:
    """Raw TSV from Tesseract for one image (PNM/PNG bytes)."""
    exe = check_tesseract()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    # Sauvola's local thresholding: text on a grey box survives, where a global threshold
    # turns the whole box black; a low k keeps light headings (coloured titles once scanned).
    proc = subprocess.run([exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "-c", "thresholding_method=2",
                           "-c", "thresholding_kfactor=0.2", "tsv"],
                          input=image, capture_output=True, timeout=OCR_TIMEOUT_S, env=env)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailable(f"Tesseract failed: {message[-1] if message else proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


ASCENDERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒbdfhklt0123456789éèêàùâîôûëïüç'’()[]{}/|!?%€$#&@")
DESCENDERS = set("gjpqyç()[]{}|/,;")


def _height_share(word: str) -> float:
    """Height of a word's box in font sizes: Tesseract gives no font size, so it is read from
    word heights, which depend on ascenders (capitals, b, d, l...) and descenders (g, p, q...)."""
    up = any(c in ASCENDERS for c in word)
    down = any(c in DESCENDERS for c in word)
    return 0.95 if up and down else 0.73 if up or down else 0.53


def tsv_lines(tsv: str, scale: float, to_page: Callable[[int, int], tuple[int, int]] | None = None) -> list[Line]:
    """Lines from Tesseract TSV; ``scale`` converts pixels to PDF points (72 / dpi), after
    ``to_page`` when the image OCR'd is not the page (the boxes of a ``mosaic``)."""
    words: dict[tuple[int, int, int], list[Span]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row["conf"])
        if confidence < MIN_CONFIDENCE and len(text) <= 2:
            continue
        left, top = int(row["left"]), int(row["top"])
        if to_page is not None:
            left, top = to_page(left, top)
        left, top = left * scale, top * scale
        width, height = int(row["width"]) * scale, int(row["height"]) * scale
        # Specks read as punctuation: tiny boxes, or lone marks Tesseract is unsure of.
        if height < MIN_WORD_HEIGHT or (not any(c.isalnum() for c in text) and confidence < 60):
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.setdefault(key, []).append(
            Span(text=text + " ", bbox=BBox(left, top, left + width, top + height), font="ocr", size=0.0))
    lines = []
    for spans in words.values():
        spans = sorted(spans, key=lambda s: s.bbox.x0)
        # A bullet read as a stray mark ("*", "+", "=", "“") at the start of a line.
        if len(spans) > 1 and MISREAD_BULLET.fullmatch(spans[0].text.strip()) and spans[1].text[:1].isupper():
            first = spans[0]
            spans[0] = Span("• ", first.bbox, first.font, first.size)
        for run in _split_at_gaps(spans):
            estimates = sorted(s.bbox.height / _height_share(s.text) for s in run)
            size = round(estimates[len(estimates) // 2], 1)
            sized = [Span(s.text, s.bbox, s.font, size) for s in run]
            sized[-1] = Span(sized[-1].text.rstrip(), sized[-1].bbox, "ocr", size)
            lines.append(Line.of(sized))
    return lines


# What Tesseract makes of a list bullet: "*", "+", "=", "“", "»", "e", "o".
MISREAD_BULLET = re.compile(r"[*+=“”\"«»·•◦▪■□oe#>-]{1,2}")

# Tesseract sometimes puts words of two columns on one line: a gap wider than this many font
# sizes splits it (justified text in narrow columns stretches spaces to about 1.5).
MAX_WORD_GAP_EM = 2.5


def _split_at_gaps(spans: list[Span]) -> list[list[Span]]:
    estimates = sorted(s.bbox.height / _height_share(s.text) for s in spans)
    em = max(estimates[len(estimates) // 2], 4.0)
    runs: list[list[Span]] = [[spans[0]]]
    for span in spans[1:]:
        if span.bbox.x0 - runs[-1][-1].bbox.x1 > MAX_WORD_GAP_EM * em:
            runs.append([span])
        else:
            runs[-1].append(span)
    return runs
