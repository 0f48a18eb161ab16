"""The Caf and its departement: names, numbers, abbreviations, overseas funds, and the Cafs that
name no departement."""

from __future__ import annotations

import pytest

from extract.caf import departement_of, extract_caf
from tests.conftest import make_doc

CAF_CASES = [
    ("Thierry Mathieu, Directeur de la Caisse d’allocations familiales de l’Hérault (Caf).", "Hérault", "Caf de l'Hérault"),
    ("La Caisse d'allocations familiales du Nord représentée par la Présidente de son Conseil.", "Nord", "Caf du Nord"),
    ("Michel Arrouy et Thierry Mathieu, directeur de la CAF Hérault.", "Hérault", "Caf de l'Hérault"),
    ("La Caisse d'allocations familiales (Caf) des Hautes-Alpes s'engage.", "Hautes-Alpes", "Caf des Hautes-Alpes"),
    ("Signature avec la Caf des Bouches-du-Rhône.", "Bouches-du-Rhône", "Caf des Bouches-du-Rhône"),
    ("C'est à partir de nos politiques réciproques, CAF du Nord et CAVM, que les enjeux ont été retenus.",
     "Nord", "Caf du Nord"),
    ("Convention entre la Caf de La Réunion et la commune de Saint-Paul.", "La Réunion", "Caf de La Réunion"),
    # A departement whose name starts like an article.
    ("La Caisse d'allocations familiales des Landes, représentée par son Président,", "Landes", "Caf des Landes"),
    ("Signature avec la Caf de la Lozère.", "Lozère", "Caf de la Lozère"),
    # A departement by its number or its abbreviation.
    ("Le président de la CAF 33 a rappelé les enjeux.", "Gironde", "Caf de la Gironde"),
    ("Les CAF du 12 et du 12 signent.", "Aveyron", "Caf de l'Aveyron"),
    ("La directrice de la Caf des PO a signé la convention.", "Pyrénées-Orientales", "Caf des Pyrénées-Orientales"),
    # Overseas, the funds that serve families under another name.
    ("La CGSS de la Martinique et la commune du Lamentin signent leur CTG.", "Martinique", "CGSS de la Martinique"),
    ("Convention entre la Caisse générale de sécurité sociale de la Guadeloupe et la ville.", "Guadeloupe",
     "CGSS de la Guadeloupe"),
    ("La CSS de Mayotte accompagne la commune de Chirongui.", "Mayotte", "CSS de Mayotte"),
]


@pytest.mark.parametrize("text, department, name", CAF_CASES, ids=[c[1] for c in CAF_CASES])
def test_caf_department_from_varied_names(text, department, name):
    caf = extract_caf(make_doc(text))
    assert (caf.department, caf.name) == (department, name)


def test_caf_ignores_department_comparisons():
    doc = make_doc("50.3% de taux de couverture (Nord: 58.5%). La Caf accompagne les communes.")
    assert extract_caf(doc) is None


@pytest.mark.parametrize("text", [
    "La CAF d'Alençon a signé la convention avec la commune.",        # a town's Caf
    "Le directeur de la CAF du Hainaut était présent.",               # an area's Caf
    "La Caf du Béarn et de la Soule accompagne la commune.",
    "La Caf accompagne les familles du territoire.",                  # no departement at all
    "Les bénéficiaires de la CSS (complémentaire santé solidaire) sont suivis.",
])
def test_caf_without_its_departement_gives_none(text):
    assert extract_caf(make_doc(text)) is None


def test_caf_abstains_when_two_cafs_weigh_the_same():
    doc = make_doc("La Caf du Nord et la Caf du Pas-de-Calais signent une convention commune.")
    assert extract_caf(doc) is None


def test_departement_of_takes_the_longest_leading_match():
    assert departement_of("de la Loire-Atlantique").name == "Loire-Atlantique"
    assert departement_of("Loire").name == "Loire"
    assert departement_of("34").name == "Hérault"
    assert departement_of("Béziers") is None


@pytest.mark.parametrize("text, department, name", [
    ("La commune et la Caf varoise ont signé leur CTG jeudi.", "Var", "Caf du Var"),
    ("La CAF Girondine accompagne la ville depuis 2019.", "Gironde", "Caf de la Gironde"),
    ("Une convention avec la Caf haut-savoyarde pour cinq ans.", "Haute-Savoie", "Caf de la Haute-Savoie"),
])
def test_caf_named_by_its_departements_adjective(text, department, name):
    caf = extract_caf(make_doc(text))
    assert (caf.department, caf.name) == (department, name)


@pytest.mark.parametrize("text", [
    "La Caf charentaise a signé la CTG.",   # two departements share the adjective
    "La Caf bretonne a signé la CTG.",      # a region's
    "La Caf locale a signé la CTG.",
])
def test_caf_adjective_that_names_no_single_departement_gives_none(text):
    assert extract_caf(make_doc(text)) is None
