package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"
)

type server struct {
	cmd       *exec.Cmd
	pid       int
	base      string
	pprof     string // the server's profiling endpoint (PPROF_LISTEN_ADDR)
	coldStart time.Duration
	exited    chan struct{}
}

// startServer runs the release build with production settings except the
// rate limit (raised so a bench never throttles), no second factor for the
// demo account, no milestone sweep during the run, and MAX_QUERY_COST
// raised because the house board (100 houses with residents) costs more
// than the default 1000.
func startServer(bin, dbURL string) (*server, error) {
	addr := fmt.Sprintf("127.0.0.1:%d", envInt("BENCH_PORT", freePort()))
	pprofAddr := fmt.Sprintf("127.0.0.1:%d", freePort())
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "LISTEN_ADDR="+addr, "LOG_LEVEL=warn", "PPROF_LISTEN_ADDR="+pprofAddr,
		"RATE_LIMIT_POINTS=100000000", "RATE_LIMIT_RESTORE_RATE=100000000",
		"TOTP_REQUIRED_ROLES=none", "MILESTONE_SWEEP_INTERVAL=0", "MAX_QUERY_COST=1000000", "PUBLIC_URL=http://"+addr)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, pid: cmd.Process.Pid, base: "http://" + addr, pprof: "http://" + pprofAddr}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s.exited = exited
	for time.Since(start) < 30*time.Second {
		select {
		case <-exited:
			return nil, fmt.Errorf("server exited before /readyz")
		default:
		}
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				s.coldStart = time.Since(start)
				return s, nil
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("server not ready after 30s")
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
	}
}
