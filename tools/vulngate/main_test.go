package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	called := `{"finding":{"osv":"GO-1","fixed_version":"v1.2.0","trace":[{"module":"m","package":"m/p","function":"F"}]}}`
	imported := `{"finding":{"osv":"GO-2","trace":[{"module":"m","package":"m/p"}]}}`
	other := `{"config":{"scanner_name":"govulncheck"}}` + "\n" + `{"osv":{"id":"GO-1"}}`
	tests := []struct {
		name    string
		input   string
		allow   string
		wantErr string
		wantOut string
	}{
		{name: "NoFindings", input: other, allow: "", wantOut: "(0 accepted)"},
		{name: "CalledNotAllowed", input: other + "\n" + called, allow: "GO-9 other\n", wantErr: "GO-1 (v1.2.0)"},
		{name: "CalledAllowed", input: called + "\n" + imported, allow: "# c\nGO-1 not reachable in practice\n", wantOut: "accepted GO-1 (v1.2.0): not reachable in practice"},
		{name: "OnlyImported", input: imported, allow: "", wantOut: "(0 accepted)"},
		{name: "AllowLineWithoutReason", input: called, allow: "GO-1\n", wantErr: "GO-1 has no reason"},
		{name: "BrokenJSON", input: "{", allow: "", wantErr: "read govulncheck output"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			allow := filepath.Join(t.TempDir(), "allow.txt")
			if err := os.WriteFile(allow, []byte(tc.allow), 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			err := run(strings.NewReader(tc.input), &out, []string{allow})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err: got %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err: got %v, want nil", err)
			}
			if !strings.Contains(out.String(), tc.wantOut) {
				t.Errorf("output: got %q, want it to contain %q", out.String(), tc.wantOut)
			}
		})
	}
}
