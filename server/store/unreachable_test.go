package store_test

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"carejourney/server/store"
)

// TestIsUnreachable: the errors of a database that went away are told from
// the others (soak/restart_test.go sees the real ones).
func TestIsUnreachable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, true},
		{fmt.Errorf("select members: %w", io.EOF), true},
		{io.ErrUnexpectedEOF, true},
		{driver.ErrBadConn, true},
		{errors.New("members_status_check"), false},
		{store.ErrBadValue, false},
	} {
		if got := store.IsUnreachable(c.err); got != c.want {
			t.Errorf("IsUnreachable(%v) = %t, want %t", c.err, got, c.want)
		}
	}
}
