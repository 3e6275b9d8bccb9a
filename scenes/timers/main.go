// Command timers builds a timer out of a goroutine and a channel, then uses
// it 24 times in a row: each call starts a goroutine that sleeps and then
// sends on the channel it returned, while main waits for it.
package main

import "time"

// after returns a channel that receives one value once d has passed.
func after(d time.Duration) <-chan int {
	ch := make(chan int)
	go func() {
		time.Sleep(d)
		ch <- 1
	}()
	return ch
}

func main() {
	for i := 0; i < 24; i++ {
		<-after(100 * time.Millisecond)
	}
}
