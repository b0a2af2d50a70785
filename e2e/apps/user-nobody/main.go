package main

import (
	"fmt"
	"os"
	"os/user"
)

func main() {
	fmt.Println("uid:", os.Getuid())
	fmt.Println("gid:", os.Getgid())
	u, err := user.Current()
	if err != nil {
		fmt.Println("lookup error:", err)
		os.Exit(2)
	}
	fmt.Println("username:", u.Username)
	g, err := user.LookupGroupId(u.Gid)
	if err != nil {
		fmt.Println("group lookup error:", err)
		os.Exit(2)
	}
	fmt.Println("primary gid:", g.Gid)
}
