// Command workers spreads tasks over a pool: 36 workers wait on one channel
// and each task goes to whichever worker is free. It runs with GOMAXPROCS 4,
// so at most four workers execute at any moment.
package main

import (
	"runtime"
	"sync"
	"time"
)

// worker handles tasks until the channel is closed; a task takes 40 ms plus 2 ms per unit.
func worker(tasks <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for task := range tasks {
		time.Sleep(time.Duration(40+2*task) * time.Millisecond)
	}
}

// pool starts the workers, 1 ms apart.
func pool(tasks <-chan int, wg *sync.WaitGroup, size int) {
	for i := 0; i < size; i++ {
		wg.Add(1)
		go worker(tasks, wg)
		time.Sleep(time.Millisecond)
	}
}

func main() {
	runtime.GOMAXPROCS(4)
	var wg sync.WaitGroup
	tasks := make(chan int)
	pool(tasks, &wg, 36)
	for i := 0; i < 50; i++ {
		time.Sleep(20 * time.Millisecond)
		tasks <- i
	}
	close(tasks)
	wg.Wait()
}
