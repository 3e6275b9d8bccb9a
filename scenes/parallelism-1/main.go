// Command parallelism-1 shows many things running at once: three waves of
// 36 handlers, one second apart, each busy for about half a second. They
// never talk to each other.
package main

import (
	"sync"
	"time"
)

// handler works in short bursts for about 500 ms.
func handler(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 10; i++ {
		spin(time.Millisecond)
		time.Sleep(49 * time.Millisecond)
	}
}

// spin keeps the CPU busy for d.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	var wg sync.WaitGroup
	for wave := 0; wave < 3; wave++ {
		for i := 0; i < 36; i++ {
			wg.Add(1)
			go handler(&wg)
		}
		time.Sleep(time.Second)
	}
	wg.Wait()
}
