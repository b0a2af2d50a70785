package main

import "github.com/acme/svc/internal/app"

func main() { app.Run() }
