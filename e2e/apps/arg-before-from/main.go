package main

import (
	"fmt"
	"os"
)

// buildVersion is set at build time with -ldflags "-X main.buildVersion=...".
var buildVersion = "unset"

func main() {
	fmt.Println("APP_VERSION env:", os.Getenv("APP_VERSION"))
	fmt.Println("build version:", buildVersion)
	if os.Getenv("APP_VERSION") != buildVersion {
		fmt.Println("mismatch between run-time env and build-time ARG")
		os.Exit(4)
	}
}
