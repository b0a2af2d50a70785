package main

import (
	"debug/elf"
	"fmt"
	"net"
	"os"
)

func main() {
	// Importing net links libc's resolver when cgo is on; the user turned cgo off.
	fmt.Println("listen:", net.JoinHostPort("0.0.0.0", os.Getenv("PORT")))
	f, err := elf.Open("/proc/self/exe")
	if err != nil {
		fmt.Println("elf:", err)
		os.Exit(1)
	}
	defer f.Close()
	dynamic := false
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			dynamic = true
		}
	}
	fmt.Println("dynamically linked:", dynamic)
}
