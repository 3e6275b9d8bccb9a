// Command workers-of-workers nests one pool inside another: five workers
// take tasks, and each task is split over three subworkers that the worker
// starts for it and waits for.
package main

import (
	"sync"
	"time"
)

// subworker handles subtasks until its channel is closed; each takes a few milliseconds.
func subworker(subtasks <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for subtask := range subtasks {
		time.Sleep(time.Duration(5+subtask%7) * time.Millisecond)
	}
}

// worker splits each task into ten subtasks for three fresh subworkers.
func worker(tasks <-chan int, done *sync.WaitGroup) {
	defer done.Done()
	for task := range tasks {
		subtasks := make(chan int)
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go subworker(subtasks, &wg)
			time.Sleep(time.Millisecond)
		}
		for i := 0; i < 10; i++ {
			subtasks <- task * i
		}
		close(subtasks)
		wg.Wait()
	}
}

func main() {
	var done sync.WaitGroup
	tasks := make(chan int)
	for i := 0; i < 5; i++ {
		done.Add(1)
		go worker(tasks, &done)
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < 20; i++ {
		tasks <- i
	}
	close(tasks)
	done.Wait()
}
