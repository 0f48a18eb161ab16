"""Units and labels of figures: the count noun after a number, as written, with its family."""

from __future__ import annotations

import pytest

from extract.figure_units import label_before, unit_after
from models.figures import Unit


def test_unit_after_reads_count_nouns_and_acronyms():
    assert unit_after(" des enfants âgés de 10 à 17 ans")[:2] == ("enfants", Unit.ENFANTS)
    assert unit_after(" assistants maternels agréés")[:2] == ("assistants maternels", Unit.ASSISTANTS_MATERNELS)
    assert unit_after(" assistantes maternelles")[:2] == ("assistantes maternelles", Unit.ASSISTANTS_MATERNELS)
    assert unit_after(" Centres sociaux")[:2] == ("centres sociaux", Unit.CENTRES_SOCIAUX)
    assert unit_after(" Espaces de Vie Sociales")[:2] == ("espaces de vie sociale", Unit.ESPACES_DE_VIE_SOCIALE)
    assert unit_after(" crèches municipales")[:2] == ("crèches", Unit.EAJE)
    # Written out, the count noun is its head; the acronym stays as written.
    assert unit_after(" établissements d'accueil du jeune enfant")[:2] == ("établissements", Unit.EAJE)
    assert unit_after(" EAJE")[:2] == ("EAJE", Unit.EAJE)
    assert unit_after(" RPE sur le territoire")[:2] == ("RPE", Unit.RPE)
    assert unit_after(" ans") is None


def test_unit_after_reads_plan_items_after_an_adjective():
    assert unit_after(" grandes orientations")[:2] == ("orientations", Unit.AXES)
    assert unit_after(" champs d'intervention prioritaires")[:2] == ("champs", Unit.AXES)
    assert unit_after(" objectifs opérationnels")[:2] == ("objectifs opérationnels", Unit.OBJECTIFS)
    assert unit_after(" nouveaux axes")[:2] == ("axes", Unit.AXES)


@pytest.mark.parametrize("written", ["fiches actions", "fiches-actions", "fiches action", "fiches d'actions"])
def test_action_sheets_keep_their_spelling(written):
    assert unit_after(f" {written} du plan")[:2] == (written, Unit.ACTIONS)


@pytest.mark.parametrize("text, expected", [
    (" centres sociaux et espaces de vie sociale du territoire",
     ("centres sociaux et espaces de vie sociale", Unit.CENTRES_SOCIAUX)),
    (" enfants et jeunes de 3 à 17 ans", ("enfants et jeunes", Unit.ENFANTS)),
    (" crèches et micro-crèches", ("crèches et micro-crèches", Unit.EAJE)),
    # A second noun with its own number is another count; a noun that counts nothing joins nothing.
    (" crèches et 2 micro-crèches", ("crèches", Unit.EAJE)),
    (" enfants et leurs parents", ("enfants", Unit.ENFANTS)),
])
def test_nouns_joined_by_et_count_together(text, expected):
    assert unit_after(text)[:2] == expected


@pytest.mark.parametrize("text, expected", [
    (" résidents permanents", ("résidents", Unit.HABITANTS)),
    (" quartiers prioritaires de la politique de la ville", ("quartiers prioritaires", Unit.QUARTIERS_PRIORITAIRES)),
    (" QPV", ("QPV", Unit.QUARTIERS_PRIORITAIRES)),
    (" écoles publiques", ("écoles", Unit.ECOLES)),
    (" espaces France services", ("espaces france services", Unit.FRANCE_SERVICES)),
])
def test_unit_after_reads_residents_districts_schools_and_service_points(text, expected):
    assert unit_after(text)[:2] == expected


@pytest.mark.parametrize("text, expected", [
    ("• Taux de couverture global : ", "Taux de couverture global"),
    ("un taux de réponses positives qui augmentent (", "taux de réponses positives qui augmentent"),
])
def test_label_before_a_figure(text, expected):
    assert label_before(text) == expected
