module gallery/gomaxprocs-24

go 1.22
