// Command relay prints its configuration and the program version.
package main

import (
	"encoding/json"
	"fmt"
	"io/ioutil"
	"os"

	"github.com/acme/relay/internal/version"
)

func main() {
	data, err := ioutil.ReadFile("config/relay.json")
	if err != nil {
		fmt.Println("config:", err)
		os.Exit(2)
	}
	var cfg struct {
		Name string `json:"name"`
		Hops int    `json:"hops"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		fmt.Println("config:", err)
		os.Exit(3)
	}
	fmt.Printf("relay %s: %s, %d hops\n", version.String, cfg.Name, cfg.Hops)
}
