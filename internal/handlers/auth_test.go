package handlers_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/handlers"
)

// authEnv maps variable names to values, standing in for os.Getenv.
func authEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestParseAuth(t *testing.T) {
	env := authEnv(map[string]string{"TOK": "s3cret-token-value", "PW": "hunter2-long", "SHORT": "abc"})
	tests := []struct {
		name     string
		spec     string
		wantKind string
		wantUser string
		wantErr  string
	}{
		{name: "Empty", spec: ""},
		{name: "Token", spec: "token:TOK", wantKind: "token"},
		{name: "Basic", spec: "basic:ada:PW", wantKind: "basic", wantUser: "ada"},
		{name: "UnsetVariable", spec: "token:NOPE", wantErr: "NOPE is empty or unset"},
		{name: "ShortSecret", spec: "token:SHORT", wantErr: "shorter than 8"},
		{name: "SecretOnCommandLine", spec: "token", wantErr: "want token:ENVVAR"},
		{name: "UnknownKind", spec: "digest:ada:PW", wantErr: "want token:ENVVAR"},
		{name: "EmptyUser", spec: "basic::PW", wantErr: "user name is empty"},
		{name: "EmptyVariableName", spec: "token:", wantErr: "name the environment variable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := handlers.ParseAuth(tc.spec, env)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err: got %v, want one containing %q", err, tc.wantErr)
				}
				for _, secret := range []string{"s3cret-token-value", "hunter2-long", "abc"} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("error %q reveals the secret", err)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("err: got %v, want nil", err)
			}
			if tc.spec == "" {
				if a != nil {
					t.Fatalf("got %+v, want nil for no auth", a)
				}
				return
			}
			if a.Kind != tc.wantKind || a.User != tc.wantUser {
				t.Errorf("got kind %q user %q, want %q %q", a.Kind, a.User, tc.wantKind, tc.wantUser)
			}
		})
	}
}

func TestIsLoopbackAddr(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"127.8.9.10:80", true},
		{"[::1]:8080", true},
		{"localhost:8080", true},
		{"LOCALHOST:1", true},
		{":8080", false},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{"192.168.1.20:8080", false},
		{"example.org:80", false},
		{"10.0.0.1", false},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			if got := handlers.IsLoopbackAddr(tc.addr); got != tc.want {
				t.Errorf("IsLoopbackAddr(%q): got %v, want %v", tc.addr, got, tc.want)
			}
		})
	}
}

// authParam matches the parameters of a route path, to fill them in.
var authParam = regexp.MustCompile(`:[a-z]+|\*`)

func TestAuthProtectsRoutes(t *testing.T) {
	const token = "a-long-test-token-1234"
	env := authEnv(map[string]string{"TOK": token, "PW": "correct-horse-battery"})
	tokenAuth, err := handlers.ParseAuth("token:TOK", env)
	if err != nil {
		t.Fatal(err)
	}
	e := hardenStart(t, func(o *handlers.Options) { o.Auth = tokenAuth })
	b := e.browser(t)

	t.Run("EveryWriteRouteNeedsTheSecret", func(t *testing.T) {
		routes := handlers.New(e.svc, handlers.DefaultOptions()).Routes()
		n := 0
		for _, r := range routes {
			if r.Method == http.MethodGet || r.Method == http.MethodHead || strings.HasPrefix(r.Method, "echo_route") {
				continue
			}
			path := authParam.ReplaceAllString(r.Path, "1")
			n++
			for _, h := range []http.Header{nil, {"Authorization": {"Bearer wrong-token-value"}}} {
				resp, body := b.do(r.Method, path, strings.NewReader("text=Hello"), "application/x-www-form-urlencoded", h)
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s %s (auth %v): status %d, want 401: %.200s", r.Method, path, h, resp.StatusCode, body)
				}
			}
		}
		if n < 10 {
			t.Errorf("found %d write routes, want at least 10", n)
		}
		if got := e.articles(t); got != 0 {
			t.Errorf("articles after refused writes: got %d, want 0", got)
		}
	})

	t.Run("ChallengeNamesBasicAndBearer", func(t *testing.T) {
		resp, _ := b.do(http.MethodGet, "/", nil, "", nil)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("GET / without auth: status %d, want 401", resp.StatusCode)
		}
		got := strings.Join(resp.Header.Values("WWW-Authenticate"), " | ")
		if !strings.Contains(got, `Basic realm="Framing Lens"`) || !strings.Contains(got, "Bearer") {
			t.Errorf("WWW-Authenticate: got %q, want Basic and Bearer challenges", got)
		}
	})

	t.Run("AssetsStayOpen", func(t *testing.T) {
		resp, _ := b.do(http.MethodGet, "/assets/", nil, "", nil)
		if resp.StatusCode == http.StatusUnauthorized {
			t.Errorf("GET /assets/: status 401, want the assets served without auth")
		}
	})

	t.Run("BearerTokenUploads", func(t *testing.T) {
		body, ct := hardenMultipart(t, map[string]string{"text": hardenArticle(1)}, nil)
		resp, out := e.apiClient(t).do(http.MethodPost, "/api/upload", body, ct, http.Header{"Authorization": {"Bearer " + token}})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST /api/upload with token: status %d, want 200: %s", resp.StatusCode, out)
		}
		if got := e.articles(t); got != 1 {
			t.Errorf("articles: got %d, want 1", got)
		}
	})

	t.Run("TokenAsBasicPasswordForBrowsers", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/articles", nil)
		req.SetBasicAuth("anyone", token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /articles with the token as password: status %d, want 200", resp.StatusCode)
		}
	})

	t.Run("BasicUserAndPassword", func(t *testing.T) {
		basic, err := handlers.ParseAuth("basic:ada:PW", env)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, user, pass string
			want             int
		}{
			{"Right", "ada", "correct-horse-battery", http.StatusOK},
			{"WrongUser", "bob", "correct-horse-battery", http.StatusUnauthorized},
			{"WrongPassword", "ada", "correct-horse-batterx", http.StatusUnauthorized},
			{"PrefixOfPassword", "ada", "correct", http.StatusUnauthorized},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				req, _ := http.NewRequest(http.MethodGet, "/", nil)
				req.SetBasicAuth(tc.user, tc.pass)
				got := http.StatusUnauthorized
				if basic.Allows(req) {
					got = http.StatusOK
				}
				if got != tc.want {
					t.Errorf("got %d, want %d", got, tc.want)
				}
			})
		}
	})

	t.Run("PublicReadProtectsOnlyWrites", func(t *testing.T) {
		open := *tokenAuth
		open.PublicRead = true
		e2 := hardenStart(t, func(o *handlers.Options) { o.Auth = &open })
		b2 := e2.browser(t)
		if resp, body := b2.do(http.MethodGet, "/articles", nil, "", nil); resp.StatusCode != http.StatusOK {
			t.Errorf("GET /articles with public reads: status %d, want 200: %.200s", resp.StatusCode, body)
		}
		body, ct := hardenMultipart(t, map[string]string{"text": hardenArticle(2)}, nil)
		if resp, out := b2.do(http.MethodPost, "/api/upload", body, ct, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("POST /api/upload without token: status %d, want 401: %s", resp.StatusCode, out)
		}
		if got := e2.articles(t); got != 0 {
			t.Errorf("articles: got %d, want 0", got)
		}
	})
}
