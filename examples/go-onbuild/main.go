package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Println("hello from a golang:1.6.3-onbuild image")
	fmt.Println("workdir:", wd)
	fmt.Println("args:", len(os.Args)-1)
}
