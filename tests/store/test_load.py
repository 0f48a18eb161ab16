"""Loading is keyed and idempotent; documents of one CTG are linked into one convention."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.conventions import Caf, Period, Territory, TerritoryType
from models.documents import DocKind, DocumentRecord, Status
from models.extraction import Extraction
from models.figures import Figure, Unit
from store.db import connect
from store.load import link_conventions, load


def grounding(doc_id: str, page: int = 1) -> dict:
    return {"doc_id": doc_id, "page": page, "snippet": "…", "rule": "test"}


def extraction(doc_id: str, kind=DocKind.PRESS_RELEASE, name="Valros", ttype=TerritoryType.COMMUNE,
               period=(2022, 2026), key="valros", figures=1, status=Status.OK) -> Extraction:
    record = DocumentRecord(doc_id=doc_id, source_path=f"/c/{doc_id}.pdf", sha256="ab" * 32, status=status,
                            kind=kind if status is Status.OK else None, n_pages=3, n_pages_ocr=0,
                            error=None if status is Status.OK else "boom", extracted_at=datetime(2026, 1, 1))
    if status is Status.ERROR:
        return Extraction(document=record)
    return Extraction(
        document=record,
        territory=Territory(**grounding(doc_id), name=name, type=ttype) if name else None,
        territory_key=key if name else None,
        caf=Caf(**grounding(doc_id), name="Caf de l'Hérault", department="Hérault", department_code="34"),
        period=Period(**grounding(doc_id, 2), start=period[0], end=period[1]) if period else None,
        figures=tuple(Figure(**grounding(doc_id), label=f"habitants {i}", value=1650 + i, unit="habitants",
                             category=Unit.HABITANTS)
                      for i in range(figures)),
    )


@pytest.fixture
def con():
    with connect(":memory:") as connection:
        yield connection


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "facts", "figures", "conventions")}


def test_loading_twice_replaces_instead_of_duplicating(con):
    load(con, [extraction("a", figures=3)])
    first = counts(con)
    load(con, [extraction("a", figures=3)])
    assert counts(con) == first == {"documents": 1, "facts": 7, "figures": 3, "conventions": 0}


def test_reloading_a_document_drops_its_stale_rows(con):
    load(con, [extraction("a", figures=3), extraction("b", figures=2)])
    load(con, [extraction("a", figures=1, period=None)])
    assert con.execute("SELECT doc_id, count(*) FROM figures GROUP BY doc_id ORDER BY doc_id").fetchall() == \
        [("a", 1), ("b", 2)]
    assert con.execute("SELECT count(*) FROM facts WHERE doc_id = 'a' AND field LIKE 'period%'").fetchone()[0] == 0


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_failed_load_leaves_previous_rows(con):
    load(con, [extraction("a", figures=2)])
    bad = extraction("a", figures=2)
    # A document row violating the schema (unknown kind) makes the whole transaction roll back.
    object.__setattr__(bad.document, "kind", "not-a-kind")
    with pytest.raises(Exception):
        load(con, [bad])
    assert counts(con)["figures"] == 2
    assert con.execute("SELECT kind FROM documents").fetchone()[0] == "press_release"


def test_every_fact_keeps_its_provenance(con):
    load(con, [extraction("a")])
    rows = con.execute("SELECT field, value, page, snippet, rule FROM facts ORDER BY field").fetchall()
    assert ("period_start", "2022", 2, "…", "test") in rows
    assert ("territory_name", "Valros", 1, "…", "test") in rows
    assert all(page >= 1 and snippet and rule for _, _, page, snippet, rule in rows)


def test_documents_of_one_ctg_share_a_convention(con):
    load(con, [extraction("press", kind=DocKind.PRESS_RELEASE),
               extraction("convention", kind=DocKind.CONVENTION, name="Commune de Valros"),
               extraction("deliberation", kind=DocKind.DELIBERATION, period=None),
               extraction("old", kind=DocKind.CONVENTION, period=(2018, 2021)),
               extraction("nowhere", name=None),
               extraction("broken", status=Status.ERROR)])
    assert link_conventions(con) == 3
    ids = dict(con.execute("SELECT doc_id, convention_id FROM documents").fetchall())
    assert ids["press"] == ids["convention"] == "valros-2022-2026"
    assert ids["old"] == "valros-2018-2021"
    # Two CTGs of the territory and no period stated: the deliberation is not guessed into one.
    assert ids["deliberation"] is None and ids["broken"] is None
    # A document naming no territory keeps its Caf and period in a convention of its own.
    assert ids["nowhere"] == "sans-territoire-nowhere-2022-2026"
    row = con.execute("SELECT territory_name, territory_type, caf_department, period_start, period_end, n_documents "
                      "FROM conventions WHERE convention_id = 'valros-2022-2026'").fetchone()
    # The convention itself names the territory with most authority.
    assert row == ("Commune de Valros", "commune", "Hérault", 2022, 2026, 2)
    assert con.execute("SELECT DISTINCT convention_id FROM figures WHERE doc_id = 'press'").fetchone()[0] == \
        "valros-2022-2026"
    assert con.execute("SELECT territory_key, territory_name, caf_department, period_start, period_end, n_documents "
                       "FROM conventions WHERE convention_id = 'sans-territoire-nowhere-2022-2026'").fetchone() == \
        (None, None, "Hérault", 2022, 2026, 1)
    succession = con.execute("SELECT convention_id, previous_convention_id FROM convention_succession "
                             "ORDER BY period_start").fetchall()
    assert succession == [("valros-2018-2021", None), ("valros-2022-2026", "valros-2018-2021")]


def test_document_without_period_joins_the_only_ctg_of_its_territory(con):
    load(con, [extraction("press"), extraction("deliberation", kind=DocKind.DELIBERATION, period=None)])
    link_conventions(con)
    ids = dict(con.execute("SELECT doc_id, convention_id FROM documents").fetchall())
    assert ids["deliberation"] == ids["press"] == "valros-2022-2026"


def test_documents_without_territory_never_share_a_convention(con):
    load(con, [extraction("one", name=None), extraction("two", name=None), extraction("three", name=None, period=None)])
    assert link_conventions(con) == 3
    ids = dict(con.execute("SELECT doc_id, convention_id FROM documents").fetchall())
    assert ids == {"one": "sans-territoire-one-2022-2026", "two": "sans-territoire-two-2022-2026",
                   "three": "sans-territoire-three"}
    # They have no territory to succeed one another in.
    assert con.execute("SELECT count(*) FROM convention_succession").fetchone()[0] == 0


def test_document_stating_one_end_joins_the_full_period_it_fits(con):
    load(con, [extraction("press"), extraction("article", period=(None, 2026)),
               extraction("elsewhere", name="Lunel", key="lunel", period=(None, 2027))])
    assert link_conventions(con) == 2
    ids = dict(con.execute("SELECT doc_id, convention_id FROM documents").fetchall())
    assert ids["article"] == ids["press"] == "valros-2022-2026"
    # Alone, a half-known period stands as stated.
    assert ids["elsewhere"] == "lunel-debut-inconnu-2027"
    assert con.execute("SELECT period_start, period_end FROM conventions WHERE convention_id = "
                       "'lunel-debut-inconnu-2027'").fetchone() == (None, 2027)


def test_linking_twice_gives_the_same_conventions(con):
    load(con, [extraction("press"), extraction("other", name="Lunel", key="lunel")])
    link_conventions(con)
    first = con.execute("SELECT * FROM conventions ORDER BY convention_id").fetchall()
    link_conventions(con)
    assert con.execute("SELECT * FROM conventions ORDER BY convention_id").fetchall() == first


def test_territory_named_by_its_legal_form_alone_joins_no_other(con):
    load(con, [extraction("a", name="Communauté urbaine", ttype=TerritoryType.EPCI, key="communaute-urbaine"),
               extraction("b", name="Communauté urbaine", ttype=TerritoryType.EPCI, key="communaute-urbaine")])
    assert link_conventions(con) == 2
    assert con.execute("SELECT convention_id, territory_key, territory_name, territory_type FROM conventions "
                       "ORDER BY 1").fetchall() == [
        ("sans-territoire-a-2022-2026", None, "Communauté urbaine", "epci"),
        ("sans-territoire-b-2022-2026", None, "Communauté urbaine", "epci")]
