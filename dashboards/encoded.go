package dashboards

import (
	"encoding/json"
	"net/http"
	"sync"
)

// encodedMax and encodedBudget bound how many encoded answers a Server
// keeps and their bytes; past either, all are forgotten (answers change
// with every write that touches them). An answer over a quarter of the
// budget is not kept. The bytes bind at national scale: a comparison of
// every commune is about a megabyte of JSON, and each as_of date a reader
// asks for is another answer.
const (
	encodedMax    = 512
	encodedBudget = 32 << 20
)

// encodedAnswers keeps the JSON encoding of API answers under a key that
// names the answer exactly — the query and the number of the derivation
// storage made it by (storage.Comparison.Derivation) — so that a
// request for an answer storage keeps writes its bytes instead of encoding
// it again: under many readers, encoding a hundred comparison rows cost
// more CPU than serving them from the memo.
type encodedAnswers struct {
	mu    sync.Mutex
	m     map[string][]byte
	bytes int // sum of len(m[k]) + len(k)
}

func (e *encodedAnswers) get(key string) ([]byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	b, ok := e.m[key]
	return b, ok
}

func (e *encodedAnswers) put(key string, b []byte) {
	n := len(key) + len(b)
	if n > encodedBudget/4 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if old, ok := e.m[key]; ok {
		e.bytes -= len(key) + len(old)
	}
	if e.m == nil || len(e.m) >= encodedMax || e.bytes+n > encodedBudget {
		e.m, e.bytes = map[string][]byte{}, 0
	}
	e.m[key] = b
	e.bytes += n
}

// writeEncoded answers 200 with the encoding of v kept under key, encoding
// and keeping it first if needed; the bytes are those writeJSON writes.
func (s *Server) writeEncoded(w http.ResponseWriter, key string, v func() any) {
	b, ok := s.encoded.get(key)
	if !ok {
		var err error
		if b, err = json.Marshal(v()); err != nil {
			s.log.Debug("encode JSON answer", "err", err)
			s.writeJSON(w, http.StatusOK, v())
			return
		}
		b = append(b, '\n')
		s.encoded.put(key, b)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(b); err != nil {
		s.log.Debug("write JSON answer", "err", err)
	}
}
