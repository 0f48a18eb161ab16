"""Normalization of tricky French forms."""

from __future__ import annotations

from datetime import date

import pytest

from extract.normalize import (
    clean,
    fold,
    fold_key,
    ocr_digits,
    parse_amount,
    parse_date,
    parse_number,
    parse_number_words,
    parse_ordinal,
    period_end,
    person_name,
    place_name,
    slug,
    territory_key,
)


@pytest.mark.parametrize("text, value", [
    ("1,6 millions €", 1_600_000), ("2,5 millions", 2_500_000), ("2,4millions", 2_400_000),
    ("27 162 662 €", 27_162_662), ("25\u202f800 €", 25_800), ("800 k€", 800_000), ("1,2 M€", 1_200_000),
    ("3 milliards d'euros", 3_000_000_000), ("près de 3 000", None),
])
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text, value", [
    ("1 641", 1641), ("126\u00a0968", 126968), ("34,9", 34.9), ("58.5", 58.5), ("1.641", 1641), ("12", 12),
    ("abc", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("douze", 12), ("cinquante-sept", 57), ("vingt et une", 21), ("trente-et-un", 31), ("soixante-dix-sept", 77),
    ("quatre-vingt-deux", 82), ("quatre-vingts", 80), ("quatre-vingt-dix-neuf", 99), ("deux cents", 200),
    ("cent trois", 103), ("deux cent trente", 230), ("les", None), ("vingt communes", None), ("", None),
])
def test_parse_number_words(text, value):
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text, value", [
    ("le 1er janvier 2024", date(2024, 1, 1)), ("du 1^{er} janvier 2025", date(2025, 1, 1)),
    ("1ᵉʳ mars 2023", date(2023, 3, 1)), ("le 03/02/2023", date(2023, 2, 3)), ("6 févr. 2023", date(2023, 2, 6)),
    ("le 31 août 2026", date(2026, 8, 31)), ("le 31 février 2023", None), ("en janvier 2023", None),
])
def test_parse_date(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text, value", [
    ("2ème", 2), ("2eme", 2), ("2e", 2), ("deuxième", 2), ("1ère", 1), ("1er", 1), ("3e", 3), ("troisième", 3),
    ("2nde", 2), ("Ctg", None),
])
def test_parse_ordinal(text, value):
    assert parse_ordinal(text) == value


def test_period_end_counts_whole_years_from_the_start():
    assert period_end(date(2023, 1, 1), 5) == 2027
    assert period_end(date(2023, 7, 1), 4) == 2027


@pytest.mark.parametrize("text, value", [
    ("SAINT-JEAN-DE-FOS", "Saint-Jean-de-Fos"), ("Saint-Jean-de-Fos", "Saint-Jean-de-Fos"),
    ("LA BOISSIÈRE", "La Boissière"), ("LES SABLES-D’OLONNE", "Les Sables-d'Olonne"), ("VALROS", "Valros"),
    ("CHÂTEAUNEUF-DU-PAPE", "Châteauneuf-du-Pape"),
])
def test_place_name(text, value):
    assert place_name(text) == value


@pytest.mark.parametrize("text, value", [
    ("Laurent DEGALLAIX", "Laurent Degallaix"), ("Audrey MATHON-DEBETENCOURT", "Audrey Mathon-Debetencourt"),
    ("Jean-François SOTO", "Jean-François Soto"), ("Charles DE GAULLE", "Charles de Gaulle"),
    ("Thierry Mathieu", "Thierry Mathieu"), ("Nathalie LE GALL", "Nathalie Le Gall"),
    ("Bernard DE LA FONTAINE", "Bernard de La Fontaine"), ("Jean D'ORMESSON", "Jean d'Ormesson"),
    ("Jean- Marc MARCHAND", "Jean-Marc Marchand"),
])
def test_person_name(text, value):
    assert person_name(text) == value


def test_folding_ignores_case_accents_and_typographic_apostrophes():
    assert fold("Vallée de l’Hérault") == "vallee de l'herault"
    assert fold_key("Saint-Jean-de-Fos") == fold_key("Saint Jean de Fos") == "saint jean de fos"
    assert fold_key("Terre & Mer") == fold_key("Terre et Mer") == "terre et mer"
    assert clean("l’Hérault  –  2022") == "l'Hérault - 2022"
    assert slug("Communauté d'Agglomération du Gard Rhodanien") == "communaute-d-agglomeration-du-gard-rhodanien"


@pytest.mark.parametrize("name, key", [
    ("Communauté de communes de la Vallée de l’Hérault", "vallee-de-l-herault"),
    ("CC Vallée de l'Hérault", "vallee-de-l-herault"),
    ("Communauté d'Agglomération de Valenciennes Métropole", "valenciennes-metropole"),
    ("Ville de Frontignan", "frontignan"), ("Cazouls-lès-Béziers", "cazouls-les-beziers"), ("Lens", "lens"),
])
def test_territory_key_links_spellings_of_one_territory(name, key):
    assert territory_key(name) == key


def test_fold_aligned_keeps_offsets_and_folds_like_fold():
    from extract.normalize import fold_aligned

    text = "Hérault’s «Ça» — ŒUVRE ﬁn № 3\u00a0000 €"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    assert folded == "herault's «ca» - œuvre fn n 3 000 €"


@pytest.mark.parametrize("token, expected", [("l8", "18"), ("1O", "10"), ("I5", "15"), ("O3", "03"), ("24", "24")])
def test_ocr_digits_puts_back_digits_read_as_letters(token, expected):
    assert ocr_digits(token) == expected
