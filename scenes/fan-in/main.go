// Command fan-in merges two producers into one stream: one sends every
// 100 ms, the other every 250 ms, main forwards whatever arrives first to a
// reader, which gets values from both as soon as they are sent.
package main

import (
	"fmt"
	"time"
)

// producer sends an increasing counter on ch, pausing d after each value.
func producer(ch chan int, d time.Duration) {
	for i := 0; ; i++ {
		ch <- i
		time.Sleep(d)
	}
}

// reader prints every value that reaches out.
func reader(out chan int) {
	for x := range out {
		fmt.Println(x)
	}
}

func main() {
	ch := make(chan int)
	out := make(chan int)
	go producer(ch, 100*time.Millisecond)
	go producer(ch, 250*time.Millisecond)
	go reader(out)
	for i := 0; i < 28; i++ {
		out <- <-ch
	}
}
