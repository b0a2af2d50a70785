package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	name := flag.String("name", "nobody", "who to greet")
	flag.Parse()
	wd, _ := os.Getwd()
	fmt.Printf("hi %s\n", *name)
	fmt.Println("workdir:", wd)
	fmt.Println("rest:", strings.Join(flag.Args(), ","))
}
