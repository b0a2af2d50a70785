//go:build ignore

// Generates nothing yet; run with go run tools/gen/main.go.
package main

func main() {}
