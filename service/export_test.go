package service

import (
	"crypto/tls"
	"net"
)

// tokensForTest exposes the in-memory tokens to tests only.
func (c *Client) tokensForTest() (access, refresh string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess.access, c.sess.refresh
}

// setTokensForTest installs a token pair, as if another device held it.
func (c *Client) setTokensForTest(identifier, access, refresh string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sess = session{identifier: identifier, access: access, refresh: refresh}
}

func tlsState(c net.Conn) tls.ConnectionState { return c.(*tls.Conn).ConnectionState() }
