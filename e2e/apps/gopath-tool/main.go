package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/acme/tool/internal/render"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Print(render.Table(map[string]string{
		"binary":  filepath.Base(os.Args[0]),
		"workdir": wd,
	}))
}
