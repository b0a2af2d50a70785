package main

import (
	"embed"
	"fmt"
	"net/http"
)

//go:embed assets
var assets embed.FS

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "hello") })
	_ = http.ListenAndServe(":8080", nil)
}
