// legacy is built by the ONBUILD triggers of the in-repository base image acme/go-onbuild:1.
package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Println("legacy: APP_ENV =", os.Getenv("APP_ENV"), "in", wd)
}
