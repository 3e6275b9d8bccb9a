module gallery/gomaxprocs-1

go 1.22
