package collector

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// jsonPlanPercent is one element of reported_plan_percents.
type jsonPlanPercent struct {
	Authority string          `json:"authority"`
	Percent   json.RawMessage `json:"percent"`
}

// withPlanPercents returns the row's fields with reported_plan_percents
// spread over the reported_plan_percent_<authority> columns, so that JSON
// rows are checked exactly as CSV rows are. A malformed list, an unknown
// authority or one named twice is an error naming the row and field.
func (j *jsonObservation) withPlanPercents(at pos) ([][2]any, error) {
	fields := j.fields()
	raw := bytes.TrimSpace(j.ReportedPlanPercents)
	if len(raw) == 0 || string(raw) == "null" {
		return fields, nil
	}
	bad := func(value, reason string) error {
		return &storage.Error{Code: storage.CodeInvalid,
			Message: fmt.Sprintf("%s[%d].reported_plan_percents: %s", at.sheet, at.row, reason),
			Details: []storage.Detail{{Sheet: at.sheet, Row: at.row, Field: "reported_plan_percents", Value: clip(value), Reason: reason}}}
	}
	var list []jsonPlanPercent
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&list); err != nil {
		return nil, bad(string(raw), `expected a list such as [{"authority": "central", "percent": 103.5}]`)
	}
	seen := map[storage.Authority]bool{}
	for _, e := range list {
		a := storage.Authority(e.Authority)
		f, ok := percentFieldOf(a)
		switch {
		case !ok:
			return nil, bad(e.Authority, "the authority is council, central, party or own")
		case seen[a]:
			return nil, bad(e.Authority, "an authority is named twice; give one percent per plan")
		case len(bytes.TrimSpace(e.Percent)) == 0 || string(bytes.TrimSpace(e.Percent)) == "null":
			return nil, bad(e.Authority, "each entry needs a percent")
		}
		seen[a] = true
		fields = append(fields, [2]any{f, e.Percent})
	}
	return fields, nil
}
