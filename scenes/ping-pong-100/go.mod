module gallery/ping-pong-100

go 1.22
