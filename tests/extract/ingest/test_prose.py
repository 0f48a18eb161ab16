"""Joining the lines of a block: hyphenation undone where a word was cut, kept in compounds."""

from __future__ import annotations

import pytest

from extract.ingest.prose import Dehyphenator, join_lines, vocabulary


@pytest.mark.parametrize("lines, expected", [
    (["Améliorer l’interconnais-", "sance entre les acteurs"], "Améliorer l’interconnaissance entre les acteurs"),
    (["des activités partagées parent-", "enfant (ex : soirées jeu…)"], "des activités partagées parent-enfant (ex : soirées jeu…)"),
    (["à destination des familles co-", "construits avec les acteurs"], "à destination des familles co-construits avec les acteurs"),
    (["les dis-", "positifs existants"], "les dispositifs existants"),
    (["peut-", "être"], "peut-être"),
    (["la petite-", "enfance"], "la petite-enfance"),
    (["au-", "delà du territoire"], "au-delà du territoire"),
    (["la commune de Saint-", "Jean-de-Fos"], "la commune de Saint-Jean-de-Fos"),
    (["couvrira la période de 2022-", "2026."], "couvrira la période de 2022-2026."),
    (["accompa-", "gnement des familles"], "accompagnement des familles"),
])
def test_words_cut_at_line_ends_are_rejoined(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize("line, expected", [
    # A column's cut words reflowed into one line, hyphen and space kept.
    ("dans les sa- lons de la mairie, la mai- re a si- gné", "dans les salons de la mairie, la maire a signé"),
    ("les assistants mater- nels", "les assistants maternels"),
    ("une crèche en centre-vil- le", "une crèche en centre-ville"),
    # Compounds and suspended hyphens stay as written.
    ("le relais parents- enfants", "le relais parents- enfants"),
    ("les actions pré- et post-natales", "les actions pré- et post-natales"),
    ("Saint- Jean", "Saint- Jean"),
])
def test_words_cut_inside_a_reflowed_line_are_rejoined(line, expected):
    assert join_lines([line]) == expected


def test_document_vocabulary_settles_unknown_words():
    # "valrossiens" is in no dictionary; the document uses it whole elsewhere.
    words = vocabulary(["les allocataires valrossiens perçoivent", "des familles"])
    assert join_lines(["les foyers valros-", "siens"], None, Dehyphenator(words)) == "les foyers valrossiens"
    compound = vocabulary(["un projet co-construit avec les habitants"])
    assert join_lines(["un atelier co-", "construit"], None, Dehyphenator(compound)) == "un atelier co-construit"


def test_list_items_and_closed_short_lines_keep_their_break():
    lines = ["Les enjeux :", "• Soutien aux familles", "• Renforcement du lien", "parent-enfant"]
    assert join_lines(lines) == "Les enjeux :\n• Soutien aux familles\n• Renforcement du lien parent-enfant"
    assert join_lines(["Fin du paragraphe.", "Début du suivant qui", "continue."], [True, False, False]) == \
        "Fin du paragraphe.\nDébut du suivant qui continue."


def test_field_items_in_lower_case_after_a_semicolon_keep_their_break():
    lines = ["parentalité : créer des temps d'échanges entre parents ;", "accès aux droits : faciliter l'accès",
             "aux services de la Caf ;", "et de la MSA selon les besoins."]
    # A line after ";" that is no "field : ..." item goes on the sentence.
    assert join_lines(lines) == ("parentalité : créer des temps d'échanges entre parents ;\naccès aux droits : faciliter "
                                 "l'accès aux services de la Caf ; et de la MSA selon les besoins.")


def test_sentence_split_over_lines_is_joined_with_one_space():
    assert join_lines(["Outil incontournable pour la   création", "  et l’amélioration des services"]) == \
        "Outil incontournable pour la création et l’amélioration des services"
