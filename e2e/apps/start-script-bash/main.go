package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Printf("greeter args=%q mode=%s cwd=%s\n", strings.Join(os.Args[1:], "|"), os.Getenv("GREET_MODE"), wd)
	data, err := os.ReadFile("/tmp/greeter/ready")
	if err != nil {
		fmt.Println("ready file missing:", err)
		os.Exit(3)
	}
	fmt.Printf("ready=%s", data)
}
