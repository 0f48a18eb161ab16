"""The territory and Caf extractors on varied snippets: communes, EPCI under their legal forms and
abbreviations, titles in capitals, and the traps of a neighbouring or containing territory."""

from __future__ import annotations

import pytest

from extract.territory import departement_of, extract_caf, extract_territory, read_name
from models.conventions import TerritoryType
from tests.conftest import make_doc

TERRITORY_CASES = [
    ("La Communauté d'Agglomération de Valenciennes Métropole, représentée par son Président, "
     "M. Laurent DEGALLAIX, dûment autorisé.", "Communauté d'Agglomération de Valenciennes Métropole", "epci"),
    ("Le lundi 6 février a eu lieu la signature de la convention territoriale globale entre la communauté de "
     "communes Vallée de l'Hérault et la Caf de l'Hérault.", "Communauté de communes Vallée de l'Hérault", "epci"),
    ("Une CTG a été signée ce mercredi 6 mars 2024 entre la ville de Frontignan et la CAF de l’Hérault.",
     "Frontignan", "commune"),
    ("Un enjeu majeur pour la CA du Gard Rhodanien : mieux valoriser son offre.",
     "Communauté d'agglomération du Gard Rhodanien", "epci"),
    ("CONVENTION TERRITORIALE GLOBALE DE SAINT-JEAN-DE-FOS\n\nLa commune de Saint-Jean-de-Fos et la Caf de "
     "l'Hérault signent leur première CTG.", "Saint-Jean-de-Fos", "commune"),
    ("Entre la Caisse d'allocations familiales de la Gironde et la Communauté de communes du Réolais en "
     "Sud Gironde, représentée par son Président.", "Communauté de communes du Réolais en Sud Gironde", "epci"),
    ("La Ctg de la commune de La Boissière sera signée avec la Caf le 3 mars 2023.", "La Boissière", "commune"),
    ("Montpellier Méditerranée Métropole et la Caf de l'Hérault ont signé la convention territoriale globale.",
     "Montpellier Méditerranée Métropole", "epci"),
    # Official names with lower-case words, a spaced dash or a word in capitals: the longest run of
    # words the reference list knows.
    ("La Communauté de communes Presqu'île de Crozon-Aulne maritime et la Caf du Finistère signent la CTG.",
     "Communauté de communes Presqu'île de Crozon-Aulne maritime", "epci"),
    ("La Communauté de communes Vallée de l'Ubaye - Serre-Ponçon signe sa CTG avec la Caf.",
     "Communauté de communes Vallée de l'Ubaye - Serre-Ponçon", "epci"),
    ("La Communauté d'Agglomération Roissy Pays de France signe la CTG avec la Caf du Val-d'Oise.",
     "Communauté d'Agglomération Roissy Pays de France", "epci"),
    ("La Communauté d'Agglomération de CAP Excellence signe la CTG avec la Caf de la Guadeloupe.",
     "Communauté d'Agglomération de CAP Excellence", "epci"),
]


@pytest.mark.parametrize("text, name, kind", TERRITORY_CASES, ids=[c[1] for c in TERRITORY_CASES])
def test_territory_from_varied_snippets(text, name, kind):
    territory = extract_territory(make_doc(text))
    assert territory is not None
    assert (territory.name, territory.type.value) == (name, kind)
    assert territory.page == 1 and territory.snippet


def test_territory_ignores_the_containing_epci():
    doc = make_doc("La 2ème Ctg de la commune de Valros sera signée avec la Caf de l'Hérault.\n\n"
                   "La ville de Valros fait partie de la Communauté d’Agglomération Béziers Méditerranée (CA BM), "
                   "qui compte 17 communes.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Valros", TerritoryType.COMMUNE)


def test_territory_prefers_the_signing_epci_over_a_member_mayor():
    doc = make_doc("Thierry Mathieu, Directeur de la Caf de l'Hérault, a signé avec Jean-François Soto, Président "
                   "de la communauté de communes Vallée de l'Hérault, Maire de Gignac, la Convention territoriale "
                   "globale (Ctg).\n\nLa Ctg a été signée par la Communauté de communes de la Vallée de l'Hérault "
                   "et 13 communes du territoire.")
    territory = extract_territory(doc)
    assert territory.type is TerritoryType.EPCI
    assert territory.name in {"Communauté de communes Vallée de l'Hérault",
                              "Communauté de communes de la Vallée de l'Hérault"}


def test_territory_absent_when_no_collectivity_is_named():
    assert extract_territory(make_doc("La Caf accompagne les familles du territoire sur la durée de la CTG.")) is None


def test_territory_abstains_between_two_equal_communes():
    doc = make_doc("La commune de Gignac et la commune d'Aniane organisent une réunion publique.")
    assert extract_territory(doc) is None


@pytest.mark.parametrize("text, expected", [
    ("de la Vallée de l’Hérault et la Caf", "de la Vallée de l'Hérault"),
    ("Saint Paul et Valmalle, Vendémian", "Saint Paul et Valmalle"),
    ("du Gard Rhodanien : mieux valoriser", "du Gard Rhodanien"),
    ("BM), qui compte", None),
    ("la Caf de l'Hérault", None),
])
def test_read_name_stops_at_the_end_of_a_proper_name(text, expected):
    found = read_name(text, 0)
    assert (found[0] if found else None) == expected


CAF_CASES = [
    ("Thierry Mathieu, Directeur de la Caisse d’allocations familiales de l’Hérault (Caf).", "Hérault", "Caf de l'Hérault"),
    ("La Caisse d'allocations familiales du Nord représentée par la Présidente de son Conseil.", "Nord", "Caf du Nord"),
    ("Michel Arrouy et Thierry Mathieu, directeur de la CAF Hérault.", "Hérault", "Caf de l'Hérault"),
    ("La Caisse d'allocations familiales (Caf) de la Haute-Garonne s'engage.", "Haute-Garonne", "Caf de la Haute-Garonne"),
    ("Signature avec la Caf des Bouches-du-Rhône.", "Bouches-du-Rhône", "Caf des Bouches-du-Rhône"),
    ("La Caf du Béarn et de la Soule accompagne la commune.", "Pyrénées-Atlantiques", "Caf des Pyrénées-Atlantiques"),
    ("C'est à partir de nos politiques réciproques, CAF du Nord et CAVM, que les enjeux ont été retenus.",
     "Nord", "Caf du Nord"),
    ("Convention entre la Caf de La Réunion et la commune de Saint-Paul.", "La Réunion", "Caf de La Réunion"),
    # A departement whose name starts like an article.
    ("La Caisse d'allocations familiales des Landes, représentée par son Président,", "Landes", "Caf des Landes"),
    ("Signature avec la Caf de la Lozère.", "Lozère", "Caf de la Lozère"),
]


@pytest.mark.parametrize("text, department, name", CAF_CASES, ids=[c[1] for c in CAF_CASES])
def test_caf_department_from_varied_names(text, department, name):
    caf = extract_caf(make_doc(text))
    assert (caf.department, caf.name) == (department, name)


def test_caf_ignores_department_comparisons():
    doc = make_doc("50.3% de taux de couverture (Nord: 58.5%). La Caf accompagne les communes.")
    assert extract_caf(doc) is None


def test_caf_abstains_when_two_cafs_weigh_the_same():
    doc = make_doc("La Caf du Nord et la Caf du Pas-de-Calais signent une convention commune.")
    assert extract_caf(doc) is None


def test_departement_of_takes_the_longest_leading_match():
    assert departement_of("de la Loire-Atlantique").name == "Loire-Atlantique"
    assert departement_of("Loire").name == "Loire"
    assert departement_of("34").name == "Hérault"
    assert departement_of("Béziers") is None


def test_epci_brand_name_known_to_the_reference():
    territory = extract_territory(make_doc("Convention Territoriale Globale 2023-2027\n\nBillom Communauté\n\n"
                                           "Caf du Puy-de-Dôme"))
    assert (territory.name, territory.type) == ("Billom Communauté", TerritoryType.EPCI)


def test_acronym_mentions_count_for_the_named_epci():
    doc = make_doc("La convention territoriale globale de la Civis\n\nLa Caf de La Réunion et la Communauté "
                   "intercommunale des villes solidaires (Civis) ont signé leur CTG. La Civis et la Caf...")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté intercommunale des villes solidaires", TerritoryType.EPCI)


def test_commune_named_after_a_contracted_article_takes_its_official_name():
    doc = make_doc("Le jeudi 12 juin 2025, la Ville du Pont-de-Claix et la Caf de l'Isère signent la troisième "
                   "Convention territoriale globale du Pont-de-Claix.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Le Pont-de-Claix", TerritoryType.COMMUNE)
