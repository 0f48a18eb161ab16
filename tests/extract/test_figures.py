"""Figures: French numbers with their unit, label and year; comparisons, other territories,
changes, ages, times and ratios are not the territory's figures."""

from __future__ import annotations

import pytest

from extract.figures import extract_figures, unit_after
from models.conventions import Territory, TerritoryType
from models.document import BBox, Block, Document, Line, Media, Page, Span
from models.figures import Unit
from tests.conftest import make_doc


def figures(text: str, territory: str | None = None) -> list[tuple[float, str]]:
    t = Territory(doc_id="s", page=1, snippet="…", rule="t", name=territory, type=TerritoryType.COMMUNE) \
        if territory else None
    return [(f.value, f.unit) for f in extract_figures(make_doc(text), t)]


@pytest.mark.parametrize("text, expected", [
    ("En 2021, la Caf a versé près de 1,6 millions € de prestations légales aux 298 foyers allocataires du "
     "territoire, soit 759 personnes couvertes.", [(1_600_000, "EUR"), (298, "foyers"), (759, "personnes")]),
    ("Valros est peuplée de 1650 habitants (Insee/2019).", [(1650, "habitants")]),
    ("29% des familles allocataires vivent sous le seuil de pauvreté.", [(29, "%")]),
    ("Financements de la CAF au titre de prestations de services ce qui représente 2,5 millions en 2022.",
     [(2_500_000, "EUR")]),
    ("Prestations versées aux allocataires 2,4millions chiffre 2022", [(2_400_000, "EUR")]),
    ("Le territoire compte 1 Relais Petite Enfance et 3 multi-accueils, soit 86 places.",
     [(1, "relais petite enfance"), (3, "multi-accueils"), (86, "places")]),
    ("241 assistantes maternelles et 9 accueils de loisirs", [(241, "assistantes maternelles"), (9, "accueils de loisirs")]),
    ("46 Collectifs de Contrat local d'accompagnement à la scolarité (Clas) et 6 Lieux d'accueil enfants parents",
     [(46, "CLAS"), (6, "LAEP")]),
    ("Le taux de couverture globale diminue légèrement (36,45%), bien que les taux d'occupation (75%) restent élevés.",
     [(36.45, "%"), (75, "%")]),
    ("Un budget de 350 000 euros est consacré au plan d'actions.", [(350_000, "EUR")]),
    # Traps.
    ("50.3% de taux de couverture (Nord: 58.5%)", [(50.3, "%")]),
    ("39 % des allocataires perçoivent les allocations familiales contre 27% au niveau du département.",
     [(39, "%")]),
    ("Le chômage atteint 9 % (France : 7,3 %).", [(9, "%")]),
    ("+4.8% de familles monoparentales entre 2018 et 2021 ; une hausse de 3.2% sur 3 ans.", []),
    ("L'accueil des enfants de 0 à 3 ans, ouvert de 7h30 à 18h30, concerne 1/5 des familles.", []),
    ("La CTG 2022-2026 a été signée le 20 janvier 2023, article 5.", []),
    ("La ville fait partie de la Communauté d'Agglomération Béziers Méditerranée, qui compte 17 communes "
     "(127 000 habitants dont 49 000 hors Béziers).", []),
    # A departement's or a larger area's figures, averages, thresholds, targets and planned actions.
    ("En Haute-Vienne, 23 CTG sont signées et couvrent 96 % des habitants.", []),
    ("Les 23 CTG signées couvrent 96 % des habitants du département.", []),
    ("Le taux de couverture atteint 74,1 %, nettement au-dessus de la moyenne landaise (64,8 %).", [(74.1, "%")]),
    ("La part des allocataires dont les revenus sont constitués à plus de 50 % de prestations est de 14,2 %.",
     [(14.2, "%")]),
    ("1.1 Maintenir un taux de couverture en accueil du jeune enfant supérieur à 70 %", []),
    ("• Créer une micro-crèche de 12 places à Malansac", []),
])
def test_figures_from_varied_sentences(text, expected):
    assert figures(text) == expected


def test_label_and_year_of_a_figure():
    [figure] = extract_figures(make_doc("En 2021, la Caf a versé plus de 25 800 € en prestations de services."))
    assert (figure.value, figure.unit, figure.category, figure.label, figure.year) == \
        (25800, "EUR", Unit.EUR, "prestations de services", 2021)
    assert figure.page == 1 and "25 800 €" in figure.snippet


def test_same_bare_unit_stated_twice_keeps_the_first():
    assert figures("Valros est peuplée de 1650 habitants (Insee/2019).\f Valros (1 641 habitants)") == \
        [(1650, "habitants")]


def _block(text: str, x0: float, y0: float, size: float, width: float = 120.0, bold: bool = False) -> Block:
    box = BBox(x0, y0, x0 + width, y0 + size * 1.2)
    return Block(lines=(Line.of((Span(text, box, "Test", size, bold),)),), bbox=box, text=text)


def _page(*blocks: Block) -> Document:
    return Document(doc_id="p", source_path="p.pdf", media=Media.PDF,
                    pages=(Page(number=1, width=595, height=842, blocks=tuple(blocks)),))


def test_big_numbers_take_unit_and_label_from_their_caption():
    doc = _page(
        _block("Une population jeune, un territoire qui grandit, des familles nombreuses et actives au quotidien.",
               40, 40, 10, 500),
        _block("CHIFFRES CLES", 40, 80, 13, bold=True),
        _block("6 164", 40, 110, 20, 60, True), _block("enfants de 0 à 2 ans", 40, 136, 9.5),
        _block("45.2%", 220, 110, 20, 60, True),
        _block("Nord: 35.8% des enfants de 0 à 2 ans vivent dans un foyer à bas revenus", 220, 136, 9.5, 150),
    )
    found = {(f.value, f.unit): f.label for f in extract_figures(doc)}
    assert found == {(6164, "enfants"): "enfants de 0 à 2 ans",
                     (45.2, "%"): "enfants de 0 à 2 ans vivent dans un foyer à bas revenus"}


def test_column_of_another_territory_is_left_out():
    doc = _page(
        _block("Valros", 260, 130, 13, 50, True), _block("(1 641 habitants)", 240, 150, 10, 90),
        _block("Agglomération de Béziers Méditerranée", 396, 130, 13, 130, True),
        _block("(126 968 habitants)", 412, 182, 10, 100),
        _block("314 enfants environ", 206, 231, 12, 140), _block("28 859 enfants environ", 386, 231, 12, 140),
    )
    territory = Territory(doc_id="p", page=1, snippet="…", rule="t", name="Valros", type=TerritoryType.COMMUNE)
    assert sorted((f.value, f.unit) for f in extract_figures(doc, territory)) == \
        [(314, "enfants"), (1641, "habitants")]


def test_amounts_in_a_table_take_their_row_label():
    from extract.ingest.markup import read_html

    html = ("<html><body><p>Au titre du mois de décembre 2023, les montants suivants ont été versés :</p><table>"
            "<tr><th>TYPES DE PRESTATIONS</th><th>MONTANT VERSÉ</th></tr>"
            "<tr><td>Prestations familiales</td><td>27 162 662 €</td></tr>"
            "<tr><td>Prime d'activité</td><td>3 259 619 €</td></tr></table></body></html>")
    doc = read_html(html.encode(), "t.html", "t")
    found = [(f.value, f.unit, f.label) for f in extract_figures(doc)]
    assert (27162662, "EUR", "Prestations familiales") in found
    assert (3259619, "EUR", "Prime d'activité") in found


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


@pytest.mark.parametrize("text, expected", [
    ("les moins de 20 ans représentent 28 % de la population (24 % en Loire-Atlantique).", [(28, "%")]),
    ("47 % des allocataires perçoivent une aide au logement (30 % en Côte-d'Or)", [(47, "%")]),
    ("un taux de couverture de 62,5 %, supérieur à la moyenne départementale (58,1 %)", [(62.5, "%")]),
    ("À titre de comparaison, le taux atteint 44,2 % pour l'ensemble de La Réunion et 59,8 % au niveau national.", []),
    ("72 % taux de couverture global\nFrance : 59 %", [(72, "%")]),
    ("- 10 412 foyers allocataires, soit 27 540 personnes couvertes ;", [(10412, "foyers"), (27540, "personnes")]),
])
def test_comparisons_and_list_dashes(text, expected):
    assert figures(text) == expected


def test_table_row_label_names_what_a_bare_number_counts():
    from extract.ingest.markup import read_html

    html = ("<html><body><table><tr><th>Indicateur</th><th>Valeur</th></tr>"
            "<tr><td>Allocataires</td><td>61 480</td></tr>"
            "<tr><td>Personnes couvertes par au moins une prestation</td><td>142 300</td></tr></table></body></html>")
    found = [(f.value, f.unit) for f in extract_figures(read_html(html.encode(), "t.html", "t"))]
    assert found == [(61480, "allocataires"), (142300, "personnes")]


def test_table_columns_of_other_territories_are_not_the_territorys():
    from extract.ingest.markup import read_html

    html = ("<html><body><table><tr><th>Indicateur</th><th>Questembert Communauté</th><th>Morbihan</th>"
            "<th>France</th></tr><tr><td>Part de la population couverte</td><td>44,7 %</td><td>47,2 %</td>"
            "<td>50,1 %</td></tr><tr><td>Enfants de moins de 3 ans</td><td>712</td><td>19 640</td><td>–</td></tr>"
            "</table></body></html>")
    territory = Territory(doc_id="a", page=1, snippet="…", rule="t", name="Questembert Communauté",
                          type=TerritoryType.EPCI)
    found = extract_figures(read_html(html.encode(), "a.html", "a"), territory)
    assert sorted((f.value, f.unit) for f in found) == [(44.7, "%"), (712, "enfants")]


@pytest.mark.parametrize("text, expected", [
    # Items of the plan: axes, orientations, objectives, action sheets, fields of intervention.
    ("La démarche s'organise autour de 3 axes et se décline en 11 fiches action.", [(3, "axes"), (11, "fiches action")]),
    ("Le document retient 8 axes majeurs pour la période.", [(8, "axes")]),
    ("Le projet repose sur 5 grandes orientations.", [(5, "orientations")]),
    ("Elle comporte 2 axes, 9 orientations stratégiques et 31 objectifs opérationnels.",
     [(2, "axes"), (9, "orientations stratégiques"), (31, "objectifs opérationnels")]),
    ("La nouvelle convention poursuit 4 objectifs principaux.", [(4, "objectifs")]),
    ("Elle couvre 7 champs d'intervention et s'appuie sur un plan de 45 actions.", [(7, "champs"), (45, "actions")]),
    ("Le programme se structure en 5 thématiques, 3 volets et 4 domaines d'intervention.",
     [(5, "thématiques"), (3, "volets"), (4, "domaines")]),
    ("L'agglomération et 3 syndicats intercommunaux signent la convention.", [(3, "syndicats")]),
    # Counts of services, a count of one among them.
    ("Le secteur offre 8 accueils de loisirs, 4 espaces jeunes, 2 relais et 1 centre social.",
     [(8, "accueils de loisirs"), (4, "espaces jeunes"), (2, "relais"), (1, "centre social")]),
    # A count that looks like a year.
    ("Le village compte 2 031 habitants.", [(2031, "habitants")]),
    ("Le bourg compte 1987 habitants selon le dernier recensement.", [(1987, "habitants")]),
    # Approximate numbers.
    ("Avec près de 41 000 habitants, la ville est la plus peuplée du canton.", [(41000, "habitants")]),
    ("La commune compte un peu moins de 12 000 habitants.", [(12000, "habitants")]),
    ("L'intercommunalité regroupe moins de 45 000 habitants.", [(45000, "habitants")]),
    ("Ici, plus de 60 % de la population est couverte par une prestation.", [(60, "%")]),
    ("La Caf verse des prestations à 9 500 habitants (38,5 % de la population).", [(9500, "habitants"), (38.5, "%")]),
    # Money per year and over the period; "M€" and "M €".
    ("La Caf apportera 2,3 millions d'euros par an, soit 9,2 millions d'euros sur la durée de la convention.",
     [(2_300_000, "EUR"), (9_200_000, "EUR")]),
    ("La Caisse verse 31 M€ de prestations aux familles du canton et un peu plus d'1 M € en action sociale.",
     [(31_000_000, "EUR"), (1_000_000, "EUR")]),
    # A noun in apposition opens a statement, not an action to take.
    ("Établissement de droit privé, la Caf verse 12 M€ de prestations aux familles.", [(12_000_000, "EUR")]),
    # A label before its value is a key figure, even when the label is a noun of action.
    ("Accompagnement financier de la Caf : près de 1,4 million d'euros par an.", [(1_400_000, "EUR")]),
])
def test_counts_of_plan_items_services_and_approximate_numbers(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    # National statistics.
    "Ainsi, au niveau national, la COG prévoit de couvrir 95 % des habitants par une CTG.",
    "Déployée depuis 2010 sur le territoire national, la démarche a convaincu 88 % des maires interrogés.",
    # A number heading a section, an inventory's line of one, a ratio.
    "1 Familles et parentalité",
    "Équipements :\n1 Multi-accueil ;\n• 1 Relais Petite Enfance",
    "1 enfant sur 4 vit sous le seuil de pauvreté.",
    # A year before a capitalised or dated noun.
    "Bilan 2023 Actions menées auprès des familles",
    "Lors des ateliers organisés en 2022 habitants et élus ont échangé.",
    # Another area's services, durations, ages, the numbers of axes and objectives.
    "On recense 12 centres sociaux agréés en Martinique.",
    "Le département du Gers compte 57 accueils de loisirs.",
    "La région recense 410 crèches.",
    "La convention est conclue pour 4 ans et concerne les enfants de 0 à 6 ans.",
    "Axe 2 : soutenir la parentalité ; objectif 3 : développer l'accueil.",
    # A planned quantity.
    "Créer, d'ici la fin de la convention, une crèche de 20 places.",
    "Développer l'accueil : 20 places à créer.",
])
def test_not_the_territorys_figures(text):
    assert figures(text) == []


def test_same_value_with_different_labels_gives_two_figures():
    found = extract_figures(make_doc("Ici, 18 % des familles sont monoparentales et 18 % des ménages vivent seuls. "
                                     "On compte aussi 3 crèches et 3 micro-crèches."))
    assert [(f.value, f.unit, f.label) for f in found] == [
        (18, "%", "familles sont monoparentales"), (18, "%", "ménages vivent seuls"),
        (3, "crèches", "crèches"), (3, "micro-crèches", "micro-crèches")]


def test_same_value_stated_again_is_one_figure():
    assert figures("La Caf verse 4,2 millions d'euros de prestations légales. Ces 4,2 millions d'euros de "
                   "prestations légales soutiennent les familles. Le relais compte 3 crèches. Les 3 crèches sont pleines.") == \
        [(4_200_000, "EUR"), (3, "crèches")]


def test_one_of_a_service_keeps_its_singular_as_written():
    [one] = [f for f in extract_figures(make_doc("Le quartier dispose de 2 crèches et d'1 Espace de Vie Sociale."))
             if f.value == 1]
    assert (one.unit, one.category) == ("espace de vie sociale", Unit.ESPACES_DE_VIE_SOCIALE)


def test_unit_after_reads_plan_items_after_an_adjective():
    assert unit_after(" grandes orientations")[:2] == ("orientations", Unit.AXES)
    assert unit_after(" fiches actions")[:2] == ("fiches action", Unit.ACTIONS)
    assert unit_after(" champs d'intervention prioritaires")[:2] == ("champs", Unit.AXES)
    assert unit_after(" objectifs opérationnels")[:2] == ("objectifs opérationnels", Unit.OBJECTIFS)
    assert unit_after(" nouveaux axes")[:2] == ("axes", Unit.AXES)
