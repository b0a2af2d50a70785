module example.com/sh-entry

go 1.19
