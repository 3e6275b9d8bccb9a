module gallery/prime-sieve

go 1.22
