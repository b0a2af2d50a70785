package main

import "github.com/other/lib"

func main() { lib.Run() }
