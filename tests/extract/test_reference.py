"""The official lists: communes (INSEE COG) and EPCI with their members (BANATIC)."""

from __future__ import annotations

from extract.reference import (
    epci_departement,
    epci_first_words,
    find_communes,
    find_communes_by_prefix,
    find_epci,
    find_epci_by_brand,
    is_commune_name,
    territory_code,
)
from models.conventions import Caf, Territory, TerritoryType


def test_commune_names_match_whatever_their_hyphens_accents_and_article():
    assert [c.code for c in find_communes("Saint Jean de Fos")] == ["34267"]
    assert [c.code for c in find_communes("Pont-de-Claix")] == ["38317"]
    assert [c.code for c in find_communes("Les Verrières-de-Joux")] == ["25609"]
    assert find_communes("Denain")[0].name == "Denain"
    # Homonyms in several departements, narrowed by one.
    assert len(find_communes("Saint-Paul")) > 5 and [c.departement for c in find_communes("Saint-Paul", "974")] == ["974"]


def test_a_commune_named_without_its_article_is_no_person():
    assert is_commune_name("Haut Soultzbach") and not is_commune_name("Paul Durand")


def test_epci_known_by_any_of_its_spellings_with_its_members():
    long = find_epci("Communauté de communes Vallée de l'Hérault")
    assert long is not None and long == find_epci("CC Vallée de l'Hérault")
    assert "34114" in long.members  # Gignac
    assert epci_departement(long) == "34"
    assert find_epci("Communauté de communes de Nulle Part") is None


def test_territory_code_is_the_insee_code_or_the_siren():
    commune = Territory(doc_id="d", page=1, snippet="…", rule="t", name="Valros", type=TerritoryType.COMMUNE)
    caf = Caf(doc_id="d", page=1, snippet="…", rule="t", name="Caf de l'Hérault", department="Hérault",
              department_code="34")
    assert territory_code(commune, caf) == "34325"
    epci = Territory(doc_id="d", page=1, snippet="…", rule="t", name="Communauté de communes Vallée de l'Hérault",
                     type=TerritoryType.EPCI)
    assert territory_code(epci, caf) == find_epci("CC Vallée de l'Hérault").siren


def test_a_name_its_writer_shortened_resolves_within_a_departement():
    assert [c.name for c in find_communes_by_prefix("Bormes", "83")] == ["Bormes-les-Mimosas"]
    assert [c.name for c in find_communes_by_prefix("La Londe", "83")] == ["La Londe-les-Maures"]
    # Several communes begin so, or none in that departement: the caller keeps none.
    assert len(find_communes_by_prefix("Saint", "83")) > 1
    assert find_communes_by_prefix("Bormes", "13") == ()


def test_apostrophes_inside_a_name_are_optional():
    assert [c.code for c in find_communes("Faa'a")] == ["98715"]
    assert [c.name for c in find_communes("Mtsangamouji")] == ["M'Tsangamouji"]


def test_epci_first_words_prefilter_the_lookup_of_names():
    assert {"grand", "pays", "brest"} <= epci_first_words()
    assert "caf" not in epci_first_words()


def test_within_a_departement_a_name_is_tried_with_the_article_it_dropped():
    # "du François" reads "François", a commune of the Deux-Sèvres; in Martinique it is Le François.
    assert [c.name for c in find_communes("François", "972")] == ["Le François"]
    assert [c.departement for c in find_communes("François")] == ["79"]


def test_epci_known_by_a_brand_that_begins_its_official_name():
    assert find_epci_by_brand("Loudéac Communauté").name == "CC Loudéac Communauté - Bretagne Centre"
    assert find_epci_by_brand("Tours Métropole").name == "Tours Métropole Val de Loire"
    # A whole official name, a word that begins many names, or none: no brand.
    assert find_epci_by_brand("CC Vallée de l'Hérault") is None
    assert find_epci_by_brand("Pays de") is None
    assert find_epci_by_brand("Nulle Part Agglomération") is None
