package main

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

// FyneApp.toml is the one place the version is written; `go build` does not
// read it, so the binary embeds it.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

type appMetadata struct {
	Details struct {
		ID      string
		Name    string
		Version string
		Build   int
	}
}

func readMetadata() (appMetadata, error) {
	var m appMetadata
	if _, err := toml.Decode(string(fyneAppTOML), &m); err != nil {
		return m, fmt.Errorf("parse embedded FyneApp.toml: %w", err)
	}
	return m, nil
}
