"""Parties and signatories: roles before or after names, party clauses, captions, signature
blocks in columns; persons who do not sign or represent a party are left out."""

from __future__ import annotations

import pytest

from extract.parties import extract_parties
from models.document import BBox, Block, Document, Line, Media, Page, Span
from models.parties import OrgKind
from tests.conftest import make_doc


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


def test_no_signatory_when_two_people_hold_the_authorised_role():
    doc = make_doc("Monsieur Jean DUPONT, Maire de Lunel, et Madame Anne MARTIN, Maire de Marsillargues, étaient "
                   "présents.\n\nAUTORISE le Maire à signer la convention.")
    assert not any(signs for _, _, signs in people(doc).values())
