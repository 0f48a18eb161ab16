"""Reading persons' names: full names among capitalised words, surnames after a civility, places
and organisations that look like names, names in capitals on a signature line, spelling variants."""

from __future__ import annotations

import pytest

from extract.persons import (
    Name,
    find_names,
    group_variants,
    is_person,
    line_of_names,
    same_person,
)


def names(text: str) -> list[str]:
    return [n.text for n in find_names(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ce matin, Hélène Vidal et Marc BONNET ont visité la crèche.", ["Hélène Vidal", "Marc BONNET"]),
    ("M. Durandeau, maire, et Mme ROUX, adjointe.", ["Durandeau", "ROUX"]),
    ("représentée par Madame Nathalie LE GALL-DUPRÉ, sa directrice", ["Nathalie LE GALL-DUPRÉ"]),
    ("en présence d'Olivier Lebrun, directeur de la Caf", ["Olivier Lebrun"]),
    ("Selon Anne Roux, la crèche ouvrira en mai.", ["Anne Roux"]),
    ("Après Paul Abel, Depuis Lina Costa", ["Paul Abel", "Lina Costa"]),
])
def test_full_names_and_surnames_after_a_civility(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a role and its complement run into the name without a comma
    ("Le Maire de Morteau Luc BRUN", ["Luc BRUN"]),
    ("La Directrice de la Caf du Doubs Julie BONNET", ["Julie BONNET"]),
    ("le maire de Tourcoing Hugo Ferrand et la présidente", ["Hugo Ferrand"]),
    ("Michel Arrouy Maire de Frontignan Paul Abel", ["Michel Arrouy", "Paul Abel"]),
])
def test_a_role_and_its_place_before_a_name_are_not_part_of_it(text, expected):
    assert names(text) == expected


def test_two_names_written_in_a_row_are_two_persons():
    assert find_names("Jérôme DELATTRE Francis PETIT") == [Name("Jérôme DELATTRE", 0, 15), Name("Francis PETIT", 16, 29)]
    # a compound surname in capitals is one name
    assert names("Paul ABEL-ROUX et Anne Marie DUPONT") == ["Paul ABEL-ROUX", "Anne Marie DUPONT"]


@pytest.mark.parametrize("text", [
    "La Communauté de Communes du Val de Sarthe",
    "la Communauté d'Agglomération Maubeuge Val de Sambre",
    "la Communauté de Communes Sud Retz Atlantique",
    "la Caisse d'Allocations Familiales du Jura",
    "à la salle Jean Moulin",
    "Monsieur Xxxxx XXXXXX",
    "CONVENTION TERRITORIALE GLOBALE",
])
def test_places_organisations_titles_and_anonymised_names_are_no_persons(text):
    assert names(text) == []


@pytest.mark.parametrize(("line", "expected"), [
    ("Audrey MARTIN", ["Audrey MARTIN"]),
    ("Mme Claire DUVAL +", ["Claire DUVAL"]),
    ("Jérôme DELATTRE Francis PETIT", ["Jérôme DELATTRE", "Francis PETIT"]),
    ("LUC BRUN", ["LUC BRUN"]),
    ("M. JEAN-PAUL ABEL", ["JEAN-PAUL ABEL"]),
])
def test_a_line_of_names_alone(line, expected):
    assert [n.text for n in line_of_names(line)] == expected


@pytest.mark.parametrize("line", [
    "Audrey MARTIN, directrice de la Caf",
    "LE MAIRE",
    "CONVENTION TERRITORIALE",
    "SAINT-AVOLD",
    "Fait à Vals",
])
def test_a_line_with_more_than_names_or_capitals_naming_no_one(line):
    assert line_of_names(line) == []


def test_is_person_takes_the_whole_name_only():
    assert is_person("Sophie Lambert")
    assert not is_person("Maubeuge Val de Sambre")
    assert not is_person("Directrice Sophie Lambert")


def test_spelling_variants_and_a_surname_alone_are_one_person():
    assert same_person("Ghislaine Mercret", "Ghislaine Merceret")
    assert same_person("Roux", "Anne ROUX")
    assert not same_person("Anne Roux", "Paul Roux")
    assert not same_person("Marie Dupont", "Maria Durand")
    # a surname alone joins the one full name that ends with it, none when two do
    assert group_variants(["Claire Vidal", "Paul Abel", "Vidal"]) == [[0, 2], [1]]
    assert group_variants(["Anne Roux", "Paul Roux", "Roux"]) == [[0], [1], [2]]


def test_a_name_after_an_elided_que():
    assert names("C'est en mairie qu'Agnès Delorme, maire, a signé la CTG.") == ["Agnès Delorme"]
