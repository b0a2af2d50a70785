module example.com/monorepo/legacy

go 1.19
