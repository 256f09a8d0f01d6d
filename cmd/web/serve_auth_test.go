package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeAuth(t *testing.T) {
	env := func(k string) string {
		if k == "FL_TOKEN" {
			return "a-long-test-token-1234"
		}
		return ""
	}
	tests := []struct {
		name       string
		addr       string
		spec       string
		publicRead bool
		wantAuth   bool
		wantErr    string
	}{
		{name: "LoopbackOpen", addr: "127.0.0.1:8080"},
		{name: "LocalhostOpen", addr: "localhost:8080"},
		{name: "IPv6LoopbackOpen", addr: "[::1]:8080"},
		{name: "AllInterfacesRefused", addr: ":8080", wantErr: "refusing to listen on :8080 without --auth"},
		{name: "AnyAddressRefused", addr: "0.0.0.0:8080", wantErr: "refusing to listen"},
		{name: "LANAddressRefused", addr: "192.168.1.20:8080", wantErr: "refusing to listen"},
		{name: "HostNameRefused", addr: "lab.example.org:80", wantErr: "refusing to listen"},
		{name: "NetworkWithAuth", addr: "0.0.0.0:8080", spec: "token:FL_TOKEN", wantAuth: true},
		{name: "NetworkWithPublicRead", addr: "0.0.0.0:8080", spec: "token:FL_TOKEN", publicRead: true, wantAuth: true},
		{name: "PublicReadWithoutAuth", addr: "127.0.0.1:8080", publicRead: true, wantErr: "--auth-public-read needs --auth"},
		{name: "MissingSecret", addr: "127.0.0.1:8080", spec: "token:UNSET_VAR", wantErr: "UNSET_VAR is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := serveAuth(tc.addr, tc.spec, tc.publicRead, env)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err: got %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err: got %v, want nil", err)
			}
			if (a != nil) != tc.wantAuth {
				t.Fatalf("auth set: got %v, want %v", a != nil, tc.wantAuth)
			}
			if a != nil && a.PublicRead != tc.publicRead {
				t.Errorf("PublicRead: got %v, want %v", a.PublicRead, tc.publicRead)
			}
		})
	}
}

// TestServeRefusesOpenNetworkAddress runs the serve command itself: it must
// stop before opening the database or listening.
func TestServeRefusesOpenNetworkAddress(t *testing.T) {
	t.Setenv(serveAuthEnv, "")
	db := filepath.Join(t.TempDir(), "never.db")
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--addr", "0.0.0.0:0", "--db", db}, nil, &stderr, &stderr)
	if err == nil || !strings.Contains(err.Error(), "without --auth") {
		t.Fatalf("err: got %v, want a refusal naming --auth", err)
	}
	if m, _ := filepath.Glob(db + "*"); len(m) != 0 {
		t.Errorf("database files created: %v", m)
	}
}
