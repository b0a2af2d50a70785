// A program with a vendored dependency, rewritten with --buildkit (stageify.config.json):
// cache mounts and cross-compilation, built with BuildKit offline.
package main

import (
	"fmt"
	"os"
	"runtime"

	"example.com/quote"
)

func main() {
	fmt.Println(quote.Line(3))
	fmt.Printf("built for %s/%s\n", runtime.GOOS, runtime.GOARCH)
	if len(os.Args) > 1 {
		fmt.Println("args:", os.Args[1:])
	}
}
