// Command servers is the classic Go server: an accept loop that starts one
// short-lived handler goroutine per connection. main plays the clients,
// connecting 40 times on 127.0.0.1, so the program needs nothing outside.
package main

import (
	"io"
	"log"
	"net"
	"time"
)

// server accepts connections until the listener closes.
func server(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go handler(conn)
	}
}

// handler answers "ok" and hangs up.
func handler(conn net.Conn) {
	conn.Write([]byte("ok\n"))
	conn.Close()
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go server(l)
	for i := 0; i < 40; i++ {
		time.Sleep(20 * time.Millisecond)
		conn, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			log.Fatal(err)
		}
		io.ReadAll(conn)
		conn.Close()
	}
	l.Close()
}
