package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// FuzzOpenSnapshot drives the cache's decrypt-and-parse path. What the
// fuzzer writes is sealed under the real key first, so the parsers behind
// the AEAD (the account record's JSON, each part's time prefix) see
// arbitrary plaintext; and the raw bytes are also tried as ciphertext, as
// malware writing to the file would. No input may panic; every failure
// wraps ErrTampered; forged ciphertext never opens.
func FuzzOpenSnapshot(f *testing.F) {
	s, err := newSealer(bytes.Repeat([]byte{7}, dataKeySize))
	if err != nil {
		f.Fatal(err)
	}
	at := time.Date(2026, 11, 16, 8, 30, 0, 0, time.FixedZone("WIB", 7*3600))
	part, _ := encodeEntry(Entry{Data: []byte(`{"full_name":"Budi Santoso"}`), FetchedAt: at})
	hdr, _ := json.Marshal(header{Account: "budi@contoh.id", Label: "Budi Santoso", FetchedAt: at, SavedAt: at})
	f.Add(hdr, part, s.seal(part, []byte("other ad")))
	f.Add([]byte(`{}`), []byte{0}, []byte{blobVersion})
	f.Add([]byte(`null`), []byte{15}, bytes.Repeat([]byte{blobVersion}, 29))
	f.Add([]byte(`{"a":1,"f":"not a time"}`), []byte{255, 1, 2}, []byte{})
	f.Add([]byte(`[`), []byte{}, append([]byte{2}, make([]byte, 40)...))

	lookup := s.accountKey("demo", "budi@contoh.id")
	snapID := bytes.Repeat([]byte{1}, 16)
	f.Fuzz(func(t *testing.T, headerPlain, partPlain, forged []byte) {
		st := storedSnapshot{lookup: lookup, snap: snapID,
			header: s.seal(headerPlain, headerAD(lookup, snapID)),
			parts:  []sealedPart{{string(PartProfile), s.seal(partPlain, partAD(lookup, snapID, string(PartProfile)))}},
		}
		snap, err := openSnapshot(s, st)
		if err != nil {
			if !errors.Is(err, ErrTampered) {
				t.Fatalf("error %v does not wrap ErrTampered", err)
			}
		} else {
			e := snap.Parts[PartProfile]
			if len(partPlain) == 0 || !bytes.Equal(e.Data, partPlain[1+int(partPlain[0]):]) {
				t.Fatalf("part data %q from plaintext %q", e.Data, partPlain)
			}
		}

		// The fuzzer's bytes as ciphertext: of a part, then of the record.
		bad := st
		bad.parts = []sealedPart{{string(PartProfile), forged}}
		if _, err := openSnapshot(s, bad); err == nil && headerOpens(s, st) {
			t.Fatalf("forged part %x opened", forged)
		} else if err != nil && !errors.Is(err, ErrTampered) {
			t.Fatalf("forged part: error %v does not wrap ErrTampered", err)
		}
		bad = st
		bad.header = forged
		if _, err := openSnapshot(s, bad); !errors.Is(err, ErrTampered) {
			t.Fatalf("forged record %x: %v", forged, err)
		}
	})
}

func headerOpens(s *sealer, st storedSnapshot) bool {
	_, err := openHeader(s, st.lookup, st.snap, st.header)
	return err == nil
}

// FuzzDecodeKey: the data key read back from the keyring is accepted only
// as base64 of exactly 32 bytes; anything else counts as missing.
func FuzzDecodeKey(f *testing.F) {
	f.Add(encodeKey(bytes.Repeat([]byte{9}, dataKeySize)))
	f.Add(" " + encodeKey(make([]byte, dataKeySize)) + "\n")
	f.Add(encodeKey(make([]byte, 31)))
	f.Add("")
	f.Add("%%%%")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := decodeKey(s)
		if err != nil {
			return
		}
		if len(k) != dataKeySize {
			t.Fatalf("accepted a %d-byte key from %q", len(k), s)
		}
		if _, err := newSealer(k); err != nil {
			t.Fatalf("accepted key does not make a sealer: %v", err)
		}
	})
}
