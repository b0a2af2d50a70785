package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	format := flag.String("format", "json", "output format: text or json")
	flag.Parse()
	rows := [][2]string{{"stage", "builder"}, {"stage", "runtime"}}
	switch *format {
	case "text":
		for _, r := range rows {
			fmt.Println(strings.Join(r[:], "="))
		}
	default:
		fmt.Printf("%q\n", rows)
	}
	fmt.Println("format:", *format)
	fmt.Println("mode:", os.Getenv("REPORT_MODE"))
}
