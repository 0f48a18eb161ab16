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
    ("En 2019, la communauté s'était engagée autour d'une première convention territoriale globale.\n\n"
     "Elle signe aujourd'hui une nouvelle CTG avec la Caf.", 2),
    ("La première convention ayant expiré l'an dernier, une nouvelle mouture a été signée par les élus.", 2),
    ("La nouvelle convention territoriale globale a été signée jeudi. La première CTG comptait trois axes.", 2),
    # A renewal without a first one named says nothing of the rank.
    ("Renouvellement de la Convention Territoriale Globale entre la Caf et la commune.", None),
    ("Les partenaires signent une nouvelle CTG pour les familles du territoire.", None),
    # A first CTG named in the past, and no renewal: nothing.
    ("Une première CTG avait été signée lors de la fusion des communes.", None),
    # Rankings among territories are no ranks of this CTG.
    ("Vers la signature de la première convention territoriale globale dans le Val-de-Marne.", None),
    ("C'est la première CTG du département, saluée par le préfet.", None),
    ("La deuxième CTG signée en Occitanie associe une commune rurale.", None),
    ("Il s'agit de la première CTG à l'échelle nationale à inclure le logement.", None),
    ("Cette convention est la première d'une série que la Caf signera avec les communes.", None),
    ("La commune est la 9e signature en Bretagne.", None),
    ("La ville signe son 4e Contrat Enfance Jeunesse avec la Caf.", None),
    # This territory's first CTG stays 1, its rank named after its territory.
    ("La commune a contractualisé la première CTG du territoire avec la Caf.", 1),
    ("La première CTG du Département de la Creuse a été signée.", 1),
    ("Les élus ont signé la première CTG du Pays de Lunel.", 1),
    ("Il s'agit de la deuxième CTG de la Caf du Gard, après celle de Nîmes.", None),
    # Other ranks of other things, next to a signing word.
    ("Le comité s'est réuni pour la deuxième fois après la signature.", None),
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
