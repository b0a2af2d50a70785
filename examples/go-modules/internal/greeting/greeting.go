// Package greeting builds the greeting line printed by greeter.
package greeting

import "strings"

// Line joins a greeting word and a list of names into one sentence.
func Line(word string, names []string) string {
	if word == "" {
		word = "Hello"
	}
	if len(names) == 0 {
		names = []string{"world"}
	}
	return word + ", " + strings.Join(names, " and ") + "!"
}
