module example.com/sqlitecli

go 1.21
