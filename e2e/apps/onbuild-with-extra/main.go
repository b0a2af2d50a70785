package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verbose := flag.Bool("verbose", false, "print more")
	flag.Parse()
	mode := os.Getenv("MODE")
	if mode == "" {
		mode = "dev"
	}
	fmt.Println("mode:", mode)
	fmt.Println("verbose:", *verbose)
	if *verbose {
		wd, _ := os.Getwd()
		fmt.Println("workdir:", wd)
		fmt.Println("extra args:", flag.Args())
	}
}
