// Command servers-logger adds a shared logger to the server: every handler
// sends the client's address to one logger goroutine before answering.
// main plays the clients on 127.0.0.1.
package main

import (
	"fmt"
	"io"
	"log"
	"net"
	"time"
)

// logger prints every line it is sent.
func logger(lines <-chan string) {
	for line := range lines {
		fmt.Println("connection from", line)
	}
}

// server accepts connections until the listener closes.
func server(l net.Listener, lines chan<- string) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go handler(conn, lines)
	}
}

// handler logs the caller, answers "ok" and hangs up.
func handler(conn net.Conn, lines chan<- string) {
	lines <- conn.RemoteAddr().String()
	conn.Write([]byte("ok\n"))
	conn.Close()
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	lines := make(chan string)
	go logger(lines)
	go server(l, lines)
	for i := 0; i < 40; i++ {
		time.Sleep(25 * time.Millisecond)
		conn, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			log.Fatal(err)
		}
		io.ReadAll(conn)
		conn.Close()
	}
	l.Close()
}
