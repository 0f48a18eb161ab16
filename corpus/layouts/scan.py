"""A scanned copy of the Valros press kit: image-only PDF, no text layer.

Each page of the born-digital PDF is rendered at 200 dpi in grayscale, turned
by a small angle (different on each page), given mild sensor noise, dust
speckles and a lower contrast, then saved as a JPEG filling an A4 page.
Everything is seeded, so the output is byte-identical from run to run.
"""
from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 200
JPEG_QUALITY = 52
# Fixed metadata: no dates, no producer strings that could change.
METADATA = {"title": "", "author": "", "subject": "", "keywords": "", "creator": "",
            "producer": "", "creationDate": "", "modDate": "", "trapped": "", "format": ""}


def degrade(img: Image.Image, page_no: int) -> Image.Image:
    rnd = random.Random(1000 + page_no)
    rng = np.random.default_rng(2000 + page_no)
    angle = rnd.uniform(-1.5, 1.5)
    # a scanner never gives a perfectly straight page
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    # lower contrast: paper is never white, toner never black
    a = 28 + a * (222 - 28) / 255
    a += rng.normal(0, 8, a.shape)
    # dust: a few hundred dark speckles of 1-3 px
    h, w = a.shape
    for _ in range(rnd.randint(250, 450)):
        y, x = rng.integers(0, h - 3), rng.integers(0, w - 3)
        s = int(rng.integers(1, 4))
        a[y:y + s, x:x + s] = rng.uniform(20, 110)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    # scanner optics soften the noise a little (keeps the JPEGs small too)
    return out.filter(ImageFilter.GaussianBlur(1.0))


def build(src: Path, out: Path, name: str) -> Path:
    doc = pymupdf.open(src)
    scan = pymupdf.open()
    for i, page in enumerate(doc):
        pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
        img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
        img = degrade(img, i)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        new = scan.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=buf.getvalue())
    scan.set_metadata(METADATA)
    path = out / f"{name}.pdf"
    scan.save(path, garbage=4, deflate=True, no_new_id=True)
    return path
