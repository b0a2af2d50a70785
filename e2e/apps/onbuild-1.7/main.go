package main // import "github.com/acme/greet"

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fmt.Println("greet: built from an import-commented package")
	fmt.Println("binary:", filepath.Base(os.Args[0]))
	fmt.Println("upper:", strings.ToUpper("onbuild 1.7"))
}
