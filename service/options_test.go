package service

import (
	"testing"
	"time"
)

func TestOptions_Validate(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	p := profileFor("https://127.0.0.1:1", ca.pem, randomPin(), randomPin())
	for name, o := range map[string]Option{
		"nil logger":       WithLogger(nil),
		"nil store":        WithTokenStore(nil),
		"zero timeout":     WithTimeout(0),
		"huge timeout":     WithTimeout(time.Hour),
		"user agent CRLF":  WithUserAgent("Cek BPJSTK\r\nX-Evil: 1"),
		"empty user agent": WithUserAgent(""),
		"nil clock":        WithClock(nil),
		"nil wrapper":      WithTransportWrapper(nil),
		"retry max < base": WithRetryWait(time.Second, time.Millisecond),
		"retry base <= 0":  WithRetryWait(0, time.Second),
	} {
		if _, err := New(p, o); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := New(p, WithTimeout(5*time.Second), WithUserAgent("Cek BPJSTK/1.0 (linux)")); err != nil {
		t.Errorf("valid options refused: %v", err)
	}
}
