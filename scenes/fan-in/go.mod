module gallery/fan-in

go 1.22
