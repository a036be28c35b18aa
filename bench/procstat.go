package main

import (
	"fmt"
	"os"
	"strings"
)

// cpuTicks is utime+stime of a process (clock ticks, 100 a second on Linux).
func cpuTicks(pid int) int64 { return statSum(pid, 13) }

// childTicks is cutime+cstime: the CPU of the process's children that
// have ended and been waited for.
func childTicks(pid int) int64 { return statSum(pid, 15) }

// statSum adds the stat fields i and i+1 (user and system time); 0 when
// the process is gone.
func statSum(pid, i int) int64 {
	f := statFields(pid)
	if len(f) < i+2 {
		return 0
	}
	var u, s int64
	fmt.Sscan(f[i], &u)
	fmt.Sscan(f[i+1], &s)
	return u + s
}

func ppid(pid int) int {
	f := statFields(pid)
	if len(f) < 4 {
		return 0
	}
	var p int
	fmt.Sscan(f[3], &p)
	return p
}

// statFields splits /proc/<pid>/stat after the command name, which may hold spaces.
func statFields(pid int) []string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return append([]string{"pid", "comm"}, strings.Fields(s[i+1:])...)
}

// peakRSSMB is VmHWM of a process in MB.
func peakRSSMB(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb float64
			fmt.Sscan(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), &kb)
			return kb / 1024
		}
	}
	return 0
}
