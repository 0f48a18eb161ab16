"""Reading proper names in running text."""

from __future__ import annotations

import pytest

from extract.names import (
    brand_names,
    commune_name,
    epci_names,
    known_epci_run,
    names_a_place,
    official_epci_name,
    read_name,
)


@pytest.mark.parametrize("text, expected", [
    ("de la Vallée de l’Hérault et la Caf", "de la Vallée de l'Hérault"),
    ("Saint Paul et Valmalle, Vendémian", "Saint Paul et Valmalle"),
    ("du Gard Rhodanien : mieux valoriser", "du Gard Rhodanien"),
    ("BM), qui compte", None),
    ("la Caf de l'Hérault", None),
    ("du Pays de Fayence et le SIVU des Trois Vallons", "du Pays de Fayence"),  # "et" then an article
    ("Dax et l'Adour", "Dax"),
])
def test_read_name_stops_at_the_end_of_a_proper_name(text, expected):
    found = read_name(text, 0)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("PONT-À-MOUSSON à RÉUNI LE CONSEIL", "PONT-À-MOUSSON"),
    ("SAINT PAUL ET VALMALLE, LA CAF", "SAINT PAUL ET VALMALLE"),
])
def test_read_name_in_capitals_stops_at_a_lower_case_connector(text, expected):
    assert read_name(text, 0)[0] == expected


def test_known_epci_run_is_the_longest_run_the_official_list_knows():
    assert known_epci_run("de la Champagne picarde (CCCP) avait voté", 0) == ("de la Champagne picarde", 23)
    assert known_epci_run("Grand Chambéry – services aux familles", 0)[0] == "Grand Chambéry"
    assert known_epci_run("Grand Projet de ville", 0) is None


def test_epci_names_without_legal_form_but_not_communes_nor_departements():
    text = "Le Grand Dole, la ville de Dole, Brest Métropole et la Haute-Savoie signent."
    assert [name for _, _, name in epci_names(text, [])] == ["Grand Dole", "Brest Métropole"]
    # A span already read under a legal form is not read again.
    assert epci_names("Communauté d'agglomération du Grand Dole", [(0, 40)]) == []


@pytest.mark.parametrize("name, expected", [
    ("Chinon Vienne Développement", True),  # begins with a commune
    ("Haut-Vivarais", True),                # a compound of capitalised words
    ("Pays de Fayence", True),              # an EPCI
    ("Suivi", False),
    ("Actualités", False),
])
def test_names_a_place(name, expected):
    assert names_a_place(name) is expected


def test_commune_name_cut_to_the_commune():
    assert commune_name("Dole et le Grand Dole") == "Dole"
    assert commune_name("PONT-À-MOUSSON RÉUNIT LE CONSEIL") == "PONT-À-MOUSSON"
    assert commune_name("Saint Paul et Valmalle") == "Saint Paul et Valmalle"


def test_epci_names_keep_the_article_of_the_official_name_however_written():
    found = [name for _, _, name in epci_names("Le président du Grand Périgueux et le Grésivaudan signent.", [])]
    assert found == ["Le Grand Périgueux", "Le Grésivaudan"]
    # One word without its article is no EPCI's name: "Grésivaudan" may be a valley.
    assert epci_names("La vallée du Grésivaudan accueille les familles.", []) == []


def test_official_epci_name_does_not_end_on_a_sign():
    text = "du Pays de Sainte-Odile & Caf du Bas-Rhin"
    assert official_epci_name(text, 0, "Communauté de communes", None) == ("du Pays de Sainte-Odile", 23)


@pytest.mark.parametrize("text, expected", [
    ("Lannion-Trégor Communauté et la Caf signent.", ["Lannion-Trégor Communauté"]),
    ("Pour Vitré Communauté, la CTG est signée.", ["Vitré Communauté"]),
    ("La Roche-sur-Yon Agglomération et la Caf.", ["La Roche-sur-Yon Agglomération"]),
    ("Valenciennes Métropole, représentée par son président.", ["Valenciennes Métropole"]),
    # Not a place before the brand word, or a legal form opening a name.
    ("Notre Agglomération et la Caf signent.", []),
    ("Toute la Communauté était là, avec le Projet Agglomération 2030.", []),
    ("La Communauté de communes du Pays de Lamastre signe.", []),
    ("Lamastre Communauté de communes signe.", []),
])
def test_brand_names_are_a_places_name_and_a_brand_word(text, expected):
    assert [name for _, _, name in brand_names(text, [])] == expected
