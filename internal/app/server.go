package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"runtime"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// The session's server check: which server the profile names (starting
// the demo sandbox when it is the demo), building its client and verifying
// its certificate and domain. Personal data goes only to a verified server.

func (s *session) demoServer() *DemoServer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.check.demo
}

func (s *session) host() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return hostOf(s.check.profile.BaseURL)
}

func hostOf(baseURL string) string {
	if baseURL == "" {
		return "…"
	}
	if u, err := url.Parse(baseURL); err == nil {
		return u.Host
	}
	return baseURL
}

// checkServer: see App.CheckServer.
func (s *session) checkServer(ctx context.Context) (Check, error) {
	s.mu.Lock()
	s.check.gen++
	gen := s.check.gen
	s.check.err = nil
	s.dropClient(true)
	existingDemo := s.check.demo
	s.mu.Unlock()

	if existingDemo == nil {
		s.cache.wait(ctx)
	}
	profile, demo, err := s.resolveProfile(ctx, existingDemo)
	var client *service.Client
	var report service.SecurityReport
	guard := &guardedKeys{inner: s.p.Keys}
	if err == nil {
		client, err = service.New(profile, s.clientOptions(guard)...)
	}
	if err == nil {
		report, err = client.Verify(ctx)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.check.gen {
		if client != nil {
			client.Close()
		}
		return Check{}, ErrStale
	}
	s.check.profile = profile
	if demo != nil {
		s.check.demo = demo
	}
	if err != nil {
		s.p.Logger.Warn("server refused", "profile", profile.Name, "err", err)
		s.check.err = err
		if client != nil {
			client.Close()
		}
		return Check{Host: hostOf(profile.BaseURL), Demo: s.check.demo}, err
	}
	s.client, s.guard = client, guard
	return Check{Report: report, Host: hostOf(profile.BaseURL), Demo: s.check.demo}, nil
}

func (s *session) resolveProfile(ctx context.Context, demo *DemoServer) (service.Profile, *DemoServer, error) {
	if s.p.Server != nil {
		return *s.p.Server, nil, nil
	}
	switch name := s.p.profileName(); name {
	case prefs.ProfileDemo:
		if demo != nil {
			return demo.Profile, demo, nil
		}
		if s.p.StartDemo == nil {
			return service.Profile{}, nil, errors.New("no demo server in this build")
		}
		started, err := s.p.StartDemo(ctx)
		if err != nil {
			return service.Profile{}, nil, fmt.Errorf("start demo server: %w", err)
		}
		return started.Profile, &started, nil
	case prefs.ProfileCustom:
		return s.p.Settings.CustomProfile(), nil, nil
	}
	return service.OfficialProfile(), nil, nil
}

func (s *session) clientOptions(guard *guardedKeys) []service.Option {
	opts := []service.Option{
		service.WithLogger(s.p.Logger),
		service.WithUserAgent(fmt.Sprintf("Cek BPJSTK/%s (%s)", s.p.Version, runtime.GOOS)),
	}
	if s.p.Keys != nil {
		opts = append(opts, service.WithTokenStore(guard))
	}
	return opts
}

// verified is the client of the verified server. Personal data goes
// only to a verified server: without one, the error says why it wasn't
// sent (the refusal, or service.ErrTimeout while the check still runs).
func (s *session) verified() (*service.Client, uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil {
		if s.check.err != nil {
			return nil, 0, s.check.err
		}
		return nil, 0, service.ErrTimeout
	}
	return s.client, s.Epoch(), nil
}
