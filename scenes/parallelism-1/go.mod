module gallery/parallelism-1

go 1.22
