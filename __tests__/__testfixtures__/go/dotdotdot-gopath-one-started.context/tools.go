// +build ignore

package main

import _ "github.com/other/tool"
