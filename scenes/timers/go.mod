module gallery/timers

go 1.22
