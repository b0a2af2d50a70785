package main

// int seven() { return 7; }
import "C"
import "fmt"

func main() { fmt.Println(C.seven()) }
