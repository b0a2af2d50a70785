// Package version is imported through the path named in .godir.
package version

// Number is the stamp tool's version.
const Number = "0.4.1"
