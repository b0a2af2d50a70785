module example.com/monorepo/worker

go 1.19
