package collector

import "github.com/plantrack/plantrack/storage"

// indicator reads a row of an indicators table (CSV, or a sheet named
// indicators): code, names, measure, kind, direction, pace_profile,
// growth_basis, index_base, primary_authority and part_of, as the JSON
// "indicators" list names them. storage's rules judge the row when it is
// stored (session.indicator), so a CSV row and a JSON element are refused
// for the same reasons; a part_of naming no stored or declared indicator
// is refused by the writer.
func (c *rowCheck) indicator() storage.Indicator {
	return storage.Indicator{
		Code:             c.text(fCode),
		NameVI:           c.utf8Text(fNameVI),
		NameEN:           c.utf8Text(fNameEN),
		Measure:          c.utf8Text(fMeasure),
		Kind:             storage.Kind(c.text(fKind)),
		Direction:        storage.Direction(c.text(fDirection)),
		PaceProfile:      storage.PaceProfile(c.text(fPaceProfile)),
		GrowthBasis:      storage.GrowthBasis(c.text(fGrowthBasis)),
		IndexBase:        c.text(fIndexBase),
		PrimaryAuthority: storage.Authority(c.text(fPrimaryAuthority)),
		PartOf:           c.text(fPartOf),
	}
}
