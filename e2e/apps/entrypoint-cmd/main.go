package main

import (
	"flag"
	"fmt"
	"strings"
)

func main() {
	count := flag.Int("count", 1, "how many lines")
	word := flag.String("word", "tick", "word to print")
	flag.Parse()
	for i := 1; i <= *count; i++ {
		fmt.Printf("%d: %s\n", i, *word)
	}
	fmt.Println("positional:", strings.Join(flag.Args(), " "))
}
