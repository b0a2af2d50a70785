package main

import (
	"crypto/x509"
	"fmt"
	"os"
	"time"
)

func main() {
	status := 0

	const bundle = "/etc/ssl/certs/ca-certificates.crt"
	_, err := os.Stat(bundle)
	fmt.Println("ca bundle present:", err == nil)
	pool, err := x509.SystemCertPool()
	loaded := err == nil && pool != nil && len(pool.Subjects()) > 0
	fmt.Println("system roots loaded:", loaded)
	if !loaded {
		status = 1
	}

	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println("tz error:", err)
		os.Exit(1)
	}
	for _, d := range []time.Time{
		time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC),
	} {
		fmt.Println("Europe/Paris", d.Format("2006-01-02"), "->", d.In(loc).Format("15:04 MST -07:00"))
	}
	os.Exit(status)
}
