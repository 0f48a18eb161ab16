"""Signature dates on varied snippets; other acts' dates are not signature dates."""

from __future__ import annotations

from datetime import date

import pytest

from extract.signature import extract_signature_date
from tests.conftest import make_doc

SIGNATURE_CASES = [
    ("La 2ème Ctg de la commune sera signée le vendredi 20 janvier 2023 et couvrira la période de 2022-2026.",
     date(2023, 1, 20)),
    ("Fait à Quimper, le 14 mars 2024\n\nEn trois exemplaires originaux.", date(2024, 3, 14)),
    ("Une convention territoriale globale (CTG) a été signée ce mercredi 6 mars 2024, pour la période 2023-2027.",
     date(2024, 3, 6)),
    ("La convention a été signée le 03/02/2023 par le Maire et la Directrice de la Caf.", date(2023, 2, 3)),
    ("Le lundi 6 février a eu lieu la signature de la CTG.\n\nLa Ctg sera signée le lundi 6 février 2023.",
     date(2023, 2, 6)),
    ("Les élus ont signé la CTG le 1er juillet 2022 en mairie.", date(2022, 7, 1)),
    ("Signature de la CTG le jeudi 12 octobre, en présence du Préfet (programme 2023).", date(2023, 10, 12)),
    # The sentence names two years: the day stays without one.
    ("Signature de la CTG le jeudi 12 octobre, pour la période 2023-2027.", None),
    # Dates of other acts.
    ("Vu la délibération du Conseil communautaire, en date du 11/06/2025 figurant en annexe 4.", None),
    ("Envoyé en préfecture le 16/07/2025\n\nReçu en préfecture le 16/07/2025", None),
    ("Le séminaire du 19 mars 2024 a réuni les signataires de la CTG.", None),
    ("Publié le 14/03/2024 - La ville signera sa CTG prochainement.", None),
    ("Fait à\n\nLe\n\nEn autant d'exemplaires originaux que de signataires.", None),
    # A day without its year and no full date anywhere: not grounded.
    ("Ce vendredi 20 janvier à 17h00, le Maire signera la convention.", None),
    # Two different signing dates with the same weight.
    ("La CTG sera signée le 3 mars 2023.\n\nLa CTG sera signée le 5 avril 2023.", None),
]


@pytest.mark.parametrize("text, expected", SIGNATURE_CASES, ids=[c[0][:40] for c in SIGNATURE_CASES])
def test_signature_date_from_varied_snippets(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_signature_date_ignores_deliberation_date_in_the_same_document():
    doc = make_doc("Vu la délibération du conseil municipal en date du 12 décembre 2023 ;\n\n"
                   "Fait à Lunel, le 15 janvier 2024")
    found = extract_signature_date(doc)
    assert found.value == date(2024, 1, 15)
    assert found.rule == "fait_a" and "15 janvier 2024" in found.snippet


@pytest.mark.parametrize("text, expected", [
    ("Le mardi 9 avril 2024, la Ville et la Caisse d'allocations familiales de la Gironde ont renouvelé leur "
     "engagement en faveur des familles, en signant à l'hôtel de ville leur troisième CTG.", date(2024, 4, 9)),
    ("La Caf de La Réunion et la Civis ont signé le 28 novembre 2023 leur convention.", date(2023, 11, 28)),
    ("Fait aux Herbiers, le 9 décembre 2024, en deux exemplaires originaux.", date(2024, 12, 9)),
    (("Vu la précédente convention, en vigueur du 1er janvier 2020 au 31 décembre 2024 et signée au "
      "printemps 2021."), None),
    ("Pour extrait conforme,\nFait à Colomiers, le 28 juin 2024", None),
])
def test_signature_date_other_phrasings(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


HEADER_CASES = [
    # A day without its year takes the year of the page's own date: the latest such day before it.
    ("Mis à jour le 22 avril 2024\n\nLe 15 mars dernier, la Ville de Sète et la Caf ont signé leur convention "
     "territoriale globale.", date(2024, 3, 15)),
    ("Publié le 08/01/2021\n\nLa commune et la Caf ont signé ce jeudi 17 décembre leur convention territoriale "
     "globale.", date(2020, 12, 17)),
    ("Mise à jour le 13.06.2023 - 2 min de lecture\n\nCe mardi 13 juin, le maire a signé la CTG avec la Caf.",
     date(2023, 6, 13)),
    (" date 2025-11\n\nLa CTG a été signée ce mardi 4 novembre par le président de la communauté.",
     date(2025, 11, 4)),
    ("mardi 5 octobre 2021 à 07:42\n\nLa convention a été signée jeudi 30 septembre entre la Caf et la ville.",
     date(2021, 9, 30)),
    ("Vendredi 7 février 2025\n\nLe 20 décembre dernier, les élus ont signé la CTG.", date(2024, 12, 20)),
    ("Date de publication : 02/05/2023\n\nLe 28 avril, la Caf et la commune ont signé la CTG.", date(2023, 4, 28)),
    # A signing still to come is dated forward.
    ("Publié le 14/03/2024\n\nLa CTG sera signée le mardi 2 avril en mairie.", date(2024, 4, 2)),
    # A publication date weighs over a much later update.
    ("Publié le 10/02/2022\n\nMis à jour le 3 janvier 2024\n\nLa CTG a été signée le 8 février par les élus.",
     date(2022, 2, 8)),
    # An update's date alone dates a day only when the day is checked by its weekday or said recent.
    ("Mis à jour le 3 janvier 2024\n\nLa CTG a été signée le 8 février par les élus.", None),
    # The weekday does not fall on the day so dated: nothing.
    ("Publié le 08/01/2021\n\nLa CTG a été signée ce mardi 17 décembre.", None),
    # Must not fire: a browser's print header, a deliberation's date, another article's date.
    ("08/01/2021 14:32\n\nLa CTG a été signée ce jeudi 17 décembre par les partenaires.", None),
    ("Délibération du conseil municipal du 5 mars 2024\n\nLa CTG a été signée le 12 mars dernier.", None),
    ("La Caf a signé la CTG ce jeudi 17 décembre (voir notre article paru le 8 janvier 2021).", None),
    # No year anywhere: no date.
    ("Ce mardi 20 juillet, la ville et la Caf ont signé une convention territoriale.", None),
    # A year with its own time preposition dates another event.
    ("La première convention ayant pris fin en 2022, la nouvelle a été signée le 14 février par les partenaires.",
     None),
]


@pytest.mark.parametrize("text, expected", HEADER_CASES, ids=[c[0][:40] for c in HEADER_CASES])
def test_signature_date_year_from_the_page_date(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_signature_date_from_header_keeps_the_signing_sentence_as_provenance():
    found = extract_signature_date(make_doc("Mis à jour le 22 avril 2024\n\nLe 15 mars dernier, la Ville et la "
                                            "Caf ont signé la CTG."))
    assert (found.value, found.rule, found.page) == (date(2024, 3, 15), "signing_sentence", 1)
    assert "15 mars dernier" in found.snippet


# A probe of dates near signing words that are not this CTG's signing: councils, authorisations,
# previous CTGs, other plans, deadlines, effective dates, presentations, meetings, print dates.
NOT_SIGNING_PROBE = [
    ("Le conseil municipal du 12 décembre 2023 a autorisé le maire à signer la CTG.", None),
    ("Par délibération du 5 février 2024, le conseil communautaire a approuvé la convention et autorisé sa "
     "signature.", None),
    ("Imprimé le 3 avril 2024 par l'imprimerie municipale.\n\nLa CTG a été signée en mars.", None),
    ("Le 3 juillet dernier, le président et la directrice de la Caf ont signé la CTG.", None),
    ("La précédente CTG avait été signée le 4 avril 2018 par l'ancien maire.", None),
    ("Le comité de pilotage du 3 octobre 2024 a validé le plan d'actions de la CTG signée en juin.", None),
    ("Le contrat de ville a été signé le 2 février 2024 par le préfet et le maire.", None),
    ("Fait à Nantes, le .....................\n\nPour la commune", None),
    ("Délibération n°2024-056 du 26 juin 2024 – Autorisation de signature de la CTG", None),
    ("Née le 3 mars 1975, la directrice de la Caf a signé la convention.", None),
    ("Lundi 4 mars 2024. Le conseil municipal a voté la CTG à l'unanimité ; elle sera signée plus tard.", None),
    ("La CTG, signée en 2022, a été présentée le 12 mai 2023 aux habitants.", None),
    ("Lors de la réunion du 12 janvier 2024, les signataires de la CTG ont fait le point.", None),
    ("Les signataires se retrouveront le 15 juin 2024 pour le premier comité de pilotage.", None),
    ("Depuis le 1er janvier 2025, les financements de la Caf passent par la CTG signée par la ville.", None),
    ("Les bonus territoire sont versés depuis le 1er janvier 2020 aux communes signataires d'une CTG.", None),
    ("OUEST-FRANCE – Jeudi 21 mars 2024\n\nLa CTG a été signée mardi à la mairie.", None),
    ("Le Conseil municipal, réuni le 26 juin 2025, autorise le maire à signer la CTG.", None),
    ("La CTG sera signée après le conseil municipal du 3 avril 2024.", None),
    ("Le 3 juillet dernier, la Ville a inauguré la crèche ; la CTG sera signée en septembre.", None),
    ("La CTG a été signée le 31 juin 2024.", None),
    ("Mise à jour : 2 octobre 2024\n\nLe 30 septembre, le maire a signé la CTG avec la Caf.", None),
    ("Vu la convention territoriale globale signée le 5 décembre 2019 pour la période 2019-2022 ;", None),
    ("Considérant que la CTG signée le 5 décembre 2019 arrive à échéance le 31 décembre 2022 ;", None),
    ("Le 1er janvier 2020, la CTG a remplacé le contrat enfance jeunesse signé avec la Caf.", None),
    ("Le conseil municipal a approuvé la CTG le 3 mai 2022.", None),
    ("Réunion publique le 12 septembre 2024 : présentation de la CTG signée avec la Caf.", None),
    ("Signature de la CTG : 1er trimestre 2024", None),
    ("La CTG sera signée d'ici le 31 décembre 2024.", None),
    ("La CTG doit être signée avant le 30 juin 2024 pour ouvrir droit au bonus territoire.", None),
    ("Les communes ont jusqu'au 31 décembre 2024 pour signer leur CTG.", None),
    ("La convention est signée à compter du 1er janvier 2024 pour quatre ans.", None),
    ("Mardi 12 mars 2024, 18h30 : conseil municipal. Ordre du jour : signature de la CTG.", None),
    ("Le 12 mars 2024, le conseil communautaire a autorisé le président à signer la CTG.", None),
    ("En date du 12 mars 2024, le conseil municipal a approuvé la CTG et autorisé le maire à la signer.", None),
    ("Mis à jour le 12 mars 2024\n\nLa Ville et la Caf signent aujourd'hui la CTG.", None),
    ("La Ville et la Caf signent aujourd'hui la CTG.", None),
    ("Angers, le 12 mars 2024\n\nLa Ville et la Caf signeront la CTG au printemps ; aujourd'hui, le diagnostic est "
     "présenté.", None),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n\nLe conseil autorise le maire à signer la CTG.\n\n"
     "Fait à Bourges, le 30 juin 2025", None),
    ("La CTG, signée le 3 mars 2020 pour 2020-2023, a été prolongée par un avenant signé le 15 décembre 2023.", None),
    # The signing dated among those other acts.
    ("Signée le 4 février 2025 par le président et la directrice de la Caf, la CTG court jusqu'en 2028.",
     date(2025, 2, 4)),
    ("Le maire a signé le 7 octobre 2024 la convention territoriale globale.", date(2024, 10, 7)),
    ("Le 14 mars 2024, la CTG a été signée par le maire et la directrice de la Caf.", date(2024, 3, 14)),
    ("Le 2 avril 2024, le conseil a délibéré ; la CTG a été signée le 15 avril 2024.", date(2024, 4, 15)),
    ("La Caf et la ville ont signé le 15 mars 2023 la CTG, qui succède au contrat enfance jeunesse signé en 2016.",
     date(2023, 3, 15)),
    ("La signature de la CTG a eu lieu le 7 juin 2022 en mairie.", date(2022, 6, 7)),
    ("La signature officielle s'est déroulée le 7 juin 2022 en présence du sous-préfet.", date(2022, 6, 7)),
    ("La CTG, approuvée en conseil le 3 mai 2022, a été signée le 7 juin 2022.", date(2022, 6, 7)),
    ("Le conseil municipal du 3 mai 2022 a approuvé la CTG, signée le 7 juin 2022.", date(2022, 6, 7)),
    ("Le maire signera la CTG le 20 mars 2024 ; le conseil l'a approuvée le 12 mars 2024.", date(2024, 3, 20)),
    ("Fait à Lyon, le 3 mars 2025\n\nPour la Caf du Rhône", date(2025, 3, 3)),
]


@pytest.mark.parametrize("text, expected", NOT_SIGNING_PROBE, ids=[c[0][:40] for c in NOT_SIGNING_PROBE])
def test_signature_probe_other_acts_dates_are_not_signature_dates(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    # A signing verb as "paraphé".
    (" date 2024-03\n\nLe document a été paraphé jeudi 14 mars dans le salon d'honneur.", date(2024, 3, 14)),
    # A byline with a numeric date and a rubric gives the year.
    ("15/05/2025 – Société\n\nMercredi 14 mai, le maire et le directeur de la Caf ont paraphé le document à "
     "l'hôtel de ville.", date(2025, 5, 14)),
    ("Société | 27/11/2023 | Rédaction\n\nLundi 20 novembre, la Caf et la commune ont signé la CTG.",
     date(2023, 11, 20)),
    # A month of publication gives the year.
    ("Publié en mai 2024\n\nLa commune et la Caf ont signé mardi 14 mai la CTG.", date(2024, 5, 14)),
    # A newspaper's date line above a clipping.
    ("Le Journal de Saône-et-Loire, 6 février 2025\n\nLe président a signé mardi 4 février la CTG.",
     date(2025, 2, 4)),
    ("Le Courrier picard – Jeudi 21 mars 2024\n\nLes élus ont signé mardi 19 mars la CTG.", date(2024, 3, 19)),
    # "le 3 juillet dernier" under a dated header.
    ("Publié le 10/09/2023\n\nLe 3 juillet dernier, le président et la directrice de la Caf ont signé la CTG.",
     date(2023, 7, 3)),
    ("Publié le 14 mars 2024 à 10h12\n\nLa CTG a été signée le 12 mars dernier par le maire.", date(2024, 3, 12)),
    ("Par Julie Martin | Publié le 21/06/2024 à 18h05\n\nCe jeudi 20 juin, les élus ont signé la CTG.",
     date(2024, 6, 20)),
    # A dateline opening the article dates the signing its next sentence tells.
    ("Calvi, vendredi 24 novembre 2023. C'est à la mairie que la Caf et la commune ont signé la CTG.",
     date(2023, 11, 24)),
    # The page's own dateline for a signing done "aujourd'hui", "ce jour".
    ("Angers, le 12 mars 2024\n\nLa Ville et la Caf signent aujourd'hui la convention territoriale globale.",
     date(2024, 3, 12)),
    ("Communiqué de presse – 12 mars 2024\n\nLa Ville et la Caf ont signé ce jour la convention territoriale "
     "globale.", date(2024, 3, 12)),
    # The date under a cover titled by the signing.
    ("DOSSIER DE PRESSE\n\nSignature de la convention territoriale globale\n\nCommunauté de communes du Val de "
     "Brenne\n\nJeudi 16 mai 2024 Châteauroux – Salle des fêtes", date(2024, 5, 16)),
    # OCR's letter for a digit in the day.
    ("La CTG a été signée le l8 décembre 2023 à la mairie.", date(2023, 12, 18)),
    # "Fait à ..., en date du".
    ("Fait à Dijon, en date du 2 juin 2024\n\nPour la Caf", date(2024, 6, 2)),
    # A printed page's running header: page number, section, weekday after a space.
    ("12 HAUTE-SAÔNE Mercredi 7 février 2024\n\nLURE\n\nLundi 5 février, le maire et la directrice de la Caf ont "
     "signé la CTG.", date(2024, 2, 5)),
    ("DOUBS   VENDREDI 14 MARS 2025   11\n\nMardi 11 mars, la Ville et la Caf ont signé la CTG.", date(2025, 3, 11)),
    # A dateline opening the first paragraph, the article going on; a renewal is the new CTG's signing.
    ("VESOUL, 2 juillet 2025 – Cinq ans de plus. La Ville et la Caf ont renouvelé, le 27 juin dernier, leur "
     "convention territoriale globale.", date(2025, 6, 27)),
    # The council's room is a venue, not an act.
    ("Jeudi 9 octobre 2025, dans la salle du conseil communautaire, la communauté de communes et la Caf ont "
     "signé leur convention territoriale globale.", date(2025, 10, 9)),
    # Not a renewal of the CTG, not its signing.
    ("La CTG, renouvelée le 3 mars 2024, a été présentée aux habitants.", None),
    ("Le 3 mars 2024, le conseil a renouvelé sa confiance au maire. La convention sera signée en mai.", None),
])
def test_signature_date_from_bylines_datelines_and_signing_words(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_signed_today_points_at_the_signing_sentence():
    found = extract_signature_date(make_doc("Nevers, le 9 avril 2024\n\nLa Ville et la Caf de la Nièvre signent "
                                            "aujourd'hui leur convention territoriale globale."))
    assert (found.value, found.rule, found.page) == (date(2024, 4, 9), "signed_today", 1)
    assert "aujourd'hui" in found.snippet


@pytest.mark.parametrize("text, expected", [
    ("La CTG, signée le 12 décembre 2019, arrive à échéance : les élus préparent la suivante.", None),
    ("La première convention, signée le 3 mai 2018, s'est achevée l'an dernier.", None),
    ("La CTG, signée le 12 décembre 2023, court jusqu'en 2027.", date(2023, 12, 12)),
])
def test_signature_date_of_a_ctg_coming_to_its_end_is_the_previous_ctgs(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


def test_a_fronted_date_before_a_long_list_of_signatories_with_their_roles():
    doc = make_doc("Le 14 mars 2025, à Lure, Paul Mercier, président de la communauté de communes, Anne Roux, "
                   "présidente du conseil d'administration de la Caf de la Haute-Saône, et Marc Blanc, son directeur, "
                   "ont signé la nouvelle CTG du territoire.")
    assert extract_signature_date(doc).value == date(2025, 3, 14)
    # the council as an actor still dates its own act
    assert extract_signature_date(make_doc("Le 14 mars 2025, le conseil d'administration de la Caf a autorisé sa "
                                           "présidente à signer la CTG.")) is None


@pytest.mark.parametrize("text, expected", [
    # "ce mercredi" under a dateline of that weekday: the page's day
    ("Mercredi 12 mars 2025\n\nLa commune et la Caf ont signé ce mercredi la convention territoriale globale.",
     date(2025, 3, 12)),
    # another weekday than the page's: no telling which week
    ("Mercredi 12 mars 2025\n\nLa commune et la Caf ont signé ce lundi la convention territoriale globale.", None),
    # a weekly's issue line dates the page by the week's last day
    ("LA GAZETTE DU BOCAGE — Semaine du 3 au 9 juillet 2024 — 7\n\nLa CTG a été signée le 27 juin par les élus.",
     date(2024, 6, 27)),
])
def test_signature_date_from_the_pages_weekday_or_week(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    # the scene set on the dateline's weekday, the signing told in the next sentence
    ("DOLE, 5 février 2025 – La scène s'est déroulée ce mercredi matin, à la mairie. Le maire et la directrice "
     "de la Caf ont apposé leur signature au bas de la convention territoriale globale.", date(2025, 2, 5)),
    ("DOLE, 4 février 2025 – La scène s'est déroulée ce mercredi matin, à la mairie. Le maire et la directrice "
     "de la Caf ont apposé leur signature au bas de la convention territoriale globale.", None),
    ("DOLE, 5 février 2025 – La réunion s'est déroulée ce mercredi. Le conseil a voté la signature prochaine "
     "de la CTG.", None),
    # a convention concluded is signed; a presentation concluded is not
    ("Samedi 22 mars 2025\n\nDOLE. Jeudi 20 mars, à la salle des fêtes, la communauté de communes et la Caisse "
     "d'allocations familiales du Jura ont conclu leur convention territoriale globale.", date(2025, 3, 20)),
    ("Samedi 22 mars 2025\n\nJeudi 20 mars, la Caf a conclu sa présentation de la CTG devant les élus.", None),
])
def test_signature_date_of_a_scene_or_a_convention_concluded(text, expected):
    found = extract_signature_date(make_doc(text))
    assert (found.value if found else None) == expected
