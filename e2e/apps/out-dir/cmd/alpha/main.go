package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// alpha runs its sibling binary beta, which must sit in the same directory.
func main() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("executable:", err)
		os.Exit(1)
	}
	dir := filepath.Dir(exe)
	fmt.Println("alpha: calling sibling beta")
	out, err := exec.Command(filepath.Join(dir, "beta"), "from-alpha").Output()
	if err != nil {
		fmt.Println("alpha: beta failed:", err)
		os.Exit(1)
	}
	fmt.Print(string(out))
}
