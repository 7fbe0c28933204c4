-- 0004: units over time (SPEC §2 "Units over time"). A unit may have a
-- first and a last day of validity ('' = open), its parents with the day
-- each took effect, and predecessors (units whose territory it took over,
-- each with the day). units.parent_id stays: it is the unit's latest
-- parent, so every reader of the tree as it stands today is unchanged.

ALTER TABLE units ADD COLUMN valid_from TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN valid_to   TEXT NOT NULL DEFAULT '';

-- One row per (unit, day its parent took effect); valid_from '' means
-- "since the beginning". The parent in force on a day D is the row with
-- the greatest valid_from <= D.
CREATE TABLE unit_parents (
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    valid_from TEXT NOT NULL DEFAULT '',
    parent_id  INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (unit_id, valid_from)
) WITHOUT ROWID;

-- The children of a parent on a day, read by index alone.
CREATE INDEX unit_parents_parent ON unit_parents (parent_id, valid_from, unit_id);

-- Units with a dated parent: the few whose rows a listing must read.
CREATE INDEX unit_parents_dated ON unit_parents (unit_id) WHERE valid_from <> '';

INSERT INTO unit_parents (unit_id, valid_from, parent_id)
    SELECT id, '', parent_id FROM units WHERE parent_id IS NOT NULL;

-- Successions: unit_id took over predecessor_id's territory on date; ord
-- keeps the order the predecessors were given in (the order pages name
-- them: "Hợp nhất từ Cần Thơ, Sóc Trăng, Hậu Giang").
CREATE TABLE unit_predecessors (
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    predecessor_id INTEGER NOT NULL REFERENCES units (id),
    date           TEXT NOT NULL,
    ord            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, predecessor_id)
) WITHOUT ROWID;

CREATE INDEX unit_predecessors_of ON unit_predecessors (predecessor_id, unit_id);
