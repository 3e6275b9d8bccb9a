// Command ping-pong-100 seats a hundred players at one table. The ball
// visits them in the order they started waiting, one after another, and
// comes round again: the channel's queue of receivers is first in, first out.
package main

import "time"

// Ball counts the hits so far.
type Ball struct{ hits int }

func main() {
	table := make(chan *Ball)
	for i := 0; i < 100; i++ {
		go player(table)
		time.Sleep(time.Millisecond) // keep the players queued in start order
	}
	table <- new(Ball)
	time.Sleep(2500 * time.Millisecond)
	<-table
}

// player waits for the ball, hits it, holds it for 20 ms and puts it back.
func player(table chan *Ball) {
	for {
		ball := <-table
		ball.hits++
		time.Sleep(20 * time.Millisecond)
		table <- ball
	}
}
