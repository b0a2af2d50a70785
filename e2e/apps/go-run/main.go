package main

import (
	"fmt"
	"os"
	"sort"
)

func main() {
	scores := map[string]int{"alpha": 3, "beta": 1, "gamma": 2}
	names := make([]string, 0, len(scores))
	for n := range scores {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return scores[names[i]] > scores[names[j]] })
	wd, _ := os.Getwd()
	fmt.Println("compiled and run by `go run` at container start")
	fmt.Println("workdir:", wd)
	for i, n := range names {
		fmt.Printf("%d. %s (%d)\n", i+1, n, scores[n])
	}
}
