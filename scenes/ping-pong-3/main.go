// Command ping-pong-3 puts three players at one table. The ball goes to
// whichever player has waited longest, because a channel serves its waiting
// receivers in arrival order, so the players take strict turns.
package main

import "time"

// Ball counts the hits so far.
type Ball struct{ hits int }

func main() {
	table := make(chan *Ball)
	for i := 0; i < 3; i++ {
		go player(table)
	}
	table <- new(Ball)
	time.Sleep(2 * time.Second)
	<-table
}

// player waits for the ball, hits it, holds it for 100 ms and puts it back.
func player(table chan *Ball) {
	for {
		ball := <-table
		ball.hits++
		time.Sleep(100 * time.Millisecond)
		table <- ball
	}
}
