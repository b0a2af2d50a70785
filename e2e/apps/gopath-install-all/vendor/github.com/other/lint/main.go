// Command lint is vendored; go install ./... leaves vendor/ out since Go 1.9.
package main

import "fmt"

func main() { fmt.Println("lint") }
