// +build ignore

// Generates tables.go.
package main

func main() {}
