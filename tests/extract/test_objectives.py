"""Enjeux, objectifs and actions from plan tables, lists under theme headings and slide trees;
lists that are not the territory's plan are left out."""

from __future__ import annotations

from extract.ingest.markup import read_html
from extract.objectives import extract_objectives, reads_as_objective
from extract.themes import extract_themes
from models.document import BBox, Block, Document, Line, Media, Page, Span, Table
from models.objectives import Level
from models.themes import Theme
from tests.conftest import make_doc


def items(doc) -> list[tuple[str, str | None, str]]:
    return [(o.level.value, o.theme.value if o.theme else None, o.text) for o in extract_objectives(doc)]


def test_bullets_under_an_axis_take_their_level_from_the_introduction():
    doc = make_doc("Axe 1 : Petite-enfance\n\nSur le champ de la petite-enfance, trois enjeux se montrent majeurs :\n\n"
                   "• Améliorer l’interconnaissance entre les acteurs ;\n\n• Promouvoir les dispositifs auprès du "
                   "grand public.\n\nAxe 3 : Soutien à la parentalité\n\nLa Ctg prévoit de :\n\n• Proposer des "
                   "activités partagées parent-enfant (ex : soirées jeu…) ;")
    assert items(doc) == [
        ("enjeu", "petite_enfance", "Améliorer l'interconnaissance entre les acteurs"),
        ("enjeu", "petite_enfance", "Promouvoir les dispositifs auprès du grand public."),
        ("action", "parentalite", "Proposer des activités partagées parent-enfant (ex : soirées jeu…)"),
    ]


def test_labelled_enjeux_without_bullets_and_the_list_end():
    doc = make_doc("JEUNESSE :\n\nEnjeux :\n\nAccompagnement des jeunes vers l'autonomie\n\nPrévention des conduites "
                   "à risque\n\nLe comité de pilotage se réunira deux fois par an pour suivre la mise en œuvre.")
    assert items(doc) == [("enjeu", "jeunesse", "Accompagnement des jeunes vers l'autonomie"),
                          ("enjeu", "jeunesse", "Prévention des conduites à risque")]


def test_plan_table_rows_and_enjeux_cell_with_export_debris():
    html = ("<html><body><table><tr><td>PLAN D'ACTION LOGEMENT</td><td></td></tr>"
            "<tr><td>&lt;u&gt;Enjeux :&lt;/u&gt; • Prévenir les expulsions • Lutter contre l'habitat indigne</td></tr>"
            "<tr><td>Objectif 1</td><td>Repérer les situations d'impayés au plus tôt.</td></tr>"
            "<tr><td>Action 1.1</td><td>Créer une cellule de veille partenariale.</td></tr></table></body></html>")
    doc = read_html(html.encode(), "p.html", "p")
    assert items(doc) == [
        ("enjeu", "logement", "Prévenir les expulsions"),
        ("enjeu", "logement", "Lutter contre l'habitat indigne"),
        ("objectif", "logement", "Repérer les situations d'impayés au plus tôt."),
        ("action", "logement", "Créer une cellule de veille partenariale."),
    ]


def test_national_missions_and_diagnostic_findings_are_not_the_plan():
    doc = make_doc("PARENTALITE :\n\nChamps parmi lesquels pourront figurer les enjeux suivants, portés par la CAF :\n\n"
                   "• Aider les familles à concilier vie familiale et vie professionnelle ;\n\n"
                   "Enjeux repérés par les communes :\n\n• Le développement d'une offre d'accueil\n\n"
                   "• Davantage d'implication des parents")
    assert items(doc) == []


def test_lists_outside_a_theme_section_are_not_objectives():
    doc = make_doc("ARTICLE 1 - OBJET DE LA CTG\n\nLa CTG a pour objectifs :\n\n• Identifier les besoins prioritaires "
                   "sur le territoire ;\n\n• Définir les champs d'intervention à privilégier.")
    assert items(doc) == []


def test_statistics_under_a_theme_label_are_not_objectives():
    doc = make_doc("Petite enfance :\n\n• 1 Micro-crèche 12 places en mode Paje ;\n\n• 57% des enfants gardés par "
                   "un assistant maternel.")
    assert items(doc) == []


def _box(text: str, x0: float, y0: float, width: float = 200.0) -> Block:
    box = BBox(x0, y0, x0 + width, y0 + 24)
    return Block(lines=(Line.of((Span(text, box, "Test", 12.0),)),), bbox=box, text=text)


def test_action_tree_on_a_slide_links_actions_to_their_objective():
    blocks = (
        _box("Structurer une politique de soutien à la parentalité", 40, 30, 600),
        _box("Axe", 100, 100, 30), _box("Objectifs", 380, 100, 60), _box("Actions", 700, 100, 60),
        _box("Structurer une politique de soutien à la parentalité", 40, 260),
        _box("Répondre aux besoins de soutien collectifs", 320, 180),
        _box("Créer le réseau des acteurs de la parentalité", 620, 160),
        _box("Créer un évènement annuel pour les familles", 620, 210),
        _box("Développer un maillage plus complet du territoire", 320, 360),
        _box("Créer une offre parentalité itinérante", 620, 360),
    )
    doc = Document(doc_id="d", source_path="d.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=960, height=540, blocks=blocks),))
    found = {o.text: o for o in extract_objectives(doc)}
    assert found["Structurer une politique de soutien à la parentalité"].level is Level.ENJEU
    assert found["Créer un évènement annuel pour les familles"].parent_text == "Répondre aux besoins de soutien collectifs"
    assert found["Créer une offre parentalité itinérante"].parent_text == \
        "Développer un maillage plus complet du territoire"
    assert {o.theme for o in found.values()} == {Theme.PARENTALITE}
    assert len(found) == 6


def test_objective_shape():
    for text in ("Améliorer l'accueil", "Mieux faire connaître la Maison des Parents", "Soutien aux familles",
                 "Renforcement du lien parent-enfant", "Accessibilité territoriale des modes d'accueil",
                 "Faire connaitre l'offre de services existante"):
        assert reads_as_objective(text), text
    for text in ("1 Micro-crèche 12 places", "57% de la population", "Centre social de la ville", "Le comité"):
        assert not reads_as_objective(text), text


def test_plan_list_items_naming_their_field_give_objective_and_theme():
    doc = make_doc("Trois priorités ont été retenues :\n- la petite enfance, avec l'augmentation du nombre de places "
                   "en crèche ;\n- la jeunesse, en particulier l'accompagnement des 16-25 ans vers l'emploi ;\n"
                   "- l'accès aux droits, en rapprochant l'accueil de la Caf des habitants du plateau.")
    assert [(o.theme.value, o.text, o.parent_text) for o in extract_objectives(doc)] == [
        ("petite_enfance", "l'augmentation du nombre de places en crèche", "la petite enfance"),
        ("jeunesse", "l'accompagnement des 16-25 ans vers l'emploi", "la jeunesse"),
        ("acces_aux_droits", "rapprochant l'accueil de la Caf des habitants du plateau.", "l'accès aux droits"),
    ]


def test_numbered_axes_with_a_colon_in_a_deliberation():
    doc = make_doc("Le plan d'actions de la CTG s'articule autour de cinq axes :\n"
                   "  1. La petite enfance : adapter l'offre d'accueil aux horaires atypiques ;\n"
                   "  2. Le soutien à la parentalité : créer un lieu ressource parentalité.\n"
                   "La convention est conclue pour la période 2024-2028.")
    assert [(o.theme.value, o.text) for o in extract_objectives(doc)] == [
        ("petite_enfance", "adapter l'offre d'accueil aux horaires atypiques"),
        ("parentalite", "créer un lieu ressource parentalité."),
    ]


def test_generic_lists_without_fields_are_not_a_plan():
    doc = make_doc("Les enjeux d'une CTG :\n\nTerritorialiser l'offre globale de services,\n\n"
                   "Favoriser la coordination entre les collectivités territoriales.")
    assert extract_objectives(doc) == []


def test_labelled_lines_under_an_axis_and_a_level_heading():
    doc = make_doc("Les enjeux\n1. Garantir un accueil de qualité pour les enfants de 0 à 11 ans\n"
                   "2. Permettre aux jeunes de construire leur autonomie\n\n"
                   "Axe 1 : Petite enfance et enfance\n\nObjectif 1.1 : Pérenniser l'offre d'accueil individuel\n\n"
                   "Action 1.1.1 : Mettre en place un plan\nde promotion du métier d'assistante maternelle\n\n"
                   "- Objectif 1.4 : Étudier l'opportunité d'une micro-crèche")
    found = [(o.level.value, o.text) for o in extract_objectives(doc)]
    assert found == [
        ("enjeu", "Garantir un accueil de qualité pour les enfants de 0 à 11 ans"),
        ("enjeu", "Permettre aux jeunes de construire leur autonomie"),
        ("objectif", "Pérenniser l'offre d'accueil individuel"),
        ("action", "Mettre en place un plan de promotion du métier d'assistante maternelle"),
        ("objectif", "Étudier l'opportunité d'une micro-crèche"),
    ]


def test_chevron_bullets_and_numbered_sub_items_under_axes():
    doc = make_doc("Axe 1 – Petite enfance\n\n› Maintenir un niveau d’accueil du jeune enfant adapté\n\n"
                   "› Accompagner les assistantes maternelles\n\nAxe 2 - Enfance et jeunesse\n"
                   "    2.1  Harmoniser les tarifs des accueils de loisirs\n"
                   "    2.2  Développer l'offre en direction des 15-17 ans")
    assert [(theme, text) for _, theme, text in items(doc)] == [
        ("petite_enfance", "Maintenir un niveau d'accueil du jeune enfant adapté"),
        ("petite_enfance", "Accompagner les assistantes maternelles"),
        ("enfance", "Harmoniser les tarifs des accueils de loisirs"),
        ("enfance", "Développer l'offre en direction des 15-17 ans"),
    ]


def test_plan_table_by_columns_with_merged_cells():
    html = ("<html><body><table><tr><th>Axe</th><th>Objectif</th><th>Actions</th><th>Pilote</th></tr>"
            "<tr><td>Axe 1 – Petite enfance</td><td>Développer l'offre d'accueil collectif</td>"
            "<td>• Créer une micro-crèche de 12 places</td><td>Communauté</td></tr>"
            "<tr><td></td><td></td><td>• Étudier l'extension du multi-accueil</td><td>Caf</td></tr>"
            "<tr><td>Axe 2 – Accès aux droits et inclusion numérique</td><td>Lutter contre la fracture numérique"
            "</td><td>• Déployer des ateliers numériques</td><td>Communauté</td></tr></table></body></html>")
    doc = read_html(html.encode(), "a.html", "a")
    found = extract_objectives(doc)
    assert [(o.level.value, o.theme.value, o.text, o.parent_text) for o in found] == [
        ("objectif", "petite_enfance", "Développer l'offre d'accueil collectif", "Axe 1 - Petite enfance"),
        ("action", "petite_enfance", "Créer une micro-crèche de 12 places", "Développer l'offre d'accueil collectif"),
        ("action", "petite_enfance", "Étudier l'extension du multi-accueil", "Développer l'offre d'accueil collectif"),
        ("objectif", "acces_aux_droits", "Lutter contre la fracture numérique",
         "Axe 2 - Accès aux droits et inclusion numérique"),
        ("action", "acces_aux_droits", "Déployer des ateliers numériques", "Lutter contre la fracture numérique"),
    ]
    from extract.themes import extract_themes

    assert {t.theme.value for t in extract_themes(doc, found)} >= {"petite_enfance", "acces_aux_droits",
                                                                    "inclusion_numerique"}


def test_axis_with_its_field_then_its_objective():
    doc = make_doc("Les signataires retiennent quatre axes prioritaires :\n\n"
                   "• Axe 1 – Petite enfance : développer et diversifier l'offre d'accueil du jeune enfant ;\n\n"
                   "• Axe 2 – Parentalité : rendre lisible l'offre de soutien à la parentalité.")
    assert items(doc) == [("enjeu", "petite_enfance", "développer et diversifier l'offre d'accueil du jeune enfant"),
                          ("enjeu", "parentalite", "rendre lisible l'offre de soutien à la parentalité.")]


def test_scanned_plan_table_row_whose_label_ocr_garbled_keeps_its_level():
    from dataclasses import replace

    html = ("<html><body><table><tr><td>PLAN D'ACTION PETITE ENFANCE</td><td></td></tr>"
            "<tr><td>uen</td><td>Promouvoir les métiers de la petite enfance.</td></tr>"
            "<tr><td>Objectif 2</td><td>Adapter l'offre d'accueil aux horaires atypiques.</td></tr>"
            "<tr><td>Objectif 3</td><td>Valoriser le relais petite enfance auprès des familles.</td></tr>"
            "</table></body></html>")
    born_digital = read_html(html.encode(), "p.html", "p")
    scanned = replace(born_digital, pages=tuple(replace(p, ocr=True) for p in born_digital.pages))
    assert [text for level, _, text in items(scanned) if level == "objectif"] == [
        "Promouvoir les métiers de la petite enfance.", "Adapter l'offre d'accueil aux horaires atypiques.",
        "Valoriser le relais petite enfance auprès des familles."]
    # Without OCR a row with another label is another kind of row.
    assert len(items(born_digital)) == 2


def test_introduction_and_its_unbulleted_items_in_one_block():
    # OCR lost the bullets and the spacing: the introduction and its items are one block.
    doc = make_doc("Axe 2 : Enfance jeunesse\n\nAu niveau enfance-jeunesse, les signataires s'engagent à :\n"
                   "Améliorer les partenariats entre les acteurs de la politique familiale ;\n"
                   "Répondre aux besoins des familles en termes d'accueils de loisirs.")
    separate = make_doc("Axe 2 : Enfance jeunesse\n\nAu niveau enfance-jeunesse, les signataires s'engagent à :\n\n"
                        "• Améliorer les partenariats entre les acteurs de la politique familiale ;\n\n"
                        "• Répondre aux besoins des familles en termes d'accueils de loisirs.")
    assert [text for _, _, text in items(doc)] == [
        "Améliorer les partenariats entre les acteurs de la politique familiale",
        "Répondre aux besoins des familles en termes d'accueils de loisirs."]
    assert items(doc) == items(separate)


def test_plan_table_takes_the_theme_of_the_nearest_heading_above_and_tables_keep_their_own():
    html = ("<html><body><h2>Axe 1 : Petite enfance</h2><p>Un axe pour les tout-petits du territoire.</p>"
            "<h2>Axe 2 : Parentalité</h2>"
            "<table><tr><td>Objectif 1</td><td>Créer un lieu d'accueil enfants-parents.</td></tr>"
            "<tr><td>Objectif 2</td><td>Soutenir les parents d'adolescents.</td></tr></table>"
            "<table><tr><td>PLAN D'ACTION LOGEMENT</td><td></td></tr>"
            "<tr><td>Objectif 1</td><td>Prévenir les expulsions locatives.</td></tr></table></body></html>")
    found = {text: theme for _, theme, text in items(read_html(html.encode(), "p.html", "p"))}
    assert found["Créer un lieu d'accueil enfants-parents."] == "parentalite"
    assert found["Soutenir les parents d'adolescents."] == "parentalite"
    assert found["Prévenir les expulsions locatives."] == "logement"
    # An untitled table does not take the theme of a titled table after it.
    html = ("<html><body><table><tr><td>Objectif 1</td><td>Renforcer le partenariat local.</td></tr>"
            "<tr><td>Objectif 2</td><td>Améliorer la lisibilité des actions.</td></tr></table>"
            "<table><tr><td>PLAN D'ACTION PARENTALITÉ</td><td></td></tr>"
            "<tr><td>Objectif 1</td><td>Créer un réseau des acteurs de la parentalité.</td></tr></table></body></html>")
    found = {text: theme for _, theme, text in items(read_html(html.encode(), "p.html", "p"))}
    assert found["Renforcer le partenariat local."] is None
    assert found["Créer un réseau des acteurs de la parentalité."] == "parentalite"


def test_an_axis_cell_naming_its_field_is_no_enjeu():
    from extract.ingest.markup import read_html

    html = ("<html><body><table><tr><th>Axe</th><th>Objectif</th><th>Action</th></tr>"
            "<tr><td>Petite enfance</td><td>Augmenter l'offre d'accueil</td><td>Créer une crèche de 30 places</td></tr>"
            "</table></body></html>")
    found = [(o.level.value, o.text) for o in extract_objectives(read_html(html.encode(), "t.html", "t"))]
    assert found == [("objectif", "Augmenter l'offre d'accueil"), ("action", "Créer une crèche de 30 places")]


def test_labels_run_into_the_line_before_each_start_an_item():
    # A reflowed slide: the second "Piste :" ran into the first one's line.
    doc = make_doc("Axe 2 – Jeunesse\nEnjeu : construire une offre pour les 14-17 ans\nPiste : recruter une animatrice "
                   "itinérante Piste : ouvrir un espace jeunes au bourg")
    assert [text for _, _, text in items(doc)] == ["construire une offre pour les 14-17 ans",
                                                   "recruter une animatrice itinérante", "ouvrir un espace jeunes au bourg"]
    # after a sentence's end, "Objectif :" opens prose, not a label of the plan
    assert items(make_doc("La CTG a été signée hier. Objectif : agir ensemble pour les familles.")) == []


def test_labels_with_an_em_dash_or_a_number_alone_before_the_item():
    doc = make_doc("Axes et objectifs\n\nAXE 1 — Accueillir les jeunes enfants au plus près des familles\nObjectif 1.1 "
                   "Soutenir l'installation d'assistantes maternelles\nObjectif 1.2 Étudier la création d'un multi-accueil")
    assert [(level, text) for level, _, text in items(doc)] == [
        ("enjeu", "Accueillir les jeunes enfants au plus près des familles"),
        ("objectif", "Soutenir l'installation d'assistantes maternelles"),
        ("objectif", "Étudier la création d'un multi-accueil")]


def test_fiche_action_labels_give_actions():
    doc = make_doc("Le plan d'action\n\nAxe 1 – Grandir au pays\nFiche action 1 : Créer un guichet unique pour les familles\n"
                   "Fiche action 4 : Développer l'accueil des enfants en situation de handicap")
    assert [(level, text) for level, _, text in items(doc) if level == "action"] == [
        ("action", "Créer un guichet unique pour les familles"),
        ("action", "Développer l'accueil des enfants en situation de handicap")]


def _table_page(number: int, rows: tuple[tuple[str, ...], ...], above: str | None = None) -> Page:
    """A page holding one ruled table (its cells as blocks of table 0), maybe under a paragraph."""
    blocks = [_box(above, 40, 40, 500)] if above else []
    cells = [Block(lines=b.lines, bbox=b.bbox, text=b.text, table=0)
             for b in (_box(cell, 40 + 100 * c, 100 + 30 * r) for r, row in enumerate(rows) for c, cell in enumerate(row) if cell)]
    table = Table(bbox=BBox(40, 100, 540, 100 + 30 * len(rows)), rows=rows)
    return Page(number=number, width=595, height=842, blocks=tuple(blocks + cells), tables=(table,))


def test_a_plan_table_cut_by_a_page_break_goes_on_under_its_header():
    first = _table_page(1, (("Axe", "Fiche action", "Pilote"),
                            ("Petite enfance", "Créer une crèche à horaires élargis", "Ville")))
    # the rest on the next page, no header of its own
    rest = _table_page(2, (("Jeunesse", "Créer un conseil local de la jeunesse", "Ville"),
                           ("", "Développer l'aide aux vacances des 12-17 ans", "Caf")))
    doc = Document(doc_id="t", source_path="t.pdf", media=Media.PDF, pages=(first, rest))
    found = extract_objectives(doc)
    assert [(o.text, o.parent_text) for o in found] == [
        ("Créer une crèche à horaires élargis", "Petite enfance"),
        ("Créer un conseil local de la jeunesse", "Jeunesse"),
        ("Développer l'aide aux vacances des 12-17 ans", "Jeunesse")]
    # the axis column names the fields of the plan, whatever the level of its items
    assert {t.theme for t in extract_themes(doc, found)} == {Theme.PETITE_ENFANCE, Theme.JEUNESSE}
    # a table under body text on the next page is another table
    other = _table_page(2, rest.tables[0].rows, above="Les actions déjà menées par la commune sont les suivantes.")
    doc = Document(doc_id="t", source_path="t.pdf", media=Media.PDF, pages=(first, other))
    assert [o.text for o in extract_objectives(doc)] == ["Créer une crèche à horaires élargis"]


def test_labels_with_a_qualifier_an_ordinal_or_an_orientation():
    doc = make_doc("Orientation stratégique n°2 : Favoriser l'accès aux droits\n"
                   "Objectif opérationnel 2.1 : Déployer des permanences dans les mairies\n\n"
                   "Premier chantier : la création d'une crèche à Baud. Deuxième chantier : l'extension du centre "
                   "de loisirs.")
    assert [(o.level.value, o.text) for o in extract_objectives(doc)] == [
        ("enjeu", "Favoriser l'accès aux droits"), ("objectif", "Déployer des permanences dans les mairies"),
        ("action", "la création d'une crèche à Baud."), ("action", "l'extension du centre de loisirs.")]


def test_an_enjeu_after_its_label_may_be_a_noun_phrase_but_not_a_field_alone():
    doc = make_doc("Enjeu 1 : La continuité éducative entre les temps de l'enfant\nEnjeu 2 : La petite enfance")
    assert [o.text for o in extract_objectives(doc)] == ["La continuité éducative entre les temps de l'enfant"]


def test_a_column_titled_intitule_de_l_action_holds_actions():
    page = _table_page(1, (("Axe", "Intitulé de l'action", "Échéance", "Financement Caf"),
                           ("Jeune enfant", "Créer un multi-accueil de 30 places", "2027", "420 000 €")))
    doc = Document(doc_id="t", source_path="t.pdf", media=Media.PDF, pages=(page,))
    assert [(o.level.value, o.text) for o in extract_objectives(doc)] == [("action", "Créer un multi-accueil de 30 places")]


def test_a_header_row_led_by_a_level_word_is_no_axis():
    page = _table_page(1, (("Axe", "Fiche", "Échéance", "Financement"),
                           ("Axe 1", "Développer le relais petite enfance", "", "")))
    doc = Document(doc_id="t", source_path="t.pdf", media=Media.PDF, pages=(page,))
    assert [o.text for o in extract_objectives(doc)] == ["Développer le relais petite enfance"]


def test_plan_table_of_themes_objectives_and_examples_of_actions():
    html = ("<html><body><table><tr><th>Thématique</th><th>Objectifs</th><th>Exemples d'actions</th><th>Pilote</th></tr>"
            "<tr><td>Petite enfance</td><td>Garantir un accueil de qualité partout</td><td>Coordination des crèches ; "
            "formation continue des assistantes maternelles</td><td>CC PFV / Caf</td></tr>"
            "<tr><td>Parentalité</td><td>Rendre lisible l'offre de soutien aux parents</td><td>Guide des familles en "
            "ligne</td><td>Association</td></tr></table></body></html>")
    found = [(o.level.value, o.text) for o in extract_objectives(read_html(html.encode(), "a.html", "a"))]
    assert found == [("objectif", "Garantir un accueil de qualité partout"), ("action", "Coordination des crèches"),
                     ("action", "formation continue des assistantes maternelles"),
                     ("objectif", "Rendre lisible l'offre de soutien aux parents"),
                     ("action", "Guide des familles en ligne")]
