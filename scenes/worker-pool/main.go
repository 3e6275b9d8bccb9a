// Command worker-pool hands 24 jobs to four workers over a jobs channel;
// each worker does some work (a short sleep and a bit of arithmetic), sends
// its result back, and main collects the results and waits for the workers
// with a sync.WaitGroup. It records its own execution trace with
// runtime/trace.
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
	workers = 4
	jobs    = 24
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

	work := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go worker(work, results, &wg)
	}
	go func() {
		for j := 1; j <= jobs; j++ {
			work <- j
		}
		close(work)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	_ = sum

	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// worker squares each job after pretending to work on it for a while.
func worker(work <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range work {
		time.Sleep(time.Duration(2+j%5) * time.Millisecond)
		x := 0
		for i := 0; i < 200000*(1+j%3); i++ {
			x += i % (j + 1)
		}
		results <- j*j + x*0
	}
}
