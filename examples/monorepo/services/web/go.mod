module example.com/monorepo/web

go 1.19
