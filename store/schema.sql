-- The ctg DuckDB schema. Applied by store.db.connect() on every open (idempotent).
-- Every row extracted from a document carries its provenance: doc_id, page (1-based), snippet
-- (the source text, at most ~300 characters), bbox (x0, y0, x1, y1 in PDF points, top-left
-- origin; NULL for HTML/text) and rule (the pattern or method that produced it).

-- One row per input file, ok or in error.
CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,   -- file name without extension; "-2", "-3" on collisions
    source_path   VARCHAR NOT NULL,      -- absolute path when extracted
    sha256        VARCHAR,
    size_bytes    BIGINT,
    mtime         DOUBLE,                -- file modification time (seconds since epoch)
    media         VARCHAR,               -- pdf | html | txt
    kind          VARCHAR CHECK (kind IN ('convention', 'press_release', 'diagnostic', 'deliberation', 'web_page', 'other')),
    title         VARCHAR,
    n_pages       INTEGER,
    n_pages_ocr   INTEGER,
    ocr_pages     INTEGER[],             -- the 1-based pages read by OCR
    n_tables      INTEGER,
    status        VARCHAR NOT NULL CHECK (status IN ('ok', 'error')),
    error         VARCHAR,               -- one line, for status = 'error'
    error_stage   VARCHAR,               -- ingest | ocr | classify | extract | load
    convention_id VARCHAR,               -- the CTG this document belongs to (see conventions)
    extracted_at  TIMESTAMP,
    duration_s    DOUBLE,
    ctg_version   VARCHAR
);

-- Scalar facts stated by one document about its CTG, each with its provenance. The
-- conventions table consolidates them over the documents of a CTG.
-- field: territory_name | territory_type | caf_name | caf_department | period_start |
--        period_end | signature_date | ordinal | communes_count
CREATE TABLE IF NOT EXISTS facts (
    doc_id   VARCHAR NOT NULL,
    field    VARCHAR NOT NULL,
    value    VARCHAR NOT NULL,
    page     INTEGER NOT NULL,
    snippet  VARCHAR NOT NULL,
    bbox     DOUBLE[],
    rule     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, field)
);

-- One row per CTG: a territory and a period, consolidated over its documents.
CREATE TABLE IF NOT EXISTS conventions (
    convention_id   VARCHAR PRIMARY KEY,  -- "<territory>-<start>-<end>" ("valros-2022-2026"; an unknown end
                                          -- "debut-inconnu"/"fin-inconnue", no period "-periode-inconnue"),
                                          -- or "sans-territoire-<doc_id>-..." for a document naming no territory
    territory_key   VARCHAR,              -- links the successive CTGs of one territory
    territory_name  VARCHAR,
    territory_type  VARCHAR CHECK (territory_type IN ('commune', 'epci', 'departement', 'multi_communes')),
    territory_code  VARCHAR,              -- INSEE commune code or EPCI SIREN, when known
    caf_name        VARCHAR,
    caf_department  VARCHAR,
    period_start    INTEGER,
    period_end      INTEGER,
    signature_date  DATE,
    ordinal         INTEGER,
    n_documents     INTEGER
);

CREATE TABLE IF NOT EXISTS parties (
    convention_id VARCHAR,
    doc_id        VARCHAR NOT NULL,
    org_name      VARCHAR,
    org_kind      VARCHAR CHECK (org_kind IN ('caf', 'epci', 'commune', 'departement', 'msa', 'etat', 'other')),
    person_name   VARCHAR,
    person_role   VARCHAR,
    is_signatory  BOOLEAN,
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    bbox          DOUBLE[],
    rule          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS communes (
    convention_id VARCHAR,
    doc_id        VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    code          VARCHAR,
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    bbox          DOUBLE[],
    rule          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS themes (
    convention_id VARCHAR,
    doc_id        VARCHAR NOT NULL,
    theme         VARCHAR NOT NULL,       -- petite_enfance, enfance, jeunesse, parentalite, ... or autre
    label         VARCHAR NOT NULL,       -- the axis as written
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    bbox          DOUBLE[],
    rule          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS objectives (
    convention_id VARCHAR,
    doc_id        VARCHAR NOT NULL,
    theme         VARCHAR,
    level         VARCHAR NOT NULL CHECK (level IN ('enjeu', 'objectif', 'action')),
    text          VARCHAR NOT NULL,
    parent_text   VARCHAR,                -- the enjeu/objectif this item belongs to, when known
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    bbox          DOUBLE[],
    rule          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS figures (
    convention_id VARCHAR,
    doc_id        VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    value         DOUBLE NOT NULL,
    unit          VARCHAR NOT NULL,       -- EUR, %, or the count noun: habitants, enfants, multi-accueils...
    unit_category VARCHAR NOT NULL,       -- the unit's family, to compare documents: EAJE for crèches and
                                          -- multi-accueils, assistants maternels for both genders...
    year          INTEGER,
    page          INTEGER NOT NULL,
    snippet       VARCHAR NOT NULL,
    bbox          DOUBLE[],
    rule          VARCHAR NOT NULL
);

-- Successive CTGs of a territory, in order: evaluators compare a period with the previous one.
CREATE OR REPLACE VIEW convention_succession AS
SELECT convention_id,
       territory_key,
       territory_name,
       period_start,
       period_end,
       lag(convention_id) OVER w AS previous_convention_id,
       lead(convention_id) OVER w AS next_convention_id,
       row_number() OVER w AS rank_in_territory
FROM conventions
WHERE territory_key IS NOT NULL AND period_start IS NOT NULL
WINDOW w AS (PARTITION BY territory_key ORDER BY period_start, period_end);
