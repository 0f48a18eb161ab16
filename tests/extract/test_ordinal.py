"""The rank of the CTG ("2ème CTG", "troisième convention territoriale globale")."""

from __future__ import annotations

import pytest

from extract.ordinal import extract_ordinal
from tests.conftest import make_doc

ORDINAL_CASES = [
    ("la 2ème Ctg de la commune de Valros, qui symbolise un nouveau pas", 2),
    ("signeront la 2ème Convention territoriale globale (Ctg) de services aux familles", 2),
    ("La commune signe sa deuxième convention territoriale globale avec la Caf.", 2),
    ("Cette 3e CTG ouvre une nouvelle période.", 3),
    ("La première CTG du territoire sera signée en mars.", 1),
    ("Après une première CTG (2017-2021), la commune s'engage à nouveau.", None),
    ("La 1ère réunion du comité de pilotage aura lieu en juin.", None),
    ("Le 2ème semestre sera consacré à l'évaluation de la CTG.", None),
]


@pytest.mark.parametrize("text, expected", ORDINAL_CASES, ids=[c[0][:40] for c in ORDINAL_CASES])
def test_ordinal_from_varied_snippets(text, expected):
    found = extract_ordinal(make_doc(text))
    assert (found.value if found else None) == expected


def test_a_document_recalling_the_first_ctg_is_the_second():
    doc = make_doc("Questembert Communauté et la Caf ont conclu une première Convention territoriale globale pour la "
                   "période 2019-2023. La présente convention, deuxième CTG du territoire, prolonge cette dynamique.")
    assert extract_ordinal(doc).value == 2


def test_past_ctg_rank_is_not_this_ctgs():
    assert extract_ordinal(make_doc("Une 2e CTG pour les familles. La première CTG, signée en 2018, a permis...")).value == 2


MORE_ORDINAL_CASES = [
    # The rank of the signing.
    ("Le texte, signé pour la seconde fois par la commune et la Caf, fixe quatre axes.", 2),
    ("La convention a été renouvelée pour la troisième fois ce printemps.", 3),
    # A renewal after a first CTG named in the past.
    ("Une première CTG avait été signée en 2017 avec la Caf.\n\nLa commune a renouvelé ce partenariat.", 2),
    ("Dès 2019, la communauté s'était lancée dans une première convention territoriale globale.\n\n"
     "Elle signe ce mois-ci une nouvelle CTG avec la Caf.", 2),
    ("La première convention ayant expiré l'an dernier, une nouvelle mouture a été signée par les élus.", 2),
    ("Jeudi, les élus ont signé la nouvelle convention territoriale globale. La première CTG avait trois axes.", 2),
    # A renewal without a first one named says nothing of the rank.
    ("La Caf et la commune renouvellent leur Convention Territoriale Globale.", None),
    ("Les partenaires signent une nouvelle CTG pour les familles du territoire.", None),
    # A first CTG named in the past, and no renewal: nothing.
    ("Une première CTG avait été signée lors de la fusion des communes.", None),
    # Rankings among territories are no ranks of this CTG.
    ("Cap sur la signature de la première CTG dans le Val-de-Marne.", None),
    ("C'est la première CTG du département, saluée par le préfet.", None),
    ("La deuxième CTG signée en Occitanie associe une commune rurale.", None),
    ("Il s'agit de la première CTG à l'échelle nationale à inclure le logement.", None),
    ("Premier texte d'une longue liste, cette convention sera suivie d'autres signées par la Caf avec les communes.",
     None),
    ("La commune est la 9e signature en Bretagne.", None),
    ("La ville signe son 4e Contrat Enfance Jeunesse avec la Caf.", None),
    # This territory's first CTG stays 1, its rank named after its territory.
    ("La commune a contractualisé la première CTG du territoire avec la Caf.", 1),
    ("La première CTG du Département de la Creuse a été signée.", 1),
    ("Les élus ont signé la première CTG du Pays de Lunel.", 1),
    ("Il s'agit de la deuxième CTG de la Caf du Gard, après celle de Nîmes.", None),
    # Other ranks of other things, next to a signing word.
    ("Le comité s'est réuni pour la deuxième fois après la signature.", None),
    # The CTG's generation, the contracts before it counted.
    ("Lannion signe une CTG de troisième génération avec la Caf.", 3),
    ("La convention dite « de 2e génération » a été signée mardi.", 2),
    ("La CTG de deuxième génération met l'accent sur la parentalité.", 2),
    ("Les CTG de nouvelle génération remplacent les contrats enfance jeunesse.", None),
]


@pytest.mark.parametrize("text, expected", MORE_ORDINAL_CASES, ids=[c[0][:40] for c in MORE_ORDINAL_CASES])
def test_ordinal_renewals_rankings_and_signing_ranks(text, expected):
    found = extract_ordinal(make_doc(text))
    assert (found.value if found else None) == expected


def test_renewal_after_first_points_at_the_renewal():
    found = extract_ordinal(make_doc("Une première CTG avait été signée en 2016.\f"
                                     "Les élus ont signé une nouvelle CTG avec la Caf de l'Ain."))
    assert (found.value, found.rule, found.page) == (2, "renewal_after_first", 2)
    assert "nouvelle CTG" in found.snippet


# A probe of ranks: of this CTG's signings, and of rankings among territories, the Caf's count, a
# territory ranked by its size, other things' ranks.
RANK_PROBE = [
    ("Pour la deuxième fois, la commune et la Caf ont signé une CTG.", 2),
    ("Signée pour la seconde fois, la CTG fixe quatre axes.", 2),
    ("La commune a signé, pour la deuxième fois, une CTG.", 2),
    ("La ville signe pour la seconde fois une CTG avec la Caf.", 2),
    ("Le maire a paraphé, pour la troisième fois, la convention territoriale globale.", 3),
    ("Deuxième CTG pour la commune de Riom", 2),
    ("La ville entame sa troisième convention territoriale globale avec la Caf.", 3),
    ("Cette deuxième CTG couvre la période 2023-2027.", 2),
    ("Le conseil a adopté la deuxième convention territoriale globale de la commune.", 2),
    ("La seconde CTG du Pays de Lunel a été signée le 4 mars.", 2),
    ("Les signataires de la deuxième CTG se sont réunis pour la première fois.", 2),
    ("Ce renouvellement de la CTG intervient après une première convention signée en 2017.", 2),
    ("La commune, qui avait signé sa première CTG en 2018, en signe une nouvelle.", 2),
    ("Chenôve signe sa 1ère CTG avec la Caf.", 1),
    ("La commune signe sa première CTG avec la Caf de l'Ain.", 1),
    # Rankings among territories.
    ("C'est la troisième CTG signée dans le Finistère cette année.", None),
    ("C'est la quatrième CTG signée à Mayotte, après celles de Bandrélé et Sada.", None),
    ("Quatrième CTG signée à La Réunion, celle de Saint-Benoît mise sur la petite enfance.", None),
    ("La deuxième CTG signée en Guadeloupe associe une commune rurale.", None),
    ("La première CTG signée dans le Cantal l'a été à Aurillac.", None),
    ("Il s'agit de la troisième CTG conclue par la Caf de la Loire cette année.", None),
    ("La Caf a signé sa deuxième CTG de l'année avec la commune de Vals.", None),
    ("La Caf de la Somme a signé sa première CTG en 2017 avec Abbeville ; elle en compte aujourd'hui 25.", None),
    ("Première CTG du département, celle d'Abbeville a ouvert la voie.", None),
    # A territory ranked among others: its "première CTG" may be a ranking too.
    ("La ville signe sa première CTG et rejoint les douze communes déjà engagées dans le département.", None),
    ("La ville, deuxième commune du département par sa population, signe sa première CTG.", None),
    ("Comme Mana et Apatou avant elle, la commune signe sa première CTG.", None),
    ("Dembéni devient la cinquième commune de Mayotte à signer une CTG.", None),
    ("Saint-Laurent est la deuxième ville de Guyane ; elle signe sa CTG.", None),
    ("Aurillac, première ville du Cantal à signer une CTG, accueille la cérémonie.", None),
    ("Bruz, deuxième ville d'Ille-et-Vilaine, signe sa première CTG.", None),
    # Other ranks and times.
    ("Le comité de pilotage de la CTG s'est réuni pour la troisième fois.", None),
    ("Pour la première fois, la commune signe une CTG.", None),
    ("Pour la première fois, une CTG associe le Département.", None),
    ("Pour la deuxième fois en un mois, le conseil a débattu de la CTG avant de la signer.", None),
    ("Ils se sont réunis pour la deuxième fois afin de préparer la signature de la CTG.", None),
    ("La CTG a été signée pour la deuxième année consécutive avec un bonus.", None),
    ("La 2e édition du forum des familles est prévue dans la CTG.", None),
    ("La 2ème tranche de travaux de la crèche est inscrite dans la CTG.", None),
    ("Le 2nd comité de pilotage de la CTG aura lieu en juin.", None),
    ("Le deuxième axe de la CTG porte sur la parentalité.", None),
    ("Le premier axe de la CTG vise la petite enfance ; le second, la jeunesse.", None),
    ("Deuxième temps fort de la journée, la signature de la CTG.", None),
    ("La nouvelle CTG remplace le contrat enfance jeunesse.", None),
    ("La première CTG a été signée en 2016 ; la commune prépare la suite.", None),
]


@pytest.mark.parametrize("text, expected", RANK_PROBE, ids=[c[0][:40] for c in RANK_PROBE])
def test_ordinal_probe_signing_ranks_against_rankings(text, expected):
    found = extract_ordinal(make_doc(text))
    assert (found.value if found else None) == expected


def test_a_first_ctg_told_in_the_pluperfect_makes_the_new_one_the_second():
    doc = make_doc("Dès 2019, la communauté avait conclu avec la Caf une première CTG. Elle signe ce mardi une "
                   "nouvelle CTG pour 2024-2028.")
    assert extract_ordinal(doc).value == 2


@pytest.mark.parametrize("text, expected", [
    # a first CTG that came to its end, then "cette seconde convention"
    ("La Ville a signé une première CTG pour la période 2020-2024, arrivée à échéance le 31 décembre dernier. Le "
     "diagnostic a permis de dégager les orientations de cette seconde convention.", 2),
    ("La Ville a signé une première CTG pour la période 2020-2024, arrivée à échéance le 31 décembre dernier.", None),
    # another convention ranked so
    ("Cette seconde convention d'objectifs avec la MSA complète la CTG.", None),
    ("Cette seconde convention avec la MSA complète la CTG.", None),
])
def test_this_convention_ranked_and_a_first_one_come_to_its_end(text, expected):
    found = extract_ordinal(make_doc(text))
    assert (found.value if found else None) == expected
