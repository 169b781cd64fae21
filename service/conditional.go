package service

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"sync"
)

// Conditional requests (RFC 9110 section 13): the client keeps, for each
// member-data GET of the session, the last ETag and body, and asks again
// with If-None-Match; a 304 costs headers only and the kept body is decoded
// as if it had come again. They are member data: the Client keeps them in
// memory only, for the identifier they were fetched for, and drops them
// when the session ends or changes. Revalidation hands them out so that
// the app can keep them in its encrypted cache (never in plaintext) and
// give them to the next session's client with Prime.

// maxConditionalEntries bounds what one session keeps (the dashboard needs
// six; a year-by-year browse adds one per year).
const maxConditionalEntries = 64

// Revalidation is what a client needs to ask "changed?" instead of
// downloading member data again. It holds member data (the bodies): keep it
// in memory or encrypted only.
type Revalidation struct {
	Identifier string                       `json:"identifier"`
	Entries    map[string]RevalidationEntry `json:"entries"`
}

// RevalidationEntry is one GET's last answer: its ETag and its body.
type RevalidationEntry struct {
	ETag string `json:"etag"`
	Body []byte `json:"body"`
}

type conditional struct {
	mu      sync.Mutex
	owner   string
	entries map[string]RevalidationEntry
}

func (cs *conditional) get(owner, key string) (RevalidationEntry, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.owner != owner {
		return RevalidationEntry{}, false
	}
	e, ok := cs.entries[key]
	return e, ok
}

func (cs *conditional) put(owner, key string, e RevalidationEntry) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.owner != owner || cs.entries == nil {
		cs.owner, cs.entries = owner, map[string]RevalidationEntry{}
	}
	if _, ok := cs.entries[key]; !ok && len(cs.entries) >= maxConditionalEntries {
		return
	}
	cs.entries[key] = e
}

func (cs *conditional) drop() {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.owner, cs.entries = "", nil
}

// Revalidation returns a copy of what the session keeps for conditional
// requests (empty when not logged in).
func (c *Client) Revalidation() Revalidation {
	id := c.identifier()
	c.cond.mu.Lock()
	defer c.cond.mu.Unlock()
	if id == "" || c.cond.owner != id {
		return Revalidation{}
	}
	return Revalidation{Identifier: id, Entries: maps.Clone(c.cond.entries)}
}

// Prime gives the session what an earlier session kept (from the encrypted
// cache), so that its first refresh can be conditional. It is ignored
// unless r belongs to the logged-in identifier, and never replaces what
// this session fetched itself.
func (c *Client) Prime(r Revalidation) {
	id := c.identifier()
	if id == "" || r.Identifier != id {
		return
	}
	for key, e := range r.Entries {
		if e.ETag == "" || len(e.Body) == 0 || len(e.Body) > MaxResponseBytes {
			continue
		}
		if _, ok := c.cond.get(id, key); !ok {
			c.cond.put(id, key, e)
		}
	}
}

func (c *Client) identifier() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess.access == "" && c.sess.refresh == "" {
		return ""
	}
	return c.sess.identifier
}

// memberGET performs a GET of member data, conditionally when the session
// holds an earlier answer: on 304 the kept body is returned.
func (c *Client) memberGET(ctx context.Context, path string, query url.Values) ([]byte, error) {
	key := path
	if len(query) > 0 {
		key += "?" + query.Encode()
	}
	id := c.identifier()
	var header http.Header
	held, have := c.cond.get(id, key)
	if have {
		header = http.Header{"If-None-Match": {held.ETag}}
	}
	a, err := c.authedWith(ctx, http.MethodGet, path, query, nil, header, http.StatusOK, http.StatusNotModified)
	if err != nil {
		return nil, err
	}
	if a.status == http.StatusNotModified {
		if !have {
			return nil, badf("304 Not Modified to an unconditional request")
		}
		return held.Body, nil
	}
	if tag := a.header.Get("ETag"); tag != "" && len(tag) <= 256 && id != "" && id == c.identifier() {
		c.cond.put(id, key, RevalidationEntry{ETag: tag, Body: a.body})
	}
	return a.body, nil
}
