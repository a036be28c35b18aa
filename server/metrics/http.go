package metrics

import (
	"strconv"
	"time"
)

// ObserveRequest counts an HTTP request answered on the API's listener.
// route is the pattern that matched it ("" for none).
func (m *Metrics) ObserveRequest(route string, status int, d time.Duration) {
	if m == nil {
		return
	}
	if route == "" {
		route = LabelNone
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.requestDuration.WithLabelValues(route).Observe(d.Seconds())
}
