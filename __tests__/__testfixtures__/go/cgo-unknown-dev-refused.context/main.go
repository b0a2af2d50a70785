package main

// #cgo LDFLAGS: -lwidget
// #include <widget.h>
import "C"

import "fmt"

func main() {
	fmt.Println("linked widget")
}
