// Command relayctl is an admin tool the container does not start.
package main

import "fmt"

func main() { fmt.Println("relayctl") }
