package main

import (
	"fmt"

	"github.com/framinglens/framinglens/internal/handlers"
)

// serveAuthEnv names the environment variable that gives --auth its default,
// so a service manager can set it without changing the command line.
const serveAuthEnv = "FRAMINGLENS_AUTH"

// serveAuth builds the server's auth from the --auth spec and refuses an
// address that other machines can reach when there is none: an open
// dashboard on a network lets anyone upload, delete and rewrite lexicons.
func serveAuth(addr, spec string, publicRead bool, getenv func(string) string) (*handlers.Auth, error) {
	auth, err := handlers.ParseAuth(spec, getenv)
	if err != nil {
		return nil, err
	}
	if auth == nil {
		if publicRead {
			return nil, fmt.Errorf("--auth-public-read needs --auth")
		}
		if !handlers.IsLoopbackAddr(addr) {
			return nil, fmt.Errorf("refusing to listen on %s without --auth: only 127.0.0.1, ::1 and localhost may run open; "+
				"set e.g. --auth token:FRAMINGLENS_TOKEN with the token in that environment variable", addr)
		}
		return nil, nil
	}
	auth.PublicRead = publicRead
	return auth, nil
}
