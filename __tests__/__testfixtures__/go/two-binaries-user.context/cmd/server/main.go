package main

import "fmt"

func main() { fmt.Println("hi from alpine-app") }
