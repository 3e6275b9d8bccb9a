// Command parallelism-2 is parallelism in two levels: ten handlers each run
// for two and a half seconds and start two batches of 20 short-lived
// helpers of their own, 400 goroutines in all. Nobody talks to anybody.
package main

import (
	"sync"
	"time"
)

// handler starts 20 helpers at 0.5 s and 20 more at 1.5 s, and lives about 2.5 s.
func handler(wg *sync.WaitGroup) {
	defer wg.Done()
	var helpers sync.WaitGroup
	time.Sleep(500 * time.Millisecond)
	for batch := 0; batch < 2; batch++ {
		for i := 0; i < 20; i++ {
			helpers.Add(1)
			go helper(&helpers)
		}
		time.Sleep(time.Second)
	}
	time.Sleep(500 * time.Millisecond)
	helpers.Wait()
}

// helper works in short bursts for about 500 ms.
func helper(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 5; i++ {
		spin(500 * time.Microsecond)
		time.Sleep(100 * time.Millisecond)
	}
}

// spin keeps the CPU busy for d.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go handler(&wg)
	}
	wg.Wait()
}
