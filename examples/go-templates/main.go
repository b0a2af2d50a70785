package main

import (
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
)

func main() {
	// Templates are read from disk at run time, relative to the working directory.
	tmpl := template.Must(template.ParseGlob("templates/*.tmpl"))
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		data := map[string]interface{}{"Title": "Stageify <demo>", "Items": []string{"builder", "runtime"}}
		if err := tmpl.ExecuteTemplate(w, "index.tmpl", data); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})

	if os.Getenv("RENDER_ONCE") == "" {
		fmt.Println("listening on :8080")
		if err := http.ListenAndServe(":8080", mux); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		return
	}

	// One-shot mode: serve on loopback, request each page once, print it, exit.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	go http.Serve(ln, mux)
	status := 0
	for _, path := range []string{"/", "/static/style.css"} {
		resp, err := http.Get("http://" + ln.Addr().String() + path)
		if err != nil {
			fmt.Println(path, "error:", err)
			os.Exit(1)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("GET %s -> %d\n%s", path, resp.StatusCode, body)
		if resp.StatusCode != http.StatusOK {
			status = 1
		}
	}
	os.Exit(status)
}
