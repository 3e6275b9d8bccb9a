module gallery/servers-logger

go 1.22
