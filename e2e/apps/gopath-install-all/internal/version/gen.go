// +build ignore

// Writes tables.go: go run gen.go
package main

import "fmt"

func main() { fmt.Println("package version") }
