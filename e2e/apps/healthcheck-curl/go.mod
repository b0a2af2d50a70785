module example.com/healthsrv

go 1.19
