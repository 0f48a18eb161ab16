"""Scoring against gold follows the seeds README's matching rules."""

from __future__ import annotations

import pytest

from store.db import connect
from store.evaluate import evaluate

GOLD = {
    "doc_id": "d", "kind": "press_release", "territory": {"name": "Communauté de communes Vallée de l'Hérault",
                                                          "type": "epci"},
    "caf_department": "Hérault", "period": {"start": 2022, "end": 2026}, "signature_date": None, "ordinal": 2,
    "signatories": [{"name": "Thierry Mathieu", "role": "Directeur", "org": "Caf"}],
    "signatories_optional": [{"name": "Claudie Minguez", "role": "adjointe", "org": "Ville"}],
    "communes": ["Saint Jean de Fos"], "communes_count": 13, "themes": ["enfance"],
    "objectives": ["Améliorer l'interconnaissance entre les acteurs impliqués dans l'offre des services aux familles"],
    "figures": [{"label": "habitants", "value": 1650, "unit": "habitants", "year": 2019}],
    "unscored": ["ordinal"],
}


@pytest.fixture
def con():
    with connect(":memory:") as connection:
        connection.execute("INSERT INTO documents (doc_id, source_path, kind, status) VALUES ('d', '/d.pdf', 'press_release', 'ok')")
        facts = [("territory_name", "COMMUNAUTÉ DE COMMUNES VALLEE DE L’HERAULT"), ("territory_type", "epci"),
                 ("caf_department", "herault"), ("period_start", "2022"), ("period_end", "2026"),
                 ("signature_date", "2023-02-06"), ("ordinal", "3")]
        for field, value in facts:
            connection.execute("INSERT INTO facts VALUES ('d', ?, ?, 1, 's', NULL, 'r')", [field, value])
        for name in ("THIERRY MATHIEU", "Claudie Minguez", "Jean Dupont"):
            connection.execute("INSERT INTO parties (doc_id, org_kind, person_name, is_signatory, page, snippet, rule) "
                               "VALUES ('d', 'caf', ?, true, 1, 's', 'r')", [name])
        connection.execute("INSERT INTO communes (doc_id, name, page, snippet, rule) VALUES ('d', 'Saint-Jean-de-Fos', 1, 's', 'r')")
        connection.execute("INSERT INTO objectives (doc_id, level, text, page, snippet, rule) VALUES "
                           "('d', 'objectif', 'Améliorer l’interconnaissance entre les acteurs impliqués dans "
                           "l’offre des services aux familles et développer des actions', 1, 's', 'r')")
        for value, unit in ((1651, "habitants"), (1650, "enfants")):
            connection.execute("INSERT INTO figures (doc_id, label, value, unit, unit_category, page, snippet, rule) "
                               "VALUES ('d', 'x', ?, ?, ?, 1, 's', 'r')", [value, unit, unit])
        yield connection


def test_scores_follow_the_matching_rules(con):
    report = evaluate(con, [GOLD])
    s = report.scores
    # Names compare case-, accent- and apostrophe-insensitively.
    assert (s["territory"].tp, s["caf_department"].tp, s["period"].tp) == (1, 1, 1)
    # A date emitted where gold has none is a false positive; unscored fields are skipped.
    assert (s["signature_date"].fp, s["ordinal"].tp + s["ordinal"].fp + s["ordinal"].fn) == (1, 0)
    # Optional signatories are neither rewarded nor penalized.
    assert (s["signatories"].tp, s["signatories"].fp, s["signatories"].fn) == (1, 1, 0)
    assert s["communes"].tp == 1
    # Objectives match on token-set ratio >= 85; figures on unit and value within 0.5 %.
    assert s["objectives"].tp == 1
    assert (s["figures"].tp, s["figures"].fp) == (1, 1)
    # Nothing emitted where gold has items: recall 0 and precision 0.
    assert (s["themes"].fn, s["themes"].precision, s["themes"].recall) == (1, 0.0, 0.0)
    assert s["communes_count"].fn == 1
    assert any("signature_date" in note for note in report.misses["d"])


def test_missing_document_counts_every_gold_item_as_missed(con):
    report = evaluate(con, [dict(GOLD, doc_id="absent")])
    assert report.scores["period"].fn == 1 and report.scores["period"].tp == 0
    assert report.misses["absent"][0] == "document missing from the database or in error"


@pytest.mark.parametrize("facts, expected", [
    ([("period_end", "2027")], (1, 0, 0)),                          # the same half period
    ([("period_start", "2023"), ("period_end", "2027")], (0, 1, 1)),  # a start the text does not state
    ([], (0, 0, 1)),                                                # nothing emitted: missed
])
def test_half_known_period_compares_on_both_ends(facts, expected):
    gold = {"doc_id": "h", "kind": "press_release", "period": {"start": None, "end": 2027}}
    with connect(":memory:") as con:
        con.execute("INSERT INTO documents (doc_id, source_path, kind, status) VALUES ('h', '/h.pdf', 'press_release', 'ok')")
        for field, value in facts:
            con.execute("INSERT INTO facts VALUES ('h', ?, ?, 1, 's', NULL, 'r')", [field, value])
        score = evaluate(con, [gold]).scores["period"]
    assert (score.tp, score.fp, score.fn) == expected


def test_a_figure_counting_communes_is_neither_rewarded_nor_penalized():
    from store.evaluate import _match_lists

    gold = [{"value": 25, "unit": "communes", "label": "communes"}, {"value": 12000, "unit": "habitants", "label": "h"}]
    score, missed, extra = _match_lists("figures", gold, [], [(12000.0, "habitants", "h"), (31.0, "communes", "c")])
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


@pytest.mark.parametrize("expected, got, same", [
    ("Lure, Roye, Magny-Vernois", "Lure, Roye et Magny-Vernois", True),
    ("Lure et Roye", "Roye et Lure", True),
    ("Lure, Roye, Magny-Vernois", "Lure et Roye", False),
    ("Communauté de communes du Pays de Lure", "Communauté de communes du pays de Lure", True),
    ("Lure", None, False),
])
def test_a_group_of_communes_compares_on_its_names(expected, got, same):
    from store.evaluate import _same_scalar

    assert _same_scalar("territory", expected, got) is same


@pytest.mark.parametrize("expected, got, same", [
    ("relais petite enfance", "RPE", True),
    ("centres sociaux", "centre social", True),
    ("familles allocataires", "familles", True),
    ("habitants", "familles", False),
    ("%", "EUR", False),
])
def test_units_compare_as_the_same_count_noun(expected, got, same):
    from store.evaluate import _same_unit

    assert _same_unit(expected, got) is same


@pytest.mark.parametrize("gold, predicted, same", [
    ({"value": 5600, "unit": "allocataires", "label": "foyers allocataires"}, (5600, "foyers", "foyers allocataires"), True),
    ({"value": 5600, "unit": "foyers", "label": "foyers allocataires"}, (5600, "allocataires", "allocataires"), True),
    # a share of allocataires is no count of them, nor are foyers labelled otherwise
    ({"value": 31, "unit": "%", "label": "familles allocataires monoparentales"}, (31, "allocataires", "allocataires"), False),
    ({"value": 5600, "unit": "allocataires", "label": "allocataires"}, (5600, "foyers", "foyers du quartier"), False),
])
def test_counts_of_allocataires_match_whatever_noun_heads_them(gold, predicted, same):
    from store.evaluate import _matcher

    assert _matcher("figures")(gold, predicted) is same
