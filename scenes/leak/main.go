// Command leak starts 1200 goroutines that never finish: each waits on a
// channel that nobody will ever send on. Every one of them is still alive,
// blocked, when the program ends.
package main

import "time"

// worker waits for a value that never comes.
func worker(ch chan int) {
	<-ch
}

func main() {
	for i := 0; i < 1200; i++ {
		go worker(make(chan int))
		time.Sleep(1250 * time.Microsecond)
	}
}
