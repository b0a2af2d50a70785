module example.com/catz

go 1.19
