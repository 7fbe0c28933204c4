// Package dashboards is plantrack's web server: the JSON API under
// /api/v1/, the web pages, /metrics, login sessions and the middleware that
// guards them (security headers, cross-origin protection, body limits,
// logging, panic recovery, latency histogram). Every route is listed in
// routes().
package dashboards

import (
	"fmt"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// Config is the server's tunable behaviour. Start from DefaultConfig.
type Config struct {
	MetricsDepth  int                // /metrics exposes units down to this depth
	ReadAuth      bool               // every page and API answer requires a login or a token
	MaxBodyBytes  int64              // request bodies above this are refused with 413 before parsing
	MaxImportRows int                // row cap for imports over HTTP (0: none); CLI imports have none
	Thresholds    storage.Thresholds // pace boundaries
	SecureCookies bool               // mark session cookies Secure even on plain HTTP (TLS proxy in front)
	SessionTTL    time.Duration      // how long a login session lasts
	// WriteDeadline ends the context of every state-changing request
	// (imports, forms) this long after it began: an import still running
	// stops and stores nothing. Set it to the server's write timeout.
	WriteDeadline time.Duration
}

// DefaultConfig returns the defaults: metrics depth 1, public reads, 32 MiB
// bodies, 100,000 rows per HTTP import, SPEC thresholds, 12-hour sessions,
// 2-minute write deadline.
func DefaultConfig() Config {
	return Config{
		MetricsDepth:  1,
		MaxBodyBytes:  32 << 20,
		MaxImportRows: 100000,
		Thresholds:    storage.DefaultThresholds(),
		SessionTTL:    12 * time.Hour,
		WriteDeadline: 2 * time.Minute,
	}
}

// Validate reports the first setting that cannot work, saying what to change.
func (c Config) Validate() error {
	switch {
	case c.MetricsDepth < 0:
		return fmt.Errorf("metrics depth %d: must be 0 or more", c.MetricsDepth)
	case c.MaxBodyBytes <= 0:
		return fmt.Errorf("max body bytes %d: must be positive (default 32 MiB)", c.MaxBodyBytes)
	case c.MaxImportRows < 0:
		return fmt.Errorf("max import rows %d: must be 0 (no cap) or more", c.MaxImportRows)
	case c.WriteDeadline <= 0:
		return fmt.Errorf("write deadline %s: must be positive", c.WriteDeadline)
	case c.SessionTTL <= 0:
		return fmt.Errorf("session TTL %s: must be positive", c.SessionTTL)
	case c.Thresholds == (storage.Thresholds{}):
		return fmt.Errorf("pace thresholds are unset: start from DefaultConfig()")
	}
	return c.Thresholds.Validate()
}
