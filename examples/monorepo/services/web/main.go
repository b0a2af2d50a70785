// web renders its template with the greeting from config.json, both read from its working folder.
package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"os"
)

func main() {
	raw, err := os.ReadFile("config.json")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	var cfg struct{ Greeting string }
	if err := json.Unmarshal(raw, &cfg); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	t, err := template.ParseFiles("templates/index.html")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	wd, _ := os.Getwd()
	fmt.Println("web in", wd)
	if err := t.Execute(os.Stdout, cfg.Greeting); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}
