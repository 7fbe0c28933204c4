-- 0007: an indicator may be a part of another (a GRDP sector, a source of
-- budget revenue, a kind of spending): part_of holds the whole's code, ''
-- for a whole. The catalog's parts, seeded before this column existed,
-- name their wholes.

ALTER TABLE indicators ADD COLUMN part_of TEXT NOT NULL DEFAULT '';

UPDATE indicators SET part_of = 'grdp'
 WHERE code IN ('grdp_agriculture', 'grdp_industry_construction', 'grdp_services', 'grdp_product_taxes') AND part_of = '';
UPDATE indicators SET part_of = 'budget_revenue'
 WHERE code IN ('budget_revenue_domestic', 'budget_revenue_import_export', 'budget_revenue_land_use') AND part_of = '';
UPDATE indicators SET part_of = 'budget_expenditure'
 WHERE code IN ('budget_expenditure_development', 'budget_expenditure_recurrent') AND part_of = '';
