"""The territory extractor on varied snippets: communes, EPCI under their legal forms, abbreviations,
brand and informal names, groups of communes, headlines, datelines, and the traps of a neighbouring,
containing or attending territory."""

from __future__ import annotations

import pytest

from extract.territory import extract_territory
from models.conventions import TerritoryType
from models.document import BBox, Block, Document, Line, Media, Page, Span
from tests.conftest import make_doc, make_html_doc

TERRITORY_CASES = [
    ("La Communauté d'Agglomération de Valenciennes Métropole, représentée par son Président, "
     "M. Laurent DEGALLAIX, dûment autorisé.", "Communauté d'Agglomération de Valenciennes Métropole", "epci"),
    ("Le lundi 6 février a eu lieu la signature de la convention territoriale globale entre la communauté de "
     "communes Vallée de l'Hérault et la Caf de l'Hérault.", "Communauté de communes Vallée de l'Hérault", "epci"),
    ("Une CTG a été signée ce mercredi 6 mars 2024 entre la ville de Frontignan et la CAF de l’Hérault.",
     "Frontignan", "commune"),
    # An abbreviated legal form, as the text names it; in full when the text writes it in full too.
    ("Un enjeu majeur pour la CA du Gard Rhodanien : mieux valoriser son offre.",
     "CA du Gard Rhodanien", "epci"),
    ("La CC du Pays de Lure et la Caf ont signé la CTG. La communauté de communes du Pays de Lure compte "
     "24 communes.", "Communauté de communes du Pays de Lure", "epci"),
    # The form written in full elsewhere, without the name: the abbreviation stands for it.
    ("Entre la Caf et la Communauté d'agglomération, une convention est signée.\n\nUn enjeu majeur pour la "
     "CA du Val de Lys : mieux valoriser son offre.", "Communauté d'agglomération du Val de Lys", "epci"),
    # A common noun is no title: the abbreviation stays as written.
    ("Au siège de la communauté de communes, les élus de la CC du Val de Lys et la Caf ont signé la CTG. "
     "La CC du Val de Lys compte 20 communes.", "CC du Val de Lys", "epci"),
    ("CONVENTION TERRITORIALE GLOBALE DE SAINT-JEAN-DE-FOS\n\nLa commune de Saint-Jean-de-Fos et la Caf de "
     "l'Hérault signent leur première CTG.", "Saint-Jean-de-Fos", "commune"),
    ("Entre, d'une part, la Caf de la Gironde et, d'autre part, la Communauté de communes du Réolais en Sud "
     "Gironde, représentée par son Président.",
     "Communauté de communes du Réolais en Sud Gironde", "epci"),
    ("La Ctg de la commune de La Boissière sera signée avec la Caf le 3 mars 2023.", "La Boissière", "commune"),
    ("Montpellier Méditerranée Métropole et la Caf de l'Hérault ont signé la convention territoriale globale.",
     "Montpellier Méditerranée Métropole", "epci"),
    # Official names with lower-case words, a spaced dash or a word in capitals: the longest run of
    # words the reference list knows.
    ("La Communauté de communes Presqu'île de Crozon-Aulne maritime et la Caf du Finistère signent la CTG.",
     "Communauté de communes Presqu'île de Crozon-Aulne maritime", "epci"),
    ("La Communauté de communes Vallée de l'Ubaye - Serre-Ponçon signe sa CTG avec la Caf.",
     "Communauté de communes Vallée de l'Ubaye - Serre-Ponçon", "epci"),
    ("La Communauté d'Agglomération Roissy Pays de France signe la CTG avec la Caf du Val-d'Oise.",
     "Communauté d'Agglomération Roissy Pays de France", "epci"),
    ("La Communauté d'Agglomération de CAP Excellence signe la CTG avec la Caf de la Guadeloupe.",
     "Communauté d'Agglomération de CAP Excellence", "epci"),
]


@pytest.mark.parametrize("text, name, kind", TERRITORY_CASES, ids=[c[1] for c in TERRITORY_CASES])
def test_territory_from_varied_snippets(text, name, kind):
    territory = extract_territory(make_doc(text))
    assert territory is not None
    assert (territory.name, territory.type.value) == (name, kind)
    assert territory.page == 1 and territory.snippet


def test_territory_ignores_the_containing_epci():
    doc = make_doc("La 2ème Ctg de la commune de Valros sera signée avec la Caf de l'Hérault.\n\n"
                   "La ville de Valros fait partie de la Communauté d’Agglomération Béziers Méditerranée (CA BM), "
                   "qui compte 17 communes.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Valros", TerritoryType.COMMUNE)


def test_territory_prefers_the_signing_epci_over_a_member_mayor():
    doc = make_doc("Thierry Mathieu, Directeur de la Caf de l'Hérault, a signé avec Jean-François Soto, Président "
                   "de la communauté de communes Vallée de l'Hérault, Maire de Gignac, la Convention territoriale "
                   "globale (Ctg).\n\nLa Ctg a été signée par la Communauté de communes de la Vallée de l'Hérault "
                   "et 13 communes du territoire.")
    territory = extract_territory(doc)
    assert territory.type is TerritoryType.EPCI
    assert territory.name in {"Communauté de communes Vallée de l'Hérault",
                              "Communauté de communes de la Vallée de l'Hérault"}


def test_territory_absent_when_no_collectivity_is_named():
    assert extract_territory(make_doc("La Caf accompagne les familles du territoire sur la durée de la CTG.")) is None


def test_territory_abstains_between_two_equal_communes():
    doc = make_doc("La commune de Gignac et la commune d'Aniane organisent une réunion publique.")
    assert extract_territory(doc) is None


def test_epci_brand_name_known_to_the_reference():
    territory = extract_territory(make_doc("Convention Territoriale Globale 2023-2027\n\nBillom Communauté\n\n"
                                           "Caf du Puy-de-Dôme"))
    assert (territory.name, territory.type) == ("Billom Communauté", TerritoryType.EPCI)


def test_acronym_mentions_count_for_the_named_epci():
    doc = make_doc("La convention territoriale globale de la Civis\n\nLa Caf de La Réunion et la Communauté "
                   "intercommunale des villes solidaires (Civis) ont signé leur CTG. La Civis et la Caf...")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté intercommunale des villes solidaires", TerritoryType.EPCI)


def test_commune_named_after_a_contracted_article_takes_its_official_name():
    doc = make_doc("Le jeudi 12 juin 2025, la Ville du Pont-de-Claix et la Caf de l'Isère signent la troisième "
                   "Convention territoriale globale du Pont-de-Claix.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Le Pont-de-Claix", TerritoryType.COMMUNE)


# --- names the official list of EPCI knows, and informal forms ------------------------------------

NAMED_EPCI_CASES = [
    # A brand name without legal form, known to the official list.
    ("Anne Dupont, présidente du Grand Dole, et la directrice de la Caf du Jura ont signé la convention "
     "territoriale globale.", "Grand Dole"),
    ("La CTG accompagne le projet social de territoire de Brest Métropole, aux côtés des communes.", "Brest Métropole"),
    # An informal form before a known name: the name as the text writes it.
    ("Vendredi soir, la Caf du Jura et l'agglomération du Grand Dole ont conclu leur convention territoriale "
     "globale.", "agglomération du Grand Dole"),
    ("Réunis mardi, les conseillers de la Communauté du Pays de Fayence ont approuvé le projet de convention "
     "territoriale globale que leur soumet la Caf du Var.", "Communauté du Pays de Fayence"),
    # Abbreviated legal forms, and "agglo", as the text writes them.
    ("La CdC du Nogentais et la Caf de la Haute-Marne signent la CTG.", "CdC du Nogentais"),
    ("La CU du Grand Reims et la Caf de la Marne signent la convention territoriale globale.",
     "CU du Grand Reims"),
    ("Le président de l'Agglo du Pays Voironnais et la Caf de l'Isère ont signé la CTG.", "Agglo du Pays Voironnais"),
    # A brand styled in lower case.
    ("Pays de Gex agglo a signé sa CTG avec la Caf de l'Ain.", "Pays de Gex agglo"),
    # A brand whose official name has its own article.
    ("Le Muretain Agglo a signé sa convention territoriale globale avec la Caf de la Haute-Garonne.",
     "Le Muretain Agglo"),
    # "avec la" and "territoire de" name the CTG's own territory.
    ("C'est avec la communauté de communes du Pays de Lamastre que la Caf a conclu une convention territoriale "
     "globale.", "Communauté de communes du Pays de Lamastre"),
    # A CTG "de la Communauté de communes ...": the legal form is read, not "la Communauté".
    ("Approuvée en mars, la CTG de la Communauté de communes du Pays de Fayence porte depuis le 3 mai les "
     "signatures de sa présidente et de la directrice de la Caf du Var.",
     "Communauté de communes du Pays de Fayence"),
]


@pytest.mark.parametrize("text, name", NAMED_EPCI_CASES, ids=[c[1] for c in NAMED_EPCI_CASES])
def test_epci_named_by_brand_informal_form_or_abbreviation(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.EPCI)


def test_the_legal_form_and_the_brand_of_one_epci_count_as_one_place():
    doc = make_doc("La Ville de Tavaux et le Grand Dole ont signé la convention territoriale globale avec la Caf du "
                   "Jura.\n\nLa Ville de Tavaux et la communauté d'agglomération du Grand Dole ont signé cette "
                   "convention.\n\nMarc Petit, président du Grand Dole, et Léa Roy, maire de Tavaux, étaient présents.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté d'agglomération du Grand Dole", TerritoryType.EPCI)


def test_mayors_signing_beside_an_epci_are_its_members():
    doc = make_doc("Grand Dole – la convention territoriale globale est signée\n\nCe 12 mai, Anne Dupont, présidente "
                   "du Grand Dole, Marc Petit, maire de Tavaux, Léa Roy, maire de Damparis, et Paul Brun, adjoint à la "
                   "mairie de Damparis, ont signé la convention territoriale globale avec la Caf du Jura.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Grand Dole", TerritoryType.EPCI)


def test_the_subject_of_the_signing_leads_its_co_signatories():
    doc = make_doc("En 2020, une première convention territoriale globale liait déjà le SIVU des Trois Vallons et la "
                   "communauté de communes du Pays de Fayence.\n\nCette année, la communauté de communes du Pays "
                   "de Fayence a signé sa nouvelle CTG aux côtés de neuf communes, du SIVU des Trois Vallons et de la "
                   "Caf du Var.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté de communes du Pays de Fayence", TerritoryType.EPCI)


def test_an_attendee_territory_or_a_containing_one_does_not_compete():
    doc = make_doc("Les communes du secteur Loches Développement, qui appartiennent à la Communauté de communes Loches "
                   "Sud Touraine, ont signé avec la Caf d'Indre-et-Loire leur convention territoriale globale, sous "
                   "les yeux de Jean Roy, président de la Communauté de communes Loches Sud Touraine, maire de la "
                   "Ville de Loches.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Secteur Loches Développement", TerritoryType.MULTI_COMMUNES)


@pytest.mark.parametrize("text", [
    "Chaque secteur de la Lozère a ses besoins propres ; la Caf y signe des conventions territoriales globales.",
    "Les actions du secteur Nord seront suivies par la Caf dans la convention territoriale globale.",
    "moyens engagés, ventilation par secteur Pilotage local Évaluer les effets de la CTG avec la Caf",
])
def test_a_secteur_that_names_no_place_is_no_territory(text):
    assert extract_territory(make_doc(text)) is None


# --- groups of communes ----------------------------------------------------------------------------

def test_group_of_communes_named_as_the_party():
    doc = make_doc("Trois mairies, une seule convention avec la Caf\n\nAu printemps, les municipalités de Viviers, du "
                   "Teil et de Cruas se sont engagées ensemble auprès de la Caf de l'Ardèche dans une convention "
                   "territoriale globale.\n\nJean Roy, maire de Viviers, a salué le travail commun.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Viviers, Le Teil et Cruas", TerritoryType.MULTI_COMMUNES)
    assert territory.rule == "group_of_communes"


def test_group_names_its_members_in_full_and_takes_their_mayors():
    doc = make_doc("Pour leurs familles, les communes de La Londe et du Lavandou s'associent à la CAF.\n\nLe 2 avril, "
                   "Jean Roy, maire de La Londe-les-Maures, Anne Vidal, maire du Lavandou, et la directrice de la Caf "
                   "du Var ont signé une Convention Territoriale Globale.\n\n"
                   "Pour la commune du Lavandou, les prestations dépassent deux millions d'euros.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("La Londe-les-Maures et Le Lavandou", TerritoryType.MULTI_COMMUNES)


def test_communes_listed_beside_an_epci_are_no_group():
    doc = make_doc("La CAF du Jura, la communauté d'agglomération du Grand Dole et les deux communes de Tavaux et "
                   "Damparis ont signé jeudi une convention territoriale globale.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté d'agglomération du Grand Dole", TerritoryType.EPCI)


# --- communes: contracted articles, capitals, headlines, datelines, bare names -------------------

@pytest.mark.parametrize("text, name", [
    ("Mardi, la CAF et la Ville des Mureaux officialiseront leur Convention Territoriale Globale.", "Les Mureaux"),
    ("Paul Brun, adjoint au maire des Mureaux, a signé mardi avec la directrice de la CAF une convention "
     "territoriale globale.", "Les Mureaux"),
    ("ORDRE DU JOUR DU CONSEIL MUNICIPAL DE SAINT-FLOUR\n\nréuni lundi, le conseil municipal de Saint-Flour a "
     "donné mandat au maire pour conclure la Convention Territoriale Globale (CTG) que lui soumet la Caf du Cantal.",
     "Saint-Flour"),
    ("SAINT-FLOUR, le 3 juin 2024 – La convention territoriale globale a été signée hier entre la mairie et la Caf "
     "du Cantal.", "Saint-Flour"),
    # Named only bare, in a sentence about the CTG.
    ("Les élus et la Caf étaient réunis.\n\n« La convention territoriale globale (CTG) fixe les priorités pour la "
     "crèches et les accueils de loisirs de Bagnols-sur-Cèze », a rappelé la directrice.", "Bagnols-sur-Cèze"),
])
def test_commune_named_in_every_form(text, name):
    territory = extract_territory(make_doc(text))
    if name is None:
        assert territory is None
    else:
        assert (territory.name, territory.type) == (name, TerritoryType.COMMUNE)


@pytest.mark.parametrize("text", [
    # A venue.
    "La convention territoriale globale a été signée à Bagnols-sur-Cèze entre les partenaires et la Caf.",
    # A person whose surname is a commune's name (Le Robert).
    "Sophie Robert, adjointe, a présenté la convention territoriale globale (CTG) de la Caf.",
    # Communes beside an EPCI named only by its form.
    "La CTG mobilise la Caf, la communauté urbaine ainsi que les villes du Havre et de Montivilliers.",
])
def test_bare_commune_must_not_fire(text):
    assert extract_territory(make_doc(text)) is None


def test_territory_named_in_a_headline_and_as_the_territory():
    doc = make_doc("Haut-Vivarais : un pacte entre les mairies et la CAF pour mieux servir les parents ?\n\n"
                   "Ce qui se joue pour le territoire Haut-Vivarais\n\nUne fois signée, cette convention "
                   "territoriale globale devrait simplifier la vie des familles.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Haut-Vivarais", None)


def test_a_project_named_after_the_territory_is_no_territory():
    doc = make_doc("La CTG accompagne notre projet de territoire Destination 2030.\n\nLes signataires :\nLa CAF de "
                   "Loiret et la Communauté d'Agglomération Montargoise et Rives du Loing.")
    territory = extract_territory(doc)
    assert territory is not None and territory.type is TerritoryType.EPCI


# --- an EPCI named by its legal form alone ---------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Le 9 octobre, la communauté de communes a signé avec la Caf de la Savoie sa CTG pour quatre ans.",
     "Communauté de communes"),
    ("La communauté de communes a paraphé le 9 octobre sa CTG avec la Caf de la Savoie.", "Communauté de communes"),
    ("Conseil du 14 mars : deux CTG entre la Caf de l'Yonne et la communauté d'agglomération\n\nPour les familles, "
     "la Caf de l'Yonne s'associera à la communauté d'agglomération et à ses communes.",
     "Communauté d'agglomération"),
])
def test_epci_named_by_its_legal_form_alone_as_a_party(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type, territory.rule) == (name, TerritoryType.EPCI, "unnamed_legal_form")


@pytest.mark.parametrize("text", [
    "Toute commune ou communauté de communes peut conclure une CTG avec la Caf.",
    "La Caf signe des conventions territoriales globales avec les communautés de communes du département.",
    "La communauté de communes organise une réunion publique sur la petite enfance.",
])
def test_a_legal_form_alone_that_is_no_party_gives_nothing(text):
    assert extract_territory(make_doc(text)) is None


def test_a_territory_named_as_such_is_the_epci_that_signs_unnamed():
    doc = make_doc("C'est avec la Caf de la Savoie que la communauté de communes a signé sa CTG.\n\nLa CTG entend "
                   "répondre aux attentes des familles du territoire du Val Guiers.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Val Guiers", TerritoryType.EPCI)


@pytest.mark.parametrize("text, name, kind", [
    ("La Collectivité de Saint-Martin et la Caf de la Guadeloupe ont signé leur convention territoriale globale.",
     "Saint-Martin", TerritoryType.COMMUNE),
    ("La Collectivité territoriale de Guyane, représentée par son Président, et la Caf de la Guyane.",
     "Collectivité territoriale de Guyane", TerritoryType.DEPARTEMENT),
])
def test_overseas_collectivity(text, name, kind):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, kind)


def test_collectivities_in_general_are_no_territory():
    doc = make_doc("La Caf propose ses conventions aux collectivités territoriales de la Guyane qui le souhaitent.")
    assert extract_territory(doc) is None


def test_a_group_named_in_passing_does_not_take_its_members():
    doc = make_doc("La ville de Gignac a signé sa convention territoriale globale avec la Caf de l'Hérault.\n\n"
                   "Les communes de Gignac et d'Aniane partagent un accueil de loisirs depuis 2015.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Gignac", TerritoryType.COMMUNE)


@pytest.mark.parametrize("text", [
    "Actualités : la convention territoriale globale expliquée aux familles par la Caf.",
    "La Cité des Sciences accueille les familles ; la Caf y présente la convention territoriale globale.",
])
def test_rubrics_and_places_that_are_no_communes_are_no_territory(text):
    assert extract_territory(make_doc(text)) is None


# --- brands, official articles, other places, headings cut or repeated -----------------------------

@pytest.mark.parametrize("text, name", [
    # A place's name and a brand word after it, whether the official list knows the brand or not.
    ("Lannion-Trégor Communauté et la Caf des Côtes-d'Armor ont signé jeudi la convention territoriale globale.",
     "Lannion-Trégor Communauté"),
    ("Pour Mont-de-Marsan Agglo, la CTG 2023-2027 a été signée avec la Caf des Landes.", "Mont-de-Marsan Agglo"),
    ("La Roche-sur-Yon Agglomération a signé sa CTG avec la Caf de la Vendée le 3 mars.",
     "La Roche-sur-Yon Agglomération"),
])
def test_epci_named_by_a_brand_with_its_legal_word_after(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.EPCI)


def test_a_brand_leads_a_commune_named_in_a_related_link():
    doc = make_doc("Enfance : l'agglo et la Caf signent\n\nDinan Agglomération et la Caisse d'allocations familiales "
                   "des Côtes-d'Armor ont signé mardi la convention territoriale globale.\n\n"
                   "À lire aussi : Plancoët : la piscine rouvre ses portes")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Dinan Agglomération", TerritoryType.EPCI)


@pytest.mark.parametrize("text", [
    "Notre Agglomération signe une convention avec la Caf du Nord.",
    "Toute la Communauté s'est investie dans la convention territoriale globale conclue avec la Caf.",
    "Le Projet Agglomération 2030 sera présenté aux familles par la Caf.",
])
def test_a_brand_word_after_no_place_is_no_territory(text):
    assert extract_territory(make_doc(text)) is None


@pytest.mark.parametrize("text, name", [
    ("Le président du Grand Périgueux et la Caf de la Dordogne ont signé la convention territoriale globale.",
     "Le Grand Périgueux"),
    ("La Caf de l'Isère et le Grésivaudan ont signé leur convention territoriale globale pour 2024-2028.",
     "Le Grésivaudan"),
])
def test_an_epci_whose_official_name_has_an_article_keeps_it(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.EPCI)


@pytest.mark.parametrize("text, name", [
    ("La Ville du François et la Caf de la Martinique ont signé leur CTG.", "Le François"),
    ("La commune du Luc a signé sa convention territoriale globale avec la Caf du Var.", "Le Luc"),
])
def test_a_commune_after_du_is_the_departements_commune_with_its_article(text, name):
    # "François" (Deux-Sèvres) and "Luc" (Lozère) exist too, in other departements than the Caf's.
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.COMMUNE)


def test_a_commune_naming_another_place_does_not_compete():
    # "le bassin de Lens" names an area, not the commune of Lens beside the signing one.
    doc = make_doc("Hénin-Beaumont signe sa convention territoriale globale avec la Caf\n\nLa ville du bassin de Lens "
                   "et la Caisse d'allocations familiales du Pas-de-Calais ont signé lundi la convention.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Hénin-Beaumont", TerritoryType.COMMUNE)


def test_a_commune_named_with_its_form_is_no_other_place():
    doc = make_doc("La ville de Lens et la Caisse d'allocations familiales du Pas-de-Calais ont signé lundi la "
                   "convention territoriale globale.")
    assert extract_territory(doc).name == "Lens"


def test_a_secteur_where_an_action_takes_place_is_no_party():
    doc = make_doc("Diagnostic de la CTG\n\nLamastre en bref : 2 400 habitants.\n\nAction 3 – créer une micro-crèche "
                   "dans le secteur de Désaignes\n\nLe Haut-Vivarais, 11 communes")
    territory = extract_territory(doc)
    assert territory is None or territory.type is not TerritoryType.MULTI_COMMUNES


def test_a_heading_cut_after_its_legal_form_reads_on_into_the_next_block():
    doc = make_doc("COMMUNAUTÉ DE COMMUNES DU\n\n_PAYS DE LAMASTRE\n\nDélibération n° 2024-12 : convention territoriale "
                   "globale avec la Caf de l'Ardèche. Le conseil autorise le président à la signer.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("COMMUNAUTÉ DE COMMUNES DU PAYS DE LAMASTRE", TerritoryType.EPCI)


def test_a_legal_form_at_the_end_of_a_sentence_does_not_read_on():
    doc = make_doc("La Caf de l'Ardèche a signé la CTG avec la communauté de communes.\n\nLamastre accueille un "
                   "nouveau relais petite enfance.")
    territory = extract_territory(doc)
    assert territory is None or territory.name == "Communauté de communes"


def _with_running_header(header: str, body: str) -> Document:
    def block(text: str, y: float) -> Block:
        line = Line.of((Span(text, BBox(50, y, 500, y + 11), "Test", 10.0),))
        return Block(lines=(line,), bbox=line.bbox, text=text)

    pages = tuple(Page(number=n, width=595, height=842, blocks=(block(body if n == 1 else "Vote : unanimité.", 100),),
                       furniture=(Line.of((Span(header, BBox(50, 20, 300, 31), "Test", 10.0),)),))
                  for n in (1, 2))
    return Document(doc_id="header", source_path="header.pdf", media=Media.PDF, pages=pages)


def test_a_running_header_names_the_collectivity_of_a_deliberation():
    doc = _with_running_header("COMMUNE DE SAINT-FLOUR", "Objet : convention territoriale globale avec la Caf du "
                               "Cantal. Le conseil municipal autorise le maire à signer la convention.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Saint-Flour", TerritoryType.COMMUNE)


def test_a_running_header_does_not_outweigh_the_party_named_in_the_text():
    doc = _with_running_header("Mairie de Riom – service communication", "La communauté d'agglomération Riom Limagne "
                               "et Volcans et la Caf du Puy-de-Dôme ont signé la convention territoriale globale.")
    territory = extract_territory(doc)
    assert territory.type is TerritoryType.EPCI


def _sized(*blocks: tuple[str, float]) -> Document:
    """A one-page document of blocks of text, each in its font size."""
    out, y = [], 60.0
    for text, size in blocks:
        line = Line.of((Span(text, BBox(50, y, 545, y + size + 1), "Test", size, bold=size > 12),))
        out.append(Block(lines=(line,), bbox=line.bbox, text=text))
        y += size + 20
    return Document(doc_id="sized", source_path="sized.pdf", media=Media.PDF,
                    pages=(Page(number=1, width=842, height=595, blocks=tuple(out)),))


BODY = ("Diagnostic partagé de la convention territoriale globale", 10.0), \
       ("Les partenaires et la Caf de l'Ardèche ont présenté le diagnostic aux élus.", 10.0)


@pytest.mark.parametrize("title, name, kind", [
    ("Haut-Vivarais", "Haut-Vivarais", None),
    ("SAINT-FLOUR", "Saint-Flour", TerritoryType.COMMUNE),
])
def test_a_cover_titled_by_a_place_names_the_territory(title, name, kind):
    territory = extract_territory(_sized((title, 28.0), *BODY))
    assert (territory.name, territory.type, territory.rule) == (name, kind, "title_place")


@pytest.mark.parametrize("title", ["Nouvelle-Aquitaine", "Diagnostic partagé", "Petite enfance et parentalité"])
def test_a_cover_titled_by_a_region_or_a_topic_names_no_territory(title):
    assert extract_territory(_sized((title, 28.0), *BODY)) is None


def test_communes_listed_as_the_subject_of_their_partnership():
    doc = make_doc("Aubière, Romagnat et Pérignat-lès-Sarliève ont fait le choix de travailler ensemble avec la Caf "
                   "du Puy-de-Dôme.\n\nLes trois communes ont signé le 3 mars, à la mairie de Romagnat, une "
                   "convention territoriale globale pour 2025-2029.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Aubière, Romagnat et Pérignat-lès-Sarliève",
                                                TerritoryType.MULTI_COMMUNES)


@pytest.mark.parametrize("text", [
    # listed, but not as parties: figures, facilities
    "Aubière, Romagnat et Pérignat-lès-Sarliève comptent ensemble 21 000 habitants. La Caf a signé une CTG.",
    "Aubière, Romagnat et Pérignat-lès-Sarliève accueillent chacune une crèche. La Caf a signé une CTG.",
])
def test_communes_listed_without_acting_as_parties_are_no_group(text):
    territory = extract_territory(make_doc(text))
    assert territory is None or territory.type is not TerritoryType.MULTI_COMMUNES


def test_an_epci_name_written_with_an_ampersand():
    doc = make_doc("Canaux & Forêts en Gâtinais et la Caf du Loiret ont signé leur convention territoriale globale.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Canaux & Forêts en Gâtinais", TerritoryType.EPCI)


def test_a_name_in_capitals_gives_way_to_its_spelling_in_the_body():
    doc = make_doc("COMMUNAUTÉ DE COMMUNES DU PAYS DE SALERS\n\nExtrait du registre des délibérations\n\nVu les statuts "
                   "de la Communauté de communes du Pays de Salers ; le conseil autorise le président à signer la "
                   "convention territoriale globale avec la Caf du Cantal.")
    assert extract_territory(doc).name == "Communauté de communes du Pays de Salers"


@pytest.mark.parametrize("text, name", [
    # two communes bound by one CTG
    ("Signée mardi, la CTG qui lie la Ville de Riom, la commune de Mozac et la caisse d'allocations familiales",
     "Riom et Mozac"),
    # their mayors sign side by side
    ("Mme Roux, maire de Lure, M. Petit, maire de Roye, et la directrice de la Caf ont signé jeudi la convention "
     "territoriale globale.", "Lure et Roye"),
    # the parties of a convention
    ("Entre :\n\nLa Caisse d'allocations familiales du Cantal, représentée par sa directrice,\n\nLa Commune de "
     "Riom-ès-Montagnes, représentée par son maire,\n\nLa Commune de Menet, représentée par son maire.", 
     "Riom-ès-Montagnes et Menet"),
])
def test_communes_signing_side_by_side_are_a_group(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.MULTI_COMMUNES)


@pytest.mark.parametrize("text", [
    # an EPCI signs with them: they are its members
    "La communauté de communes du Pays de Lure, le maire de Lure et le maire de Roye ont signé la CTG avec la Caf.",
    # the venue does not sign
    "À la mairie de Lure, le maire de Roye et la Caf ont signé la convention territoriale globale.",
])
def test_communes_beside_an_epci_or_a_venue_are_no_signing_group(text):
    territory = extract_territory(make_doc(text))
    assert territory is None or territory.type is not TerritoryType.MULTI_COMMUNES


def test_a_commune_named_in_a_kicker_with_its_mayor_as_party_is_a_commune():
    found = extract_territory(make_doc("Montbrison : le maire et le directeur de la Caf de la Loire ont signé la CTG."))
    assert (found.name, found.type) == ("Montbrison", TerritoryType.COMMUNE)


def test_a_place_fronted_before_the_story_with_the_town_as_party():
    found = extract_territory(make_doc("À Montbrison, la convention territoriale globale a été signée jeudi entre la "
                                       "Ville et la Caf de la Loire."))
    assert (found.name, found.type) == ("Montbrison", TerritoryType.COMMUNE)
    # a venue when a collectivity is named as the party
    found = extract_territory(make_doc("À Montbrison, la communauté d'agglomération Loire Forez et la Caf de la Loire "
                                       "ont signé la CTG."))
    assert found.name == "Communauté d'agglomération Loire Forez"


def test_an_epci_and_one_of_its_communes_both_parties_is_the_epcis_ctg():
    found = extract_territory(make_doc(
        "Entre la Caisse d'allocations familiales du Cantal, représentée par son directeur,\n\n"
        "Et la Communauté d'agglomération du Bassin d'Aurillac, représentée par son président,\n\n"
        "Et la Commune d'Arpajon-sur-Cère, représentée par son maire,\n\n"
        "La Communauté d'agglomération du Bassin d'Aurillac et la Commune d'Arpajon-sur-Cère s'engagent."))
    assert (found.name, found.type) == ("Communauté d'agglomération du Bassin d'Aurillac", TerritoryType.EPCI)


@pytest.mark.parametrize("text, name", [
    ("Argentan Intercom et la Caf de l'Orne ont signé leur convention territoriale globale.", "Argentan Intercom"),
    ("Ternois Com et la Caf du Pas-de-Calais ont signé la CTG pour 2023-2027.", "Ternois Com"),
    # the CTG named after the brand, not after its town
    ("La CTG de Roanne Agglomération a été signée avec la Caf de la Loire.", "Roanne Agglomération"),
])
def test_epci_brands_ending_in_intercom_or_com(text, name):
    territory = extract_territory(make_doc(text))
    assert (territory.name, territory.type) == (name, TerritoryType.EPCI)


def test_a_cover_brand_in_capitals_below_a_sites_menu_is_the_epci():
    doc = make_html_doc("<p><b>Actualités</b></p><p><b>Accueil</b></p><p><b>Ma commune</b></p>"
                        "<p><b>Services Solidarités Contact</b></p><h1>VIENNE CONDRIEU AGGLO</h1>"
                        "<h2>Conseil communautaire du 3 avril 2025</h2>"
                        "<p>Le conseil approuve la Convention Territoriale Globale 2025-2029 avec la Caisse "
                        "d'allocations familiales et autorise le président à la signer. La CTG couvre les communes "
                        "de l'Agglomération, soit 90 000 habitants.</p>")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("VIENNE CONDRIEU AGGLO", TerritoryType.EPCI)


def test_a_rubric_title_is_no_place():
    doc = make_html_doc("<p>Le Fil — bulletin de la communauté de communes Vallée de l'Hérault — automne 2025</p>"
                        "<h1>ENFANCE-JEUNESSE</h1><h2>La CTG, feuille de route pour nos familles</h2>"
                        "<p>Les communes de l'intercommunalité sont désormais engagées avec la Caf dans une "
                        "convention territoriale globale pour 2025-2029.</p>")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté de communes Vallée de l'Hérault", TerritoryType.EPCI)


def test_a_place_titled_with_its_rubric_gives_way_to_the_epci_named_in_the_text():
    doc = make_html_doc("<h1>SÉLESTAT Solidarités</h1><h2>La CTG signée avec la Caf</h2>"
                        "<p>Le président de la communauté de communes de Sélestat a présenté la convention "
                        "territoriale globale aux élus, qui l'ont approuvée.</p>")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté de communes de Sélestat", TerritoryType.EPCI)


def test_an_epci_named_among_the_cafs_other_ctgs_does_not_compete():
    doc = make_doc("La Ville de Châteauroux a signé, ce mardi, sa convention territoriale globale avec la Caf de l'Indre. "
                   "La Caf indique avoir déjà signé des CTG avec l'ensemble des intercommunalités, Châteauroux Métropole "
                   "comprise.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Châteauroux", TerritoryType.COMMUNE)


def test_an_epci_named_after_its_region_signs_beside_its_communes():
    doc = make_doc("ENTRE LES SOUSSIGNÉS\n\nLa Caisse d'allocations familiales de la Seine-Maritime, représentée par sa "
                   "directrice,\n\nLa Communauté de communes de la Région d'Yvetot, représentée par son président,\n\n"
                   "La commune d'Yvetot, représentée par son maire,\n\nLa commune d'Allouville-Bellefosse, représentée "
                   "par son maire,\n\nIL EST CONVENU CE QUI SUIT")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Communauté de communes de la Région d'Yvetot", TerritoryType.EPCI)


def test_an_epci_with_a_ctg_of_its_own_is_another_territory():
    doc = make_doc("VILLE DE MOULINS\n\nCONSEIL MUNICIPAL\n\nLa convention territoriale globale avec la Caf de l'Allier "
                   "est approuvée. La Ville travaillera avec Moulins Communauté, qui dispose de sa propre CTG pour le "
                   "relais petite enfance.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Moulins", TerritoryType.COMMUNE)


def test_an_epcis_bare_name_and_its_brand_are_one_place_named_by_its_brand():
    doc = make_doc("Châteaubriant-Derval Communauté\n\nCONVENTION TERRITORIALE GLOBALE\n\nDiagnostic de territoire\n\n"
                   "Une CTG 2022-2026 avec la Caf de Loire-Atlantique pour le territoire de Châteaubriant-Derval.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Châteaubriant-Derval Communauté", TerritoryType.EPCI)


def test_a_registers_header_in_capitals_ends_the_name_above_it():
    doc = make_doc("COMMUNAUTÉ DE COMMUNES DU PAYS DE LAMASTRE\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n\nSéance du 3 mars 2025. "
                   "Le conseil approuve la convention territoriale globale avec la Caf de l'Ardèche.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("COMMUNAUTÉ DE COMMUNES DU PAYS DE LAMASTRE", TerritoryType.EPCI)


def test_a_cover_titled_with_its_communes_is_their_group():
    doc = make_html_doc("<h1>CONVENTION TERRITORIALE GLOBALE</h1><h2>Gonesse - Arnouville - Bonneuil-en-France</h2>"
                        "<p>Compte rendu du comité de pilotage</p><p>La CTG signée par les trois maires et la directrice "
                        "de la Caf du Val-d'Oise couvre la période 2024-2028. La Ville de Gonesse accueille le comité.</p>")
    territory = extract_territory(doc)
    assert territory.type is TerritoryType.MULTI_COMMUNES
    assert set(territory.name.split(", ")) == {"Gonesse", "Arnouville", "Bonneuil-en-France"}


@pytest.mark.parametrize("title", ["Lure - Familles", "Enfance, jeunesse et familles"])
def test_a_title_that_is_not_only_communes_is_no_group(title):
    territory = extract_territory(make_doc(f"{title}\n\nLa Ville de Lure et la Caf ont signé la CTG."))
    assert territory is None or territory.type is not TerritoryType.MULTI_COMMUNES


def test_a_brand_written_more_often_than_the_legal_form_names_the_epci():
    doc = make_doc("CONVENTION TERRITORIALE GLOBALE 2024-2028\n\nTernois Com – Caf du Pas-de-Calais\n\nEntre la Caf du "
                   "Pas-de-Calais et la Communauté de communes du Ternois, ci-après « Ternois Com ».\n\nTernois Com "
                   "s'engage à coordonner les actions. Ternois Com réunit le comité de pilotage.")
    territory = extract_territory(doc)
    assert (territory.name, territory.type) == ("Ternois Com", TerritoryType.EPCI)
