package main

import (
	"fmt"
	"os"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func main() {
	v, err := sqlite3.Version()
	if err != nil {
		fmt.Println("driver error:", err)
		os.Exit(1)
	}
	sum, err := sqlite3.Checksum("stageify")
	if err != nil {
		fmt.Println("driver error:", err)
		os.Exit(1)
	}
	fmt.Println("driver version:", v)
	fmt.Println("checksum(stageify):", sum)
}
