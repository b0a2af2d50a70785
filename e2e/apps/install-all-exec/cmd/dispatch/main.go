// Command dispatch runs its sibling worker (found on PATH) once per job.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
)

func main() {
	jobs := 1
	if len(os.Args) > 1 {
		jobs, _ = strconv.Atoi(os.Args[1])
	}
	for i := 1; i <= jobs; i++ {
		out, err := exec.Command("worker", strconv.Itoa(i)).Output()
		if err != nil {
			fmt.Println("worker:", err)
			os.Exit(4)
		}
		fmt.Print(string(out))
	}
	fmt.Println("dispatched", jobs)
}
