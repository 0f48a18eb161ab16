"""Figures: French numbers with their unit, label and year; comparisons, other territories,
changes, ages, times and ratios are not the territory's figures."""

from __future__ import annotations

import pytest

from extract.figures import extract_figures
from models.conventions import Territory, TerritoryType
from models.document import BBox, Block, Document, Line, Media, Page, Span
from models.figures import Unit
from tests.conftest import make_doc, make_html_doc


def figures(text: str, territory: str | None = None) -> list[tuple[float, str]]:
    t = Territory(doc_id="s", page=1, snippet="…", rule="t", name=territory, type=TerritoryType.COMMUNE) \
        if territory else None
    return [(f.value, f.unit) for f in extract_figures(make_doc(text), t)]


@pytest.mark.parametrize("text, expected", [
    (("En 2021, la Caf a versé près de 1,6 millions € de prestations légales aux 298 foyers allocataires du "
      "territoire, soit 759 personnes couvertes."), [(1_600_000, "EUR"), (298, "foyers"), (759, "personnes")]),
    ("Valros est peuplée de 1650 habitants (Insee/2019).", [(1650, "habitants")]),
    ("29% des familles allocataires vivent sous le seuil de pauvreté.", [(29, "%")]),
    ("Sa population, estimée à plus de 45 000 habitants, est très jeune.", [(45000, "habitants")]),
    ("La Caf apportera en moyenne 2,3 M€ par an au titre des bonus territoire.", [(2_300_000, "EUR")]),
    ("3 900 : c'est le nombre de foyers allocataires de la commune.", [(3900, "foyers")]),
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
    (("La ville fait partie de la Communauté d'Agglomération Béziers Méditerranée, qui compte 17 communes "
      "(127 000 habitants dont 49 000 hors Béziers)."), []),
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
    ("Ici, plus de 60 % des habitants touchent au moins une prestation.", [(60, "%")]),
    ("La Caf verse des prestations à 9 500 habitants (38,5 % de la population).", [(9500, "habitants"), (38.5, "%")]),
    # Money per year and over the period; "M€" and "M €".
    ("La Caf apportera 2,3 millions d'euros par an, soit 9,2 millions d'euros sur la durée de la convention.",
     [(2_300_000, "EUR"), (9_200_000, "EUR")]),
    ("Les familles du canton reçoivent 31 M€ de prestations ; l'action sociale y ajoute un peu plus d'1 M €.",
     [(31_000_000, "EUR"), (1_000_000, "EUR")]),
    # A noun in apposition opens a statement, not an action to take.
    ("Établissement investi d'une mission de service public, la Caf distribue 12 M€ aux familles.",
     [(12_000_000, "EUR")]),
    # A label before its value is a key figure, even when the label is a noun of action.
    ("Accompagnement financier de la Caf : près de 1,4 million d'euros par an.", [(1_400_000, "EUR")]),
])
def test_counts_of_plan_items_services_and_approximate_numbers(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    # National statistics.
    "À l'échelle du pays, la COG fixe l'objectif de 95 % de la population vivant sur un territoire doté d'une CTG.",
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


# A probe of phrasings, one sentence each: what a careful reader takes as the territory's figures.
@pytest.mark.parametrize("text, expected", [
    ("Saint-Brévin compte aujourd'hui 13 870 habitants.", [(13870, "habitants")]),
    ("Le canton regroupe quelque 22 500 habitants.", [(22500, "habitants")]),
    ("La population atteint 9 480 habitants en 2021.", [(9480, "habitants")]),
    ("On recense 2 350 familles allocataires, dont 640 familles monoparentales.", [(2350, "familles"), (640, "familles")]),
    ("Près de 41 % des allocataires perçoivent une aide au logement.", [(41, "%")]),
    ("Les jeunes de moins de 25 ans représentent 31,6 % de la population.", [(31.6, "%")]),
    ("Le taux de couverture en accueil du jeune enfant s'élève à 58 %.", [(58, "%")]),
    ("En 2023, la Caf a versé 4,7 M€ de prestations aux familles de la commune.", [(4_700_000, "EUR")]),
    ("La Caf mobilisera 1.8 million d'euros par an pour les équipements du territoire.", [(1_800_000, "EUR")]),
    ("Le soutien financier de la Caf atteint 650 000 euros par an.", [(650_000, "EUR")]),
    ("Le budget consacré au plan d'actions s'élève à 320 k€.", [(320_000, "EUR")]),
    ("La Caisse a investi 2 millions d'euros dans la rénovation des crèches.", [(2_000_000, "EUR")]),
    ("Au total, 12,5 millions d'euros de prestations légales ont été versés sur le territoire.", [(12_500_000, "EUR")]),
    ("La Caf prévoit d'engager 3,2 M€ sur la durée de la convention.", [(3_200_000, "EUR")]),
    ("Montant de la subvention : 45 000 €", [(45_000, "EUR")]),
    ("La commune dispose de 4 multi-accueils, 2 micro-crèches et 1 relais petite enfance.",
     [(4, "multi-accueils"), (2, "micro-crèches"), (1, "relais petite enfance")]),
    ("Le territoire compte deux centres sociaux et trois accueils de loisirs.",
     [(2, "centres sociaux"), (3, "accueils de loisirs")]),
    ("Les 5 centres sociaux et espaces de vie sociale du territoire animent des ateliers.",
     [(5, "centres sociaux et espaces de vie sociale")]),
    ("Le service jeunesse accompagne 820 enfants et jeunes chaque année.", [(820, "enfants et jeunes")]),
    ("Le plan d'actions se décline en 21 fiches-actions.", [(21, "fiches-actions")]),
    ("La convention retient 4 axes et 26 actions.", [(4, "axes"), (26, "actions")]),
    ("La ville abrite 2 quartiers prioritaires.", [(2, "quartiers prioritaires")]),
    ("Chiffres clés\n\nPopulation municipale 15 230\n\nAllocataires 4 050\n\nNombre de places en crèche 240",
     [(15230, "habitants"), (4050, "allocataires"), (240, "places")]),
    ("Habitants : 8 900\nFamilles allocataires : 1 720", [(8900, "habitants"), (1720, "familles")]),
    ("Taux de couverture : 52 % (Vosges : 61 % ; France : 59 %)", [(52, "%")]),
    ("Part des familles monoparentales : 19,4 % (Gers 21 % ; France 25 %)", [(19.4, "%")]),
    ("• 3 multi-accueils – 75 places", [(3, "multi-accueils"), (75, "places")]),
    ("Le territoire compte 3 480 enfants de moins de 6 ans.", [(3480, "enfants")]),
    ("Plus de la moitié des habitants, soit 54 %, ont moins de 30 ans.", [(54, "%")]),
    ("Le taux de pauvreté atteint 14 %, contre 11 % dans la région.", [(14, "%")]),
    ("Axe 3 : 12 actions pour la jeunesse.", [(12, "actions")]),
    ("Le territoire accueille 1 centre social.", [(1, "centre social")]),
    ("La Caf verse 480 000 € par an aux structures de la commune.", [(480_000, "EUR")]),
    ("En 2022, 312 naissances ont été enregistrées.", [(312, "naissances")]),
    ("Les 1 450 enfants scolarisés dans les 9 écoles de la commune déjeunent à la cantine.",
     [(1450, "enfants"), (9, "écoles")]),
    ("Le bourg rassemble un peu moins de 13 000 résidents permanents.", [(13000, "résidents")]),
    ("Petite enfance – La demande reste forte : la commune ne compte que 2 crèches pour 900 enfants de moins de 3 ans.",
     [(2, "crèches"), (900, "enfants")]),
    ("La nouvelle CTG couvre 5 champs d'intervention : enfance / jeunesse / parentalité et se décline en 38 actions.",
     [(5, "champs"), (38, "actions")]),
    # fiches of the plan, "actions" left unsaid
    ("Le plan d'action se décline en 24 fiches, regroupées en quatre axes.", [(24, "fiches")]),
    # a place in the next clause does not place the figure
    ("Le canton compte 31 000 habitants et accueille des familles venues de la métropole lyonnaise.",
     [(31000, "habitants")]),
])
def test_probe_figures_of_the_territory(text, expected):
    assert figures(text) == expected


# ... and what is not: other areas, the Caf's own size, changes, targets, plans, thresholds, ratios.
@pytest.mark.parametrize("text", [
    "Au niveau national, 78 % des territoires sont couverts par une CTG.",
    "Dans le Finistère, 1 200 assistantes maternelles sont en activité.",
    "Les familles ont reçu 300 fiches d'information sur les modes de garde.",
    "La Caf du Morbihan, qui compte 98 000 allocataires, accompagne la démarche.",
    "La Caf consacre chaque année 35 millions d'euros à l'action sociale dans le département.",
    "L'objectif est de créer 24 places d'accueil supplémentaires d'ici 2027.",
    "Construire deux crèches dans les quartiers nord.",
    "La commune prévoit l'ouverture d'une crèche de 36 places en 2026.",
    "La population a progressé de +2,3 % entre 2015 et 2021.",
    "Les familles monoparentales ont augmenté de 6 % en cinq ans.",
    "Les accueils de loisirs ouvrent de 7h30 à 18h30 pour les 3-11 ans.",
    "La CTG est signée pour 5 ans, de 2024 à 2028.",
    "Le conseil municipal a adopté la délibération par 27 voix pour.",
    "À l'échelle de la région, 310 centres sociaux sont agréés.",
    "À l'échelle de l'île, seuls 4 % des enfants disposent d'une place en crèche.",
    "Le Gers compte 190 000 habitants.",
    "Aucune commune ne dépasse 5 000 habitants.",
    "Les communes de moins de 2 000 habitants bénéficient d'un soutien renforcé.",
    "Au sein de la Métropole, qui compte 49 communes et 540 000 habitants, la ville fait figure de pionnière.",
    "Près de 3 familles sur 10 sont monoparentales.",
    "1 famille allocataire sur 5 vit sous le seuil de bas revenus.",
    "Atteindre un taux de couverture de 65 % en 2028.",
    "Petite enfance : créer 30 places en micro-crèche.",
    "Développer l'accueil : 20 places à créer.",
    "Le département de la Manche recense 1 300 places en crèche.",
    "Le contrat de ville concerne la France entière, soit 1 500 quartiers prioritaires.",
    "En France, 60 % des enfants de moins de 3 ans sont gardés par leurs parents.",
    "Le multi-accueil de 24 places ouvrira en 2027, a annoncé le maire.",
])
def test_probe_not_the_territorys_figures(text):
    assert figures(text) == []


def test_ocr_misreadings_of_units_are_undone_on_scanned_pages():
    text = "En 2022, la Caf a versé 1,35 ME aux équipements.\nLe plan compte 42.actions.\nIl réunit-12 crèches."
    page = make_doc(text).pages[0]
    doc = Document(doc_id="o", source_path="o.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=595, height=842, blocks=page.blocks, ocr=True),))
    assert [(f.value, f.unit) for f in extract_figures(doc)] == [(1_350_000, "EUR"), (42, "actions"), (12, "crèches")]
    assert figures(text) == []


def test_a_lone_header_naming_a_departement_is_no_comparison_column():
    doc = _page(_block("DÉPARTEMENT DE LA CORSE-DU-SUD", 90, 150, 13, 270, True),
                _block("La commune compte environ 12 000 habitants à l'année.", 90, 600, 11, 320))
    territory = Territory(doc_id="p", page=1, snippet="…", rule="t", name="Porto-Vecchio", type=TerritoryType.COMMUNE)
    assert [(f.value, f.unit) for f in extract_figures(doc, territory)] == [(12000, "habitants")]


def test_a_number_under_a_larger_heading_numbers_a_slide():
    doc = _page(_block("6", 46, 383, 12, 8), _block("Axes de travail proposés pour la nouvelle CTG", 46, 417, 18, 470, True))
    assert extract_figures(doc) == []


def test_key_figure_lines_beside_each_other_count_without_a_heading():
    assert figures("Habitants 112 000\n\nPlaces d'accueil du jeune enfant 1 280") == [(112_000, "habitants"), (1280, "places")]
    # One line alone is a sentence's end; a table of contents lists pages.
    assert figures("Le nombre d'enfants accueillis cette année 12") == []
    assert figures("Sommaire\n\nFamilles et parentalité 4\n\nHabitants et territoire 6") == []


def test_a_heading_giving_another_scope_covers_the_box_under_it():
    doc = _page(_block("Le Pont-Neuf en chiffres", 46, 57, 19, 300, True),
                _block("La commune compte 9 400 habitants.", 46, 100, 10, 400),
                _block("À l'échelle de la Métropole", 55, 554, 11, 250, True),
                _block("47 % des habitants sont couverts par au moins une prestation de la Caf.", 55, 572, 9.6, 480),
                _block("Le plan d'actions", 46, 640, 11, 200, True),
                _block("La convention compte 31 actions.", 46, 660, 10, 400))
    territory = Territory(doc_id="p", page=1, snippet="…", rule="t", name="Le Pont-Neuf", type=TerritoryType.COMMUNE)
    assert [(f.value, f.unit) for f in extract_figures(doc, territory)] == [(9400, "habitants"), (31, "actions")]


def test_a_big_number_takes_millions_of_euros_from_its_caption():
    doc = _page(_block("Chiffres clés", 40, 40, 14, 200, True), _block("12,4", 40, 80, 25, 60, True),
                _block("millions d'euros de prestations légales versés aux familles en 2024", 120, 82, 9, 200))
    [figure] = extract_figures(doc)
    assert (figure.value, figure.unit, figure.year) == (12_400_000, "EUR", 2024)
    assert figure.label.startswith("prestations légales versés")


@pytest.mark.parametrize("text, expected", [
    # A paragraph opening on a departement speaks of it until a sentence opens on the territory.
    (("En Corrèze, 19 CTG sont signées. En 2023, la Caf a versé 310 millions d'euros de prestations aux "
      "allocataires corréziens. À Tulle, elle a versé 2,1 M€ aux équipements."), [(2_100_000, "EUR")]),
    ("En Corrèze, 19 CTG sont signées. La commune compte 3 crèches.", [(3, "crèches")]),
    ("En France, la CTG remplace le CEJ. La Caf a versé 2 M€ aux équipements de la ville.", [(2_000_000, "EUR")]),
    # The Caf there, in the territory, is the territory's; a container's size is not.
    ("La CAF de la Sarthe y accompagne 3 200 allocataires.", [(3200, "allocataires")]),
    (("La ville pèse dans la communauté d'agglomération du Grand Sud, qui compte près de 80 000 habitants "
      "et dont 40 % des familles résident ici."), []),
    # A count in words locating another figure; one standing for itself.
    ("Les 96 places sont réparties dans les trois crèches municipales.", [(96, "places")]),
    ("L'amplitude horaire des deux crèches communautaires sera élargie.", [(2, "crèches")]),
    # Millions abbreviated, "EUR", issues and objectives.
    ("Financement Caf : 2 M d'euros sur quatre ans.", [(2_000_000, "EUR")]),
    ("La Caf versera 2 millions EUR aux équipements.", [(2_000_000, "EUR")]),
    ("Les élus ont retenu 3 enjeux et 11 objectifs.", [(11, "objectifs")]),
])
def test_scope_of_paragraphs_containers_and_money_spellings(text, expected):
    assert figures(text) == expected


def test_a_rate_that_moved_keeps_its_new_value():
    assert figures("Le taux de couverture est passé de 45 % à 52 %.") == [(52, "%")]


@pytest.mark.parametrize("text, expected", [
    ("La communauté d'agglomération du Pays Nord Martinique compte 97 600 habitants.", [(97_600, "habitants")]),
    ("Taux de couverture : Pays Nord Martinique : 61 % ; Martinique : 64 %", [(61, "%")]),
    ("La Martinique compte 350 000 habitants.", []),
])
def test_a_territory_named_after_its_departement_is_not_a_larger_area(text, expected):
    assert figures(text, "Pays Nord Martinique") == expected


def test_a_table_row_flattened_to_text_keeps_its_first_column():
    assert figures("Indicateur Ici Département France\nTaux de couverture 52 % 61 % 59 %") == [(52, "%")]
    assert figures("Les taux atteignent 45 %, 48 % et 51 % selon les quartiers.") == [(45, "%"), (48, "%"), (51, "%")]


def test_france_services_is_no_place():
    assert figures("Espace France services : 1 240 visiteurs ; 2 espaces France services") == \
        [(1240, "visiteurs"), (2, "espaces france services")]
    assert figures("France métropolitaine : 22 %") == []


def test_a_press_releases_note_on_the_caf_gives_no_figure_of_the_territory():
    doc = make_html_doc("<h1>L'agglomération et la Caf signent leur CTG</h1><p>Le territoire compte 105 000 habitants. "
                        "La Caf consacrera 9,5 millions d'euros par an aux services aux familles du territoire.</p>"
                        "<h3>À propos de la Caf de l'Eure</h3><p>La Caf de l'Eure verse chaque année plus de 850 millions "
                        "d'euros de prestations à près de 115 000 allocataires.</p><h3>Contact presse</h3><p>Service "
                        "communication</p>")
    assert sorted((f.value, f.unit) for f in extract_figures(doc)) == [(105000.0, "habitants"), (9500000.0, "EUR")]


@pytest.mark.parametrize("text, expected", [
    # a wider area's figure in brackets after "à", or after a reporting verb
    ("Saint-Leu compte 35 000 habitants ; 41 % des foyers allocataires sont des familles monoparentales (39 % à "
     "La Réunion).", [(35000, "habitants"), (41, "%")]),
    ("Elle rappelle qu'en Guyane, seuls 9 % des enfants de moins de trois ans disposent d'une place d'accueil.", []),
    # a facility after "à" is no area
    ("La crèche compte 30 places (12 % à la crèche familiale).", [(30, "places"), (12, "%")]),
])
def test_a_wider_areas_figure_after_a_or_a_reporting_verb(text, expected):
    assert figures(text, "Saint-Leu") == expected


def test_key_figures_headed_by_the_caf_are_the_cafs():
    territory = Territory(doc_id="s", page=1, snippet="…", rule="t", name="Saint-Flour Communauté", type=TerritoryType.EPCI)
    doc = make_html_doc("<h1>Saint-Flour Communauté signe sa CTG</h1><p>Le territoire compte 22 000 habitants. La Caf "
                        "mobilisera près de 1,9 M€ par an.</p><h3>Chiffres clés de la Caf du Cantal</h3><ul><li>36 500 "
                        "allocataires</li><li>312 M€ de prestations versées en 2024</li></ul><h3>Contact</h3><p>Service "
                        "presse</p>")
    assert [(f.value, f.unit) for f in extract_figures(doc, territory)] == [(22000, "habitants"), (1_900_000, "EUR")]


def test_a_tables_column_header_names_what_its_numbers_count():
    doc = make_html_doc("<table><tr><th>Équipement</th><th>Commune d'implantation</th><th>Places / capacité</th></tr>"
                        "<tr><td>Multi-accueil Les P'tits Loups</td><td>Lure</td><td>30</td></tr>"
                        "<tr><td>Micro-crèche Les Lutins</td><td>Roye</td><td>10</td></tr></table>")
    assert sorted((f.value, f.unit) for f in extract_figures(doc)) == [(10, "places"), (30, "places")]
