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
