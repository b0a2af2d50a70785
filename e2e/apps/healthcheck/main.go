package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	health := flag.Bool("health", false, "run the health probe and exit")
	flag.Parse()
	if *health {
		if _, err := os.Stat("/app/srv"); err != nil {
			fmt.Println("unhealthy:", err)
			os.Exit(1)
		}
		fmt.Println("healthy")
		return
	}
	fmt.Println("srv: started")
	fmt.Println("srv: probe command is /app/srv -health")
	fmt.Println("srv: done")
}
