package auth

import "github.com/plantrack/plantrack/storage"

// Scope is the one rule of what a writer may change, given to every import
// the API and the writer pages run for it (collector Options.Allow). It
// returns nil for an admin (every change allowed) and a CodeForbidden error
// for a role that may not write at all.
//
// A reporter decides by what is stored, never by what a report declares
// (the collector describes each change as the import's transaction sees the
// data, so a unit declared earlier in the same report counts as stored):
//   - figures and plans: of its own unit and the units stored below it;
//   - a new unit: only below its own unit (a new unit whose declared parent
//     was added earlier in the same report under it counts);
//   - a stored unit: renamed only when it lies in the scope; moving it to
//     another parent or changing its synthetic mark needs an admin;
//   - an indicator: a new one may be added; changing a stored one (shared
//     by every unit) needs an admin.
//
// Declarations that change nothing are always allowed, so re-importing an
// export is a no-op for every writer. The decision reads nothing itself: a
// database error while the collector describes a change ends the import as
// an internal error (500), never as a refusal (403).
func Scope(w Writer) (func(storage.Change) error, error) {
	switch {
	case w.Role == storage.RoleAdmin:
		return nil, nil
	case w.Role != storage.RoleReporter || w.Unit == "":
		return nil, storage.Errorf(storage.CodeForbidden,
			"token %q has role %q, which may not write; ask an administrator for an admin or reporter token", w.TokenName, w.Role)
	}
	return func(c storage.Change) error { return reporterMay(w, c) }, nil
}

// reporterMay applies Scope's rules for a reporter.
func reporterMay(w Writer, c storage.Change) error {
	switch {
	case c.Kind == storage.ChangeIndicator:
		if c.Changes {
			return storage.Errorf(storage.CodeForbidden,
				"changing indicator %s, which every unit shares, needs an admin token", c.Code)
		}
		return nil
	case c.Kind == storage.ChangeUnit && c.New:
		if !c.Within(w.Unit) {
			return storage.Errorf(storage.CodeForbidden,
				"token %q may add units only below %s; give a parent inside it", w.TokenName, w.Unit)
		}
		return nil
	case c.Kind == storage.ChangeUnit && !c.Changes:
		return nil
	case !c.Within(w.Unit):
		return storage.Errorf(storage.CodeForbidden,
			"token %q may write only %s and the units below it, not %s", w.TokenName, w.Unit, c.Code)
	case c.Moves:
		return storage.Errorf(storage.CodeForbidden, "moving unit %s to another parent needs an admin token", c.Code)
	case c.Synthetic:
		return storage.Errorf(storage.CodeForbidden, "changing the synthetic mark of unit %s needs an admin token", c.Code)
	}
	return nil
}
