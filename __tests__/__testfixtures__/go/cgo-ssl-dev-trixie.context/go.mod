module example.com/tlsprobe

go 1.21
