// Command trace-load writes a large execution trace for the trace-read bench:
// an HTTP server on 127.0.0.1 under load from many keep-alive clients for a
// few seconds. Usage: go run . TRACE-FILE [SECONDS] [CLIENTS]
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	seconds, clients := 3.0, 64
	if len(os.Args) > 2 {
		seconds, _ = strconv.ParseFloat(os.Args[2], 64)
	}
	if len(os.Args) > 3 {
		clients, _ = strconv.Atoi(os.Args[3])
	}

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var mu sync.Mutex
	hits := map[string]int{}
	server := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		fmt.Fprintf(w, "hello %s\n", r.URL.Path)
	})}
	go server.Serve(listener)

	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}

	url := "http://" + listener.Addr().String()
	deadline := time.Now().Add(time.Duration(seconds * float64(time.Second)))
	var requests atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			for n := 0; time.Now().Before(deadline); n++ {
				resp, err := client.Get(fmt.Sprintf("%s/%d/%d", url, id, n%8))
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				requests.Add(1)
			}
			client.CloseIdleConnections()
		}(i)
	}
	wg.Wait()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
	server.Close()
	fmt.Fprintf(os.Stderr, "%d requests\n", requests.Load())
}
