package y

import "os/exec"

func Open(u string) error { return exec.Command("xdg-open", u).Run() }
