module example.com/sup

go 1.21
