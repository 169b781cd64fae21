package keystore

import (
	"context"
	"testing"
	"time"
)

// The tests against the real Secret Service are in keyring_testenv_test.go
// (build tag testenv, which make test sets).

func TestStore_RejectsEmptyNames(t *testing.T) {
	s := NewWithService("cekbpjstk-test", time.Second)
	if err := s.Set(context.Background(), "", "p", "x"); err == nil {
		t.Fatal("Set with empty account succeeded")
	}
	if _, err := s.Get(context.Background(), "a", ""); err == nil {
		t.Fatal("Get with empty purpose succeeded")
	}
}
