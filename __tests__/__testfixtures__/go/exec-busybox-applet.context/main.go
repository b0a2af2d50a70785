package main

import (
	"fmt"
	"os/exec"
)

func main() {
	// The hook runs through the shell.
	out, err := exec.Command("sh", "-c", "echo hook").CombinedOutput()
	fmt.Println(string(out), err)
}
