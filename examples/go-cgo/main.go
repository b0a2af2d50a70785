package main

/*
#include <stdlib.h>
#include <string.h>

static int add(int a, int b) { return a + b; }

static size_t shout_len(const char *s) { return strlen(s); }
*/
import "C"

import (
	"fmt"
	"os"
	"unsafe"
)

func main() {
	fmt.Println("C.add(40, 2) =", int(C.add(40, 2)))

	msg := C.CString("hello from C")
	defer C.free(unsafe.Pointer(msg))
	fmt.Println("strlen via libc =", int(C.shout_len(msg)))

	fmt.Println("args:", os.Args[1:])
}
