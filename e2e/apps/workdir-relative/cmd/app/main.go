package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type config struct {
	Name     string   `json:"name"`
	Port     int      `json:"port"`
	Features []string `json:"features"`
}

func main() {
	// Relative to the working directory: needs WORKDIR /srv/app and config/ in the image.
	raw, err := os.ReadFile("config/app.json")
	if err != nil {
		fmt.Println("config error:", err)
		os.Exit(1)
	}
	var c config
	if err := json.Unmarshal(raw, &c); err != nil {
		fmt.Println("config parse error:", err)
		os.Exit(1)
	}
	wd, _ := os.Getwd()
	fmt.Println("workdir:", wd)
	fmt.Printf("service %s on port %d\n", c.Name, c.Port)
	fmt.Println("features:", strings.Join(c.Features, ", "))
}
