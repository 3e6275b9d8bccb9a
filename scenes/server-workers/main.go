// Command server-workers hands the server's logging to a pool: handlers
// send the client's address to a dispatcher, which feeds four workers, and
// their results are collected by one parser. main plays 16 clients on
// 127.0.0.1.
package main

import (
	"io"
	"log"
	"net"
	"time"
)

// server accepts connections until the listener closes.
func server(l net.Listener, addrs chan<- string) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go handler(conn, addrs)
	}
}

// handler reports the caller, works for 100 ms, answers "ok" and hangs up.
func handler(conn net.Conn, addrs chan<- string) {
	addrs <- conn.RemoteAddr().String()
	time.Sleep(100 * time.Millisecond)
	conn.Write([]byte("ok\n"))
	conn.Close()
}

// pool starts the workers and passes each address's length on to them.
func pool(addrs <-chan string, results chan<- int) {
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		go worker(jobs, results)
	}
	for addr := range addrs {
		jobs <- len(addr)
	}
}

// worker turns a job into a result.
func worker(jobs <-chan int, results chan<- int) {
	for job := range jobs {
		time.Sleep(5 * time.Millisecond)
		results <- job + 1
	}
}

// parse collects the results.
func parse(results <-chan int) {
	total := 0
	for r := range results {
		total += r
	}
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	addrs := make(chan string)
	results := make(chan int)
	go pool(addrs, results)
	go parse(results)
	go server(l, addrs)
	for i := 0; i < 16; i++ {
		conn, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			log.Fatal(err)
		}
		io.ReadAll(conn)
		conn.Close()
		time.Sleep(20 * time.Millisecond)
	}
	l.Close()
}
