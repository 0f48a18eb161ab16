"""Parties and signatories: roles before or after names, party clauses, captions, signature
blocks in columns; persons who do not sign or represent a party are left out."""

from __future__ import annotations

import pytest

from extract.parties import extract_parties
from models.document import BBox, Block, Document, Line, Media, Page, Span
from models.parties import OrgKind
from tests.conftest import make_doc, make_html_doc


def people(doc, nlp=None):
    return {p.person_name: (p.person_role, p.org_kind.value, p.is_signatory)
            for p in extract_parties(doc, nlp) if p.person_name}


def test_names_then_roles_in_a_signing_sentence():
    doc = make_doc("Ce vendredi 20 janvier à 17h00, Thierry Mathieu, Directeur de la Caisse d’allocations familiales "
                   "de l’Hérault (Caf), et Laurent Teissier, Président du Conseil d’administration du même organisme, "
                   "signeront avec Michel Loup, Maire de la commune de Valros, la 2ème Convention territoriale globale.")
    assert people(doc) == {
        "Thierry Mathieu": ("Directeur", "caf", True),
        "Laurent Teissier": ("Président du Conseil d'administration", "caf", True),
        "Michel Loup": ("Maire", "commune", True),
    }


def test_party_clause_gives_role_organisation_and_normal_case():
    doc = make_doc("Entre\n\nLa Caisse d'allocations familiales de la Gironde, représentée par sa Directrice, "
                   "Madame Nathalie LE GALL-DUPRÉ, dûment autorisée ;\n\nEt\n\nLa Communauté de communes du Réolais, "
                   "représentée par son Président, M. Bernard DE LA FONTAINE.")
    parties = {p.person_name: p for p in extract_parties(doc) if p.person_name}
    caf = parties["Nathalie Le Gall-Dupré"]
    assert (caf.person_role, caf.org_kind, caf.org_name, caf.is_signatory) == \
        ("Directrice", OrgKind.CAF, "Caf de la Gironde", True)
    epci = parties["Bernard de La Fontaine"]
    assert (epci.person_role, epci.org_kind, epci.is_signatory) == ("Président", OrgKind.EPCI, True)
    assert epci.org_name == "Communauté de communes du Réolais"
    assert epci.page == 1 and "représentée par son Président" in epci.snippet


def test_caption_of_the_signing_photo_lists_signatories_and_roles_do_not_slide_to_the_next_name():
    doc = make_doc("La ville de Hyères et la Caf du Var ont signé la CTG ce lundi.\n\n"
                   "De gauche à droite : Marie Durand, présidente du conseil d'administration de la Caf du Var, "
                   "Paul Martin maire de Hyères, Lucie Roux, 1ère adjointe.")
    assert people(doc) == {
        "Marie Durand": ("Présidente du conseil d'administration", "caf", True),
        "Paul Martin": ("Maire", "commune", True),
        "Lucie Roux": ("1ère adjointe", "commune", True),
    }


def test_present_official_is_a_party_but_not_a_signatory():
    doc = make_doc("Le Préfet de l'Aude, Christian Pouget, était présent lors de la présentation du diagnostic.")
    assert people(doc) == {"Christian Pouget": ("Préfet", "etat", False)}


@pytest.mark.parametrize("text", [
    "Contact presse : Julie Bernard, chargée de communication, 04 67 00 00 00.",
    "CONTACT : Pauline POUZARGUE Consultante Services à la population pauline.pouzargue@espelia.fr",
    "La Convention Territoriale Globale de Saint Paul et Valmalle sera signée en mars.",
    "CAVM : Directeur Action Sociale ou DGA ; CAF : Responsable de Pôle",
])
def test_persons_without_a_party_role_are_not_emitted(text):
    assert people(make_doc(text)) == {}


def test_role_of_a_departement_and_a_title_before_the_name():
    doc = make_doc("Le Président du Conseil départemental de l'Aude, André VIOLA, a signé la convention. "
                   "Madame la Maire, Anne Petit, a également signé.")
    assert people(doc) == {
        "André Viola": ("Président du Conseil départemental", "departement", True),
        "Anne Petit": ("Maire", "commune", True),
    }


def test_ocr_stray_dot_inside_a_name():
    doc = make_doc("Thierry. Mathieu, Directeur de la Caf de l'Hérault, signera la convention.")
    assert people(doc) == {"Thierry Mathieu": ("Directeur", "caf", True)}
    # In the middle of the signing sentence, the dot does not end it; nor does a space after the
    # hyphen of a compound first name cut the name.
    doc = make_doc("Ce lundi, Didier. Legrand, Directeur de la Caf de l'Hérault, et Jean- Marc Caron, Président "
                   "du Conseil d'administration du même organisme, signeront la convention. Paul. Martin sera là.")
    found = people(doc)
    assert found["Didier Legrand"] == ("Directeur", "caf", True)
    assert found["Jean-Marc Caron"] == ("Président du Conseil d'administration", "caf", True)


def test_signing_sentence_names_without_roles_come_from_spacy(nlp):
    doc = make_doc("La convention a été signée par Sophie Lambert et Karim Benali à la mairie.")
    found = people(doc, nlp)
    assert found == {"Sophie Lambert": (None, "other", True), "Karim Benali": (None, "other", True)}


def _block(text: str, x0: float, y0: float, width: float = 160.0, size: float = 10.0) -> Block:
    lines = []
    for i, line_text in enumerate(text.split("\n")):
        box = BBox(x0, y0 + i * 12, x0 + width, y0 + i * 12 + 11)
        lines.append(Line.of((Span(line_text, box, "Test", size),)))
    return Block(lines=tuple(lines), bbox=BBox.enclosing([ln.bbox for ln in lines]), text=text.replace("\n", " "))


def test_signature_block_in_columns_pairs_each_role_with_the_name_below():
    blocks = (
        _block("Fait à Lille, le", 50, 100, 200),
        _block("La Directrice Générale,", 50, 200), _block("Le Maire de Lomme,", 300, 200),
        _block("Audrey MARTIN", 50, 230), _block("Jean-Pierre DURAND", 300, 230),
    )
    doc = Document(doc_id="sig", source_path="sig.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=595, height=842, blocks=blocks),))
    found = people(doc)
    assert found["Audrey Martin"] == ("Directrice Générale", "other", True)
    assert found["Jean-Pierre Durand"] == ("Maire", "commune", True)
    assert len(found) == 2


def test_signature_table_names_below_the_signing_space_take_role_and_column_organisation():
    from dataclasses import replace

    def cell(text: str, x0: float, y0: float) -> Block:
        return replace(_block(text, x0, y0), table=0)

    blocks = (
        _block("Fait à Amiens, le 3 juin 2024, en autant d'exemplaires originaux", 50, 60, 450),
        cell("Pour la CAF de la Somme", 50, 100), cell("Pour la Commune", 300, 100),
        cell("La Directrice,", 50, 120), cell("Le Maire,", 300, 120),
        # 80 points left blank for the signatures; a scan adds a speck after a name.
        cell("Claire DUVAL +", 50, 210), cell("Paul LEROUX", 300, 210),
    )
    doc = Document(doc_id="sig", source_path="sig.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=595, height=842, blocks=blocks),))
    found = people(doc)
    assert found["Claire Duval"] == ("Directrice", "caf", True)
    assert found["Paul Leroux"] == ("Maire", "commune", True)


def test_organisations_are_parties_too(ingested):
    from extract.territory import extract_caf, extract_territory
    from tests.conftest import VALROS

    doc = ingested(VALROS)
    rows = extract_parties(doc, None, extract_caf(doc), extract_territory(doc))
    orgs = {(p.org_kind.value, p.org_name) for p in rows if p.person_name is None}
    assert orgs == {("caf", "Caf de l'Hérault"), ("commune", "Valros")}
    assert all(p.page >= 1 and p.snippet for p in rows)


def test_list_of_signatories_after_its_introduction():
    doc = make_doc("La convention a été signée par :\n- Loïc GUÉRIN, Président de la Communauté de communes "
                   "d'Erdre et Gesvres ;\n- Olivier MARCHAIS, Secrétaire général de la préfecture de la "
                   "Loire-Atlantique, représentant le Préfet.\n\nUne signature à cinq.")
    assert people(doc) == {"Loïc Guérin": ("Président", "epci", True),
                           "Olivier Marchais": ("Secrétaire général de la préfecture", "etat", True)}


@pytest.mark.parametrize("intro", ["Les signataires", "Ont signé la convention :"])
def test_lines_of_persons_and_roles_under_a_signatories_heading(intro):
    doc = make_doc(f"{intro}\n\nLuc Brun, maire de Vals\n\nM. Paul Girard, directeur de la Caf du Doubs\n\n"
                   "La convention court jusqu'en 2027.\n\nAnne Lefort, adjointe, présentera le bilan.")
    assert signatories(doc) == {"Luc Brun", "Paul Girard"}


def test_deliberation_rapporteur_is_not_a_signatory():
    doc = make_doc("Rapporteur : Madame Sandrine COUDERC, Adjointe au Maire déléguée à l'Éducation\n\n"
                   "AUTORISE Madame le Maire à signer ladite convention.\n\nPour extrait conforme,\n"
                   "Fait à Colomiers, le 28 juin 2024\nLe Maire,\nHélène BARTHÉLEMY-ROUX")
    found = people(doc)
    assert found["Hélène Barthélemy-Roux"][2] is True
    assert found["Sandrine Couderc"][2] is False


def test_deliberation_authorising_the_mayor_to_sign_names_the_mayor_a_signatory():
    doc = make_doc("Le Conseil municipal de la Ville de Sainte-Menehould s'est réuni sous la présidence de Monsieur "
                   "Bertrand HUMBERT, Maire.\n\nPrésents : M. Didier COLLARD, Mme Sylvie MANGIN.\n\n"
                   "AUTORISE Monsieur le Maire, ou son représentant, à signer ladite convention ;")
    found = people(doc)
    assert found["Bertrand Humbert"] == ("Maire", "commune", True)
    assert not any(signs for name, (_, _, signs) in found.items() if name != "Bertrand Humbert")


def test_deliberation_authorising_a_named_holder_to_sign():
    doc = make_doc("Vu la délibération du 3 mai 2024 autorisant son Président, M. Paul ABEL, à signer la convention ;\n\n"
                   "Sur le rapport de Mme Anne ROUX, vice-présidente, le conseil autorise le Président à signer.")
    found = people(doc)
    assert found["Paul Abel"] == ("Président", "other", True)
    assert found["Anne Roux"] == ("Vice-présidente", "other", False)


def test_no_signatory_when_two_people_hold_the_authorised_role():
    doc = make_doc("Monsieur Jean DUPONT, Maire de Lunel, et Madame Anne MARTIN, Maire de Marsillargues, étaient "
                   "présents.\n\nAUTORISE le Maire à signer la convention.")
    assert not any(signs for _, _, signs in people(doc).values())


def signatories(doc, nlp=None) -> set[str]:
    return {p.person_name for p in extract_parties(doc, nlp) if p.is_signatory and p.person_name}


# --- signing sentences in prose ----------------------------------------------------------------

def test_long_enumeration_of_signers_each_with_a_role():
    doc = make_doc("À l'hôtel d'agglomération, Agnès Dumas, directrice de la CAF, Yves Lacombe, maire de Brive, et "
                   "président de l'agglomération, Louis Caron, maire de Malemort, et Rose Petit, adjointe à la mairie "
                   "de Malemort, ont tous quatre signé le document le 4 octobre.")
    assert people(doc) == {
        "Yves Lacombe": ("Maire", "commune", True),
        "Agnès Dumas": ("Directrice", "caf", True),
        "Louis Caron": ("Maire", "commune", True),
        "Rose Petit": ("Adjointe", "commune", True),
    }


def test_role_before_the_name_without_a_comma_after_a_determiner():
    doc = make_doc("Le maire de Tulle Pierre Garnier a signé la CTG aux côtés du Député-Maire Paul LAVAL et de la Caf, "
                   "représentée par sa présidente Inès Morel.")
    assert people(doc) == {
        "Pierre Garnier": ("Maire", "commune", True),
        "Paul Laval": ("Député-Maire", "commune", True),
        "Inès Morel": ("Présidente", "caf", True),
    }


def test_a_role_with_an_article_after_a_name_does_not_take_the_next_persons_title():
    doc = make_doc("Mercredi, la présidente du conseil d'administration de la Caf, Nadia Ferrand, le directeur, Henri "
                   "Vasseur, et le maire, Sophie Garnier, avaient enfin scellé leur partenariat.")
    assert people(doc) == {
        "Nadia Ferrand": ("Présidente du conseil d'administration", "caf", True),
        "Henri Vasseur": ("Directeur", "other", True),
        "Sophie Garnier": ("Maire", "commune", True),
    }


def test_surname_alone_after_a_civility_and_civilities_never_in_names():
    doc = make_doc("M. DURANDEAU, Maire de Lacanau, et Mme Roux, Directrice de la CAF de la Gironde, ont signé la "
                   "convention en présence de Mme Jeanne Martin - présidente de la Caf.")
    assert people(doc) == {
        "Durandeau": ("Maire", "commune", True),
        "Roux": ("Directrice", "caf", True),
        "Jeanne Martin": ("Présidente", "caf", True),
    }


def test_a_surname_alone_joins_the_full_name_written_elsewhere():
    doc = make_doc("Claire Vidal, directrice de la Caf, a signé la convention avec la commune.\n\n"
                   "Mme Vidal a rappelé que la Caf financera deux crèches.")
    assert signatories(doc) == {"Claire Vidal"}


def test_persons_at_the_signing_event_named_with_a_role():
    doc = make_doc("Présents pour cette signature, Jacques Morin, président de la communauté de communes, et Rose Petit "
                   "(maire de Lavaur) ont salué le travail accompli.\n\n"
                   "Jeudi, la signature s'est faite entre l'ensemble des partenaires et Hugo Bel, vice-président "
                   "de la Caf.\n\n"
                   "Pour signer la CTG, Nina Roy, maire, avait à sa droite le directeur de la Caf, Luc ANTOINE.")
    assert signatories(doc) == {"Jacques Morin", "Rose Petit", "Hugo Bel", "Luc Antoine", "Nina Roy"}


def test_roles_given_respectively_pair_with_the_names_in_order():
    doc = make_doc("Lucie Bernard et Omar Said, respectivement présidente et directeur de la Caf du Tarn, ont signé la "
                   "convention, de même que la directrice générale et le président de la MSA, Eva Klein et Karl Weber.")
    assert people(doc) == {
        "Lucie Bernard": ("Présidente", "caf", True),
        "Omar Said": ("Directeur", "caf", True),
        "Karl Weber": ("Président", "msa", True),
        "Eva Klein": ("Directrice générale", "msa", True),
    }


def test_the_field_of_a_role_belongs_to_the_role():
    doc = make_doc("L'adjointe déléguée à la petite enfance, Sarah Blanc, a signé la convention avec la Caf.")
    assert people(doc) == {"Sarah Blanc": ("Adjointe déléguée à la petite enfance", "commune", True)}


def test_a_deputy_standing_in_for_the_mayor_signs_and_the_mayor_does_not():
    doc = make_doc("En mairie jeudi, Marc Diaz, l'adjoint chargé de la jeunesse, qui remplaçait le maire Jean Roca, "
                   "et la directrice de la Caisse d'allocations familiales (Caf) de l'Aude, Paula Ribes, ont paraphé "
                   "la CTG.")
    assert people(doc) == {
        "Paula Ribes": ("Directrice", "caf", True),
        "Marc Diaz": ("Adjoint chargé de la jeunesse", "commune", True),
        "Jean Roca": ("Maire", "commune", False),
    }


def test_party_clause_names_without_roles_and_a_new_director():
    doc = make_doc("Signature d'une convention avec la Caf pour l'intercommunalité, représentée par Hélène Vidal "
                   "et Marc Bonnet.\n\nLa Caf de l'Oise, représentée par sa nouvelle directrice, Camille Fontaine, a "
                   "signé le même jour.")
    found = people(doc)
    assert {name: signs for name, (_, _, signs) in found.items()} == \
        {"Hélène Vidal": True, "Marc Bonnet": True, "Camille Fontaine": True}
    assert found["Camille Fontaine"][:2] == ("Directrice", "caf")


def test_the_elected_person_named_just_before_signs_when_the_elected_is_said_to_sign():
    doc = make_doc("Dimanche, la maire de Kourou, Anne Lodéon, inaugurait le nouveau marché couvert. Dans la foulée, "
                   "l'élue a paraphé avec la directrice de la Caf le document qui engage la commune jusqu'en 2027.")
    assert signatories(doc) == {"Anne Lodéon"}


# --- captions ----------------------------------------------------------------------------------

def test_caption_left_to_right_names_without_roles_and_spelling_variants_merge():
    doc = make_doc("La commune et la Caf ont signé la CTG mardi.\n\n"
                   "De g. à d. Hélène Vidal, Marc Bonnet, Lucas Girad et Ana. Costa lors de la signature.\n\n"
                   "Le directeur de la Caf, Lucas Girard, a présidé la cérémonie.")
    assert signatories(doc) == {"Hélène Vidal", "Marc Bonnet", "Lucas Girard", "Ana Costa"}


def test_a_line_that_only_lists_persons_and_roles_after_the_signing_is_a_caption():
    doc = make_doc("La Ville et la Caf ont signé la CTG jeudi.\n\n"
                   "Sylvie Legrand (directrice de la CAF), Marc Petit (président de la CAF) et Anne Morin (maire de Vals)")
    assert signatories(doc) == {"Sylvie Legrand", "Marc Petit", "Anne Morin"}


def test_a_caption_with_positions_in_the_photo_lists_signatories():
    doc = make_doc("La convention a été signée mardi.\n\n"
                   "Sur la photo : Luc Brun, maire (à gauche), et Julie Bonnet, directrice de la Caf.")
    assert signatories(doc) == {"Luc Brun", "Julie Bonnet"}
    doc = make_doc("La convention a été signée mardi.\n\nPhoto : Luc Brun, maire, lors de l'inauguration de la crèche en 2021.")
    assert signatories(doc) == set()


def test_caption_after_a_photo_label_keeps_apostrophes_in_names():
    doc = make_doc("La Caf et la commune ont signé la CTG.\n\n"
                   "Photo : de gauche à droite, Aminata N'Diaye, Paul Abel et Rose Petit.")
    assert signatories(doc) == {"Aminata N'Diaye", "Paul Abel", "Rose Petit"}


@pytest.mark.parametrize("text", [
    # under a heading, a list of members, not a caption
    ("La Ville et la Caf ont signé la CTG.\n\nComité de pilotage :\n\nSylvie Legrand (directrice de la CAF), "
     "Marc Petit (maire de Vals)"),
    # with civilities: an attendance list's way
    "La Ville et la Caf ont signé la CTG.\n\nM. Marc Petit (maire), Mme Anne Morin (adjointe), M. Paul Roy (adjoint)",
    # a single byline after a quotation
    "La Ville et la Caf ont signé la CTG.\n\n« Un beau projet pour nos familles. »\n\nAnne Morin, maire de Vals",
])
def test_lists_that_are_no_caption_of_the_signing(text):
    assert signatories(make_doc(text)) == set()


# --- what must not make a signatory ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "« Nous avons signé une belle convention », a déclaré Jean Dupuis, maire de Lunel.",
    "La convention a été signée. « Elle permettra d'ouvrir une crèche », précise Paul Abel, directeur de la Caf.",
    "Bruno Castel, directeur de la Caf, a précisé que d'autres conventions seront signées en 2025.",
    "Signée en 2022, la convention a permis, selon Jacques Morel, président de la Caf, de financer trois crèches.",
    "La signature de la CTG marque une étape, souligne Anne Roux, vice-présidente.",
    ("« Ce soir, nous demandons au conseil de laisser le maire signer la convention, expose Léa Garcia, "
     "adjointe aux familles. Elle nous engage pour quatre ans. »"),
])
def test_quoted_speakers_are_not_signatories(text):
    assert signatories(make_doc(text)) == set()


def test_a_signer_who_also_speaks_in_the_sentence_still_signs():
    doc = make_doc("Anne Roux, maire, a signé la convention, a rappelé le préfet. Paul Abel, maire de Vals, qui a "
                   "signé la convention, a ajouté que la Caf financera une crèche.")
    assert signatories(doc) == {"Anne Roux", "Paul Abel"}


@pytest.mark.parametrize("text", [
    "Présents : M. Jean Dupuis, Mme Anne Roux, M. Paul Abel. La convention a été signée.",
    ("Le conseil municipal autorise le maire à signer la convention.\n\nÉtaient présents : Marie Dupont, conseillère "
     "municipale, Luc Martin, conseiller municipal."),
    "Rapporteur : Madame Sandrine Couderc, adjointe au maire.\n\nLe conseil autorise le maire à signer la convention.",
    "Mme Tania Roch, première adjointe, préside la séance. Le conseil autorise le maire à signer la convention.",
])
def test_attendance_lists_and_councillors_are_not_signatories(text):
    assert signatories(make_doc(text)) == set()


@pytest.mark.parametrize("text", [
    "La CTG a été signée par la Caf et Sud Agglo.",
    "La Vice-Présidente du CCAS a signé la convention.",
    "La convention signée avec la Communauté de Communes Terres du Lauragais sera mise en oeuvre.",
    "Signature de la CTG avec Grand Poitiers et Val de Garonne Agglomération",
    "Le président de la Communauté d'Agglomération Maubeuge Val de Sambre a signé la convention.",
    "La Caf, représentée par son Président, Monsieur Xxxxx XXXXXX, et par sa directrice, Madame Xxxxxx XXXX-XXX, signe.",
    "La Communauté de Communes Sud Retz Atlantique, représentée par son Président, signe la convention.",
    "La convention a été signée à la salle Jean Moulin par le maire et la directrice de la Caf.",
    "La convention, cosignée avec Bretagne Romantique, a été signée à Pont Audemer.",
])
def test_organisations_places_and_anonymised_names_are_no_persons(text, nlp):
    assert signatories(make_doc(text), nlp) == set()


def test_a_signing_title_does_not_reach_names_in_lines_run_together_without_stops():
    doc = make_doc("Signature de la CTG de Saint-Gaudens, le 14 juin 2019 | Elle concerne les crèches, les accueils de "
                   "loisirs et les espaces de vie sociale d'une ville de piémont dont les quartiers hauts restent loin "
                   "des services Depuis l'automne 2018, Saint-Gaudens préparait ce contrat avec la Caf autour des "
                   "loisirs des adolescents, du soutien aux parents, de l'habitat et de l'aide aux démarches Lors de "
                   "la première réunion du comité technique, le 2 octobre 2019, étaient réunis Paul Fabre, maire de "
                   "la commune, et Rose Petit, directrice de la Caf")
    assert signatories(doc) == set()


def test_spacy_names_without_role_are_confirmed_only_in_signing_sentences(nlp):
    doc = make_doc("La convention a été signée jeudi à l'Hôtel de Ville par Sophie Marchand et Hugo Lefèvre.\n\n"
                   "Sophie Marchand et Hugo Lefèvre ont ensuite visité la crèche avec Lina Costa.")
    assert signatories(doc, nlp) == {"Sophie Marchand", "Hugo Lefèvre"}


# --- sentences over several blocks -------------------------------------------------------------

def test_a_party_clause_broken_over_two_blocks_is_read_whole():
    doc = make_doc("La Communauté de communes du Bocage, représentée par son Président,\n\n"
                   "Monsieur Rémi BARRAL, dûment habilité par délibération du 4 avril 2024.\n\n"
                   "La Caisse d'allocations familiales de l'Allier, représentée par Monsieur Hugo MARCHAL, Président, et par "
                   "Madame\n\nClaire FAURE, Directrice, ci-après dénommée « la Caf ».")
    found = people(doc)
    assert found["Rémi Barral"] == ("Président", "epci", True)
    assert found["Claire Faure"] == ("Directrice", "caf", True)


def test_a_caption_goes_on_over_the_page_break():
    doc = make_doc("La Caf et la communauté de communes ont signé la CTG.\n\nPhoto : De gauche à droite, Léa Rossi, "
                   "directrice de la Caf, Marc Orsini, président de la communauté de communes, et\f"
                   "Paul Santucci, président du conseil d'administration de la Caf.")
    assert signatories(doc) == {"Léa Rossi", "Marc Orsini", "Paul Santucci"}


def test_a_block_that_ends_its_sentence_is_not_joined_to_the_next():
    doc = make_doc("La commune et la Caf ont signé la convention.\n\nLuc Brun, maire de Vals, a inauguré la crèche.")
    assert signatories(doc) == set()


def test_party_clauses_joined_keep_each_its_own_organisation():
    doc = make_doc("ENTRE\n\nLa Caisse d'allocations familiales des Landes, représentée par Madame Léa DUPOUY, Directrice, "
                   "ci-après dénommée « la Caf »,\n\nET\n\nLa Communauté de communes du Seignanx, représentée par Monsieur "
                   "Jean ETCHE, Président, ci-après dénommée « la Communauté ».")
    orgs = {p.person_name: p.org_name for p in extract_parties(doc) if p.person_name}
    assert orgs == {"Léa Dupouy": "Caf des Landes", "Jean Etche": "Communauté de communes du Seignanx"}


# --- more ways of saying who signs -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (("Luc Brun, président de la communauté de communes, et Julie Bonnet, présidente du conseil d'administration de "
      "la Caf, ont apposé leur signature vendredi, en présence d'Olivier Marin, directeur de la Caf."),
     {"Luc Brun", "Julie Bonnet", "Olivier Marin"}),
    ("Le document, paraphé par Anne Lefort, maire, et Paul Girard, directeur de la Caf, court jusqu'en 2027.",
     {"Anne Lefort", "Paul Girard"}),
    ("La cérémonie de signature s'est déroulée en présence de Luc Brun, maire, et de Julie Bonnet, directrice de la Caf.",
     {"Luc Brun", "Julie Bonnet"}),
    ("Signataires : Anne Lefort, présidente de la communauté de communes ; Paul Girard, directeur de la Caf.",
     {"Anne Lefort", "Paul Girard"}),
])
def test_signing_phrasings(text, expected):
    assert signatories(make_doc(text)) == expected


@pytest.mark.parametrize("text", [
    "Le conseil invite Anne Lefort, maire, à parapher la convention lors de la prochaine séance.",
    ("Mardi, le comité de pilotage a fait le point en présence de Luc Brun, maire, et de Julie Bonnet, directrice "
     "de la Caf."),
    "Date de signature : 3 mai 2024. Anne Lefort, maire, a présenté le plan d'actions.",
])
def test_no_signing_in_these_phrasings(text):
    assert signatories(make_doc(text)) == set()


def test_ocr_accents_in_a_party_clause_are_tolerated():
    doc = make_doc("La commune de Vals, représéntée par Monsieur Luc Brun, Maire, agissant en vertu d'une délibération.")
    assert signatories(doc) == {"Luc Brun"}


@pytest.mark.parametrize("text", [
    "Marc Diaz, premier adjoint, a signé la convention au nom du maire Jean Roca, retenu à Strasbourg.",
    "Le maire Jean Roca, excusé, était représenté par Marc Diaz, premier adjoint, pour la signature de la CTG.",
    "Marc Diaz, premier adjoint, a signé la convention en lieu et place du maire, Jean Roca.",
    "En l'absence de Jean Roca, maire, Marc Diaz, premier adjoint, a signé la convention.",
])
def test_the_person_a_deputy_signs_for_does_not_sign(text):
    assert signatories(make_doc(text)) == {"Marc Diaz"}


def test_a_signer_is_not_stood_in_for_by_a_clause_about_another_party():
    doc = make_doc("Luc Brun, maire, a signé la convention pour la commune, la Caf étant représentée par Julie Bonnet.")
    assert signatories(doc) == {"Luc Brun", "Julie Bonnet"}
    doc = make_doc("Luc Brun, maire, a signé pour la commune, qui était représentée par son maire.")
    assert signatories(doc) == {"Luc Brun"}


@pytest.mark.parametrize("text", [
    "« Nous signerons demain », glisse Paul Girard, directeur de la Caf, dans la salle où la convention sera signée.",
    "« Ce n'est qu'un début », a prévenu Paul Girard, directeur de la Caf, après la signature de la convention.",
])
def test_any_verb_right_after_a_quotation_names_its_speaker(text):
    assert signatories(make_doc(text)) == set()


def test_a_quoted_label_before_a_party_clause_makes_no_speaker():
    doc = make_doc("La Caf, ci-après dénommée « la Caf », et la commune de Vals, représentée par Luc Brun, maire.")
    assert signatories(doc) == {"Luc Brun"}


def test_a_speaker_said_to_have_signed_in_a_relative_clause_signs():
    doc = make_doc("« Un bel outil », a commenté Luc Brun, maire, qui a signé la convention avec la Caf.")
    assert signatories(doc) == {"Luc Brun"}


# --- deliberations and signature blocks --------------------------------------------------------

def test_a_rapporteur_after_an_authorisation_title_is_not_a_signatory():
    doc = make_doc("CONVENTION TERRITORIALE GLOBALE AVEC LA CAF - AUTORISATION DE SIGNATURE\n\n"
                   "Rapporteur : Mme Isabelle KLEIN, Adjointe au Maire chargée de la famille\n\n"
                   "AUTORISE M. le Maire ou son représentant à signer ladite convention.")
    found = people(doc)
    assert found["Isabelle Klein"][2] is False


def test_two_names_on_one_line_under_two_roles_of_a_signature_table():
    blocks = (
        _block("Fait à Flixecourt, le 12 mars 2024, en deux exemplaires originaux.", 50, 60, 450),
        _block("Le Directeur Le Président", 50, 100, 200),
        _block("Jérôme DELMAS Francis PETIOT", 50, 120, 250),
    )
    doc = Document(doc_id="sig", source_path="sig.pdf", media=Media.PDF,
                   pages=(Page(number=1, width=595, height=842, blocks=blocks),))
    assert people(doc) == {"Jérôme Delmas": ("Directeur", "other", True), "Francis Petiot": ("Président", "other", True)}


def test_a_name_in_capitals_under_a_role_in_the_signature_zone():
    doc = make_doc("Fait à Vals, le 2 mai 2024.\n\nLe Maire,\n\nLUC BRUN")
    assert people(doc) == {"Luc Brun": ("Maire", "commune", True)}
    assert people(make_doc("Le Maire,\n\nLUC BRUN")) == {}


def test_names_with_a_ligature_or_a_breton_apostrophe_and_a_possessive_role():
    doc = make_doc("Le 4 mars 2025, Paul Lecœur, président de la communauté de communes, Anne Le Guével, présidente du "
                   "conseil d'administration de la Caf du Finistère, et Marie Kerhervé, sa directrice, ont signé la CTG, "
                   "en présence de Yann Guivarc'h, vice-président du conseil départemental.")
    found = people(doc)
    assert [name for name in found if found[name][2]][:3] == ["Paul Lecœur", "Anne Le Guével", "Marie Kerhervé"]
    assert found["Marie Kerhervé"][0] == "Directrice"
    assert "Yann Guivarc'h" in found


def test_a_caption_marked_photo_in_brackets_and_cut_by_the_layout():
    doc = make_doc("La commune de Lure et la Caf ont signé leur CTG lundi.\n\n[Photo] De gauche à droite : Paul Morin, "
                   "maire de Lure ; Anne Roy, présidente du conseil d'administration de la\n\nCaf ; Luc Petit, directeur "
                   "de la Caf de la Haute-Saône.")
    found = people(doc)
    assert {name for name in found if found[name][2]} == {"Paul Morin", "Anne Roy", "Luc Petit"}


@pytest.mark.parametrize("text, signing", [
    ("Jeudi, Hugo Bel, vice-président de la Caf de l'Ain, a procédé à la signature de la CTG.", True),
    ("Paul Morin, maire de Lure, et Anne Roy, directrice de la Caf, ont officialisé mardi la convention territoriale "
     "globale.", True),
    ("Paul Morin, maire de Lure, a officialisé jeudi la signature de la CTG avec la Caf.", True),
    # an official opening something else signs nothing
    ("Paul Morin, maire de Lure, a officialisé mardi l'ouverture de la crèche, en présence d'Anne Roy, directrice de "
     "la Caf.", False),
])
def test_signing_told_as_a_proceeding_or_an_officialisation(text, signing):
    found = people(make_doc(text))
    assert found and all(is_signatory is signing for _, _, is_signatory in found.values())


def test_people_around_the_signing_table_sign_and_a_surname_takes_its_first_name_from_the_text():
    doc = make_doc("C'est à la mairie que la convention territoriale globale a été signée vendredi dernier. Autour de "
                   "la table : M. Roussel, président de la communauté de communes, et Mme Vidal, directrice de la Caf "
                   "de l'Ardèche.\n\nMarc Roussel l'a rappelé en conclusion : la convention sera évaluée chaque année.")
    signers = {name for name, (_, _, signs) in people(doc).items() if signs}
    assert signers == {"Marc Roussel", "Vidal"}  # no first name of Mme Vidal in the text
    # around a table where nothing is signed, a meeting
    doc = make_doc("La CTG sera présentée en juin. Autour de la table, les élus ont débattu du budget avec Anne Roux, "
                   "adjointe aux finances.")
    assert not any(signs for _, _, signs in people(doc).values())


def test_persons_the_signing_brought_together_sign():
    doc = make_doc("La Ville et la Caf ont signé la CTG le 12 septembre. La signature a réuni Hervé Colas, maire, et "
                   "Agathe Brunel, directrice de la Caf, au centre social.")
    assert signatories(doc) == {"Hervé Colas", "Agathe Brunel"}


def test_a_press_kits_numbered_heading_over_its_signatories():
    doc = make_html_doc("<p>[5] LE FINANCEMENT</p><p>La Caf mobilise 8 M€ par an pour le territoire.</p>"
                "<p>[6] LES SIGNATAIRES</p><p>Gérard Bonnet, président de Lure Agglo</p>"
                "<p>Marion Sagne, directrice de la Caf de la Haute-Saône</p><p>Contact presse : service communication</p>")
    assert signatories(doc) == {"Gérard Bonnet", "Marion Sagne"}


def test_holding_the_pen_is_signing_and_a_brand_is_no_person():
    doc = make_doc("Ce jeudi, la Ville de Lure et la Caf ont enfin signé leur CTG. Pour la Ville, c'est l'adjointe "
                   "déléguée à la petite enfance, Léa Haddad, qui a tenu le stylo.\n\nDe gauche à droite : Léa Haddad "
                   "et Bernard Levallois, président d'Argentan Intercom.")
    assert signatories(doc) == {"Léa Haddad", "Bernard Levallois"}


@pytest.mark.parametrize("text, expected", [
    ("Jean Dupont, maire, et Marie Durand, directrice de la Caf.\nIls ont signé la CTG hier après-midi.",
     {"Jean Dupont", "Marie Durand"}),
    ("La Caf et la Ville ont signé une CTG. Une signature officialisée par Jean Dupont, maire, et Marie Durand, "
     "directrice de la Caf.", {"Jean Dupont", "Marie Durand"}),
    # referred back to, but for something else than signing
    ("Jean Dupont, maire, et Marie Durand, directrice de la Caf, étaient présents. Ils ont salué le travail des "
     "équipes.", set()),
])
def test_persons_referred_back_to_together_or_after_a_signature_officialised(text, expected):
    assert signatories(make_doc(text)) == expected


def test_a_long_introduction_of_the_signatories_ending_on_par():
    doc = make_doc("LES SIGNATAIRES\n\nLa convention est signée ce vendredi 9 février 2024 à la Halle olympique "
                   "d'Albertville par :\n\n- Xavier Martin, Président de la communauté d'agglomération ;\n\n- Florence "
                   "Guillot, Directrice de la Caf de la Savoie.")
    assert signatories(doc) == {"Xavier Martin", "Florence Guillot"}
