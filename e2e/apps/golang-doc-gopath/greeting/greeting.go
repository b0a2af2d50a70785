package greeting

// Hello greets by name.
func Hello(name string) string { return "hello, " + name }
