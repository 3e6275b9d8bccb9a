module gallery/workers-of-workers

go 1.22
