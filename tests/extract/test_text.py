"""Shared text helpers: cue phrases of the language resources."""

from __future__ import annotations

from extract.normalize import fold_aligned
from extract.text import phrase_pattern


def test_a_cue_phrase_matches_a_ligature_as_written():
    # the lexicon spells "au coeur de"; the text keeps its ligature
    assert phrase_pattern(["au coeur de"]).search(fold_aligned("Au cœur de la convention : la jeunesse"))
    assert phrase_pattern(["mettre en oeuvre"]).search(fold_aligned("mettre en œuvre le plan"))


def test_an_adverb_may_stand_inside_a_cue_phrase():
    assert phrase_pattern(["prevoit de"]).search(fold_aligned("La CTG prévoit entre autres de créer un relais"))
