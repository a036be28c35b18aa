// Package requestinfo carries facts about the HTTP request in its context:
// the request id and the client's address. The HTTP middleware sets them;
// auth (sign-in throttling), rate limits and the audit log read them. It
// imports nothing of the project, so every layer may use it.
package requestinfo

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

type requestIDKey struct{}

type clientAddressKey struct{}

// WithRequestID returns ctx carrying the request id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the id of the request ctx belongs to, "" outside one.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// WithClientAddress returns ctx carrying the client's IP address.
func WithClientAddress(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddressKey{}, addr)
}

// ClientAddress returns the client's IP address ("203.0.113.7", "2001:db8::1"),
// "" outside a request.
func ClientAddress(ctx context.Context) string {
	addr, _ := ctx.Value(clientAddressKey{}).(string)
	return addr
}

// ClientAddressOf finds the client's IP address of r: the host of
// r.RemoteAddr, or, when trustProxy is set (the server runs behind one
// reverse proxy that appends to the header), the last address of
// X-Forwarded-For: the one that proxy saw. Earlier entries come from the
// client and are not believed. Without trustProxy the header is ignored:
// any client can write it.
func ClientAddressOf(r *http.Request, trustProxy bool) string {
	if trustProxy {
		values := r.Header.Values("X-Forwarded-For")
		if len(values) > 0 {
			parts := strings.Split(values[len(values)-1], ",")
			if addr, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1])); err == nil {
				return addr.Unmap().String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		return addr.Unmap().String()
	}
	return host
}

// AddressGroup names the group of client addresses that counts as one
// client for rate limits and sign-in throttling: an IPv4 address alone,
// an IPv6 address by its /64 (one subscriber usually holds a whole /64,
// and can pick any address in it). Anything else is returned as is.
func AddressGroup(addr string) string {
	if ip, err := netip.ParseAddr(addr); err == nil && ip.Is6() && !ip.Is4In6() {
		prefix, _ := ip.Prefix(64)
		return prefix.String()
	}
	return addr
}
