// Command prime-sieve is the concurrent sieve of Eratosthenes: a generator
// sends 2, 3, 4, … down a chain of filters, one per prime found so far, and
// every number that passes the whole chain is the next prime.
package main

import (
	"fmt"
	"time"
)

// generate sends 2, 3, 4, … on ch, one every 100 ms.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		time.Sleep(100 * time.Millisecond)
		ch <- i
	}
}

// filter passes on the numbers from in that prime does not divide.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		if i := <-in; i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 10; i++ {
		prime := <-ch
		fmt.Println(prime)
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
}
