module example.com/gitsrv

go 1.21
