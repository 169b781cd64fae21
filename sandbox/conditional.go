package sandbox

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Member data is answered conditionally (RFC 9110 section 13): every 200
// carries a weak ETag, the SHA-256 of the member and the JSON body, and a request whose
// If-None-Match names it is answered 304 Not Modified with headers only, so a
// refresh with nothing new costs a few hundred bytes per call. Weak, because
// the same JSON may travel gzipped or not (RFC 9110 section 8.8.1).
//
// Cache-Control is "private, no-cache": no shared cache (a proxy) may keep
// member data, and the member's own client may keep it (the app keeps it in
// memory and in its encrypted cache, never in plaintext) but must ask again
// before each use.

// gzipMinBytes: smaller bodies are sent as they are; gzip's header and the
// CPU would cost more than they save.
const gzipMinBytes = 1024

// etagOf is the weak entity tag of a member's JSON body. The member's id
// is hashed in, so two members' tags never match even where their bodies
// are the same (both without claims).
func etagOf(memberID int64, body []byte) string {
	h := sha256.New()
	_, _ = fmt.Fprintf(h, "%d\n", memberID)
	_, _ = h.Write(body)
	sum := h.Sum(nil)
	return `W/"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
}

// notModified reports whether an If-None-Match header matches etag, with
// the weak comparison RFC 9110 section 13.1.2 prescribes for it.
func notModified(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, tag := range strings.Split(ifNoneMatch, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == want {
			return true
		}
	}
	return false
}

// writeMemberJSON answers a GET of member data: 304 when the client
// already holds this exact body, otherwise 200 with the body, gzipped when
// the client accepts it and the body is large enough to gain.
func writeMemberJSON(w http.ResponseWriter, r *http.Request, sess session, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeProblem(w, newProblem("internal", "Something went wrong on the server."))
		return
	}
	body = append(body, '\n')
	etag := etagOf(sess.memberID, body)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "private, no-cache")
	h.Set("Vary", "Accept-Encoding")
	if notModified(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json")
	if len(body) >= gzipMinBytes && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		_, _ = zw.Write(body)
		if zw.Close() == nil {
			body = buf.Bytes()
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// acceptsGzip reads an Accept-Encoding header: gzip listed without q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
