package main

import (
	"debug/elf"
	"fmt"
	"os"
)

func main() {
	fmt.Printf("argc=%d\n", len(os.Args)-1)
	for i, a := range os.Args[1:] {
		fmt.Printf("arg[%d]=%q\n", i, a)
	}
	f, err := elf.Open("/proc/self/exe")
	if err != nil {
		fmt.Println("elf:", err)
		os.Exit(1)
	}
	defer f.Close()
	// -ldflags "-s -w" drops the symbol table and DWARF.
	fmt.Println("has .symtab:", f.Section(".symtab") != nil)
	fmt.Println("has DWARF:", f.Section(".debug_info") != nil)
}
