// Package quote is a small dependency kept in vendor/ so the build needs no network.
package quote

import (
	"strings"
	"text/template"
)

var tmpl = template.Must(template.New("q").Parse(`{{range $i, $w := .}}{{if $i}} {{end}}{{$w}}{{end}}`))

// Line returns the first n words of a fixed line.
func Line(n int) string {
	words := strings.Fields("simplicity is prerequisite for reliability")
	if n > len(words) {
		n = len(words)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, words[:n]); err != nil {
		return err.Error()
	}
	return b.String()
}
