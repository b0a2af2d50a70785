// Runs a hook through the shell, as servers with configurable hooks do: the runtime must have a
// shell on PATH (busybox sh on the distroless debug image).
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	out, err := exec.Command("sh", "-c", "echo hook ran with $((6 * 7))").CombinedOutput()
	if err != nil {
		fmt.Println("hook failed:", err)
		os.Exit(1)
	}
	fmt.Print(string(out))
}
