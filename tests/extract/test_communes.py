"""Member communes and their count, checked against the official list of communes."""

from __future__ import annotations

import pytest

from extract.communes import extract_communes
from models.conventions import Caf, Territory, TerritoryType
from models.document import BBox, Block, Document, Line, Media, Page, Span
from tests.conftest import make_doc, make_html_doc

GROUNDING = {"doc_id": "snippet", "page": 1, "snippet": "…", "rule": "test"}


def epci(name: str) -> Territory:
    return Territory(**GROUNDING, name=name, type=TerritoryType.EPCI)


def caf(code: str, name: str) -> Caf:
    return Caf(**GROUNDING, name=f"Caf {name}", department=name, department_code=code)


def names(found) -> list[str]:
    return [c.name for c in found]


def test_prose_list_after_the_count_of_communes():
    doc = make_doc("La Ctg a été signée par la Communauté de communes de la Vallée de l'Hérault et 13 communes du "
                   "territoire : Aniane, Gignac, La Boissière, Le Pouget, Montarnaud, Saint André de Sangonis, "
                   "Saint Jean de Fos, Saint Pargoire, Saint Paul et Valmalle, Vendémian, Montpeyroux, Argelliers, "
                   "Pouzols. Ces dernières intègreront leurs propres diagnostics.")
    communes, count = extract_communes(doc, epci("Communauté de communes Vallée de l'Hérault"), caf("34", "Hérault"))
    assert count.value == 13
    assert len(communes) == 13
    assert ("Saint Paul et Valmalle", "34282") in [(c.name, c.code) for c in communes]
    assert all(c.code and c.page == 1 for c in communes)


def test_a_list_after_the_communes_of_the_territory_named_and_a_colon_or_dont():
    territory = epci("Communauté de communes Vallée de l'Hérault")
    doc = make_doc("Notre convention couvre les cinq communes de la Vallée de l'Hérault : Aniane, Gignac, Montarnaud, "
                   "Vendémian et Pouzols.")
    communes, count = extract_communes(doc, territory, caf("34", "Hérault"))
    assert names(communes) == ["Aniane", "Gignac", "Montarnaud", "Vendémian", "Pouzols"] and count.value == 5
    doc = make_doc("Elle s'applique aux 28 communes de la Vallée de l'Hérault, dont Aniane, Gignac et Montarnaud, "
                   "bourgs-centres du territoire.")
    communes, count = extract_communes(doc, territory, caf("34", "Hérault"))
    assert names(communes) == ["Aniane", "Gignac", "Montarnaud"]
    # "dont" and a number: some of them, unnamed
    communes, _ = extract_communes(make_doc("La CTG concerne les 28 communes, dont 3 disposent d'une crèche."),
                                   territory, caf("34", "Hérault"))
    assert communes == []


def test_count_in_words_and_list_of_another_department():
    doc = make_doc("La CTG du Pays de Landerneau-Daoulas associe ses vingt-deux communes membres. Les communes "
                   "suivantes ont délibéré : Landerneau, Daoulas, Plougastel-Daoulas et La Roche-Maurice.")
    communes, count = extract_communes(doc, epci("Communauté d'agglomération du Pays de Landerneau-Daoulas"),
                                       caf("29", "Finistère"))
    assert count.value == 22
    assert names(communes) == ["Landerneau", "Daoulas", "Plougastel-Daoulas", "La Roche-Maurice"]


def test_count_of_a_containing_territory_or_of_a_service_is_not_the_ctgs():
    doc = make_doc("La ville fait partie de la Communauté d'Agglomération Béziers Méditerranée, qui compte "
                   "17 communes membres.\n\n13 communes couvertes par une prestation jeunes.")
    assert extract_communes(doc, epci("Communauté de communes du Clermontais"), None) == ([], None)


def test_commune_ctg_has_no_member_communes():
    doc = make_doc("La commune de Valros et 13 communes du territoire : Aniane, Gignac, Montarnaud.")
    territory = Territory(**GROUNDING, name="Valros", type=TerritoryType.COMMUNE)
    assert extract_communes(doc, territory, None) == ([], None)


def test_list_stops_where_names_are_no_longer_communes():
    doc = make_doc("Les communes de Muret, Portet-sur-Garonne, Roques, les associations du territoire et la Caf.")
    communes, _ = extract_communes(doc, epci("Communauté d'agglomération Le Muretain Agglo"), caf("31", "Haute-Garonne"))
    assert names(communes) == ["Muret", "Portet-sur-Garonne", "Roques"]


def test_places_named_in_a_diagnostic_are_not_member_lists():
    doc = make_doc("Une population concentrée à l'Est du territoire (Bagnols-sur-Cèze, Pont-Saint-Esprit et "
                   "Laudun-l'Ardoise), mais qui augmente au Nord-Ouest (Issirac et Montclus).")
    assert extract_communes(doc, epci("Communauté d'agglomération du Gard Rhodanien"), None) == ([], None)


def test_annex_table_of_communes(tmp_path):
    from extract.ingest.markup import read_html

    html = ("<html><body><h2>Annexe 5 – Liste des communes</h2><table><tr><th>Commune</th><th>Maire</th></tr>"
            "<tr><td>Quimperlé</td><td>M. X</td></tr><tr><td>Clohars-Carnoët</td><td>Mme Y</td></tr>"
            "<tr><td>Total</td><td>2</td></tr></table></body></html>")
    doc = read_html(html.encode(), "a.html", "a")
    communes, _ = extract_communes(doc, epci("Quimperlé Communauté"), caf("29", "Finistère"))
    assert [(c.name, c.code) for c in communes] == [("Quimperlé", "29233"), ("Clohars-Carnoët", "29031")]
    assert communes[0].rule == "table_of_communes"


def test_a_grid_of_member_communes_without_a_header():
    from extract.ingest.markup import read_html

    rows = [("Dirinon", "Daoulas", "Hanvec"), ("Irvillac", "Landerneau", "Le Tréhou"), ("Pencran", "", "")]
    grid = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    doc = read_html(f"<html><body><h2>Le territoire en bref</h2><p>22 communes</p><table>{grid}</table>"
                    "</body></html>".encode(), "a.html", "a")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Pays de Landerneau-Daoulas"),
                                   caf("29", "Finistère"))
    assert sorted(names(communes)) == ["Daoulas", "Dirinon", "Hanvec", "Irvillac", "Landerneau", "Le Tréhou",
                                       "Pencran"]
    assert {c.rule for c in communes} == {"grid_of_communes"}


def test_a_grid_of_other_things_naming_a_member_is_no_list():
    from extract.ingest.markup import read_html

    rows = [("Crèche", "Landerneau", "20 places"), ("Relais", "Daoulas", "1 poste"), ("Centre social", "Hanvec", "")]
    grid = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    doc = read_html(f"<html><body><table>{grid}</table></body></html>".encode(), "a.html", "a")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Pays de Landerneau-Daoulas"),
                                   caf("29", "Finistère"))
    assert communes == []


def test_homonyms_are_resolved_within_the_departement():
    doc = make_doc("Les communes suivantes : Montpeyroux, Argelliers, Pouzols.")
    communes, _ = extract_communes(doc, epci("Communauté de communes Lodévois et Larzac"), caf("34", "Hérault"))
    assert [c.code for c in communes] == ["34173", "34012", "34215"]


def test_grid_of_communes_under_a_list_heading():
    doc = make_doc("ANNEXE 3 – LISTE DES COMMUNES ADHÉRENTES\n\n"
                   "Dirinon        Daoulas        La Forest-Landerneau        Hanvec\n"
                   "Irvillac        Landerneau        Le Tréhou\n\nFait à Landerneau.")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Pays de Landerneau-Daoulas"),
                                   caf("29", "Finistère"))
    assert sorted(names(communes)) == ["Daoulas", "Dirinon", "Hanvec", "Irvillac", "La Forest-Landerneau",
                                       "Landerneau", "Le Tréhou"]
    assert all(c.rule == "listed_under_heading" and c.code.startswith("29") for c in communes)


def test_dashed_and_bracketed_lists_and_a_count_given_by_a_verb():
    doc = make_doc("Les maires des 12 communes du territoire – Casson, Héric, Les Touches et Petit-Mars – étaient "
                   "présents.\n\nLa communauté regroupe 12 communes.")
    communes, count = extract_communes(doc, epci("Communauté de communes d'Erdre et Gesvres"), caf("44", "Loire-Atlantique"))
    assert names(communes) == ["Casson", "Héric", "Les Touches", "Petit-Mars"] and count.value == 12
    doc = make_doc("associant les huit communes membres (Beaurepaire, Les Epesses, Mouchamps et Vendrennes), les parties")
    communes, count = extract_communes(doc, epci("Communauté de communes du Pays des Herbiers"), caf("85", "Vendée"))
    assert names(communes) == ["Beaurepaire", "Les Epesses", "Mouchamps", "Vendrennes"] and count.value == 8


def test_bulleted_communes_under_a_sentence_announcing_them():
    doc = make_doc("La CTG concerne les 10 communes du Grand Pontarlier :\n\n• Chaffois\n\n• Dommartin\n\n"
                   "• La Cluse-et-Mijoux\n\n• Pontarlier\n\nLe territoire en chiffres")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Grand Pontarlier"), caf("25", "Doubs"))
    assert names(communes) == ["Chaffois", "Dommartin", "La Cluse-et-Mijoux", "Pontarlier"]
    assert all(c.code.startswith("25") for c in communes)


def test_table_whose_commune_column_is_not_the_first():
    from extract.ingest.markup import read_html

    html = ("<html><body><table><tr><th>N°</th><th>Commune</th><th>Délibération</th></tr>"
            "<tr><td>1</td><td>Berric</td><td>Séance du 4 décembre 2023</td></tr>"
            "<tr><td>2</td><td>Le Cours</td><td>Séance du 7 décembre 2023</td></tr></table></body></html>")
    doc = read_html(html.encode(), "a.html", "a")
    communes, _ = extract_communes(doc, epci("Questembert Communauté"), caf("56", "Morbihan"))
    assert [(c.name, c.code) for c in communes] == [("Berric", "56015"), ("Le Cours", "56045")]


def test_list_cut_by_a_page_break_reads_on_into_the_next_page():
    doc = make_doc("La CTG a été signée par la Communauté de communes et 5 communes du territoire : Aniane, Gignac,"
                   "\fPuéchabon, Saint-Pargoire, Vendémian. Ces dernières intègreront leurs propres diagnostics.")
    communes, _ = extract_communes(doc, epci("Communauté de communes Vallée de l'Hérault"), caf("34", "Hérault"))
    assert [(c.name, c.page) for c in communes] == [("Aniane", 1), ("Gignac", 1), ("Puéchabon", 2),
                                                    ("Saint-Pargoire", 2), ("Vendémian", 2)]
    assert communes[2].snippet.startswith("Puéchabon")


def test_bare_count_of_communes_holds_when_it_is_the_epcis_number_of_members():
    # The Clermontais has 21 members in the official lists: "les 21 communes" are its own.
    doc = make_doc("Un diagnostic co-construit avec les 21 communes, les professionnels et les familles.")
    _, count = extract_communes(doc, epci("Communauté de communes du Clermontais"), caf("34", "Hérault"))
    assert count.value == 21 and count.rule == "count_of_members"
    # Another number, or communes said to be of a kind, are not the count of members.
    for text in ("Un diagnostic co-construit avec les 12 communes, les professionnels et les familles.",
                 "Les 21 communes rurales du département ont répondu."):
        assert extract_communes(make_doc(text), epci("Communauté de communes du Clermontais"), None)[1] is None


# --- prose lists, groups and parties ---------------------------------------------------------------

def test_long_prose_list_written_without_hyphens():
    doc = make_doc("La CTG est signée entre la Caf de l'Isère et la Communauté d'agglomération du Pays Voironnais.\n\n"
                   "Les communes : Voiron, Voreppe, Tullins, Moirans, Rives, Coublevie, Saint Jean de Moirans, La Buisse, "
                   "Saint Étienne de Crossey, Chirens, Saint Geoire en Valdaine, Charavines, La Murette, Montferrat, "
                   "Vourey, Bilieu, Charnècles, Saint Aupre, Saint Cassien, Saint Blaise du Buis, Réaumont, Massieu.\n\n"
                   "Les syndicats : SIVU des Écoles, Syndicat du Lac.")
    communes, _ = extract_communes(doc, epci("Communauté d'agglomération du Pays Voironnais"), caf("38", "Isère"))
    assert len(communes) == 22 and all(c.code and c.code.startswith("38") for c in communes)
    assert ("Saint Jean de Moirans", "38400") in [(c.name, c.code) for c in communes]


def test_list_item_is_cut_where_the_communes_name_ends():
    doc = make_doc("Cette semaine, la CTG liant la Caf aux communes de Riom, Mozac et Ménétrol pour les années 2025 "
                   "à 2029 a été reconduite.")
    communes, _ = extract_communes(doc, None, caf("63", "Puy-de-Dôme"))
    assert names(communes) == ["Riom", "Mozac", "Ménétrol"]


def test_group_territory_gives_its_members_and_the_count_said_of_them():
    doc = make_doc("Ces trois communes s'unissent pour les familles\n\nAu printemps, les municipalités de Viviers, du "
                   "Teil et de Cruas se sont engagées ensemble dans leur convention territoriale globale.")
    group = Territory(**GROUNDING, name="Viviers, Le Teil et Cruas", type=TerritoryType.MULTI_COMMUNES)
    communes, count = extract_communes(doc, group, caf("07", "Ardèche"))
    assert [(c.name, c.code) for c in communes] == [("Viviers", "07346"), ("Le Teil", "07319"), ("Cruas", "07076")]
    assert count.value == 3 and count.rule == "count_of_group"


def test_names_shortened_by_the_writer_resolve_within_the_departement():
    doc = make_doc("Outre la Caf des Ardennes, les villes de Charleville et de Sedan prennent part à la démarche.")
    communes, _ = extract_communes(doc, epci("Communauté d'agglomération Ardenne Métropole"), caf("08", "Ardennes"))
    assert [(c.name, c.code) for c in communes] == [("Charleville", "08105"), ("Sedan", "08409")]


def test_contracted_articles_give_the_official_name():
    doc = make_doc("Avec la communauté de communes, les municipalités de Viviers, du Teil et de Cruas ont signé "
                   "la CTG.")
    communes, _ = extract_communes(doc, epci("Communauté de communes Du Rhône aux Gorges de l'Ardèche"),
                                   caf("07", "Ardèche"))
    assert names(communes) == ["Viviers", "Le Teil", "Cruas"]


def test_communes_named_as_parties_beside_the_epci():
    doc = make_doc("La Communauté de communes du Pays de Lamastre et la Caf ont signé leur CTG le 5 juin. Sont "
                   "également associés à la convention l'État, le conseil départemental, la MSA et la Commune de "
                   "Désaignes.\n\n"
                   "Marc Roy, maire d'Empurany, et la présidente ont signé la convention.")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Pays de Lamastre"), caf("07", "Ardèche"))
    assert [(c.name, c.code, c.rule) for c in communes] == [("Désaignes", "07079", "party_commune"),
                                                            ("Empurany", "07085", "party_commune")]


def test_communes_whose_mayors_sign_beside_the_epci():
    doc = make_doc("La présidente de la communauté de communes et le directeur de la Caf ont signé la CTG. Les maires "
                   "de Désaignes, d'Empurany et de Nozières, trois communes qui gèrent une crèche, ont eux aussi "
                   "paraphé le document.")
    communes, _ = extract_communes(doc, epci("Communauté de communes du Pays de Lamastre"), caf("07", "Ardèche"))
    assert names(communes) == ["Désaignes", "Empurany", "Nozières"]


@pytest.mark.parametrize("text", [
    "La convention a été signée à la mairie de Désaignes par la Caf et la communauté de communes.",   # a venue
    "« La CTG est une chance », souligne Marc Roy, maire de Désaignes et vice-président.",           # quoted
    "La convention a été signée par la présidente en présence de Marc Roy, maire de Désaignes.",      # attending
    "La communauté voisine regroupe les communes de Tournon-sur-Rhône, Mauves et Plats, signataires d'une autre CTG.",
    "La CTG associe les communes, les associations et les familles du territoire.",                   # generic
])
def test_communes_not_named_as_parties_or_members(text):
    communes, count = extract_communes(make_doc(text), epci("Communauté de communes du Pays de Lamastre"),
                                       caf("07", "Ardèche"))
    assert communes == [] and count is None


# --- counts ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Partenaire majeur des 31 communes qui composent la communauté, la Caf intervient.", 31),
    ("Une nouvelle CTG a été signée mardi par la communauté de communes avec 25 communes, un SIVOM et la Caf.", 25),
    ("La convention a été signée au siège de l'agglomération, qui rassemble quatre communes.", 4),
    ("La Caf s'engage auprès de la métropole et des 34 communes la composant pour un projet partagé.", 34),
    ("Le plan d'action profitera aux 11 communes du Pays de Lamastre.", 11),
    ("Avec la Caf, les 18 communes et les 3 syndicats du secteur portent ensemble le projet.", 18),
    ("Signature entre la Caf et les cinq communes de Lamastre, Désaignes, Empurany, Nozières et Lafarre.", 5),
])
def test_count_stated_in_every_form(text, value):
    _, count = extract_communes(make_doc(text), epci("Communauté de communes du Pays de Lamastre"), caf("07", "Ardèche"))
    assert count is not None and count.value == value


@pytest.mark.parametrize("text", [
    "Un plan d'action est prévu pour les 31 communes du Pays Voironnais.",       # another territory's name
    "La démarche sera présentée avec 25 communes volontaires lors d'une réunion.",  # no signing
    "La communauté voisine regroupe 40 communes et 60 000 habitants.",            # another territory
    "Les communes du territoire seront associées au diagnostic.",                 # no number
])
def test_count_must_not_fire(text):
    _, count = extract_communes(make_doc(text), epci("Communauté de communes du Pays de Lamastre"), caf("07", "Ardèche"))
    assert count is None


# --- counts said of the territory, key figures, lists between bullets --------------------------------

LAMASTRE = "Communauté de communes du Pays de Lamastre"  # 11 members in the official lists


@pytest.mark.parametrize("text, value", [
    ("Un territoire rural de onze communes, au cœur de l'Ardèche.", 11),
    ("Une intercommunalité de vingt et une communes signe sa CTG avec la Caf.", 21),
    ("« Nos douze communes avancent ensemble », a déclaré le président.", 12),
    ("La convention concerne les 12 communes de l'Agglo et leurs habitants.", 12),
    ("Quatre-vingt-deux communes regroupées : un territoire de quatre-vingt-deux communes.", 82),
    # Said of the families of the territory: its own when the official lists give that many members.
    ("Un projet pour les familles de 11 communes.", 11),
    # In apposition to the territory.
    ("Le territoire, onze communes de Lamastre à Désaignes, compte 7 000 habitants.", 11),
    ("L'intercommunalité, 11 communes et 7 000 habitants, a signé la CTG.", 11),
    ("La CTG s'applique sur l'ensemble de ses 11 communes.", 11),
    # In brackets right after the territory's name.
    ("La Communauté de communes du Pays de Lamastre (11 communes, 9 800 habitants) signe la CTG.", 11),
])
def test_count_said_of_the_territory_itself(text, value):
    _, count = extract_communes(make_doc(text), epci(LAMASTRE), caf("07", "Ardèche"))
    assert count is not None and count.value == value


@pytest.mark.parametrize("text", [
    "L'agglomération voisine, un territoire de 30 communes, prépare la sienne.",   # another territory
    "La crèche accueille les familles de 5 communes.",                            # a service's reach
    "Nos 3 communes les plus peuplées concentrent la moitié des familles.",        # some of them
    "Comme la Caf du Var (153 communes), la Caf de l'Ardèche signe des CTG.",     # a Caf's area
    "Sur le territoire, 5 communes ont une crèche.",                               # some of them
    "La Caf intervient sur l'ensemble des 339 communes du département.",          # a wider area
])
def test_count_said_of_another_territory_or_a_service_does_not_fire(text):
    _, count = extract_communes(make_doc(text), epci(LAMASTRE), caf("07", "Ardèche"))
    assert count is None


def test_key_figure_of_the_territory():
    doc = make_doc("Portrait du territoire\n\n9 800 habitants\n\n• 11 communes\n\n3 accueils de loisirs")
    _, count = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert count is not None and (count.value, count.page) == (11, 1)


@pytest.mark.parametrize("text", [
    "Le département en chiffres\n\n325 000 habitants\n\n339 communes",   # a wider area
    "Portrait du territoire\n\n9 800 habitants\n\n80 communes",          # far from the members' number
    "Portrait du territoire\n\n11 communes couvertes par un relais petite enfance",  # not a figure alone
])
def test_key_figure_of_another_area_does_not_fire(text):
    _, count = extract_communes(make_doc(text), epci(LAMASTRE), caf("07", "Ardèche"))
    assert count is None


def test_communes_between_bullets_under_a_heading_that_counts_them():
    doc = make_doc("Un territoire de 4 communes\n\nLamastre • Désaignes • Empurany • Le Crestet\n\nChiffres clés")
    communes, count = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert [(c.name, c.rule) for c in communes] == [(n, "listed_under_heading")
                                                    for n in ("Lamastre", "Désaignes", "Empurany", "Le Crestet")]
    assert count.value == 4 and all(c.code for c in communes)


def test_a_list_between_bullets_wrapped_by_the_layout_is_read_across_its_lines():
    lines = ("Baie-Mahault • Pointe-Noire • Deshaies • Sainte-", "Rose • Lamentin • Petit-Bourg • Saint-", "Claude")
    heading = Line.of((Span("Les 7 communes membres", BBox(50, 80, 300, 91), "Test", 14.0, bold=True),))
    body = tuple(Line.of((Span(t, BBox(50, 100 + 12 * i, 500, 111 + 12 * i), "Test", 10.0),)) for i, t in enumerate(lines))
    blocks = (Block(lines=(heading,), bbox=heading.bbox, text=heading.text),
              Block(lines=body, bbox=BBox(50, 100, 500, 135),
                    text="Baie-Mahault • Pointe-Noire • Deshaies • Sainte-Rose • Lamentin • Petit-Bourg • Saint-Claude"))
    doc = Document(doc_id="wrapped", source_path="wrapped.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=595, height=842, blocks=blocks),))
    # Nothing names the Caf nor the EPCI: the names that are one commune's only place the others
    # (Sainte-Rose, Saint-Claude) in the Guadeloupe.
    communes, _ = extract_communes(doc, None, None)
    assert [(c.name, c.code[:3]) for c in communes] == [
        ("Baie-Mahault", "971"), ("Pointe-Noire", "971"), ("Deshaies", "971"), ("Sainte-Rose", "971"),
        ("Lamentin", "971"), ("Petit-Bourg", "971"), ("Saint-Claude", "971")]


def test_a_prose_list_cut_by_the_layout_goes_on_in_the_next_block():
    doc = make_doc("La CTG est signée entre la Caf de l'Ardèche et la communauté de communes.\n\n"
                   "Les communes : Lamastre, Désaignes, Empurany.\n\nNozières, Lafarre, Saint-Basile,\n\n"
                   "Les syndicats : SIVU de Gilhoc-sur-Ormèze / Saint-Prix, Syndicat des eaux du Doux, SIVOM du Haut-Vivarais.")
    communes, _ = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert names(communes) == ["Lamastre", "Désaignes", "Empurany", "Nozières", "Lafarre", "Saint-Basile"]


def test_a_bulleted_line_that_is_mostly_other_things_is_no_list():
    doc = make_doc("Un territoire de 11 communes\n\nAccueil Caf • Lamastre (mardi) • permanence France services • "
                   "relais petite enfance")
    communes, _ = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert communes == []


@pytest.mark.parametrize("text", [
    "Communes membres : Lamastre – Désaignes – Empurany – Nozières.",
    "Communes membres : Lamastre / Désaignes / Empurany / Nozières.",
    "Communes membres : Lamastre ; Désaignes ; Empurany ; Nozières.",
    "Le conseil approuve la CTG pour ses communes membres, à savoir Lamastre, Désaignes, Empurany et Nozières.",
])
def test_prose_lists_between_dashes_slashes_semicolons_or_after_a_savoir(text):
    communes, _ = extract_communes(make_doc(text), epci(LAMASTRE), caf("07", "Ardèche"))
    assert names(communes) == ["Lamastre", "Désaignes", "Empurany", "Nozières"]


def test_a_dash_ends_a_list_before_what_is_said_of_it():
    doc = make_doc("Les maires des communes membres : Lamastre, Désaignes – seront présents à la signature.")
    communes, _ = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert names(communes) == ["Lamastre", "Désaignes"]


@pytest.mark.parametrize("text, expected", [
    ("Mardi, 22 communes, le syndicat scolaire et la Caf ont rejoint la communauté de communes du Pays de Lure "
     "dans une nouvelle CTG.", 22),
    ("La CTG est signée. Les 22 communes et 2 syndicats ont rejoint la démarche.", 22),
    # other territories' communes, and communes that do not join
    ("La CTG est signée. Dans le département, 120 communes ont déjà signé une CTG.", None),
    ("La CTG est signée. Les 22 communes accueillent chacune une crèche.", None),
])
def test_a_count_of_communes_joining_the_ctg(text, expected):
    _, count = extract_communes(make_doc(text), epci("Communauté de communes du Pays de Lure"), None)
    assert (count.value if count else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("La convention couvre la période 2025-2029 et concerne les dix-huit communes de la com'com.", 18),
    ("La convention s'applique aux quatre communes de l'île.", 4),
    ("Le territoire compte 22 000 habitants répartis dans huit communes.", 8),
    ("Ses crèches sont réparties dans trois quartiers.", None),
    ("Portrait du territoire\n\n23 communes — 27 000 habitants\n\n3 crèches", 23),
    ("Portrait du territoire\n\n27 000 habitants | 23 communes", 23),
    # a wider area's communes
    ("La Caf couvre 240 communes du département.", None),
])
def test_a_count_of_the_communes_the_ctg_covers(text, expected):
    _, count = extract_communes(make_doc(text), epci("Communauté de communes du Pays de Lure"), None)
    assert (count.value if count else None) == expected


def test_a_name_unknown_to_the_official_list_inside_a_long_list_is_kept_as_written():
    from extract.communes import read_commune_list

    text = "Lure, Roye, Magny-Vernois, Froideterre-les-Bains, Frotey-lès-Lure et Vouhenans."
    items = read_commune_list(text, 0, None, "70")
    assert [item.name for item in items] == ["Lure", "Roye", "Magny-Vernois", "Froideterre-les-Bains",
                                             "Frotey-lès-Lure", "Vouhenans"]
    assert items[3].ref is None and items[4].ref is not None
    # at the end of a list, or after fewer than three communes, an unknown name ends it
    assert [i.name for i in read_commune_list("Lure, Roye, Magny-Vernois et Belle-Vue.", 0, None, "70")] == [
        "Lure", "Roye", "Magny-Vernois"]
    assert [i.name for i in read_commune_list("Lure, Belle-Vue, Roye et Vouhenans.", 0, None, "70")] == ["Lure"]


def test_an_elided_article_before_a_listed_commune():
    from extract.communes import read_commune_list

    text = "Roscoff, l'Île-de-Batz, Santec et Sibiril."
    assert [item.name for item in read_commune_list(text, 0, None, "29")] == ["Roscoff", "Île-de-Batz", "Santec",
                                                                               "Sibiril"]


def test_a_count_after_several_adjectives_of_the_territory():
    _, count = extract_communes(make_doc("Pour ce territoire rural et montagnard de 23 communes, les partenaires ont "
                                         "fixé trois priorités."), epci("Communauté de communes du Pays de Lure"), None)
    assert count.value == 23


@pytest.mark.parametrize("sentence, expected", [
    ("La communauté de communes, qui s'étend sur 19 communes, a signé sa CTG.", 19),
    ("Forte de vingt-six communes, l'intercommunalité a signé sa CTG.", 26),
    ("Le territoire comprend 11 communes et 8 000 habitants.", 11),
    # the count's subject is the Caf's area, the departement, a programme
    ("La CTG est signée avec la Caf, dont la circonscription s'étend sur 290 communes.", None),
    ("Le département, fort de 340 communes, compte 60 CTG.", None),
    ("Le programme comprend 3 communes pilotes.", None),
])
def test_count_given_by_the_territorys_extent_not_another_subjects(sentence, expected):
    doc = make_doc(sentence)
    _, count = extract_communes(doc, epci("Communauté de communes du Clermontais"), caf("34", "Hérault"))
    assert (count.value if count else None) == expected


def test_the_caf_beside_the_communes_members_is_no_other_subject():
    doc = make_doc("Le diagnostic, mené avec la Caf et les 19 communes membres, a mis en évidence des besoins.")
    _, count = extract_communes(doc, epci("Communauté de communes du Clermontais"), caf("34", "Hérault"))
    assert count.value == 19


@pytest.mark.parametrize("sentence, expected", [
    ("La communauté de communes regroupe Aniane, Gignac et Montarnaud.", ["Aniane", "Gignac", "Montarnaud"]),
    # another subject than the territory
    ("La Caf de l'Hérault regroupe Montpellier et Sète dans son agence.", []),
    ("Le comité de pilotage rassemble Aniane et Gignac une fois par an.", []),
])
def test_communes_after_a_verb_of_membership_of_the_territory(sentence, expected):
    communes, _ = extract_communes(make_doc(sentence), epci("Communauté de communes Vallée de l'Hérault"),
                                   caf("34", "Hérault"))
    assert names(communes) == expected


@pytest.mark.parametrize("text", [
    "ARLYSÈRE EN CHIFFRES\n\n11 communes      62 400 habitants\n\n5 750 familles allocataires",
    "ARLYSÈRE EN CHIFFRES\n\n11 communes 62 400 habitants",
    # a comparison in brackets above the key figure is an aside, no wider area's heading
    "Un territoire attractif\n\n+1,6 % par an (Ardèche : +0,9 %)\n\n11 communes\n\n8 900 allocataires",
])
def test_a_key_figure_beside_others_or_below_a_bracketed_comparison(text):
    _, count = extract_communes(make_doc(text), epci(LAMASTRE), caf("07", "Ardèche"))
    assert count is not None and count.value == 11


def test_a_column_of_where_facilities_stand_is_no_list_of_members():
    doc = make_html_doc("<table><tr><th>Équipement</th><th>Commune d'implantation</th><th>Places</th></tr>"
                        "<tr><td>Multi-accueil</td><td>Lamastre</td><td>30</td></tr>"
                        "<tr><td>Micro-crèche</td><td>Désaignes</td><td>10</td></tr></table>")
    communes, _ = extract_communes(doc, epci(LAMASTRE), caf("07", "Ardèche"))
    assert communes == []
