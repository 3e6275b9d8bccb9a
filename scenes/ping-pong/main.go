// Command ping-pong is the classic two-player table: main serves a ball over
// an unbuffered channel, the players hit it back and forth every 100 ms, and
// after about a second main takes the ball back. It records its own
// execution trace with runtime/trace.
//
// Usage: go run . [trace-file]   (default trace.out)
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"time"
)

// Ball is what travels over the table; hits counts the strokes so far.
type Ball struct{ hits int }

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

	table := make(chan *Ball)
	go player("ping", table)
	go player("pong", table)

	table <- new(Ball) // serve
	time.Sleep(1 * time.Second)
	<-table // take the ball back

	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// player waits for the ball, hits it, pauses 100 ms and sends it back.
func player(name string, table chan *Ball) {
	for {
		ball := <-table
		ball.hits++
		time.Sleep(100 * time.Millisecond)
		table <- ball
	}
}
