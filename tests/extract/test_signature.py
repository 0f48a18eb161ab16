"""Signature dates on varied snippets; other acts' dates are not signature dates."""

from __future__ import annotations

from datetime import date

import pytest

from extract.signature import extract_signature_date
from tests.conftest import make_doc

SIGNATURE_CASES = [
    ("La 2ème Ctg de la commune sera signée le vendredi 20 janvier 2023 et couvrira la période de 2022-2026.",
     date(2023, 1, 20)),
    ("Fait à Quimper, le 14 mars 2024\n\nEn trois exemplaires originaux.", date(2024, 3, 14)),
    ("Une convention territoriale globale (CTG) a été signée ce mercredi 6 mars 2024, pour la période 2023-2027.",
     date(2024, 3, 6)),
    ("La convention a été signée le 03/02/2023 par le Maire et la Directrice de la Caf.", date(2023, 2, 3)),
    ("Le lundi 6 février a eu lieu la signature de la CTG.\n\nLa Ctg sera signée le lundi 6 février 2023.",
     date(2023, 2, 6)),
    ("Les élus ont signé la CTG le 1er juillet 2022 en mairie.", date(2022, 7, 1)),
    ("Signature de la CTG le jeudi 12 octobre, en présence du Préfet (programme 2023).", date(2023, 10, 12)),
    # The sentence names two years: the day stays without one.
    ("Signature de la CTG le jeudi 12 octobre, pour la période 2023-2027.", None),
    # Dates of other acts.
    ("Vu la délibération du Conseil communautaire, en date du 11/06/2025 figurant en annexe 4.", None),
    ("Envoyé en préfecture le 16/07/2025\n\nReçu en préfecture le 16/07/2025", None),
    ("Le séminaire du 19 mars 2024 a réuni les signataires de la CTG.", None),
    ("Publié le 14/03/2024 - La ville signera sa CTG prochainement.", None),
    ("Fait à\n\nLe\n\nEn autant d'exemplaires originaux que de signataires.", None),
    # A day without its year and no full date anywhere: not grounded.
    ("Ce vendredi 20 janvier à 17h00, le Maire signera la convention.", None),
    # Two different signing dates with the same weight.
    ("La CTG sera signée le 3 mars 2023.\n\nLa CTG sera signée le 5 avril 2023.", None),
]


@pytest.mark.parametrize("text, expected", SIGNATURE_CASES, ids=[c[0][:40] for c in SIGNATURE_CASES])
def test_signature_date_from_varied_snippets(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_signature_date_ignores_deliberation_date_in_the_same_document():
    doc = make_doc("Vu la délibération du conseil municipal en date du 12 décembre 2023 ;\n\n"
                   "Fait à Lunel, le 15 janvier 2024")
    found = extract_signature_date(doc)
    assert found.value == date(2024, 1, 15)
    assert found.rule == "fait_a" and "15 janvier 2024" in found.snippet


@pytest.mark.parametrize("text, expected", [
    ("Le mardi 9 avril 2024, la Ville et la Caisse d'allocations familiales de la Gironde ont renouvelé leur "
     "engagement en faveur des familles, en signant à l'hôtel de ville leur troisième CTG.", date(2024, 4, 9)),
    ("La Caf de La Réunion et la Civis ont signé le 28 novembre 2023 leur convention.", date(2023, 11, 28)),
    ("Fait aux Herbiers, le 9 décembre 2024, en deux exemplaires originaux.", date(2024, 12, 9)),
    ("Vu la convention conclue pour la période du 1er janvier 2020 au 31 décembre 2024, signée au printemps 2021.",
     None),
    ("Pour extrait conforme,\nFait à Colomiers, le 28 juin 2024", None),
])
def test_signature_date_other_phrasings(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


HEADER_CASES = [
    # A day without its year takes the year of the page's own date: the latest such day before it.
    ("Mis à jour le 30 avril 2024\n\nLe 15 mars dernier, la Ville de Sète et la Caf ont signé leur convention "
     "territoriale globale.", date(2024, 3, 15)),
    ("Publié le 06/01/2019\n\nLa commune et la Caf ont signé ce jeudi 20 décembre leur convention territoriale "
     "globale.", date(2018, 12, 20)),
    ("Mise à jour le 13.06.2023 - 2 min de lecture\n\nCe mardi 13 juin, le maire a signé la CTG avec la Caf.",
     date(2023, 6, 13)),
    (" date 2025-11\n\nLa CTG a été signée ce mardi 4 novembre par le président de la communauté.",
     date(2025, 11, 4)),
    ("samedi 2 octobre 2021 à 06:17\n\nLa convention a été signée jeudi 30 septembre entre la Caf et la ville.",
     date(2021, 9, 30)),
    ("Vendredi 7 février 2025\n\nLe 20 décembre dernier, les élus ont signé la CTG.", date(2024, 12, 20)),
    ("Date de publication : 02/05/2023\n\nLe 28 avril, la Caf et la commune ont signé la CTG.", date(2023, 4, 28)),
    # A signing still to come is dated forward.
    ("Publié le 14/03/2024\n\nLa CTG sera signée le mardi 2 avril en mairie.", date(2024, 4, 2)),
    # A publication date weighs over a much later update.
    ("Publié le 10/02/2022\n\nMis à jour le 3 janvier 2024\n\nLa CTG a été signée le 8 février par les élus.",
     date(2022, 2, 8)),
    # An update's date alone dates a day only when the day is checked by its weekday or said recent.
    ("Mis à jour le 3 janvier 2024\n\nLa CTG a été signée le 8 février par les élus.", None),
    # The weekday does not fall on the day so dated: nothing.
    ("Publié le 06/01/2019\n\nLa CTG a été signée ce mardi 20 décembre.", None),
    # Must not fire: a browser's print header, a deliberation's date, another article's date.
    ("06/01/2019 14:32\n\nLa CTG a été signée ce jeudi 20 décembre par les partenaires.", None),
    ("Délibération du conseil municipal du 5 mars 2024\n\nLa CTG a été signée le 12 mars dernier.", None),
    ("La Caf a signé la CTG ce jeudi 20 décembre (voir l'article paru le 6 janvier 2019).", None),
    # No year anywhere: no date.
    ("Ce mardi 20 juillet, la ville et la Caf ont signé une convention territoriale.", None),
    # A year with its own time preposition dates another event.
    ("La première convention ayant pris fin en 2022, la nouvelle a été signée le 14 février par les partenaires.",
     None),
]


@pytest.mark.parametrize("text, expected", HEADER_CASES, ids=[c[0][:40] for c in HEADER_CASES])
def test_signature_date_year_from_the_page_date(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_signature_date_from_header_keeps_the_signing_sentence_as_provenance():
    found = extract_signature_date(make_doc("Mis à jour le 30 avril 2024\n\nLe 15 mars dernier, la Ville et la "
                                            "Caf ont signé la CTG."))
    assert (found.value, found.rule, found.page) == (date(2024, 3, 15), "signing_sentence", 1)
    assert "15 mars dernier" in found.snippet
