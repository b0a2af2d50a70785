//go:build !cgo
// +build !cgo

package sqlite3

import "errors"

var errNoCgo = errors.New("Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub")

// Version fails: the C code is not compiled in.
func Version() (string, error) { return "", errNoCgo }

// Checksum fails: the C code is not compiled in.
func Checksum(s string) (int, error) { return 0, errNoCgo }
