"""The period extractor on varied French phrasings, traps included (previous CTG, other plans,
statistics), beyond the seed documents."""

from __future__ import annotations

import pytest

from extract.period import extract_period
from tests.conftest import make_doc

CASES = [
    # (text, expected (start, end) or None)
    ("ARTICLE 11 – DUREE DE LA CONVENTION\n\nLa présente convention est conclue à compter du 1er janvier 2025 "
     "jusqu'au 31 décembre 2029.", (2025, 2029)),
    ("En l’occurrence, la 2ème Ctg de la commune sera signée le vendredi 20 janvier 2023 et couvrira la "
     "période de 2022-2026.", (2022, 2026)),
    ("La convention territoriale globale est conclue pour une durée de cinq ans à compter du 01/01/2023.", (2023, 2027)),
    ("La présente convention prend effet au 1er juillet 2023 pour une durée de 4 ans.", (2023, 2027)),
    ("La CTG est signée pour une durée de quatre (4) ans à compter du 1er janvier 2024.", (2024, 2027)),
    ("La présente convention est conclue pour la période allant du 01/01/2021 au 31/12/2025.", (2021, 2025)),
    ("La présente convention est conclue du 1^{er} janvier 2025 au 31 décembre 2029.", (2025, 2029)),
    ("Les signataires s'engagent dans la CTG entre le 1er janvier 2023 et le 31 décembre 2026.", (2023, 2026)),
    ("CONVENTION TERRITORIALE GLOBALE\n\n2024 – 2028\n\nCommunauté de communes du Pays de Lunel", (2024, 2028)),
    ("Convention Territoriale Globale 2023/2027 de la Communauté de communes du Pays de Lunel", (2023, 2027)),
    ("La CTG a été signée pour la période de 2020 à 2024 par la ville et la Caf.", (2020, 2024)),
    ("La précédente CTG (2017-2021) a permis de structurer l'offre. La nouvelle convention territoriale "
     "globale couvre la période 2022-2026.", (2022, 2026)),
    ("Le contrat de ville 2015-2022 a été prolongé. La CTG 2022-2026 prend le relais.", (2022, 2026)),
    # Traps: nothing about this CTG's own period is stated.
    ("Bilan de la précédente CTG 2017-2021 : la plupart des actions ont été menées.", None),
    ("Ces enjeux répondent à la Convention d'objectifs et de gestion de la branche Famille (COG 2023-2027).", None),
    ("La population a augmenté de 5 % entre 2015 et 2020, soit une évolution plus rapide que la moyenne.", None),
    ("Le séminaire du 1er janvier 2022 au 31 décembre 2022 a réuni les partenaires de la CTG.", None),
    ("Arrivée à échéance, la CTG 2017-2021 a été évaluée.", None),
    # Two CTG periods stated with equal weight: no way to tell which is this one.
    ("La CTG 2019-2022 de la ville. La CTG 2023-2026 de la ville.", None),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_period_from_varied_phrasings(text, expected):
    period = extract_period(make_doc(text))
    got = (period.start, period.end) if period else None
    assert got == expected


def test_period_from_duree_clause_has_provenance():
    doc = make_doc("Préambule de la convention territoriale globale.\f"
                   "ARTICLE 11 – DUREE DE LA CONVENTION\n\nLa présente convention est conclue pour une durée "
                   "de 5 ans, à compter du 1er janvier 2023.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2023, 2027)
    assert period.page == 2
    assert period.rule == "duration_from_start"
    assert "à compter du 1er janvier 2023" in period.snippet
    assert period.doc_id == "snippet"


def test_period_ignores_previous_ctg_named_before_the_current_one():
    doc = make_doc("Après une première CTG 2016-2020, la ville et la Caf signent une nouvelle CTG qui "
                   "couvrira la période 2021-2025.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2021, 2025)
    assert "2021-2025" in period.snippet


def test_period_on_a_slide_next_to_its_duration():
    doc = make_doc("Guide de la CTG\n\n5 ans\n\n2022-2026\n\nÀ l'échelon de la Communauté d'Agglomération")
    period = extract_period(doc)
    assert (period.start, period.end) == (2022, 2026)
    assert period.snippet == "2022-2026"


def test_amendment_extends_the_period():
    doc = make_doc("Vu la convention territoriale globale conclue pour la période du 1er janvier 2020 au 31 décembre "
                   "2024 ;\n\nArticle 2 – Durée\n\nLa présente convention prend effet au 1er janvier 2020. Par avenant "
                   "n°1, elle est prolongée jusqu'au 31 décembre 2025.")
    period = extract_period(doc)
    assert (period.start, period.end, period.rule) == (2020, 2025, "prolonged_until")


def test_past_ctg_in_past_tense_is_not_this_one():
    doc = make_doc("Après une première convention signée en 2015, puis une deuxième qui a couvert les années 2019 à "
                   "2023, cette troisième CTG couvrira la période 2024-2028.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2024, 2028)


def test_period_from_a_start_then_an_end_in_the_next_sentence():
    doc = make_doc("ARTICLE 8 – DURÉE\n\nLes engagements réciproques des parties prennent effet le 1er janvier 2024. "
                   "Ils valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus, sans reconduction tacite.")
    period = extract_period(doc)
    assert (period.start, period.end, period.rule) == (2024, 2028, "start_then_end")


def test_another_plan_named_at_the_start_of_a_long_clause_is_not_the_ctg():
    doc = make_doc("Vu la Convention d'objectifs et de gestion (COG) conclue entre l'État et la Caisse nationale des "
                   "allocations familiales pour la période 2023-2027 ;\n\nCONVENTION TERRITORIALE GLOBALE\n\n"
                   "Période 2024 – 2028")
    period = extract_period(doc)
    assert (period.start, period.end) == (2024, 2028)


def test_a_ctg_of_an_earlier_rank_is_the_past():
    text = ("La ville signe sa troisième Convention territoriale globale, conclue pour la période 2025-2029. "
            "Une première convention a été signée en 2016, suivie d'une deuxième CTG pour la période 2020-2024.")
    period = extract_period(make_doc(text), ordinal=3)
    assert (period.start, period.end) == (2025, 2029)
    # Without knowing this CTG's rank, the two periods weigh the same: nothing is claimed.
    assert extract_period(make_doc(text)) is None


HALF_AND_OTHER_CASES = [
    # An end stated alone, in a sentence about the CTG: the start stays unknown.
    ("La commune et la Caf du Tarn ont reconduit leur CTG jusqu'en 2028, pour le bien des familles.", (None, 2028)),
    ("Cette convention trace la feuille de route des élus jusqu'à fin 2027.", (None, 2027)),
    ("La convention territoriale globale court jusqu'au 31 décembre 2026.", (None, 2026)),
    ("Signée l'an passé, cette CTG engage les partenaires jusqu'en décembre 2029.", (None, 2029)),
    # A full period stated elsewhere wins over an end stated alone.
    ("La CTG couvre la période 2022-2026. Son plan d'actions prioritaires de la CTG court jusqu'en 2025.",
     (2022, 2026)),
    # Unicode hyphens between the years of a web page.
    ("La Ctg 2021‐2024 de la commune de Lodève a été élaborée avec les habitants.", (2021, 2024)),
    ("Notre CTG 2023‑2027 mobilise les partenaires.", (2023, 2027)),
    # The CTG subject of a second predicate after another plan's name.
    ("La CTG fixe les priorités. Elle prend le relais du contrat enfance jeunesse et couvrira la période "
     "allant du 1er janvier 2021 au 31 décembre 2024.", (2021, 2024)),
    # A renewed CTG: the period that ends when it begins is the previous one.
    ("De 2018 à 2021, une CTG a été signée entre la commune et la Caf.\n\nLa CTG, qui sera renouvelée pour "
     "la période 2022-2025, comptera quatre axes.", (2022, 2025)),
    # Traps: another plan's end, a past CTG's end, an amendment, no CTG in the sentence.
    ("Le contrat enfance jeunesse courait jusqu'en 2021 ; la CTG le remplace.", None),
    ("Le contrat de ville, prolongé jusqu'en 2030, complète la convention territoriale globale.", None),
    ("La précédente CTG allait jusqu'en 2022. Les élus préparent la suivante.", None),
    ("La CTG avait été conclue jusqu'en 2022.", None),
    ("Le projet de territoire court jusqu'en 2030 et compte douze actions.", None),
    ("La CTG remplace le contrat de ville conclu pour la période 2015-2022.", None),
    # Two ends stated alone that disagree: none.
    ("La CTG court jusqu'en 2026.\n\nLa CTG s'applique jusqu'en 2027.", None),
]


@pytest.mark.parametrize("text, expected", HALF_AND_OTHER_CASES, ids=[c[0][:40] for c in HALF_AND_OTHER_CASES])
def test_period_half_known_and_other_phrasings(text, expected):
    period = extract_period(make_doc(text))
    got = (period.start, period.end) if period else None
    assert got == expected


def test_end_only_period_has_provenance():
    period = extract_period(make_doc("Préambule.\f La Ville et la Caf ont annoncé la reconduction de leur "
                                     "Convention Territoriale Globale jusqu'en 2029, pour les familles."))
    assert (period.start, period.end, period.rule, period.page) == (None, 2029, "until_year", 2)
    assert "jusqu'en 2029" in period.snippet


@pytest.mark.parametrize("text, expected", [
    # "Elle" on the next page stands for the CTG named last.
    ("La CTG fixe les priorités du territoire pour les familles.\fElle couvrira, avec l'appui des communes "
     "membres, la période allant du 1er janvier 2021 au 31 décembre 2024.", (2021, 2024)),
    # ... or for another plan, named after the CTG.
    ("La CTG s'inscrit dans la convention d'objectifs et de gestion de la branche Famille.\fElle couvre, pour "
     "toutes les Caf du pays, la période allant du 1er janvier 2023 au 31 décembre 2027.", None),
])
def test_period_of_a_pronoun_takes_its_antecedent(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le projet de territoire 2021-2026 s'appuie sur la CTG.", None),
    ("Le plan mercredi 2021-2024 et le PEDT 2022-2025 complètent la CTG.", None),
    ("La CTG, comme le projet de territoire 2021-2026, vise les familles.", None),
    ("La CTG 2022-2026 complète le projet de territoire.", (2022, 2026)),
    ("La convention territoriale globale 2023-2027 a été signée hier.", (2023, 2027)),
    ("La CTG du Pays des Sources 2021-2025 a été signée hier.", (2021, 2025)),
    ("La Caf et l'agglomération ont renouvelé leur CTG, qui couvrira les années 2024 à 2028.", (2024, 2028)),
])
def test_a_year_range_in_another_things_name_is_not_the_ctgs(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected
