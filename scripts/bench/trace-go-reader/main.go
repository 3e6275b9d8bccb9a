// Command trace-go-reader times Go's own execution-trace reader on one file,
// for the trace-read bench. internal/trace is importable only from inside
// GOROOT, so the bench builds this file with `go build -overlay` as if it lived
// at $GOROOT/src/cmd/tracereadbench; nothing in GOROOT is written.
// Usage: trace-go-reader TRACE-FILE; prints one JSON line.
package main

import (
	"bufio"
	"encoding/json"
	"internal/trace"
	"io"
	"os"
	"syscall"
	"time"
)

func main() {
	start := time.Now()
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		panic(err)
	}
	events, transitions := 0, 0
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		events++
		// Goroutine transitions only, as our reader counts them.
		if ev.Kind() == trace.EventStateTransition && ev.StateTransition().Resource.Kind == trace.ResourceGoroutine {
			transitions++
		}
	}
	elapsed := time.Since(start)
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"events": events, "transitions": transitions,
		"elapsedMs": float64(elapsed.Microseconds()) / 1000, "maxRssBytes": usage.Maxrss * 1024,
	})
}
