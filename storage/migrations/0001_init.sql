-- 0001: units, indicators, the append-only observation revisions, plans and
-- the data-version counter. Every revision and every plan version is a row;
-- nothing is updated in place except unit and indicator names.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('data_version', 0);

CREATE TABLE units (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name_vi   TEXT NOT NULL DEFAULT '',
    name_en   TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES units (id),
    synthetic INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX units_parent ON units (parent_id, code);

CREATE TABLE indicators (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name_vi      TEXT NOT NULL DEFAULT '',
    name_en      TEXT NOT NULL DEFAULT '',
    measure      TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    direction    TEXT NOT NULL,
    pace_profile TEXT NOT NULL,
    growth_basis TEXT NOT NULL
);

-- One row per revision; id is the revision number. Percentages are kept as
-- written ("53.7") so their precision survives.
CREATE TABLE observations (
    id                    INTEGER PRIMARY KEY,
    unit_id               INTEGER NOT NULL REFERENCES units (id),
    indicator_id          INTEGER NOT NULL REFERENCES indicators (id),
    year                  INTEGER NOT NULL,
    first_month           INTEGER NOT NULL,
    last_month            INTEGER NOT NULL,
    value                 REAL,
    report_status         TEXT NOT NULL,
    reported_plan_percent TEXT,
    reported_yoy_percent  TEXT,
    reported_at           TEXT NOT NULL,
    source                TEXT NOT NULL,
    quote                 TEXT NOT NULL DEFAULT '',
    retracted             INTEGER NOT NULL DEFAULT 0,
    via                   TEXT NOT NULL DEFAULT '',
    token_name            TEXT NOT NULL DEFAULT '',
    file_name             TEXT NOT NULL DEFAULT '',
    recorded_at           TEXT NOT NULL,
    -- Year, months, retraction and status in one integer, written by the
    -- application: ((((year*16 + first_month)*16 + last_month)*2 + retracted)*4
    -- + status (0 preliminary, 1 estimate, 2 official)). Reads of thousands of
    -- figures per page fetch it from the covering index instead of five
    -- columns; computing it per read costs more than the index scan. (SQLite
    -- does not treat an index on a generated column as covering.) Rows
    -- inserted without it are read through the same formula.
    packed                INTEGER
);

-- One unit's figures by indicator and period, revisions in (reported_at, id)
-- order; covers everything the derived figures read, so progress never
-- touches the table itself.
CREATE INDEX observations_unit ON observations (
    unit_id, indicator_id, year, last_month, first_month, reported_at, id,
    packed, value, reported_plan_percent, reported_yoy_percent, retracted, report_status);

-- One indicator and period across many units (children compared side by
-- side); covering too, so thousands of units cost index reads only.
CREATE INDEX observations_indicator ON observations (
    indicator_id, year, last_month, first_month, unit_id, reported_at, id,
    packed, value, reported_plan_percent, reported_yoy_percent, retracted, report_status);

CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    year         INTEGER NOT NULL,
    version      TEXT NOT NULL,
    basis        TEXT NOT NULL,
    target       REAL,
    target_low   REAL,
    target_high  REAL,
    adopted_on   TEXT NOT NULL,
    source       TEXT NOT NULL,
    via          TEXT NOT NULL DEFAULT '',
    token_name   TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL
);

CREATE INDEX plans_key ON plans (unit_id, indicator_id, year, version, id);
