// Command thousands starts 5,000 goroutines in waves: each one waits a
// moment, does a little work, reports to a collector over a shared
// channel and ends; the last 50 block forever on a channel nobody sends to,
// so they are still alive when the trace ends (a leak). It records its own
// execution trace with runtime/trace.
//
// Usage: go run . [trace-file]   (default trace.out)
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

const (
	total  = 5000
	waves  = 10
	leaked = 50
)

func main() {
	path := "trace.out"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	reports := make(chan int, 64)
	done := make(chan int)
	go collect(reports, done)

	var wg sync.WaitGroup
	never := make(chan int)
	perWave := total / waves
	for w := 0; w < waves; w++ {
		for i := 0; i < perWave; i++ {
			id := w*perWave + i
			if id >= total-leaked {
				go func() { <-never }()
				continue
			}
			wg.Add(1)
			go task(id, reports, &wg)
		}
		time.Sleep(3 * time.Millisecond)
	}
	wg.Wait()
	close(reports)
	fmt.Fprintln(os.Stderr, "collected", <-done)

	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// task waits a little, works a little and reports its id.
func task(id int, reports chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(1+id%4) * time.Millisecond)
	x := 0
	for i := 0; i < 2000*(1+id%3); i++ {
		x += i ^ id
	}
	reports <- id + x*0
}

// collect counts reports until the channel closes.
func collect(reports <-chan int, done chan<- int) {
	n := 0
	for range reports {
		n++
	}
	done <- n
}
