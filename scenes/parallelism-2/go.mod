module gallery/parallelism-2

go 1.22
