module example.com/acme/hello/v2

go 1.22
