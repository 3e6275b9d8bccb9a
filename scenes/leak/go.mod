module gallery/leak

go 1.22
