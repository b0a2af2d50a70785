package main

import "os/exec"

func main() { _ = exec.Command("worker").Run() }
