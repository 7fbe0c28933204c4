-- 0006: a compact file (issue 14). Figures were stored three times over —
-- the table and two covering indexes each held most of a row — and every
-- row repeated its provenance text. Now:
--
-- * batches holds each distinct provenance (source, via, token, file,
--   recorded_at) once; a figure refers to it by id. Nothing of the audit
--   trail is lost: every revision keeps its own row, id, quote and
--   provenance.
-- * figures is clustered on the key every figure read uses (unit,
--   indicator, period, reported_at, revision id): WITHOUT ROWID, so the
--   table is that index and no copy of it exists. report_status and
--   retracted live in packed only (see packFigure).
-- * figures_id finds a revision by its number (provenance look-ups, the
--   change tracker's "rows since", the next number). Reads of one indicator
--   across units seek each unit's key instead of a second covering index.
-- * observations stays as a view with every column it had, so readers of
--   the audit trail (the API, exports, tests) are unchanged; inserting
--   into it stores into figures and batches.

CREATE TABLE batches (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    via         TEXT NOT NULL DEFAULT '',
    token_name  TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (recorded_at, via, token_name, file_name, source)
);

INSERT INTO batches (source, via, token_name, file_name, recorded_at)
SELECT DISTINCT source, via, token_name, file_name, recorded_at FROM observations
ORDER BY recorded_at, via, token_name, file_name, source;

CREATE TABLE figures (
    unit_id                INTEGER NOT NULL REFERENCES units (id),
    indicator_id           INTEGER NOT NULL REFERENCES indicators (id),
    year                   INTEGER NOT NULL,
    last_month             INTEGER NOT NULL,
    first_month            INTEGER NOT NULL,
    reported_at            TEXT NOT NULL,
    id                     INTEGER NOT NULL,
    -- ((((year*16 + first_month)*16 + last_month)*2 + retracted)*4 + status
    -- (0 preliminary, 1 estimate, 2 official)), written by the application.
    packed                 INTEGER NOT NULL,
    value                  REAL,
    reported_plan_percent  TEXT,
    reported_yoy_percent   TEXT,
    reported_plan_percents TEXT,
    quote                  TEXT NOT NULL DEFAULT '',
    batch_id               INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (unit_id, indicator_id, year, last_month, first_month, reported_at, id)
) WITHOUT ROWID;

INSERT INTO figures (unit_id, indicator_id, year, last_month, first_month, reported_at, id, packed, value,
    reported_plan_percent, reported_yoy_percent, reported_plan_percents, quote, batch_id)
SELECT o.unit_id, o.indicator_id, o.year, o.last_month, o.first_month, o.reported_at, o.id,
    coalesce(o.packed, ((((o.year * 16 + o.first_month) * 16 + o.last_month) * 2 + o.retracted) * 4 +
        CASE o.report_status WHEN 'estimate' THEN 1 WHEN 'official' THEN 2 ELSE 0 END)),
    o.value, o.reported_plan_percent, o.reported_yoy_percent, o.reported_plan_percents, o.quote, b.id
FROM observations o NOT INDEXED
JOIN batches b ON b.recorded_at = o.recorded_at AND b.via = o.via AND b.token_name = o.token_name
    AND b.file_name = o.file_name AND b.source = o.source
ORDER BY o.unit_id, o.indicator_id, o.year, o.last_month, o.first_month, o.reported_at, o.id;

CREATE UNIQUE INDEX figures_id ON figures (id);

DROP TABLE observations;

CREATE VIEW observations AS
SELECT f.id AS id, f.unit_id AS unit_id, f.indicator_id AS indicator_id, f.year AS year,
    f.first_month AS first_month, f.last_month AS last_month, f.value AS value,
    CASE f.packed & 3 WHEN 1 THEN 'estimate' WHEN 2 THEN 'official' ELSE 'preliminary' END AS report_status,
    f.reported_plan_percent AS reported_plan_percent, f.reported_yoy_percent AS reported_yoy_percent,
    f.reported_at AS reported_at, b.source AS source, f.quote AS quote, (f.packed >> 2) & 1 AS retracted,
    b.via AS via, b.token_name AS token_name, b.file_name AS file_name, b.recorded_at AS recorded_at,
    f.packed AS packed, f.reported_plan_percents AS reported_plan_percents
FROM figures f JOIN batches b ON b.id = f.batch_id;

CREATE TRIGGER observations_insert INSTEAD OF INSERT ON observations
BEGIN
    INSERT INTO batches (source, via, token_name, file_name, recorded_at)
    VALUES (NEW.source, coalesce(NEW.via, ''), coalesce(NEW.token_name, ''), coalesce(NEW.file_name, ''), NEW.recorded_at)
    ON CONFLICT DO NOTHING;
    INSERT INTO figures (unit_id, indicator_id, year, last_month, first_month, reported_at, id, packed, value,
        reported_plan_percent, reported_yoy_percent, reported_plan_percents, quote, batch_id)
    VALUES (NEW.unit_id, NEW.indicator_id, NEW.year, NEW.last_month, NEW.first_month, NEW.reported_at,
        coalesce(NEW.id, (SELECT coalesce(max(id), 0) + 1 FROM figures)),
        coalesce(NEW.packed, ((((NEW.year * 16 + NEW.first_month) * 16 + NEW.last_month) * 2 + coalesce(NEW.retracted, 0)) * 4 +
            CASE NEW.report_status WHEN 'estimate' THEN 1 WHEN 'official' THEN 2 ELSE 0 END)),
        NEW.value, NEW.reported_plan_percent, NEW.reported_yoy_percent, NEW.reported_plan_percents,
        coalesce(NEW.quote, ''),
        (SELECT id FROM batches WHERE recorded_at = NEW.recorded_at AND via = coalesce(NEW.via, '')
            AND token_name = coalesce(NEW.token_name, '') AND file_name = coalesce(NEW.file_name, '')
            AND source = NEW.source));
END;
