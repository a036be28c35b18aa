package requestinfo_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"carejourney/server/requestinfo"
)

func TestClientAddressOf(t *testing.T) {
	for _, tc := range []struct {
		remote, forwarded string
		trust             bool
		want              string
	}{
		{"203.0.113.7:5123", "", false, "203.0.113.7"},
		{"203.0.113.7:5123", "198.51.100.1", false, "203.0.113.7"}, // the header is not trusted
		{"10.0.0.2:5123", "198.51.100.1", true, "198.51.100.1"},
		// A client's own X-Forwarded-For comes first; the proxy appends what it saw.
		{"10.0.0.2:5123", "1.2.3.4, 198.51.100.9", true, "198.51.100.9"},
		{"10.0.0.2:5123", "198.51.100.9, garbage", true, "10.0.0.2"},
		{"[2001:db8::1]:443", "", false, "2001:db8::1"},
		{"[::ffff:192.0.2.1]:443", "", false, "192.0.2.1"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		if tc.forwarded != "" {
			r.Header.Set("X-Forwarded-For", tc.forwarded)
		}
		if got := requestinfo.ClientAddressOf(r, tc.trust); got != tc.want {
			t.Errorf("%q forwarded %q trust %v: %q, want %q", tc.remote, tc.forwarded, tc.trust, got, tc.want)
		}
	}
}

func TestContext(t *testing.T) {
	ctx := context.Background()
	if requestinfo.RequestID(ctx) != "" || requestinfo.ClientAddress(ctx) != "" {
		t.Error("values outside a request")
	}
	ctx = requestinfo.WithClientAddress(requestinfo.WithRequestID(ctx, "abc"), "192.0.2.1")
	if requestinfo.RequestID(ctx) != "abc" || requestinfo.ClientAddress(ctx) != "192.0.2.1" {
		t.Error("values lost")
	}
}

func TestAddressGroup(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.7":          "203.0.113.7",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"2001:db8:1:2::1":      "2001:db8:1:2::/64",
		"::ffff:203.0.113.7":   "::ffff:203.0.113.7",
		"":                     "",
		"not an address":       "not an address",
	} {
		if got := requestinfo.AddressGroup(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
