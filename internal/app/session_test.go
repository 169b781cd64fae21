package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

func bareSession() *session {
	return newSession(&Params{Settings: prefs.New(prefs.NewMemoryStore()), ForceDemo: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now}, newCacheFile())
}

// Every session-ending event bumps the epoch exactly once, returns the
// epoch that ended, and takes the data out of memory.
func TestSession_EveryEndBumpsTheEpochOnce(t *testing.T) {
	t.Parallel()
	ends := map[string]func(s *session) uint64{
		"lock":      func(s *session) uint64 { e, _ := s.lock(); return e },
		"go online": func(s *session) uint64 { e, _ := s.goOnline(); return e },
		"logout":    func(s *session) uint64 { e, _, _ := s.logout(); return e },
		"clear all": func(s *session) uint64 { e, _ := s.clear(); return e },
		"profile":   func(s *session) uint64 { return s.end() },
		"close":     func(s *session) uint64 { return s.close() },
		"lock if current": func(s *session) uint64 {
			e, _, ok := s.lockIf(s.Epoch())
			if !ok {
				return 99
			}
			return e
		},
	}
	for name, end := range ends {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := bareSession()
			s.end() // start from epoch 1
			if !s.openData(1, memberdata.Data{Identifier: budi}) {
				t.Fatal("data of the current session refused")
			}
			if ended := end(s); ended != 1 || s.Epoch() != 2 {
				t.Fatalf("ended %d, epoch now %d; want 1 and 2", ended, s.Epoch())
			}
			if s.dataCopy() != nil {
				t.Fatal("data in memory after the session ended")
			}
		})
	}
}

// Results of an ended session are refused; a lock of an ended session does
// nothing; the identifier outlives a lock (the login form shows it) but
// not a clear all.
func TestSession_StaleResultsRefused(t *testing.T) {
	t.Parallel()
	s := bareSession()
	s.openData(0, memberdata.Data{Identifier: budi})
	ended, identifier := s.lock()
	if ended != 0 || identifier != budi || s.openIdentifier() != budi {
		t.Fatalf("lock: ended %d, identifier %q", ended, identifier)
	}
	if s.openData(0, memberdata.Data{Identifier: siti}) || s.commitData(0, memberdata.Data{Identifier: budi}) {
		t.Fatal("data of an ended session accepted")
	}
	if _, err := s.dataOf(0); !errors.Is(err, ErrStale) {
		t.Fatalf("dataOf an ended epoch: %v", err)
	}
	if _, _, ok := s.lockIf(0); ok || s.Epoch() != 1 {
		t.Fatal("a lock of an ended session ended the current one")
	}
	if _, err := s.dataOf(1); !errors.Is(err, ErrNoData) {
		t.Fatalf("dataOf with nothing open: %v", err)
	}
	s.clear()
	if s.openIdentifier() != "" {
		t.Fatal("clear all kept the identifier")
	}
}

// A login whose session ends while the server answers is dropped whole:
// no identifier, and no key prepared with its password.
func TestLogin_EndedWhileTheServerAnswersPreparesNoKey(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.gate.mu.Lock()
	e.gate.prefix = "/v1/login"
	e.gate.mu.Unlock()
	e.gate.close()
	done := make(chan error, 1)
	go func() {
		_, err := a.Login(context.Background(), budi, sandbox.DemoPassword, true)
		done <- err
	}()
	<-e.gate.arrived
	a.GoOnline()
	e.gate.release()
	if err := <-done; !errors.Is(err, ErrStale) {
		t.Fatalf("login: %v, want ErrStale", err)
	}
	a.keys.mu.Lock()
	prep, remembered := a.keys.prep, a.keys.remembered
	a.keys.mu.Unlock()
	if prep != nil || remembered != "" || a.Identifier() != "" {
		t.Fatalf("a dropped login left a prepared key %v, remembered %q, identifier %q", prep != nil, remembered, a.Identifier())
	}
}
