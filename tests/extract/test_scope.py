"""Whose CTG a sentence speaks of: this territory's, or CTGs in general."""

from __future__ import annotations

import pytest

from extract.scope import Scope, scope_of, split_sentences, statements
from tests.conftest import make_doc


def scopes(text: str) -> list[Scope]:
    return [s.scope for s in statements(make_doc(text))]


@pytest.mark.parametrize("sentence, expected", [
    ("Cette convention porte sur trois axes.", Scope.OWN),
    ("La commune et la Caf ont signé la CTG le 4 mai.", Scope.OWN),
    ("Pour notre territoire, la priorité reste l'accueil des tout-petits.", Scope.OWN),
    ("Une commune comme une intercommunalité peut conclure une CTG.", Scope.GENERIC),
    ("Les CTG remplacent progressivement les contrats enfance jeunesse.", Scope.GENERIC),
    ("La CTG s'étend à tous les champs d'action de la Caf.", Scope.GENERIC),
    # a modal speaks of what may be, even of this partnership
    ("Ce partenariat pourra s'étendre au logement.", Scope.GENERIC),
    ("La CTG est une démarche partenariale.", Scope.NEUTRAL),
    # a negated modal says what must be done, not what CTGs may do
    ("On ne peut pas se contenter de gérer l'existant, a lancé le maire.", Scope.NEUTRAL),
    # the CTG leaning on another plan is still the subject
    ("La CTG s'appuie sur le contrat de ville 2024-2030 pour les quartiers prioritaires.", Scope.NEUTRAL),
    ("Le contrat de ville porte sur trois axes.", Scope.GENERIC),
    # the partners' own convention, paraphé or concluded
    ("La Ville et la Caf ont paraphé mardi leur deuxième convention territoriale globale.", Scope.OWN),
    ("La communauté de communes a conclu sa CTG avec la Caf.", Scope.OWN),
])
def test_scope_of_a_sentence(sentence, expected):
    assert scope_of(sentence) is expected


def test_a_pronoun_takes_the_scope_of_the_sentence_before():
    doc = make_doc("Les Caf accompagnent les collectivités. Elle s'appuie sur un diagnostic partagé.\n\n"
                   "Cette convention a été signée hier. Elle s'appuie sur un diagnostic partagé.")
    assert [s.scope for s in statements(doc)] == [Scope.GENERIC, Scope.GENERIC, Scope.OWN, Scope.OWN]


def test_the_ctg_named_with_a_definite_article_takes_the_scope_of_the_sentence_before():
    assert scopes("La commune de Lure et la Caf ont signé la CTG mardi.\n\n"
                  "La convention vise à ouvrir une crèche.\n\nLe document prévoit un relais.") \
        == [Scope.OWN, Scope.OWN, Scope.OWN]
    # a definition of the CTG says what any CTG is
    assert scopes("La commune de Lure et la Caf ont signé la CTG mardi.\n\n"
                  "La CTG est une démarche qui vise à ouvrir des crèches.") == [Scope.OWN, Scope.NEUTRAL]
    # and a text that opens on it has nothing to take a scope from
    assert scopes("La CTG vise à ouvrir des crèches.") == [Scope.NEUTRAL]


def test_a_story_keeps_its_scope_through_sentences_that_point_nowhere():
    assert scopes("La commune de Lure et la Caf ont signé la CTG mardi. Les maires avaient fait le déplacement.\n\n"
                  "Elle vise à ouvrir une crèche.") == [Scope.OWN, Scope.NEUTRAL, Scope.OWN]
    # a definition of the CTG turns to CTGs in general
    assert scopes("La commune de Lure et la Caf ont signé la CTG mardi.\n\nLa CTG est un dispositif national. "
                  "Elle vise à ouvrir des crèches.")[-1] is Scope.NEUTRAL


def test_a_question_run_into_a_paragraph_is_an_aside_of_that_paragraph():
    doc = make_doc("La commune de Lure et la Caf ont signé la CTG mardi.\n\n"
                   "Qu'est-ce qu'une CTG ? Il s'agit d'une démarche partenariale qui vise à coordonner les services "
                   "rendus aux familles sur un territoire.\n\n"
                   "À Lure, le plan d'action entend d'abord ouvrir une crèche, puis créer un espace jeunes.")
    scopes = [s.scope for s in statements(doc)]
    assert scopes[1] is Scope.GENERIC and scopes[-1] is not Scope.GENERIC
    # set as a heading, it opens a section about CTGs in general
    doc = make_doc("QU'EST-CE QU'UNE CTG ?\n\nUne démarche de la Caf.\n\nElle porte sur la jeunesse.")
    assert {s.scope for s in statements(doc)} == {Scope.GENERIC}


def test_a_section_about_ctgs_in_general_is_generic_throughout():
    doc = make_doc("QU'EST-CE QU'UNE CTG ?\n\nElle porte sur la petite enfance et la jeunesse.\n\n"
                   "NOTRE CONVENTION\n\nElle porte sur la parentalité.")
    scopes = {s.text: s.scope for s in statements(doc)}
    assert scopes["Elle porte sur la petite enfance et la jeunesse."] is Scope.GENERIC
    assert scopes["Elle porte sur la parentalité."] is not Scope.GENERIC


def test_list_items_belong_to_the_introduction_before_them():
    doc = make_doc("La convention retient deux axes :\n\n- Informer les familles\n\n- Soutenir les parents\n\n"
                   "Une autre phrase.")
    found = statements(doc)
    assert [(s.text, s.items) for s in found] == [
        ("La convention retient deux axes :", ("- Informer les familles", "- Soutenir les parents")),
        ("Une autre phrase.", ())]


def test_a_sentence_cut_at_a_column_break_is_read_whole():
    doc = make_doc("Les actions porteront sur la jeunesse et\n\nle logement. Ensuite, un bilan.")
    assert [s.text for s in statements(doc)] == ["Les actions porteront sur la jeunesse et le logement.",
                                                 "Ensuite, un bilan."]


def test_sentences_end_after_a_closing_quote():
    assert split_sentences("« C'est une étape. » Le maire a signé. M. Dupont aussi.") == [
        "« C'est une étape. »", "Le maire a signé.", "M. Dupont aussi."]


def test_a_section_is_generic_from_the_block_that_speaks_of_ctgs_in_general():
    doc = make_doc("Les axes retenus :\n\n• Petite enfance\n\n• Parentalité\n\nQu'est-ce qu'une CTG ? Elle porte sur "
                   "la jeunesse et le logement.")
    scopes = [(s.text, s.scope) for s in statements(doc)]
    assert scopes[0] == ("Les axes retenus :", Scope.NEUTRAL)
    assert scopes[-1][1] is Scope.GENERIC


def test_the_ctg_of_a_place_set_against_ctgs_in_general_is_this_one():
    found = scopes("La commune a signé sa CTG. Une CTG vise à renforcer la coordination des actions. Celle du pays "
                   "de Mauriac met l'accent sur la jeunesse. La CTG prévoit un point jeunes.")
    assert found[1:] == [Scope.GENERIC, Scope.OWN, Scope.OWN]


def test_another_plan_the_ctg_leans_on_does_not_make_what_follows_generic():
    found = scopes("La commune a signé sa CTG mardi. Elle prend la suite du contrat enfance jeunesse et s'articule "
                   "avec le contrat de ville 2024-2030. La CTG prévoit un lieu d'accueil enfants-parents.")
    assert found == [Scope.OWN, Scope.OWN, Scope.OWN]


def test_a_list_run_into_its_paragraph_after_a_colon_is_a_list():
    found = statements(make_doc("Les partenaires ont retenu trois priorités : – la petite enfance : ouvrir 30 places ; – "
                                "la jeunesse : créer un point jeunes ; – le logement des jeunes : loger les apprentis."))
    assert [(s.text, s.items) for s in found] == [
        ("Les partenaires ont retenu trois priorités :",
         ("la petite enfance : ouvrir 30 places", "la jeunesse : créer un point jeunes",
          "le logement des jeunes : loger les apprentis."))]
    # one dash after a colon is an aside, not a list
    assert len(statements(make_doc("Le maire : – une belle journée pour la commune."))[0].items) == 0


def test_but_here_sets_this_territory_against_ctgs_in_general():
    assert scope_of("Mais ici, deux domaines ont été jugés prioritaires : la petite enfance et l'accès aux droits.") \
        is Scope.OWN
