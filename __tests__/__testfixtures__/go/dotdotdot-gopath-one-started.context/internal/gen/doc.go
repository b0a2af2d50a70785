// Package gen holds generated tables.
package gen
