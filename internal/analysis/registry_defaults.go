package analysis

import (
	"embed"
	"path"
	"sort"
	"strings"
)

// registryFiles holds the registries shipped with the engine; see
// registries/README.md for what their sides mean.
//
//go:embed registries/*.csv
var registryFiles embed.FS

// DefaultRegistryNames lists the shipped registries, sorted.
func DefaultRegistryNames() []string {
	entries, err := registryFiles.ReadDir("registries")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") {
			names = append(names, strings.TrimSuffix(e.Name(), ".csv"))
		}
	}
	sort.Strings(names)
	return names
}

// DefaultRegistry parses the shipped registry called name ("syria-2016").
// An unknown name is an *Error with Code ENOTFOUND.
func DefaultRegistry(name string) (*Registry, error) {
	if name == "" || strings.ContainsAny(name, "/\\.") {
		return nil, Errorf(ENOTFOUND, "registry %q not found", name)
	}
	data, err := registryFiles.ReadFile(path.Join("registries", name+".csv"))
	if err != nil {
		return nil, Errorf(ENOTFOUND, "registry %q not found (shipped: %s)", name, strings.Join(DefaultRegistryNames(), ", "))
	}
	return ParseRegistryCSV(name, data)
}
