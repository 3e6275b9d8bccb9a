module tracebench/load

go 1.21
