// worker does a fixed amount of work and reports it.
package main

import "fmt"

func main() {
	sum := 0
	for i := 1; i <= 100; i++ {
		sum += i
	}
	fmt.Println("worker: sum 1..100 =", sum)
}
