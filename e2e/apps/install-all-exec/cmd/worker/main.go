package main

import (
	"fmt"
	"os"
)

func main() { fmt.Println("job", os.Args[1], "done") }
