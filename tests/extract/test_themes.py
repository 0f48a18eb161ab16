"""Themes come from the document's structure (axes, plan titles, slide titles, label headings), from
enumerations of fields in running text about this CTG and from its objectives, not from sentences
listing what CTGs cover in general."""

from __future__ import annotations

import pytest

from extract.normalize import is_theme_label, themes_in
from extract.themes import extract_themes
from models.themes import Theme
from tests.conftest import make_doc


def themes(text: str) -> set[str]:
    return {t.theme.value for t in extract_themes(make_doc(text))}


def themes_with_objectives(text: str) -> set[str]:
    from extract.objectives import extract_objectives

    doc = make_doc(text)
    return {t.theme.value for t in extract_themes(doc, extract_objectives(doc))}


@pytest.mark.parametrize("label, expected", [
    ("Enfance jeunesse", ["enfance", "jeunesse"]),
    ("Petite-enfance", ["petite_enfance"]),
    ("Soutien à la parentalité", ["parentalite"]),
    ("ENFANCE & JEUNESSE", ["enfance", "jeunesse"]),
    ("Accès aux droits et inclusion numérique", ["acces_aux_droits", "inclusion_numerique"]),
    ("Animation de la vie sociale", ["animation_vie_sociale"]),
    ("Logement et cadre de vie", ["logement"]),
    ("Santé des jeunes", ["autre", "jeunesse"]),
])
def test_theme_lexicon_maps_labels(label, expected):
    assert [t.value for t in themes_in(label)] == expected


def test_axis_headings_give_themes_with_their_label():
    # Labels are kept as written, typographic dashes and apostrophes made plain.
    records = extract_themes(make_doc("Axe 1 : Petite enfance\n\nDévelopper l'offre d'accueil.\n\n"
                                      "AXE 2 – Enfance jeunesse\n\nRenforcer les accueils de loisirs.\n\n"
                                      "Axe 3 : Accès aux droits\n\nAller vers les familles."))
    assert [(r.theme, r.label) for r in records] == [
        (Theme.PETITE_ENFANCE, "Axe 1 : Petite enfance"), (Theme.ENFANCE, "AXE 2 - Enfance jeunesse"),
        (Theme.JEUNESSE, "AXE 2 - Enfance jeunesse"), (Theme.ACCES_AUX_DROITS, "Axe 3 : Accès aux droits")]
    assert all(r.page == 1 and r.rule == "axis_heading" for r in records)


def test_plan_titles_and_diagnostic_slide_titles():
    assert themes("PLAN D'ACTION PARENTALITÉ\n\nObjectif 1 : Clarifier l'offre.") == {"parentalite"}
    assert themes("A retenir sur le Handicap\n\nUne offre concentrée sur deux communes.") == {"handicap"}
    assert themes("Analyse de l'offre Accès aux droits\n\nDes services nombreux.") == {"acces_aux_droits"}


def test_label_headings_are_themes_but_sentences_are_not():
    assert themes("LOGEMENT :\n\nEnjeux :\n\n- Prévenir les expulsions") == {"logement"}
    assert themes("La commune souhaite développer la petite enfance, la jeunesse et le logement.") == set()


def test_generic_list_of_what_ctgs_cover_is_not_a_theme():
    text = ("La Ctg en quelques mots\n\nLa Convention territoriale globale (Ctg) n'est pas un dispositif "
            "financier mais une démarche. Tous les champs d'intervention peuvent être mobilisés :\n\n"
            "PETITE ENFANCE\n\nLOGEMENT\n\nACCÈS AUX DROITS")
    assert themes(text) == set()


def test_headings_that_only_mention_a_theme_are_not_axes():
    assert not is_theme_label("Comparaison des chiffres petite-enfance et enfance-jeunesse")
    assert themes("Comparaison des chiffres petite-enfance et enfance-jeunesse entre la commune et l'agglomération") \
        == set()


def test_label_broken_over_two_blocks_is_not_a_heading():
    from models.document import BBox, Block, Document, Line, Media, Page, Span

    def block(text, y):
        box = BBox(420, y, 515, y + 12)
        return Block(lines=(Line.of((Span(text, box, "ocr", 10.0),)),), bbox=box, text=text)

    page = Page(number=1, width=595, height=842, blocks=(block("ALLOCATION AU", 238), block("LOGEMENT", 251)))
    doc = Document(doc_id="x", source_path="x.pdf", media=Media.PDF, pages=(page,))
    assert extract_themes(doc) == []


def test_axes_listed_in_a_sentence_are_themes_unless_the_sentence_is_generic():
    assert themes("Pour mémoire, la convention s'articule autour de quatre axes : la petite enfance, "
                  "l'enfance-jeunesse, la parentalité et l'animation de la vie sociale.") == \
        {"petite_enfance", "enfance", "jeunesse", "parentalite", "animation_vie_sociale"}
    assert themes("Tous les champs d'action de la branche Famille peuvent entrer dans une CTG : petite "
                  "enfance, enfance, jeunesse, parentalité, logement, handicap.") == set()
    assert themes("Les priorités du mandat : la voirie, la culture et le sport.") == set()


def test_theme_headings_right_below_a_list_item_are_headings():
    from extract.ingest.markup import read_html

    html = ("<html><body><h2>Petite enfance</h2><ul><li>Créer 40 nouvelles places d'accueil collectif</li></ul>"
            "<h2>Enfance et jeunesse</h2><ul><li>Créer un espace jeunes intercommunal pour les 12-17 ans</li></ul>"
            "<h2>Logement</h2><ul><li>Prévenir les impayés de loyer en lien avec la Caf</li></ul></body></html>")
    found = {t.theme.value for t in extract_themes(read_html(html.encode(), "a.html", "a"))}
    assert found == {"petite_enfance", "enfance", "jeunesse", "logement"}


def test_document_structure_is_computed_once_per_document():
    from extract.text import once_per_document

    calls = []

    @once_per_document
    def count_blocks(doc):
        calls.append(doc.doc_id)
        return sum(1 for _ in doc.blocks())

    first, second = make_doc("Axe 1 : Petite enfance\n\nUn texte."), make_doc("Parentalité")
    assert [count_blocks(first), count_blocks(first), count_blocks(second), count_blocks(first)] == [2, 2, 1, 2]
    assert len(calls) == 3  # the first document again after another is computed again


@pytest.mark.parametrize("text, expected", [
    # domains named after a cue, in a sentence about this CTG
    ("Signée pour quatre ans, la convention interviendra dans les domaines du logement, de la jeunesse et "
     "de la petite enfance.", {"petite_enfance", "jeunesse", "logement"}),
    ("Les priorités retenues pour le territoire concernent l'accueil des tout-petits, les loisirs des 6-11 ans "
     "et le soutien aux parents.", {"petite_enfance", "enfance", "parentalite"}),
    ("Ce document oriente les actions en faveur des enfants, des adolescents et des parents.",
     {"enfance", "jeunesse", "parentalite"}),
    ("Elle reprend les thématiques habituelles, la petite enfance et la jeunesse, et s'étend à l'accès aux droits.",
     {"petite_enfance", "jeunesse", "acces_aux_droits"}),
    # a list after its announcement, one field per item
    ("La nouvelle CTG s'organise autour de quatre thématiques :\n\n- la parentalité\n\n- l'animation de la vie "
     "sociale\n\n- l'inclusion numérique\n\n- le handicap.", {"parentalite", "animation_vie_sociale",
                                                          "inclusion_numerique", "handicap"}),
    # a title led by its fields
    ("Jeunesse et logement : la CTG de Bellecombe signée", {"jeunesse", "logement"}),
])
def test_fields_enumerated_in_prose_about_this_ctg_are_themes(text, expected):
    assert themes(text) == expected


@pytest.mark.parametrize("text", [
    "Une CTG peut aborder le logement, la jeunesse, l'enfance et la petite enfance.",
    "La CTG s'étend à tous les champs d'action de la Caf : petite enfance, jeunesse, parentalité, logement.",
    "Une CTG, c'est quoi ?\n\nElle touche l'accès aux droits, la parentalité, la jeunesse et la petite enfance.",
    "Les champs d'intervention des CTG sont larges : petite enfance, jeunesse, handicap, logement.",
    "Depuis vingt ans, crèches et centres de loisirs œuvrent pour l'enfance et la jeunesse de la ville.",
    "L'aide permet de concilier vie familiale, vie professionnelle et vie sociale.",
    "La commune avait signé un Contrat Enfance Jeunesse en 2012.",
    "La parentalité et la jeunesse sont un axe du contrat de ville 2024-2030.",
    "Les élus ont parlé de logement et de mobilité.",
])
def test_fields_named_in_general_or_in_passing_are_not_themes(text):
    assert themes(text) == set()


def test_items_opening_with_their_field_give_only_that_field():
    text = ("La convention retient trois priorités :\n\n• Petite enfance : ouvrir une micro-crèche près des "
            "logements sociaux ;\n\n• Parentalité : créer un café des parents ;\n\n• Jeunesse : soutenir les "
            "projets des adolescents.")
    assert themes(text) == {"petite_enfance", "parentalite", "jeunesse"}


def test_the_territorys_objectives_name_its_fields():
    text = ("Il s'agira de renforcer le soutien à la parentalité, de développer l'inclusion numérique et de "
            "mieux informer les familles.")
    assert themes_with_objectives(text) == {"parentalite", "inclusion_numerique"}


def test_facilities_named_in_passing_are_not_the_axes():
    assert themes("Avec la CTG, la Caf finance les établissements d'accueil du jeune enfant, les accueils de "
                  "loisirs et les centres sociaux.") == set()
    assert themes("La convention signée mardi met l'accent sur le handicap et le logement des jeunes.") == \
        {"handicap", "logement", "jeunesse"}


def test_an_inline_list_of_fields_and_objectives_gives_its_fields():
    assert themes("La convention retient les axes suivants : petite enfance : conforter le multi-accueil "
                  "enfance et jeunesse : ouvrir l'accueil de loisirs le mercredi ; parentalité : créer des "
                  "temps d'échanges en lien avec le centre social.") == {"petite_enfance", "enfance", "jeunesse",
                                                                         "parentalite"}


def test_an_axis_heading_over_its_objectives_gives_only_its_field():
    assert themes("Axe 2 – Jeunesse\n\n› Accompagner les 16-25 ans vers l'autonomie (emploi, logement)\n\n"
                  "› Renforcer la présence éducative le soir") == {"jeunesse"}


def test_a_field_said_to_be_an_axis_is_a_theme_even_alone():
    text = ("L'accueil du jeune enfant demeure la priorité, avec l'objectif d'adapter les horaires. La jeunesse "
            "constitue le second axe. Enfin, le logement des saisonniers fait l'objet d'une fiche action.")
    assert themes(text) == {"petite_enfance", "jeunesse", "logement"}
    assert themes("Pour la Caf, l'accès aux droits reste la priorité nationale.") == set()


def test_a_place_for_children_and_parents_is_parenthood_only():
    assert themes_with_objectives("La CTG prévoit de créer un lieu d'accueil enfants-parents et des ateliers "
                                  "parents-enfants.") == {"parentalite"}


def test_labelled_objectives_name_their_fields_and_their_facilities_too():
    from extract.objectives import extract_objectives

    doc = make_doc("Article 3 – Axes et objectifs partagés\n\nAxe 1 : Vivre au rythme des saisons\n- Objectif 1.1 : adapter "
                   "les horaires des structures petite enfance en été\n- Objectif 1.2 : ouvrir l'accueil de loisirs le "
                   "samedi\n- Objectif 1.3 : soutenir la parentalité des familles saisonnières")
    themes = {row.theme for row in extract_themes(doc, extract_objectives(doc))}
    # the accueil de loisirs an objective opens names its field, as readers of real CTG texts count it
    assert themes == {Theme.PETITE_ENFANCE, Theme.ENFANCE, Theme.PARENTALITE}


@pytest.mark.parametrize("text, expected", [
    ("La commune a signé sa CTG. Au cœur de la convention : les familles vulnérables, le handicap et l'accès "
     "aux services publics.", {"accompagnement_social", "handicap", "acces_aux_droits"}),
    ("La communauté de communes a signé sa CTG. Les domaines couverts : modes de garde, loisirs des enfants, "
     "aller-vers.", {"petite_enfance", "enfance", "acces_aux_droits"}),
])
def test_fields_after_au_coeur_de_or_domaines_couverts(text, expected):
    assert themes(text) == expected


def test_domains_of_associations_in_general_are_no_axes():
    assert themes("La ville compte de nombreuses associations actives dans les domaines de la jeunesse et du logement.") \
        == set()


def test_axes_announced_then_set_apart_one_line_each():
    text = ("La Ville et la Caf ont choisi de concentrer leur convention sur trois volets.\n\n"
            "1. Les loisirs des 6-11 ans\n\nLes accueils de loisirs ont reçu 600 enfants l'an dernier.\n\n"
            "2. Les jeunes vers l'autonomie\n\nL'espace jeunes ouvrira le samedi.\n\n"
            "3. Un soutien aux parents\n\nUn café des parents se tiendra chaque mois.\n\n"
            "Les chiffres à retenir\n\nLe handicap des enfants")
    assert themes(text) == {"enfance", "jeunesse", "parentalite"}


def test_axes_announced_in_general_give_no_theme():
    text = ("Une CTG peut porter sur six domaines.\n\nLes jeunes vers l'autonomie\n\nLe soutien aux parents")
    assert themes(text) == set()
