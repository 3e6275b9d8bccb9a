module gallery/ping-pong-3

go 1.22
