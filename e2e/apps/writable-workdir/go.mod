module example.com/certsrv

go 1.19
