package faults

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Parse parses the command line form of a Fault: comma-separated
// key=value pairs, e.g. "method=POST,path=/v1/login,redirect=http://127.0.0.1:9/".
// Keys: method, path, times, latency (Go duration), status, retry-after,
// malformed, oversized (bytes), gzip-bomb (bytes), redirect (URL), drop.
// Flags without a value (malformed, drop) mean true.
func Parse(spec string) (Fault, error) {
	var f Fault
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, hasVal := strings.Cut(part, "=")
		var err error
		switch key {
		case "method":
			f.Method = strings.ToUpper(val)
		case "path":
			f.PathPrefix = val
		case "times":
			f.Times, err = strconv.Atoi(val)
		case "latency":
			f.Latency, err = time.ParseDuration(val)
		case "status":
			f.Status, err = strconv.Atoi(val)
		case "retry-after":
			f.RetryAfter, err = strconv.Atoi(val)
		case "malformed":
			f.Malformed, err = parseFlagBool(val, hasVal)
		case "drop":
			f.DropMidBody, err = parseFlagBool(val, hasVal)
		case "oversized":
			f.OversizedBytes, err = strconv.ParseInt(val, 10, 64)
		case "gzip-bomb":
			f.GzipBombBytes, err = strconv.ParseInt(val, 10, 64)
		case "redirect":
			f.RedirectTo = val
		default:
			return Fault{}, fmt.Errorf("fault %q: unknown key %q", spec, key)
		}
		if err != nil {
			return Fault{}, fmt.Errorf("fault %q: %s: %w", spec, key, err)
		}
	}
	if err := f.validate(); err != nil {
		return Fault{}, fmt.Errorf("fault %q: %w", spec, err)
	}
	return f, nil
}

func parseFlagBool(val string, hasVal bool) (bool, error) {
	if !hasVal {
		return true, nil
	}
	return strconv.ParseBool(val)
}
