// Package settings is the Settings feature: language, theme, server
// profile (with a custom server's pins and domains), idle lock, offline
// data, and the login history section. Each change is stored at once and
// reported through an OnX callback; the shell applies it.
package settings
