package main

// #cgo LDFLAGS: -lssl
// #include <openssl/ssl.h>
import "C"

import "fmt"

func main() {
	fmt.Println("linked ssl")
}
