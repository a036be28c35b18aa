package store

import (
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/uptrace/bun/driver/pgdriver"
)

// IsUnreachable reports whether err says the database could not be reached
// or went away mid-statement (stopped, restarting, the network between):
// not the request's fault nor a bug, and worth retrying shortly.
func IsUnreachable(err error) bool {
	var netErr net.Error
	var pgErr pgdriver.Error
	switch {
	case errors.As(err, &pgErr):
		code := pgErr.Field('C')
		// 08: connection exception; 57P01-57P03: admin or crash shutdown,
		// cannot connect now (starting or stopping).
		return strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03"
	case errors.As(err, &netErr), errors.Is(err, driver.ErrBadConn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	return false
}
