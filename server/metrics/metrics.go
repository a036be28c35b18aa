// Package metrics is what the server tells Prometheus: GraphQL operations
// by name and outcome with their latency, errors by code, HTTP requests by
// route and status, the database pool and the audit log's queue, and Go's
// own runtime and process figures. Everything is registered on a registry
// of its own (not the global default, which any imported package may fill)
// and served by Handler on the metrics listener only (METRICS_ADDR). A nil
// *Metrics is metrics turned off: every method is then a no-op, so callers
// need no check.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric of the server's own.
const namespace = "carejourney"

// Metrics holds the server's metrics and the registry that serves them.
type Metrics struct {
	registry *prometheus.Registry

	operations        *prometheus.CounterVec
	operationDuration *prometheus.HistogramVec
	errors            *prometheus.CounterVec
	operationNames    *boundedLabels
	errorCodes        *boundedLabels

	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec
}

// New makes the metrics, with Go's runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "graphql_operations_total",
			Help: "GraphQL operations answered, by operation name (bounded: see the operations guide) and outcome.",
		}, []string{"operation", "outcome"}),
		operationDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "graphql_operation_duration_seconds",
			Help:    "Time from the GraphQL request's arrival to its response, by operation name.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "graphql_errors_total",
			Help: "Errors in GraphQL responses, by extensions.code.",
		}, []string{"code"}),
		operationNames: newBoundedLabels(MaxOperationNames),
		errorCodes:     newBoundedLabels(maxErrorCodes),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "http_requests_total",
			Help: "HTTP requests answered on the API's listener, by route (the pattern of routes.go) and status.",
		}, []string{"route", "status"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "http_request_duration_seconds",
			Help:    "Time to answer an HTTP request on the API's listener, by route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.operations, m.operationDuration, m.errors, m.requests, m.requestDuration,
	)
	return m
}

// Handler serves the metrics in Prometheus's text format (or OpenMetrics,
// when the scraper asks for it).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{
		Registry:          m.registry, // counts its own scrape errors
		EnableOpenMetrics: true,
	})
}
