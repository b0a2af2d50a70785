module example.com/runshell

go 1.19
