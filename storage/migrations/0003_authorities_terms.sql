-- 0003: figures as officials mean them (SPEC §2 revision 2).
-- Indicators gain index_base (growth_basis 'index') and primary_authority;
-- plans gain the authority that set them, a reference for growth and points
-- plans, and a term (term plans store year 0 and the term's first and last
-- years, so every query of yearly plans by year leaves them out);
-- observations gain the percents of plan that name their plan, in the
-- canonical text form "central:103.5;council:57.4" (NULL when none).
-- Rows stored before keep their meaning: council plans, no index base, no
-- named percents.

ALTER TABLE indicators ADD COLUMN index_base TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN primary_authority TEXT NOT NULL DEFAULT '';

ALTER TABLE plans ADD COLUMN authority TEXT NOT NULL DEFAULT 'council';
ALTER TABLE plans ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN term_first INTEGER;
ALTER TABLE plans ADD COLUMN term_last INTEGER;

DROP INDEX plans_key;
CREATE INDEX plans_key ON plans (unit_id, indicator_id, year, authority, term_first, term_last, version, id);

ALTER TABLE observations ADD COLUMN reported_plan_percents TEXT;

-- The covering indexes gain the new column, so reading figures still never
-- touches the table.
DROP INDEX observations_unit;
CREATE INDEX observations_unit ON observations (
    unit_id, indicator_id, year, last_month, first_month, reported_at, id,
    packed, value, reported_plan_percent, reported_yoy_percent, retracted, report_status,
    reported_plan_percents);

DROP INDEX observations_indicator;
CREATE INDEX observations_indicator ON observations (
    indicator_id, year, last_month, first_month, unit_id, reported_at, id,
    packed, value, reported_plan_percent, reported_yoy_percent, retracted, report_status,
    reported_plan_percents);
