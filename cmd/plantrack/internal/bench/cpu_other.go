//go:build !unix

package bench

import "time"

// processCPU is unknown here: the report then gives the wall-time ratio only.
func processCPU() time.Duration { return 0 }
