package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	name := flag.String("name", "", "name to greet")
	flag.Parse()
	if *name == "" {
		fmt.Println("error: --name is empty (was $NAME expanded?)")
		os.Exit(3)
	}
	fmt.Printf("hello, %s\n", *name)
	fmt.Println("NAME env:", os.Getenv("NAME"))
	fmt.Println("extra args:", flag.Args())
}
