//go:build cgo
// +build cgo

// Package sqlite3 is a minimal cgo stand-in for github.com/mattn/go-sqlite3 (test fixture only).
package sqlite3

/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int shim_checksum(const char *s) {
	int sum = 0;
	for (size_t i = 0; i < strlen(s); i++) sum = (sum * 31 + s[i]) % 65521;
	return sum;
}

static void shim_version(char *buf, int n) { snprintf(buf, n, "shim-%d.%d.%d", 3, 45, 1); }
*/
import "C"

import "unsafe"

// Version reports the C library version string.
func Version() (string, error) {
	buf := make([]byte, 32)
	C.shim_version((*C.char)(unsafe.Pointer(&buf[0])), C.int(len(buf)))
	return C.GoString((*C.char)(unsafe.Pointer(&buf[0]))), nil
}

// Checksum hashes s in C.
func Checksum(s string) (int, error) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	return int(C.shim_checksum(cs)), nil
}
