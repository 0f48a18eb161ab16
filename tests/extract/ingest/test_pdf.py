"""PDF text-layer details that do not need a whole file."""

from __future__ import annotations

from extract.ingest import pdf


def test_word_symbol_font_bullets_read_as_bullets():
    # Word exports its list bullets in the Symbol or Wingdings font, as private-use code points.
    for glyph in ("\uf0b7", "\uf0a7", "\uf0d8"):
        span = pdf._span({"text": glyph, "bbox": (54, 100, 60, 112), "size": 11.0, "font": "Symbol", "flags": 0})
        assert span.text == "•"


def test_only_small_filled_shapes_are_bullet_candidates():
    disc = {"type": "f", "fill": (0.1, 0.1, 0.1), "rect": (63, 378, 66.8, 381.8)}
    outline = {"type": "s", "fill": None, "rect": (63, 378, 66.8, 381.8)}
    band = {"type": "f", "fill": (0.2, 0.4, 0.6), "rect": (0, 0, 595, 70)}
    assert [tuple(b.as_tuple()) for b in pdf.drawn_bullets([disc, outline, band])] == [(63.0, 378.0, 66.8, 381.8)]
