package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("uid:", os.Getuid())
	fmt.Println("gid:", os.Getgid())
	fmt.Println("euid:", os.Geteuid())
	wd, _ := os.Getwd()
	fmt.Println("workdir:", wd)
	// The working directory is owned by root: a non-root user cannot write there.
	if f, err := os.CreateTemp(".", "probe-"); err == nil {
		fmt.Println("workdir writable: yes")
		f.Close()
		os.Remove(f.Name())
	} else {
		fmt.Println("workdir writable: no")
	}
}
