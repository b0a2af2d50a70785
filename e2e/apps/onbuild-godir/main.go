package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.org/tools/stamp/version"
)

func main() {
	fmt.Println("stamp version", version.Number)
	fmt.Println("binary:", filepath.Base(os.Args[0]))
}
