package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verbose := flag.Bool("v", false, "verbose")
	flag.Parse()
	fmt.Println("hello from a shell-form CMD")
	fmt.Println("verbose:", *verbose)
	fmt.Println("argc:", len(os.Args))
	if *verbose {
		fmt.Println("args:", os.Args[1:])
	}
}
