package dashboards

import (
	"context"

	"github.com/plantrack/plantrack/storage"
)

// gaugeSource is the /metrics handler's view of the database: the gauges
// show no flags, so each unit's latest items are derived without the
// checks against its children (storage.DB.LatestOwn) — a cold exposition
// at national scale then reads no commune's figures for its province.
type gaugeSource struct{ *storage.DB }

// Latest returns the items the gauges read; see storage.DB.LatestOwn.
func (g gaugeSource) Latest(ctx context.Context, maxDepth int, asOf string) ([]storage.Item, error) {
	return g.LatestOwn(ctx, maxDepth, asOf)
}
