module example.com/templates-server

go 1.19
