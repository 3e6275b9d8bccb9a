module workerpool

go 1.22
