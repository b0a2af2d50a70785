package main

import (
	"os"
	"os/exec"
)

func main() {
	cmd := exec.Command("worker")
	cmd.Stdout = os.Stdout
	_ = cmd.Run()
}
