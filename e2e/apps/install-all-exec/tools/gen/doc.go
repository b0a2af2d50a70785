// Package gen is a placeholder for code generators.
package gen
