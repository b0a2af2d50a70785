package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/greeter/internal/greeting"
)

func main() {
	fmt.Println(greeting.Line(os.Getenv("GREETING"), os.Args[1:]))
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("executable: unknown")
		return
	}
	fmt.Println("executable:", filepath.Base(exe))
}
