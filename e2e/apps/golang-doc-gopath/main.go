package main

import (
	"fmt"
	"os"

	"app/greeting"
)

func main() {
	wd, _ := os.Getwd()
	page, err := os.ReadFile("templates/page.txt")
	if err != nil {
		fmt.Println("app: cannot read templates/page.txt:", err)
		os.Exit(2)
	}
	fmt.Println("app:", greeting.Hello("gopher"))
	fmt.Println("app: workdir", wd)
	fmt.Print("app: page ", string(page))
}
