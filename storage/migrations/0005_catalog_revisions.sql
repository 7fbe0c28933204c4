-- 0005: units and indicators keep every revision with its provenance, like
-- figures do. Each row is a snapshot (JSON, the unit or indicator as the
-- API writes it) of what a write stored, so fields added later are kept
-- without changing this table. Units and indicators stored before this
-- migration get one revision each, via 'upgrade', holding what they are now.

CREATE TABLE catalog_revisions (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('unit', 'indicator')),
    code        TEXT NOT NULL,
    snapshot    TEXT NOT NULL,
    via         TEXT NOT NULL DEFAULT '',
    token_name  TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);

CREATE INDEX catalog_revisions_code ON catalog_revisions (kind, code, id);

INSERT INTO catalog_revisions (kind, code, snapshot, via, recorded_at)
SELECT 'unit', u.code,
       json_object('code', u.code, 'name_vi', u.name_vi, 'name_en', u.name_en, 'parent', coalesce(p.code, ''),
                   'synthetic', json(CASE WHEN u.synthetic THEN 'true' ELSE 'false' END)),
       'upgrade', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id;

INSERT INTO catalog_revisions (kind, code, snapshot, via, recorded_at)
SELECT 'indicator', code,
       json_object('code', code, 'name_vi', name_vi, 'name_en', name_en, 'measure', measure, 'kind', kind,
                   'direction', direction, 'pace_profile', pace_profile, 'growth_basis', growth_basis,
                   'index_base', index_base, 'primary_authority', primary_authority),
       'upgrade', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM indicators ORDER BY id;
