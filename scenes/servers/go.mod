module gallery/servers

go 1.22
