//go:build !unix && !windows

package cache

import "context"

// lockDir is a no-op where there is no file locking; one process only.
func lockDir(ctx context.Context, path string) (unlock func(), err error) {
	return func() {}, ctx.Err()
}
