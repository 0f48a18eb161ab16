"""Writing extractions to DuckDB, idempotently, and linking documents into conventions.

``load`` replaces all rows of each given document in one transaction: a re-run never duplicates,
a crash mid-write leaves the previous rows. ``link_conventions`` then rebuilds the conventions
table from the per-document facts of every document in the database.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pandas as pd

from extract.normalize import TERRITORY_PREFIX, fold, slug
from models.extraction import Extraction
from models.provenance import Grounded

RECORD_TABLES = ("facts", "parties", "communes", "themes", "objectives", "figures")
PROVENANCE = ["page", "snippet", "bbox", "rule"]
COLUMNS = {
    "documents": ["doc_id", "source_path", "sha256", "size_bytes", "mtime", "media", "kind", "title",
                  "n_pages", "n_pages_ocr", "ocr_pages", "n_tables", "status", "error", "error_stage", "convention_id",
                  "extracted_at", "duration_s", "ctg_version"],
    "facts": ["doc_id", "field", "value", *PROVENANCE],
    "parties": ["convention_id", "doc_id", "org_name", "org_kind", "person_name", "person_role", "is_signatory",
                *PROVENANCE],
    "communes": ["convention_id", "doc_id", "name", "code", *PROVENANCE],
    "themes": ["convention_id", "doc_id", "theme", "label", *PROVENANCE],
    "objectives": ["convention_id", "doc_id", "theme", "level", "text", "parent_text", *PROVENANCE],
    "figures": ["convention_id", "doc_id", "label", "value", "unit", "unit_category", "year", *PROVENANCE],
}
# When documents of one CTG disagree, the kinds whose word counts most.
KIND_PRIORITY = {"convention": 0, "deliberation": 1, "press_release": 2, "diagnostic": 3, "web_page": 4, "other": 5}


def _grounding(record: Grounded) -> dict:
    return {"page": record.page, "snippet": record.snippet, "rule": record.rule,
            "bbox": list(record.bbox) if record.bbox else None}


def fact_rows(x: Extraction) -> list[dict]:
    doc_id = x.document.doc_id
    rows: list[dict] = []

    def add(field: str, value, source: Grounded | None) -> None:
        if value is not None and source is not None:
            rows.append({"doc_id": doc_id, "field": field, "value": str(value), **_grounding(source)})

    if x.territory:
        add("territory_name", x.territory.name, x.territory)
        add("territory_type", x.territory.type.value if x.territory.type else None, x.territory)
        add("territory_key", x.territory_key, x.territory)
        add("territory_code", x.territory.code, x.territory)
    if x.caf:
        add("caf_name", x.caf.name, x.caf)
        add("caf_department", x.caf.department, x.caf)
    if x.period:
        add("period_start", x.period.start, x.period)
        add("period_end", x.period.end, x.period)
    if x.signature_date:
        add("signature_date", x.signature_date.value.isoformat(), x.signature_date)
    if x.ordinal:
        add("ordinal", x.ordinal.value, x.ordinal)
    if x.communes_count:
        add("communes_count", x.communes_count.value, x.communes_count)
    return rows


def _record_rows(x: Extraction) -> dict[str, list[dict]]:
    doc_id = x.document.doc_id
    base = {"convention_id": None, "doc_id": doc_id}
    return {
        "facts": fact_rows(x),
        "parties": [{**base, "org_name": p.org_name, "org_kind": p.org_kind.value, "person_name": p.person_name,
                     "person_role": p.person_role, "is_signatory": p.is_signatory, **_grounding(p)} for p in x.parties],
        "communes": [{**base, "name": c.name, "code": c.code, **_grounding(c)} for c in x.communes],
        "themes": [{**base, "theme": t.theme.value, "label": t.label, **_grounding(t)} for t in x.themes],
        "objectives": [{**base, "theme": o.theme.value if o.theme else None, "level": o.level.value, "text": o.text,
                        "parent_text": o.parent_text, **_grounding(o)} for o in x.objectives],
        "figures": [{**base, "label": f.label, "value": f.value, "unit": f.unit, "unit_category": f.category.value,
                     "year": f.year, **_grounding(f)} for f in x.figures],
    }


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = COLUMNS[table]
    frame = pd.DataFrame(rows, columns=columns)
    con.register("_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _rows")
    finally:
        con.unregister("_rows")


def load(con: duckdb.DuckDBPyConnection, extractions: list[Extraction], version: str = "") -> None:
    """Replace the rows of each document in one transaction (all documents of the call at once)."""
    if not extractions:
        return
    doc_ids = [x.document.doc_id for x in extractions]
    tables: dict[str, list[dict]] = {t: [] for t in RECORD_TABLES}
    documents = []
    for x in extractions:
        documents.append({**x.document.model_dump(mode="python"), "convention_id": None, "ctg_version": version,
                          "ocr_pages": list(x.document.ocr_pages),
                          "kind": x.document.kind.value if x.document.kind else None,
                          "status": x.document.status.value})
        for table, rows in _record_rows(x).items():
            tables[table].extend(rows)
    con.execute("BEGIN TRANSACTION")
    try:
        placeholders = ", ".join("?" * len(doc_ids))
        for table in (*RECORD_TABLES, "documents"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN ({placeholders})", doc_ids)
        _insert(con, "documents", documents)
        for table, rows in tables.items():
            _insert(con, table, rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


# --- conventions ---------------------------------------------------------------------------------

def _vote(values: list[tuple[int, object]]):
    """The value stated by the most documents; ties go to the most authoritative kind."""
    present = [(rank, v) for rank, v in values if v is not None and not pd.isna(v)]
    if not present:
        return None
    counts = Counter(v for _, v in present)
    top = max(counts.values())
    return min((rank, v) for rank, v in present if counts[v] == top)[1] if top else None


def _documents_state(con: duckdb.DuckDBPyConnection) -> str:
    count, latest = con.execute("SELECT count(*), max(extracted_at) FROM documents").fetchone()
    return f"{count}|{latest}"


def needs_linking(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether documents changed since conventions were last linked (a run killed before linking)."""
    linked = con.execute("SELECT value FROM ctg_meta WHERE key = 'linked_documents'").fetchone()
    return linked is None or linked[0] != _documents_state(con)


def count_conventions(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM conventions").fetchone()[0]


Period = tuple[int | None, int | None]


def _stated_period(doc: dict) -> Period | None:
    """The period a document states: both years, one end only ("jusqu'en 2027"), or None."""
    start, end = doc.get("period_start"), doc.get("period_end")
    if start is None and end is None:
        return None
    return (int(start) if start is not None else None, int(end) if end is not None else None)


def _only_a_legal_form(name: str) -> bool:
    """Whether a territory's name is its legal form alone ("Communauté urbaine")."""
    return not TERRITORY_PREFIX.sub("", fold(name), count=1).strip(" -'")


def _period_suffix(period: Period | None) -> str:
    if period is None:
        return "-periode-inconnue"
    start, end = period
    return f"-{start if start else 'debut-inconnu'}-{end if end else 'fin-inconnue'}"


def _periods_by_territory(per_doc: dict[str, dict]) -> dict[str, Period | None]:
    """The period each document of a named territory belongs to. A document stating both years
    has its own; one stating one end joins the territory's only full period with that end (or
    start), else stands as stated; one stating none joins the territory's only period. A
    document that cannot be placed is left out."""
    full: dict[str, set[Period]] = {}
    for doc in per_doc.values():
        period = _stated_period(doc)
        if doc.get("territory_key") and period and None not in period:
            full.setdefault(doc["territory_key"], set()).add(period)
    placed: dict[str, Period | None] = {}
    for doc_id, doc in per_doc.items():
        key, period = doc.get("territory_key"), _stated_period(doc)
        if not key or period is None:
            continue
        if None in period:
            fitting = [p for p in full.get(key, ()) if all(s is None or s == f for s, f in zip(period, p))]
            if len(fitting) > 1:
                continue  # several CTGs of the territory end that year: nothing says which
            period = fitting[0] if fitting else period
        placed[doc_id] = period
    known: dict[str, set[Period]] = {}
    for doc_id, period in placed.items():
        known.setdefault(per_doc[doc_id]["territory_key"], set()).add(period)
    for doc_id, doc in per_doc.items():
        key = doc.get("territory_key")
        if key and _stated_period(doc) is None:
            periods = known.get(key, set())
            if len(periods) <= 1:
                placed[doc_id] = next(iter(periods), None)
            # else: several CTGs of this territory and nothing says which one
    return placed


def link_conventions(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild ``conventions`` from the facts of all ok documents; set every row's convention_id.

    A CTG is a territory (its key) and a period. A document stating its territory but no period
    joins the territory's only CTG when there is exactly one. A document whose territory is
    unknown, or named by its legal form alone, gets a convention of its own, so that its Caf,
    period and dates are kept. Returns the number of conventions.
    """
    facts = con.execute("""
        SELECT d.doc_id, d.kind, f.field, f.value
        FROM documents d JOIN facts f USING (doc_id)
        WHERE d.status = 'ok'
    """).fetchdf()
    per_doc: dict[str, dict] = {}
    for row in facts.itertuples(index=False):
        per_doc.setdefault(row.doc_id, {"kind": row.kind})[row.field] = row.value

    for doc in per_doc.values():
        if doc.get("territory_name") and _only_a_legal_form(doc["territory_name"]):
            doc.pop("territory_key", None)  # "la communauté urbaine": no name to join others by
    placed = _periods_by_territory(per_doc)
    assignment: dict[str, str] = {}
    members: dict[str, list[dict]] = {}
    for doc_id, doc in per_doc.items():
        key = doc.get("territory_key")
        if key:
            if doc_id not in placed:
                continue
            period = placed[doc_id]
            convention_id = slug(key) + _period_suffix(period)
        else:
            # Its own convention, keyed on the document and what it states.
            period = _stated_period(doc)
            convention_id = f"sans-territoire-{slug(doc_id)}" + (_period_suffix(period) if period else "")
        assignment[doc_id] = convention_id
        members.setdefault(convention_id, []).append({**doc, "_period": period})

    rows = []
    for convention_id, docs in members.items():
        def vote(field: str, docs=docs):
            return _vote([(KIND_PRIORITY.get(d["kind"], 9), d.get(field)) for d in docs])
        period = docs[0]["_period"]
        rows.append({
            "convention_id": convention_id, "territory_key": docs[0].get("territory_key"),
            "territory_name": vote("territory_name"), "territory_type": vote("territory_type"),
            "territory_code": vote("territory_code"), "caf_name": vote("caf_name"),
            "caf_department": vote("caf_department"),
            "period_start": period[0] if period else None, "period_end": period[1] if period else None,
            "signature_date": vote("signature_date"), "ordinal": vote("ordinal"), "n_documents": len(docs),
        })
    assigned = pd.DataFrame({"doc_id": list(assignment), "convention_id": list(assignment.values())},
                            columns=["doc_id", "convention_id"])
    conventions = pd.DataFrame(rows, columns=["convention_id", "territory_key", "territory_name", "territory_type",
                                              "territory_code", "caf_name", "caf_department", "period_start",
                                              "period_end", "signature_date", "ordinal", "n_documents"])
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM conventions")
        con.register("_conventions", conventions)
        con.register("_assigned", assigned)
        con.execute("""INSERT INTO conventions SELECT convention_id, territory_key, territory_name, territory_type,
                       territory_code, caf_name, caf_department, CAST(period_start AS INTEGER),
                       CAST(period_end AS INTEGER), CAST(signature_date AS DATE), CAST(ordinal AS INTEGER),
                       CAST(n_documents AS INTEGER) FROM _conventions""")
        con.execute("UPDATE documents SET convention_id = NULL WHERE convention_id IS NOT NULL")
        con.execute("UPDATE documents SET convention_id = a.convention_id FROM _assigned a "
                    "WHERE documents.doc_id = a.doc_id")
        for table in RECORD_TABLES[1:]:
            con.execute(f"UPDATE {table} SET convention_id = d.convention_id FROM documents d "
                        f"WHERE {table}.doc_id = d.doc_id AND {table}.convention_id IS DISTINCT FROM d.convention_id")
        con.execute("INSERT OR REPLACE INTO ctg_meta VALUES ('linked_documents', ?)", [_documents_state(con)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_conventions")
        con.unregister("_assigned")
    return len(rows)
