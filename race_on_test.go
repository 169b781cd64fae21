//go:build race

package main

// raceEnabled: this test binary was built with -race (make test), so
// buildApp builds the app with -race too.
const raceEnabled = true
