module gallery/workers

go 1.22
