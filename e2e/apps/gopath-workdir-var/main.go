// A GOPATH-era build in WORKDIR $GOPATH/src/...: the runtime stage has no GOPATH, so the
// folder must be written out as /go/src/... for ./stamp to be found.
package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Println("stamp running in", wd)
}
