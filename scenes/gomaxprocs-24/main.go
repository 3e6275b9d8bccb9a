// Command gomaxprocs-24 runs 24 CPU-bound workers with GOMAXPROCS set to 24:
// a generator hands out tasks, each worker computes for a while and passes a
// result to a printer. The gomaxprocs-1 and gomaxprocs-24 scenes differ only
// in that number.
package main

import (
	"fmt"
	"runtime"
	"time"
)

const procs = 24

// work burns CPU: a few million modular steps.
func work(task int) int {
	x := task
	for i := 0; i < 8_000_000; i++ {
		x = (x*31 + i) % 1_000_003
	}
	return x
}

// worker computes each task it receives and sends the result on.
func worker(in <-chan int, out chan<- int) {
	for task := range in {
		out <- work(task)
	}
}

// pool starts 24 workers.
func pool(in <-chan int, out chan<- int) {
	for i := 0; i < 24; i++ {
		go worker(in, out)
	}
}

// generate hands out 100 tasks.
func generate(in chan<- int) {
	for i := 0; i < 100; i++ {
		in <- i
	}
}

// printer shows each result.
func printer(out <-chan int) {
	for r := range out {
		fmt.Println(r)
	}
}

func main() {
	runtime.GOMAXPROCS(procs)
	in := make(chan int)
	out := make(chan int)
	go pool(in, out)
	go generate(in)
	go printer(out)
	time.Sleep(time.Second)
}
