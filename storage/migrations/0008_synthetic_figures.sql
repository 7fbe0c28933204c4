-- 0008: a figure may be synthetic (generated sample data) on a unit that
-- is not — the demo's figures for the real Cần Thơ before its merger — and
-- every answer derived from it must say so (SPEC §5). The mark is bit 40
-- of figures.packed (see syntheticBit), so every read of packed carries it
-- and the clustered table gains no column; observations shows it as
-- synthetic and its insert trigger takes it.
--
-- Figures the demo stored before this mark existed with a source that says
-- "synthetic demo data" are sample data: they are marked, as the demo now
-- marks them (the seed report's real figures are not).

UPDATE figures SET packed = packed | 1099511627776
 WHERE batch_id IN (SELECT id FROM batches WHERE via = 'demo' AND source LIKE '%synthetic demo data%');

DROP TRIGGER observations_insert;
DROP VIEW observations;

CREATE VIEW observations AS
SELECT f.id AS id, f.unit_id AS unit_id, f.indicator_id AS indicator_id, f.year AS year,
    f.first_month AS first_month, f.last_month AS last_month, f.value AS value,
    CASE f.packed & 3 WHEN 1 THEN 'estimate' WHEN 2 THEN 'official' ELSE 'preliminary' END AS report_status,
    f.reported_plan_percent AS reported_plan_percent, f.reported_yoy_percent AS reported_yoy_percent,
    f.reported_at AS reported_at, b.source AS source, f.quote AS quote, (f.packed >> 2) & 1 AS retracted,
    b.via AS via, b.token_name AS token_name, b.file_name AS file_name, b.recorded_at AS recorded_at,
    f.packed AS packed, f.reported_plan_percents AS reported_plan_percents, (f.packed >> 40) & 1 AS synthetic
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
            CASE NEW.report_status WHEN 'estimate' THEN 1 WHEN 'official' THEN 2 ELSE 0 END)
            + coalesce(NEW.synthetic, 0) * 1099511627776),
        NEW.value, NEW.reported_plan_percent, NEW.reported_yoy_percent, NEW.reported_plan_percents,
        coalesce(NEW.quote, ''),
        (SELECT id FROM batches WHERE recorded_at = NEW.recorded_at AND via = coalesce(NEW.via, '')
            AND token_name = coalesce(NEW.token_name, '') AND file_name = coalesce(NEW.file_name, '')
            AND source = NEW.source));
END;
