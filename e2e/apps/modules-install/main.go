package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
)

func main() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("executable error:", err)
		os.Exit(1)
	}
	fmt.Println("name:", filepath.Base(exe))
	if info, ok := debug.ReadBuildInfo(); ok {
		fmt.Println("main module:", info.Main.Path)
	}
}
