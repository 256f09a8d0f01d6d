package handlers

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// Auth guards the dashboard with one shared secret: a bearer token, or a
// basic-auth user and password. The secret comes from an environment
// variable named in the spec, never from the command line, where other
// users of the machine could read it in the process list.
type Auth struct {
	// Kind is "token" or "basic".
	Kind string
	// User is the basic-auth user name; empty for a token.
	User string
	// PublicRead leaves GET and HEAD requests open, so only writes need the
	// secret. By default every route but the static assets needs it.
	PublicRead bool
	// secret is the SHA-256 of the token or password: comparing fixed-size
	// digests in constant time hides the secret's length too.
	secret [32]byte
}

// ParseAuth reads an auth spec: "token:ENVVAR" takes a bearer token from
// the environment variable ENVVAR, "basic:USER:ENVVAR" a password for USER.
// getenv looks variables up (os.Getenv outside tests). An empty spec means
// no auth and returns nil.
func ParseAuth(spec string, getenv func(string) string) (*Auth, error) {
	if spec == "" {
		return nil, nil
	}
	parts := strings.Split(spec, ":")
	var a Auth
	var env string
	switch {
	case parts[0] == "token" && len(parts) == 2:
		a.Kind, env = "token", parts[1]
	case parts[0] == "basic" && len(parts) == 3:
		a.Kind, a.User, env = "basic", parts[1], parts[2]
		if a.User == "" {
			return nil, fmt.Errorf("auth %q: the user name is empty", spec)
		}
	default:
		return nil, fmt.Errorf("auth %q: want token:ENVVAR or basic:USER:ENVVAR (the secret itself goes in the environment variable)", spec)
	}
	if env == "" {
		return nil, fmt.Errorf("auth %q: name the environment variable that holds the secret", spec)
	}
	secret := getenv(env)
	if secret == "" {
		return nil, fmt.Errorf("auth %q: the environment variable %s is empty or unset", spec, env)
	}
	if len(secret) < 8 {
		return nil, fmt.Errorf("auth %q: the secret in %s is shorter than 8 characters", spec, env)
	}
	a.secret = sha256.Sum256([]byte(secret))
	return &a, nil
}

// authRealm names the protected area in the browser's password prompt.
const authRealm = "Framing Lens"

// Middleware returns the Echo middleware that enforces a.
func (a *Auth) Middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if strings.HasPrefix(r.URL.Path, "/assets/") {
				return next(c)
			}
			if a.PublicRead && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
				return next(c)
			}
			if a.Allows(r) {
				return next(c)
			}
			h := c.Response().Header()
			h.Add("WWW-Authenticate", `Basic realm="`+authRealm+`", charset="UTF-8"`)
			if a.Kind == "token" {
				h.Add("WWW-Authenticate", `Bearer realm="`+authRealm+`"`)
			}
			return echo.NewHTTPError(http.StatusUnauthorized, "Sign in to use this server.")
		}
	}
}

// Allows reports whether r carries the secret. A token is accepted as
// "Authorization: Bearer TOKEN" or, so that a browser can use the
// dashboard, as the password of basic auth with any user name.
func (a *Auth) Allows(r *http.Request) bool {
	if a.Kind == "token" {
		if h := r.Header.Get("Authorization"); len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
			return a.matches(strings.TrimSpace(h[7:]))
		}
		_, pass, ok := r.BasicAuth()
		return ok && a.matches(pass)
	}
	user, pass, ok := r.BasicAuth()
	if !ok {
		return false
	}
	userOK := subtle.ConstantTimeCompare([]byte(user), []byte(a.User)) == 1
	passOK := a.matches(pass)
	return userOK && passOK
}

// matches compares a presented secret with a's in constant time.
func (a *Auth) matches(presented string) bool {
	sum := sha256.Sum256([]byte(presented))
	return subtle.ConstantTimeCompare(sum[:], a.secret[:]) == 1
}

// IsLoopbackAddr reports whether a listen address (host:port) only accepts
// connections from this machine: 127.0.0.0/8, ::1 or "localhost". An empty
// host (":8080") listens on every interface and is not loopback.
func IsLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
