module thousands

go 1.22
