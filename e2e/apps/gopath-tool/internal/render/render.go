// Package render formats tool's report; it is only importable inside github.com/acme/tool.
package render

import (
	"fmt"
	"sort"
)

// Table prints key=value lines in key order.
func Table(kv map[string]string) string {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := ""
	for _, k := range keys {
		out += fmt.Sprintf("%-8s %s\n", k, kv[k])
	}
	return out
}
