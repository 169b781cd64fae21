package sandbox

import (
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Message is one mail or SMS the sandbox "sent". The sandbox has no mail or
// SMS gateway: messages go to this outbox, which the in-app demo shows and
// the standalone server prints to its log and serves on GET /v1/dev/outbox
// (loopback callers only).
type Message struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	Channel string    `json:"channel"` // "email" or "sms"
	To      string    `json:"to"`
	Subject string    `json:"subject,omitempty"`
	Body    string    `json:"body"`
	// Code is the one-time code the message carries, "" for a notice.
	Code string `json:"code,omitempty"`
}

// outboxSize bounds the outbox: older messages fall off.
const outboxSize = 200

type outbox struct {
	mu   sync.Mutex
	log  *slog.Logger
	dev  bool // log every message and serve /v1/dev/outbox
	next int64
	msgs []Message
}

func newOutbox(log *slog.Logger, dev bool) *outbox { return &outbox{log: log, dev: dev} }

func (o *outbox) send(m Message) {
	o.mu.Lock()
	o.next++
	m.ID = o.next
	o.msgs = append(o.msgs, m)
	if len(o.msgs) > outboxSize {
		o.msgs = append([]Message(nil), o.msgs[len(o.msgs)-outboxSize:]...)
	}
	o.mu.Unlock()
	if o.dev {
		// Development only (WithDevOutbox): the sandbox's members are
		// fictional and a tester needs the codes.
		// Warn, so the standalone server shows it at its default level.
		o.log.Warn("outbox (development: this message was not delivered)", "channel", m.Channel, "to", m.To, "subject", m.Subject, "body", m.Body)
	}
}

func (o *outbox) list() []Message {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Message(nil), o.msgs...)
}

// Outbox returns every message still in the outbox, oldest first.
func (s *Server) Outbox() []Message { return s.outbox.list() }

// LatestCode is the code of the newest message on channel to recipient
// ("" if none): the demo's "fill" button. Phone numbers match in any of
// their spellings (08…, +628…, with spaces or dashes).
func (s *Server) LatestCode(channel, to string) string {
	if channel == "sms" {
		to = normalizePhone(strings.Map(func(r rune) rune {
			if r == '+' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, to))
	}
	msgs := s.outbox.list()
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.Channel == channel && m.Code != "" && (m.To == to || channel == "email" && equalFoldASCII(m.To, to)) {
			return m.Code
		}
	}
	return ""
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

type outboxResponse struct {
	Messages []Message `json:"messages"`
}

// handleDevOutbox serves the outbox to a loopback caller when the server
// runs WithDevOutbox; otherwise the endpoint does not exist.
func (s *Server) handleDevOutbox(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	if !s.outbox.dev || err != nil || ip == nil || !ip.IsLoopback() {
		writeProblem(w, newProblem("not-found", "No such endpoint."))
		return
	}
	writeJSON(w, http.StatusOK, outboxResponse{Messages: s.outbox.list()})
}
