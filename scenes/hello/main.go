// Command hello is the smallest concurrent program: main starts one
// goroutine and waits on a channel until that goroutine sends it a number.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		ch <- 42
		time.Sleep(10 * time.Millisecond)
	}()
	fmt.Println(<-ch)
	time.Sleep(15 * time.Millisecond)
}
