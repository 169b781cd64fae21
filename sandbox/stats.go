package sandbox

import "sync"

// Stats is a snapshot of what the server has seen, for tests that assert a
// client did (or did not) talk to it.
type Stats struct {
	// Total counts every request that reached the handler, faulted or not.
	Total int64
	// ByRoute counts requests per "METHOD /path" (path without query).
	ByRoute map[string]int64
}

type stats struct {
	mu      sync.Mutex
	total   int64
	byRoute map[string]int64
}

func newStats() *stats { return &stats{byRoute: map[string]int64{}} }

func (s *stats) record(method, path string) {
	s.mu.Lock()
	s.total++
	s.byRoute[method+" "+path]++
	s.mu.Unlock()
}

// Stats returns a copy of the request counters.
func (s *Server) Stats() Stats {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	out := Stats{Total: s.stats.total, ByRoute: make(map[string]int64, len(s.stats.byRoute))}
	for k, v := range s.stats.byRoute {
		out.ByRoute[k] = v
	}
	return out
}

// ResetStats zeroes the request counters.
func (s *Server) ResetStats() {
	s.stats.mu.Lock()
	s.stats.total = 0
	s.stats.byRoute = map[string]int64{}
	s.stats.mu.Unlock()
}
