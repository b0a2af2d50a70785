// Prints its working directory and a file it reads by a relative path: the golang image's
// implicit WORKDIR /go must reach the runtime stage.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Println("getwd:", err)
		os.Exit(1)
	}
	msg, err := os.ReadFile("greeting.txt")
	if err != nil {
		fmt.Println("read greeting.txt:", err)
		os.Exit(2)
	}
	fmt.Printf("cwd=%s greeting=%s\n", wd, strings.TrimSpace(string(msg)))
}
