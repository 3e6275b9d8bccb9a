module gallery/hello

go 1.22
