// api prints the static file it serves, read from its working folder.
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("static/a.txt")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Printf("api serves static/a.txt: %s", b)
}
