// Package version holds the release name (tables.go is written by gen.go).
package version

// String is the release.
var String = "v" + major + "." + minor
