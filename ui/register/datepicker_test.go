package register

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	want := time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"04-07-1995", "4-7-1995", "04/07/1995", "04.07.1995", "04071995", " 04-07-1995 "} {
		if got, ok := ParseDate(s); !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "31-02-1995", "1995-07-04", "04-07-95", "4-7-19 95", "aa-bb-cccc", "00-07-1995", "04-13-1995"} {
		if _, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}
