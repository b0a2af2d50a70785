// Writes a certificate into its VOLUME and a state file into its working directory, then
// updates the config it was shipped with, as servers that generate a self-signed certificate at
// first start do. Run as root in the original; the rewrite's non-root user must still be able to.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func write(path, text string) {
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		fmt.Println("write:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", path)
}

func main() {
	write(filepath.Join("certs", "server.pem"), "-----BEGIN CERTIFICATE-----\n")
	write("state.json", "{}\n")
	cfg, err := os.ReadFile("config.txt")
	if err != nil {
		fmt.Println("read:", err)
		os.Exit(1)
	}
	write("config.txt", string(cfg)+"first-start=done\n")
}
