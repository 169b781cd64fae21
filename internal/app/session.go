package app

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// session owns the connection to the server and the open account: the
// verified client and its token store, login with 2FA, the resume of a
// remembered session, the account's data on screen, and the epoch that
// every session-ending event bumps.
//
// A new rule about the session (when it ends, what a login records) goes
// here; one about which server is trusted goes in server.go. What ends
// with a session outside it (the refresh, the keys) is dropped by its own
// owner, told by App.ended with the epoch that ended.
type session struct {
	p     *Params
	cache *cacheFile // a check waits for it before starting the demo

	mu sync.Mutex
	// epoch is written under mu (so a commit checked under mu cannot race
	// a bump) and read anywhere without it.
	epoch           atomic.Uint64
	check           serverCheck
	client          *service.Client
	guard           *guardedKeys // the client's token store
	identifier      string       // the logged-in or offline account
	pendingRemember bool         // "remember me" of a login waiting for its 2FA code
	data            *memberdata.Data
}

// serverCheck is what the last server check found.
type serverCheck struct {
	gen     uint64 // bumps on every check, so a stale check is dropped
	profile service.Profile
	demo    *DemoServer
	err     error // why the last check refused the server
}

func newSession(p *Params, c *cacheFile) *session { return &session{p: p, cache: c} }

// Epoch is the current session epoch.
func (s *session) Epoch() uint64 { return s.epoch.Load() }

// endLocked starts a new epoch and takes the data out of memory; it
// returns the epoch that ended. Callers hold s.mu, and tell App.ended.
func (s *session) endLocked() uint64 {
	ended := s.epoch.Load()
	s.epoch.Store(ended + 1)
	s.data = nil
	return ended
}

// end ends the session (a profile change) and returns the ended epoch.
func (s *session) end() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.endLocked()
}

// dropClient takes the client out; its token store refuses writes from
// then on, so a call of it still under way cannot write a token back.
// Callers hold s.mu.
func (s *session) dropClient(closeIt bool) *service.Client {
	old := s.client
	s.client = nil
	if s.guard != nil {
		s.guard.close()
		s.guard = nil
	}
	if old != nil && closeIt {
		old.Close()
	}
	return old
}

func (s *session) openIdentifier() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifier
}

func (s *session) dataCopy() *memberdata.Data {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return nil
	}
	d := *s.data
	return &d
}

func (s *session) online() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil || s.data == nil || s.data.Offline {
		return false
	}
	_, ok := s.client.Session()
	return ok
}

func (s *session) closeIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client != nil {
		s.client.Close()
	}
}

// current returns the client and the epoch a call starts under.
func (s *session) current() (*service.Client, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client, s.Epoch()
}

// withClient makes call on the current client (ErrNoServer without one),
// then, under s.mu, hands its error to commit, unless the session ended or
// the client changed meanwhile: then the result is dropped (ErrStale).
func (s *session) withClient(call func(*service.Client, uint64) error, commit func(error) error) error {
	client, epoch := s.current()
	if client == nil {
		return ErrNoServer
	}
	err := call(client, epoch)
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() || client != s.client {
		return ErrStale
	}
	return commit(err)
}

// login: see App.Login. accepted, when the server took the password, runs
// before the login is committed, outside s.mu, with the epoch of the call.
func (s *session) login(ctx context.Context, identifier, password string, remember bool, accepted func(epoch uint64)) (service.LoginResult, uint64, error) {
	var result service.LoginResult
	var epoch uint64
	err := s.withClient(func(client *service.Client, callEpoch uint64) (err error) {
		epoch = callEpoch
		result, err = client.Login(ctx, identifier, password, remember)
		if err == nil {
			accepted(epoch)
		}
		return err
	}, func(err error) error {
		if err != nil {
			s.p.Logger.Info("login failed", "err", err)
			return err
		}
		s.identifier = identifier
		if result.MFA != nil {
			s.pendingRemember = remember
		} else {
			s.loggedIn(identifier, remember)
		}
		return nil
	})
	return result, epoch, err
}

// verifyMFA: see App.VerifyMFA. It returns the login it finished.
func (s *session) verifyMFA(ctx context.Context, code string) (epoch uint64, identifier string, remember bool, err error) {
	err = s.withClient(func(client *service.Client, _ uint64) error {
		return client.VerifyMFA(ctx, code)
	}, func(err error) error {
		if err != nil {
			s.p.Logger.Info("2FA failed", "err", err)
			return err
		}
		epoch, identifier, remember = s.Epoch(), s.identifier, s.pendingRemember
		s.loggedIn(identifier, remember)
		return nil
	})
	return epoch, identifier, remember, err
}

// loggedIn records the member. Data of another account leaves memory
// (keyCustody.loggedIn drops its key). Callers hold s.mu.
func (s *session) loggedIn(identifier string, remember bool) {
	s.identifier = identifier
	s.pendingRemember = remember
	if s.data != nil && s.data.Identifier != identifier {
		s.data = nil
	}
}

// rememberChoice is the last login's account and its "remember me".
func (s *session) rememberChoice() (identifier string, remember bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifier, s.pendingRemember
}

func (s *session) resume(ctx context.Context, identifier string) error {
	return s.withClient(func(client *service.Client, _ uint64) error {
		return client.Resume(ctx, identifier)
	}, func(err error) error {
		if err != nil {
			s.p.Logger.Info("resume failed", "err", err)
			return err
		}
		s.identifier = identifier
		return nil
	})
}

// refreshStart is what a refresh starts from: the client, the epoch, the
// account and the data shown.
func (s *session) refreshStart() (*service.Client, uint64, string, *memberdata.Data) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client, s.Epoch(), s.identifier, s.data
}

// commitData shows a refresh's data, unless the session ended since epoch.
func (s *session) commitData(epoch uint64, data memberdata.Data) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() {
		return false
	}
	s.data = &data
	return true
}

// openData makes data (cached, or read offline) the open account's,
// unless the session ended since epoch. It never touches the client: an
// account with no server opens through it too.
func (s *session) openData(epoch uint64, data memberdata.Data) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() {
		return false
	}
	s.identifier = data.Identifier
	s.data = &data
	return true
}

// dataOf is a copy of the open data while the session is that of epoch.
func (s *session) dataOf(epoch uint64) (memberdata.Data, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() {
		return memberdata.Data{}, ErrStale
	}
	if s.data == nil {
		return memberdata.Data{}, ErrNoData
	}
	return *s.data, nil
}

// setOwn keeps what the member keeps of their own with the open data, if
// it is still identifier's in the session of epoch.
func (s *session) setOwn(epoch uint64, identifier string, own memberdata.Own) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() || s.data == nil || s.data.Identifier != identifier {
		return false
	}
	s.data.SetOwn(own)
	return true
}

// openOwn is what the member keeps of their own in the open data, when it
// is identifier's.
func (s *session) openOwn(identifier string) (own memberdata.Own, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data != nil && s.data.Identifier == identifier {
		return s.data.Own(), true
	}
	return memberdata.Own{}, false
}

// shouldResume: see App.ShouldResume; remembered is the remembered login.
func (s *session) shouldResume(remembered string, haveKeys bool) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil || s.data == nil || !s.data.Offline || remembered == "" || s.data.Identifier != remembered || !haveKeys {
		return "", false
	}
	return remembered, true
}

// lock ends the session and drops the client; see App.Lock.
func (s *session) lock() (ended uint64, identifier string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ended = s.endLocked()
	s.dropClient(true)
	return ended, s.identifier
}

// lockIf locks when the session is still that of epoch.
func (s *session) lockIf(epoch uint64) (ended uint64, identifier string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if epoch != s.Epoch() {
		return 0, "", false
	}
	ended = s.endLocked()
	s.dropClient(true)
	return ended, s.identifier, true
}

func (s *session) goOnline() (ended uint64, identifier string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.endLocked(), s.identifier
}

// logout ends the session and takes the client out, unclosed, for the
// call that tells the server.
func (s *session) logout() (ended uint64, identifier string, old *service.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ended = s.endLocked()
	return ended, s.identifier, s.dropClient(false)
}

// clear ends the session and forgets the account (ClearAll); the client
// is returned, unclosed.
func (s *session) clear() (ended uint64, old *service.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ended = s.endLocked()
	old = s.dropClient(false)
	s.identifier = ""
	return ended, old
}

// close ends the session and closes the client (exit).
func (s *session) close() (ended uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ended = s.endLocked()
	s.dropClient(true)
	return ended
}

func (s *session) logins(ctx context.Context) ([]service.Login, error) {
	if !s.online() {
		return nil, ErrNoSession
	}
	client, epoch := s.current()
	if client == nil {
		return nil, ErrNoSession
	}
	logins, err := client.Logins(ctx)
	if s.Epoch() != epoch {
		return nil, ErrStale
	}
	if err != nil {
		s.p.Logger.Info("login history", "err", err)
	}
	return logins, err
}
