module gallery/server-workers

go 1.22
