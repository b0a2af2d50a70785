package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	fmt.Println(string(out), err)
}
