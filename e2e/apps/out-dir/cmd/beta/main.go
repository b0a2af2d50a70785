package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("beta: called with", strings.Join(os.Args[1:], " "))
}
