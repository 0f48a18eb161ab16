"""Objectives stated in running text: lists after an announcement, inline lists, coordinated
clauses after a verb of planning, examples of projects."""

from __future__ import annotations

import pytest

from extract.plan_prose import clauses, prose_objectives
from tests.conftest import make_doc


def objectives(text: str) -> list[tuple[str, str, str]]:
    return [(o.rule, o.level.value, o.text) for o in prose_objectives(make_doc(text))]


def test_list_after_an_announcement_of_the_plan():
    text = ("La nouvelle convention repose sur trois orientations :\n\n- Mieux informer les familles sur leurs "
            "droits\n\n- Développer l'offre d'accueil du jeune enfant\n\n- Soutenir la vie associative")
    assert objectives(text) == [
        ("intro_list", "enjeu", "Mieux informer les familles sur leurs droits"),
        ("intro_list", "enjeu", "Développer l'offre d'accueil du jeune enfant"),
        ("intro_list", "enjeu", "Soutenir la vie associative")]


def test_inline_list_after_a_colon():
    assert [o[2] for o in objectives("Les axes prioritaires retenus : informer les parents, accompagner "
                                     "les jeunes, soutenir les associations.")] == [
        "informer les parents", "accompagner les jeunes", "soutenir les associations"]


def test_coordinated_clauses_after_a_verb_of_planning():
    text = ("Il s'agira, avec cette convention, de créer un relais petite enfance, d'étendre les horaires de "
            "l'accueil de loisirs et de soutenir les associations, ou encore de former les animateurs.")
    assert [o[2] for o in objectives(text)] == [
        "créer un relais petite enfance", "étendre les horaires de l'accueil de loisirs",
        "soutenir les associations", "former les animateurs"]
    # without its own "de", a second verb belongs to the clause: "améliorer ... et valoriser ..."
    assert [o[2] for o in objectives("Il s'agira de rénover les aires de jeux et sécuriser les abords des "
                                     "écoles.")] == ["rénover les aires de jeux et sécuriser les abords des écoles"]


def test_a_gerund_adds_a_clause_of_its_own():
    assert clauses("de maintenir les places en crèche, en revalorisant les métiers de la petite enfance") == [
        "maintenir les places en crèche", "revalorisant les métiers de la petite enfance"]


def test_a_comma_without_an_infinitive_stays_in_its_clause():
    assert clauses("d'améliorer la lisibilité, la souplesse et la réactivité des services") == [
        "améliorer la lisibilité, la souplesse et la réactivité des services"]


def test_actions_announced_with_what_they_bear_on():
    assert [o[2] for o in objectives("Les actions porteront sur l'accueil des tout-petits, la formation des "
                                     "assistantes maternelles et la création d'un relais.")] == [
        "l'accueil des tout-petits", "la formation des assistantes maternelles", "la création d'un relais"]
    assert [o[2] for o in objectives("Parmi les fiches actions figurent la création d'une ludothèque, "
                                     "l'extension du centre social et un bus itinérant.")] == [
        "la création d'une ludothèque", "l'extension du centre social", "un bus itinérant"]


def test_examples_of_projects_and_planned_items():
    assert [o[2] for o in objectives("Elle ouvrira la voie à d'autres projets du centre social, tels que "
                                     "l'ouverture d'une micro-crèche, l'extension des horaires de la "
                                     "ludothèque, la création d'un point info jeunesse.")] == [
        "l'ouverture d'une micro-crèche", "l'extension des horaires de la ludothèque",
        "la création d'un point info jeunesse"]
    assert [o[2] for o in objectives("La CTG prévoit aussi un « Relais des familles », où les parents seront "
                                     "accueillis.")] == ["un « Relais des familles"]
    assert [o[2] for o in objectives("Notons que la rénovation du centre social est aussi au programme.")] == [
        "la rénovation du centre social"]


@pytest.mark.parametrize("text", [
    # the national purpose of every CTG, one clause
    "La convention vise à rendre l'action des partenaires plus efficace, plus cohérente et mieux coordonnée.",
    "Elle a pour objectif de bâtir un projet social de territoire partagé.",
    # about CTGs in general
    "Une CTG peut permettre de créer des crèches, de soutenir les parents et d'aider les jeunes.",
    # past achievements
    "La précédente CTG avait permis de créer une ludothèque, d'ouvrir un espace jeunes et de former les équipes.",
    # the parties' engagements, a diagnostic's findings
    "Les signataires s'engagent à :\n\n- désigner un référent\n\n- faire mention du partenariat",
    "Enjeux repérés par les communes :\n\n- Le développement de l'offre d'accueil\n\n- La mise en réseau",
    # fields, not objectives
    "Cette convention porte sur trois axes : la petite enfance, l'enfance, la jeunesse.",
    # a quote with a verb of necessity
    "« Il faut requalifier la politique, l'égalité des chances ne doit pas rester un mot », dit le directeur.",
])
def test_prose_that_states_no_objective_of_this_territory(text):
    assert objectives(text) == []


def test_three_clauses_after_a_verb_of_purpose_naming_fields_are_a_plan():
    text = ("Cette convention vise à étoffer l'accueil des tout-petits, à ouvrir des permanences d'accès aux droits "
            "dans les quartiers et à mieux articuler les aides.")
    assert [o[2] for o in objectives(text)] == [
        "étoffer l'accueil des tout-petits", "ouvrir des permanences d'accès aux droits dans les quartiers",
        "mieux articuler les aides"]
    # naming no field, they are the purpose of any CTG, told of this one
    assert objectives("Cette convention vise à alléger les formalités, à rapprocher les services des habitants "
                      "et à mieux articuler les aides.") == []
    # said of any CTG, the same purposes are no territory's plan
    assert objectives("La CTG est une convention de partenariat. Elle permet de mieux coordonner les actions, "
                      "d'adapter l'offre aux besoins et de simplifier les financements.") == []


SIGNED = "La commune de Lure et la Caf ont signé mardi la CTG 2024-2028.\n\n"


def test_purposes_of_the_convention_told_after_its_signing_are_its_plan():
    # "La convention" after the story of this territory's signing is this territory's convention.
    text = SIGNED + ("La convention vise à structurer l'offre d'accueil, à développer les accueils de loisirs "
                     "du mercredi et à accompagner les jeunes dans leurs projets.")
    assert [o[2] for o in objectives(text)] == [
        "structurer l'offre d'accueil", "développer les accueils de loisirs du mercredi",
        "accompagner les jeunes dans leurs projets"]
    # opening a page, a purpose naming no field explains what any CTG is for
    assert objectives("La convention vise à simplifier les démarches, à rapprocher les services des habitants et "
                      "à mieux articuler les financements.") == []


def test_an_enumeration_of_bare_infinitives_ends_on_et():
    text = SIGNED + ("Elle vise à soutenir les parents, développer l'accueil du jeune enfant et favoriser l'accès "
                     "aux droits.")
    assert [o[2] for o in objectives(text)] == [
        "soutenir les parents", "développer l'accueil du jeune enfant", "favoriser l'accès aux droits"]
    # the last item's own "et" between nouns stays in it
    text = SIGNED + ("Elle vise à renforcer l'offre d'accueil, développer les actions de soutien aux parents et "
                     "favoriser l'accès des jeunes aux loisirs et aux vacances.")
    assert [o[2] for o in objectives(text)][-2:] == [
        "développer les actions de soutien aux parents", "favoriser l'accès des jeunes aux loisirs et aux vacances"]
    # "et" inside an item's noun phrase does not split it
    text = SIGNED + ("Il s'agira de créer un relais, d'améliorer l'accès aux droits et aux services et de soutenir "
                     "les associations.")
    assert [o[2] for o in objectives(text)][1] == "améliorer l'accès aux droits et aux services"


def test_orientations_the_diagnostic_brought_out_are_no_past_achievement():
    items = ("\n- Créer des places d'accueil pour les moins de 3 ans\n- Développer les accueils de loisirs"
             "\n- Renforcer l'accompagnement à la scolarité")
    found = objectives(SIGNED + "Le diagnostic a permis de dégager trois orientations :" + items)
    assert [o[2] for o in found] == ["Créer des places d'accueil pour les moins de 3 ans",
                                     "Développer les accueils de loisirs", "Renforcer l'accompagnement à la scolarité"]
    # what the first CTG achieved is past
    assert objectives(SIGNED + "La première CTG a permis de :" + items) == []


def test_clauses_ordered_by_adverbs_after_a_wish():
    text = SIGNED + ("Le plan d'action entend d'abord améliorer l'accès aux droits, puis développer l'accueil du jeune "
                     "enfant et soutenir la fonction parentale.")
    assert [o[2] for o in objectives(text)] == [
        "améliorer l'accès aux droits", "développer l'accueil du jeune enfant", "soutenir la fonction parentale"]


def test_inline_list_of_fields_each_with_its_aim():
    text = SIGNED + ("Ses orientations : l'accès aux droits, avec la création de deux points d'accueil numérique ; "
                     "la jeunesse, avec l'ouverture d'un espace jeunes ; et le soutien aux parents.")
    assert [o[2] for o in objectives(text)] == [
        "la création de deux points d'accueil numérique", "l'ouverture d'un espace jeunes"]


def test_examples_pointed_back_at_with_a_comma():
    text = SIGNED + ("Le plan d'actions compte douze fiches. Parmi elles, l'ouverture d'une micro-crèche, l'accueil d'enfants "
                     "en situation de handicap dans les centres de loisirs et la création d'un conseil des jeunes.")
    assert [o[2] for o in objectives(text)] == [
        "l'ouverture d'une micro-crèche", "l'accueil d'enfants en situation de handicap dans les centres de loisirs",
        "la création d'un conseil des jeunes"]
    # places visited are no plan
    assert objectives(SIGNED + "Les élus ont visité trois crèches. Parmi elles, la crèche des Lilas et la "
                               "halte-garderie du Centre.") == []


def test_the_plan_part_of_a_page_gives_the_sentences_opening_on_infinitives():
    from extract.ingest.markup import read_html

    html = ("<html><body><h1>La CTG</h1><h2>Nos engagements</h2><h3>Accueillir les tout-petits</h3>"
            "<p>Créer 40 places d'accueil et rééquilibrer l'offre au profit des villages.</p>"
            "<h3>Accompagner les parents</h3><p>Mailler le territoire en cafés des parents.</p>"
            "<h2>Documents</h2><p>Télécharger la convention (PDF).</p></body></html>")
    found = [o.text for o in prose_objectives(read_html(html.encode(), "a.html", "a"))]
    assert found == ["Créer 40 places d'accueil", "rééquilibrer l'offre au profit des villages",
                     "Mailler le territoire en cafés des parents"]


def test_planned_items_named_as_subjects():
    assert [o[2] for o in objectives("La jeunesse est le second axe : un espace jeunes doit voir le jour à Tulle "
                                     "et les animations d'été seront étendues aux villages.")] == [
        "un espace jeunes doit voir le jour à Tulle", "les animations d'été seront étendues aux villages"]
    assert [o[2] for o in objectives("La maison des familles sera ouverte en 2026, et une permanence sera "
                                     "créée au centre social.")] == ["La maison des familles", "une permanence"]
    assert [o[2] for o in objectives("La rénovation du centre social figure elle aussi au programme.")] == [
        "La rénovation du centre social"]


def test_a_list_whose_bullets_a_scan_lost():
    text = ("La CTG s'articule autour de trois axes :\n\nFavoriser l'accès à un mode d'accueil ;\n\n"
            "• Soutenir les parents ;\nProposer aux jeunes des espaces d'engagement ;")
    assert [o[2] for o in objectives(text)] == ["Favoriser l'accès à un mode d'accueil", "Soutenir les parents",
                                                "Proposer aux jeunes des espaces d'engagement"]


@pytest.mark.parametrize("text", [
    "Sur la période, la Caf prévoit d'engager 2,1 M€ en fonctionnement et en investissement.",
    "Les prochaines étapes figurent dans le plan : la signature officielle, puis le comité de pilotage.",
])
def test_events_and_sums_are_no_objectives(text):
    assert objectives(text) == []


def test_a_slides_list_of_actions_set_as_headings():
    from extract.ingest.markup import read_html

    html = ("<html><body><h1>Diagnostic</h1><h2>Pistes d'actions</h2><h3>Créer une maison des familles</h3>"
            "<h3>Ouvrir un lieu d'accueil itinérant</h3><h2>Calendrier</h2><p>Juin : ateliers.</p>"
            "<h2>Nos engagements</h2><h3>Accompagner les parents</h3><p>Mailler le territoire en cafés des "
            "parents.</p></body></html>")
    found = [o.text for o in prose_objectives(read_html(html.encode(), "a.html", "a"))]
    assert found == ["Créer une maison des familles", "Ouvrir un lieu d'accueil itinérant",
                     "Mailler le territoire en cafés des parents"]


def test_after_its_field_an_item_may_be_a_noun_phrase():
    text = ("Axes de travail proposés :\n\n1 Petite enfance : une offre d'accueil équilibrée entre ville et campagne"
            "\n\n2 Jeunesse : des lieux et des projets pour les 11-25 ans")
    assert [o[2] for o in objectives(text)] == ["une offre d'accueil équilibrée entre ville et campagne",
                                                "des lieux et des projets pour les 11-25 ans"]


def test_a_list_of_the_partnerships_workings_is_no_plan():
    assert objectives("Les objectifs de la CTG :\n\n- renforcer la coordination des acteurs\n\n- optimiser les moyens "
                      "et les financements\n\n- partager un diagnostic") == []
    # one such item among the territory's own stays
    assert [o[2] for o in objectives("Cette convention poursuit trois objectifs :\n\n- créer un relais petite enfance"
                                     "\n\n- accompagner les parents d'adolescents\n\n- structurer une démarche "
                                     "partenariale")] == ["créer un relais petite enfance",
                                                          "accompagner les parents d'adolescents",
                                                          "structurer une démarche partenariale"]


def test_clauses_after_a_wish_of_this_territory():
    text = ("« Nous voulons agrandir le multi-accueil de 15 berceaux, ouvrir une ludothèque et soutenir le club "
            "de prévention », détaille l'adjointe.")
    assert [o[2] for o in objectives(text)] == ["agrandir le multi-accueil de 15 berceaux", "ouvrir une ludothèque",
                                                "soutenir le club de prévention"]
    assert [o[2] for o in objectives("La commune entend rénover la halte-garderie et créer un conseil des "
                                     "jeunes.")] == ["rénover la halte-garderie", "créer un conseil des jeunes"]


@pytest.mark.parametrize("text", [
    "La ville veut rester attractive pour les jeunes ménages.",          # one wish is no plan
    "Nous voulons remercier chaleureusement les équipes du centre social.",
    "Une CTG peut aussi vouloir développer, accompagner et soutenir toutes sortes d'actions.",  # any CTG
])
def test_a_single_wish_or_a_wish_of_any_ctg_is_no_plan(text):
    assert objectives(text) == []


def test_things_to_do_listed_after_a_noun_of_the_plan():
    text = ("Deux engagements y figurent : rénover la halte-garderie du bourg, fermée depuis l'été, et créer un "
            "point information jeunesse.")
    assert [o[2] for o in objectives(text)] == ["rénover la halte-garderie du bourg", "créer un point information jeunesse"]
    # the same words before a list of fields or of qualities give none
    assert objectives("Ses engagements : la qualité, la proximité, l'écoute.") == []
    assert objectives("Deux actions phares : la petite enfance et la jeunesse.") == []


def test_aims_after_the_field_of_each_item():
    text = ("La CTG 2025-2028 se concentre sur :\n\n• la petite enfance, avec la création de 20 places et un soutien "
            "au relais ;\n\n• la jeunesse, en développant un conseil des jeunes.")
    assert [o[2] for o in objectives(text)] == ["la création de 20 places", "un soutien au relais",
                                                "développant un conseil des jeunes"]


def test_a_list_under_a_heading_of_the_plan_with_labelled_items():
    from extract.ingest.markup import read_html

    html = ("<html><body><h1>La CTG de la commune</h1><p>La commune et la Caf ont signé leur convention "
            "territoriale globale après un an de diagnostic mené avec les familles et les associations.</p>"
            "<h2>Le plan d'actions</h2><p>Neuf fiches actions traduisent ces orientations. Parmi elles :</p><ul><li>Fiche 2 : créer un relais petite enfance itinérant</li>"
            "<li>Fiche 7 : organiser des cafés des parents</li></ul><h2>Contact</h2><p>Mairie, service "
            "enfance.</p></body></html>")
    found = [o.text for o in prose_objectives(read_html(html.encode(), "a.html", "a"))]
    assert found == ["créer un relais petite enfance itinérant", "organiser des cafés des parents"]


def test_bullets_under_a_numbered_axis_label():
    text = ("Trois axes ont été retenus.\n\nAxe 1 – Bien grandir à la campagne\n• Ouvrir une micro-crèche au bourg\n"
            "• Harmoniser les tarifs des accueils de loisirs\n\nAxe 2 – Être parent\n• Créer un lieu d'accueil "
            "enfants-parents")
    assert [o[2] for o in objectives(text)] == ["Ouvrir une micro-crèche au bourg",
                                                "Harmoniser les tarifs des accueils de loisirs",
                                                "Créer un lieu d'accueil enfants-parents"]


def test_an_engagement_to_do_things_told_in_prose_is_a_plan():
    text = ("Concrètement, la commune s'engage à créer 12 places de crèche d'ici 2026, à ouvrir un relais petite "
            "enfance et à proposer une permanence itinérante.")
    assert [o[2] for o in objectives(text)] == ["créer 12 places de crèche d'ici 2026", "ouvrir un relais petite enfance",
                                                "proposer une permanence itinérante"]
    assert [o[2] for o in objectives("Les élus se sont fixé de mutualiser les accueils de loisirs et d'harmoniser "
                                     "les tarifs.")] == ["mutualiser les accueils de loisirs", "harmoniser les tarifs"]
    # the parties' engagements listed after "s'engage à :" are not the territory's plan
    assert objectives("La Caf s'engage à :\n\n- verser la prestation de service\n\n- participer au comité de "
                      "pilotage") == []


def test_a_list_pointing_back_at_the_fiches_actions_named_before():
    text = ("Le plan d'action compte 12 fiches actions. Parmi elles : ouvrir une crèche au bourg ; accompagner les "
            "apprentis et les saisonniers vers le logement ; créer un conseil des jeunes.")
    assert [o[2] for o in objectives(text)] == ["ouvrir une crèche au bourg",
                                                "accompagner les apprentis et les saisonniers vers le logement",
                                                "créer un conseil des jeunes"]
    # pointing back at something else: no plan
    assert objectives("Le centre social compte 12 bénévoles. Parmi eux : des retraités ; des parents ; des "
                      "étudiants.") == []


def test_engagements_to_run_the_partnership_are_no_plan():
    assert objectives("La commune s'engage à mettre en œuvre le plan d'actions, à désigner un chargé de coopération "
                      "CTG et à associer les communes membres à l'ensemble de la démarche.") == []
    assert objectives("Chaque partie s'engage à mentionner la coopération de l'autre partie et à valoriser ce "
                      "partenariat.") == []


def test_findings_after_their_field_are_no_aims():
    text = ("Axes de travail :\n\n1 Petite enfance : l'offre d'accueil est concentrée au bourg\n\n2 Jeunesse : les "
            "11-17 ans disposent de peu de lieux\n\n3 Vie sociale : le territoire ne compte aucun centre social")
    assert objectives(text) == []


def test_an_adverb_inside_a_cue_phrase_needs_no_entry_of_its_own():
    from extract.text import phrase_pattern

    pattern = phrase_pattern(["prévoit de", "est au programme", "sont à l'étude"])
    assert pattern.search("la convention prevoit egalement de creer")
    assert pattern.search("la renovation est elle aussi au programme")
    assert pattern.search("deux projets sont actuellement a l'etude")
    assert not pattern.search("la convention prevoit la creation")  # another word is no adverb


@pytest.mark.parametrize("text", [
    "Parmi les projets phares du mandat figurent l'extension du centre social ainsi que l'ouverture d'un relais itinérant.",
    "Parmi les actions retenues : l'extension du centre social, l'ouverture d'un relais itinérant.",
])
def test_projects_named_after_parmi_whatever_their_adjective(text):
    assert [o[2] for o in objectives(text)] == ["l'extension du centre social", "l'ouverture d'un relais itinérant"]


def test_each_noun_phrase_a_verb_of_planning_governs():
    text = ("Le projet prévoit entre autres la réouverture de la halte-garderie, le renforcement du point "
            "information jeunesse et l'accompagnement des aidants, qui sera confié au CCAS.")
    assert [o[2] for o in objectives(text)] == [
        "la réouverture de la halte-garderie", "le renforcement du point information jeunesse",
        "l'accompagnement des aidants"]
    # the enumeration stops where a phrase no longer reads as an item
    assert [o[2] for o in objectives("La CTG prévoit un guichet unique, ouvert le samedi matin.")] == [
        "un guichet unique"]


@pytest.mark.parametrize("text, expected", [
    ("Plusieurs pistes de travail ont émergé, comme la création d'une navette pour les familles ou encore "
     "l'ouverture d'un café des parents.",
     ["la création d'une navette pour les familles", "l'ouverture d'un café des parents"]),
    ("Le plan compte 22 actions réparties en quatre axes, parmi lesquelles l'extension de la crèche "
     "familiale et la création d'un conseil des jeunes.",
     ["l'extension de la crèche familiale", "la création d'un conseil des jeunes"]),
    ("Parmi les priorités de cette nouvelle convention figure l'ouverture d'un lieu d'accueil enfants-parents.",
     ["l'ouverture d'un lieu d'accueil enfants-parents"]),
])
def test_examples_after_comme_parmi_lesquelles_or_parmi_les_priorites(text, expected):
    assert [o[2] for o in objectives(text)] == expected


@pytest.mark.parametrize("text", [
    "Des dispositifs comme le relais petite enfance existent déjà dans la vallée.",
    "Les actions, comme le rappelle l'adjointe, seront évaluées chaque année.",
    "Une CTG peut prévoir des actions comme la création d'une crèche ou l'ouverture d'un espace jeunes.",
    "Parmi les objectifs nationaux de la branche Famille figure la création de nouvelles places de crèche.",
])
def test_examples_of_what_exists_or_of_any_ctg_are_no_plan(text):
    assert objectives(text) == []


def test_an_engagement_with_an_adverb_is_a_plan_but_not_the_cafs():
    assert [o[2] for o in objectives("La commune s'engage notamment à agrandir le multi-accueil, à recruter un "
                                     "animateur et à ouvrir l'espace jeunes le samedi.")] == [
        "agrandir le multi-accueil", "recruter un animateur", "ouvrir l'espace jeunes le samedi"]
    assert objectives("La Caf s'engage à verser la prestation de service, à accompagner les porteurs de projet "
                      "et à mobiliser ses fonds locaux.") == []


def test_a_wish_after_ainsi():
    assert [o[2] for o in objectives("Les élus souhaitent ainsi étoffer l'offre de garde des tout-petits et mieux "
                                     "informer les familles de leurs droits.")] == [
        "étoffer l'offre de garde des tout-petits", "mieux informer les familles de leurs droits"]


def test_examples_after_a_count_of_actions_dont():
    assert [o[2] for o in objectives("La convention prévoit 19 actions, dont la création d'une maison des familles et "
                                     "le recrutement d'une coordinatrice jeunesse.")] == [
        "la création d'une maison des familles", "le recrutement d'une coordinatrice jeunesse"]
    assert objectives("La Caf finance 40 actions, dont la moitié en faveur des jeunes.") == []


def test_a_facility_after_its_field_is_an_aim():
    assert [o[2] for o in objectives("Trois priorités se dégagent : l'accès aux droits, avec le déploiement d'un bus "
                                     "itinérant ; la jeunesse, avec un point accueil écoute jeunes ; la parentalité, "
                                     "avec un lieu d'accueil enfants-parents.")] == [
        "le déploiement d'un bus itinérant", "un point accueil écoute jeunes", "un lieu d'accueil enfants-parents"]


@pytest.mark.parametrize("text, expected", [
    ("Un point information jeunesse ouvrira à Plouay en 2026.", ["Un point information jeunesse ouvrira à Plouay en 2026"]),
    ("Dès la rentrée, une médiatrice tiendra des permanences dans les mairies.",
     ["une médiatrice tiendra des permanences dans les mairies"]),
    # an existing service named by its article, an event, people: no new service
    ("Le relais petite enfance proposera des matinées d'éveil.", []),
    ("Une réunion publique se tiendra le 5 mai à la salle des fêtes.", []),
    ("Des familles viendront nombreuses à la fête de quartier.", []),
])
def test_a_new_service_told_in_the_future(text, expected):
    assert [o[2] for o in objectives(text)] == expected


def test_fields_each_with_its_aims_are_a_plan_whatever_announces_them():
    text = ("Trois domaines sont couverts : la petite enfance, avec la création de 24 places en crèche ; "
            "la jeunesse, avec l'ouverture d'un foyer des jeunes ; la parentalité, avec un café des parents.")
    assert [o[2] for o in objectives(text)] == [
        "la création de 24 places en crèche", "l'ouverture d'un foyer des jeunes", "un café des parents"]


def test_objectives_stated_as_what_the_objectives_are():
    text = SIGNED + ("Les principaux objectifs sont d'adapter l'accueil du jeune enfant aux horaires décalés, de "
                     "structurer l'offre jeunesse et d'accompagner les parents d'adolescents.")
    assert [o[2] for o in objectives(text)] == [
        "adapter l'accueil du jeune enfant aux horaires décalés", "structurer l'offre jeunesse",
        "accompagner les parents d'adolescents"]


def test_what_it_plans_listed_counted_places_included():
    text = SIGNED + ("Ce qu'elle prévoit :\n\n- 40 places de crèche supplémentaires d'ici 2027\n\n"
                     "- un accueil de loisirs rénové\n\n- des permanences d'accès aux droits en mairie")
    assert [o[2] for o in objectives(text)] == [
        "40 places de crèche supplémentaires d'ici 2027", "un accueil de loisirs rénové",
        "des permanences d'accès aux droits en mairie"]


def test_a_list_introduced_by_the_last_clause_of_a_deliberations_considerants():
    text = ("Vu le projet éducatif de territoire 2023-2026, Considérant qu'une CTG couvre tous les champs, Considérant "
            "que les partenaires ont retenu les orientations suivantes :\n\n"
            "- petite enfance : augmenter le nombre de places en crèche ;\n\n"
            "- parentalité : structurer un réseau d'appui aux parents, Considérant que 12 fiches actions composent "
            "le plan,")
    assert [o[2] for o in objectives(text)] == [
        "augmenter le nombre de places en crèche", "structurer un réseau d'appui aux parents"]


def test_counted_new_services_and_a_fronted_phrase_before_a_future():
    text = SIGNED + ("Trois nouvelles micro-crèches verront le jour dans les Hauts. Pour les 12-17 ans, un « Bus "
                     "jeunesse » circulera dans les quartiers.")
    assert [o[2] for o in objectives(text)] == [
        "Trois nouvelles micro-crèches", "un « Bus jeunesse » circulera dans les quartiers"]


def test_a_verb_whose_object_points_back_and_what_a_savoir_names_are_no_objectives():
    text = SIGNED + ("Le souhait des élus est de prolonger sur cette lancée, en reconduisant les deux axes, à savoir "
                     "la jeunesse et l'accès aux droits.")
    assert objectives(text) == []
    # an object that points back but says more is one
    text = SIGNED + "La CTG prévoit de poursuivre ces actions en direction des jeunes et de créer une crèche."
    assert [o[2] for o in objectives(text)] == ["poursuivre ces actions en direction des jeunes", "créer une crèche"]


def test_verbs_alone_are_no_objectives():
    text = SIGNED + "« Nous travaillons selon des axes prioritaires : mobiliser, partager, agir, développer les services."
    assert [o[2] for o in objectives(text)] == ["développer les services"]


@pytest.mark.parametrize("text", [
    "Le maire souhaite remercier les agents, saluer le travail des associations et féliciter les équipes de la Caf.",
    "Le maire veut aller plus loin et faire de Lure une ville où il fait bon grandir.",
])
def test_wishes_that_name_no_field_nor_facility_are_no_plan(text):
    assert objectives(SIGNED + text) == []


@pytest.mark.parametrize("text, expected", [
    ("Concrètement, la ville s'engage sur la création d'une crèche de 40 berceaux, sur l'ouverture d'un espace de vie "
     "sociale et sur la mise en place d'un point d'accueil jeunes.",
     ["la création d'une crèche de 40 berceaux", "l'ouverture d'un espace de vie sociale",
      "la mise en place d'un point d'accueil jeunes"]),
    ("De son côté, la Caf s'engage sur le versement des prestations de service et sur la mise en place d'un "
     "accompagnement technique.", []),
    ("Parmi les projets attendus figure l'ouverture d'une micro-crèche de 12 places, prévue pour 2025, ainsi que la "
     "création d'un espace de vie sociale.",
     ["l'ouverture d'une micro-crèche de 12 places", "la création d'un espace de vie sociale"]),
    ("Parmi les actions inscrites : l'ouverture d'un second relais, le lancement d'une « maison des ados » itinérante "
     "et le soutien aux associations de parents.",
     ["l'ouverture d'un second relais", "le lancement d'une « maison des ados » itinérante",
      "le soutien aux associations de parents"]),
])
def test_noun_phrases_after_an_engagement_or_among_the_projects(text, expected):
    assert [o[2] for o in objectives(SIGNED + text)] == expected
