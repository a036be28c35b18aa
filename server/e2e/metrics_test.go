package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
	"carejourney/server/metrics"
)

// scrape reads /metrics from the server's metrics listener and parses it
// as Prometheus does.
func scrape(t *testing.T, s *server) map[string]*dto.MetricFamily {
	t.Helper()
	if s.MetricsAddr == "" {
		t.Fatal("the server serves no metrics")
	}
	res, err := http.Get("http://" + s.MetricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: status %d", res.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	return families
}

// series are the metrics of family name whose labels include want.
func series(families map[string]*dto.MetricFamily, name string, want map[string]string) []*dto.Metric {
	var out []*dto.Metric
	f := families[name]
	if f == nil {
		return nil
	}
next:
	for _, m := range f.GetMetric() {
		have := map[string]string{}
		for _, l := range m.GetLabel() {
			have[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if have[k] != v {
				continue next
			}
		}
		out = append(out, m)
	}
	return out
}

// value adds up the counters, gauges or histogram counts of the series of
// name whose labels include want.
func value(families map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	var sum float64
	for _, m := range series(families, name, want) {
		switch {
		case m.Counter != nil:
			sum += m.Counter.GetValue()
		case m.Gauge != nil:
			sum += m.Gauge.GetValue()
		case m.Histogram != nil:
			sum += float64(m.Histogram.GetSampleCount())
		case m.Summary != nil:
			sum += float64(m.Summary.GetSampleCount())
		}
	}
	return sum
}

type labels = map[string]string

// TestMetrics runs a query, a mutation answered with a userError and a
// query that does not validate, and reads what they moved on /metrics.
func TestMetrics(t *testing.T) {
	s := startServer(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0"})
	c := s.signedIn(t, domain.RoleAdmin)
	before := scrape(t, s)

	for range 2 {
		c.do(`query MetricsViewer { viewer { user { email } } }`, nil).noErrors(t)
	}
	created := c.do(`mutation MetricsCreateMember($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": " ", "lastName": "Zedwickson"}})
	if codes := created.userErrorCodes(t, "createMember"); len(codes) != 1 {
		t.Fatalf("createMember of a blank name: userErrors %v, want one", codes)
	}
	// A clinician asking for an API key that is not there beside its own account.
	clinician := s.signedIn(t, domain.RoleClinician)
	partial := clinician.do(`query MetricsPartial($id: ID!) { viewer { user { email } } node(id: $id) { id } }`,
		vars{"id": globalid.EncodeInt("ApiKey", 1)})
	if codes := partial.errorCodes(); len(codes) != 1 || codes[0] != "NOT_FOUND" || partial.str(t, "viewer.user.email") == "" {
		t.Fatalf("a clinician asking for a missing key: errors %v, data %v", codes, partial.Data)
	}
	bad := c.do(`query MetricsBroken { noSuchField }`, nil)
	if codes := bad.errorCodes(); len(codes) != 1 || codes[0] != "BAD_USER_INPUT" {
		t.Fatalf("a query of an unknown field: errors %v", codes)
	}

	after := scrape(t, s)
	moved := func(name string, l labels) float64 { return value(after, name, l) - value(before, name, l) }
	for _, tc := range []struct {
		name   string
		labels labels
		want   float64
	}{
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsViewer", "outcome": "ok"}, 2},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsViewer"}, 2},
		{"carejourney_graphql_operation_duration_seconds", labels{"operation": "MetricsViewer"}, 2},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsCreateMember", "outcome": "user_error"}, 1},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsCreateMember"}, 1},
		// The name of an operation that did not validate is not taken.
		{"carejourney_graphql_operations_total", labels{"operation": metrics.LabelInvalid, "outcome": "refused"}, 1},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsBroken"}, 0},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsPartial", "outcome": "partial"}, 1},
		// The clinician's sign-in is the one anonymous operation.
		{"carejourney_graphql_operations_total", labels{"operation": metrics.LabelAnonymous, "outcome": "ok"}, 1},
		{"carejourney_graphql_operations_total", nil, 6},
		{"carejourney_graphql_errors_total", labels{"code": "BAD_USER_INPUT"}, 1},
		{"carejourney_graphql_errors_total", labels{"code": "NOT_FOUND"}, 1},
		{"carejourney_graphql_errors_total", nil, 2},
		// Six requests on the API's listener; the scrapes are on the other.
		{"carejourney_http_requests_total", labels{"route": "/graphql", "status": "200"}, 6},
		{"carejourney_http_requests_total", nil, 6},
		{"carejourney_http_request_duration_seconds", labels{"route": "/graphql"}, 6},
	} {
		if got := moved(tc.name, tc.labels); got != tc.want {
			t.Errorf("%s%v moved by %g, want %g", tc.name, tc.labels, got, tc.want)
		}
	}

	// The member's name was in the variables: it is in no label.
	for name, f := range after {
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if strings.Contains(l.GetValue(), "Zedwick") {
					t.Errorf("%s has a label with the request's variables: %s=%q", name, l.GetName(), l.GetValue())
				}
			}
		}
	}

	// The pool, the audit log and Go's own collectors.
	if len(series(after, "go_sql_open_connections", labels{"db_name": "serving"})) != 1 {
		t.Error("no go_sql_open_connections of the serving pool")
	}
	if value(after, "go_sql_open_connections", labels{"db_name": "serving"}) < 1 {
		t.Error("the serving pool has no open connection after requests")
	}
	for _, name := range []string{"go_sql_in_use_connections", "go_sql_idle_connections", "go_sql_wait_count_total", "go_sql_wait_duration_seconds_total",
		"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes",
		"carejourney_audit_queue_requests", "carejourney_audit_oldest_wait_seconds", "carejourney_audit_last_commit_lag_seconds"} {
		if len(series(after, name, nil)) != 1 {
			t.Errorf("no %s", name)
		}
	}
	// The sign-in, the reads and the write attempt were audited.
	if got := moved("carejourney_audit_events_written_total", nil); got < 1 {
		t.Errorf("audit events written moved by %g", got)
	}
	if got := moved("carejourney_audit_commit_lag_seconds", nil); got < 1 {
		t.Errorf("audit commits moved by %g", got)
	}
	if got := value(after, "carejourney_audit_writable", nil); got != 1 {
		t.Errorf("carejourney_audit_writable = %g", got)
	}

	// The API's listener does not serve them.
	if body := metricsGet(t, s.URL+"/metrics"); strings.Contains(body, "carejourney_") || strings.Contains(body, "# TYPE") {
		t.Errorf("the API's listener serves metrics: %.200s", body)
	}
}

// TestMetricsOffByDefault: without METRICS_ADDR nothing listens for them
// and the API's listener does not serve them.
func TestMetricsOffByDefault(t *testing.T) {
	s := startServer(t, nil)
	if s.MetricsAddr != "" {
		t.Fatalf("metrics served on %s without METRICS_ADDR", s.MetricsAddr)
	}
	s.client(t).do(`query { __typename }`, nil).noErrors(t)
	if body := metricsGet(t, s.URL+"/metrics"); strings.Contains(body, "carejourney_") || strings.Contains(body, "# TYPE") {
		t.Errorf("the API's listener serves metrics: %.200s", body)
	}
}

// TestMetricsOperationNamesBounded: operation names are the client's; a
// flood of distinct ones keeps MaxOperationNames series, the rest count as
// LabelOther.
func TestMetricsOperationNamesBounded(t *testing.T) {
	s := startServer(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0"})
	c := s.client(t)
	const extra = 30
	for i := range metrics.MaxOperationNames + extra {
		c.do(fmt.Sprintf(`query Flood%d { __typename }`, i), nil).noErrors(t)
	}
	after := scrape(t, s)
	names := map[string]bool{}
	for _, m := range series(after, "carejourney_graphql_operations_total", nil) {
		for _, l := range m.GetLabel() {
			if l.GetName() == "operation" {
				names[l.GetValue()] = true
			}
		}
	}
	if len(names) != metrics.MaxOperationNames+1 || !names[metrics.LabelOther] {
		t.Errorf("%d operation label values (with %s: %v), want %d names and %s", len(names), metrics.LabelOther, names[metrics.LabelOther],
			metrics.MaxOperationNames, metrics.LabelOther)
	}
	if got := value(after, "carejourney_graphql_operations_total", labels{"operation": metrics.LabelOther}); got != extra {
		t.Errorf("%s counted %g operations, want %d", metrics.LabelOther, got, extra)
	}
	if got := len(series(after, "carejourney_graphql_operation_duration_seconds", nil)); got != metrics.MaxOperationNames+1 {
		t.Errorf("%d latency series, want %d", got, metrics.MaxOperationNames+1)
	}
}

func metricsGet(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return string(body)
}

// TestMetricsThrottled: an operation refused for an empty bucket counts as
// throttled, under its name (it validated), with its THROTTLED error.
func TestMetricsThrottled(t *testing.T) {
	s := startServer(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0",
		"RATE_LIMIT_POINTS": "30", "RATE_LIMIT_RESTORE_RATE": "0.001"})
	c := s.signedIn(t, domain.RoleAdmin)
	before := scrape(t, s)
	ok, throttled := 0, 0
	for throttled == 0 && ok < 50 {
		r := c.do(`query MetricsViewer { viewer { user { email } } }`, nil)
		switch codes := r.errorCodes(); {
		case len(codes) == 0:
			ok++
		case len(codes) == 1 && codes[0] == "THROTTLED" && r.Status == http.StatusTooManyRequests:
			throttled++
		default:
			t.Fatalf("status %d, errors %v", r.Status, codes)
		}
	}
	if throttled == 0 {
		t.Fatalf("%d operations, none throttled", ok)
	}
	after := scrape(t, s)
	moved := func(name string, l labels) float64 { return value(after, name, l) - value(before, name, l) }
	for _, tc := range []struct {
		name   string
		labels labels
		want   int
	}{
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsViewer", "outcome": "ok"}, ok},
		{"carejourney_graphql_operations_total", labels{"operation": "MetricsViewer", "outcome": "throttled"}, throttled},
		{"carejourney_graphql_errors_total", labels{"code": "THROTTLED"}, throttled},
		{"carejourney_http_requests_total", labels{"route": "/graphql", "status": "429"}, throttled},
	} {
		if got := moved(tc.name, tc.labels); got != float64(tc.want) {
			t.Errorf("%s%v moved by %g, want %d", tc.name, tc.labels, got, tc.want)
		}
	}
}

// TestMetricsTimeout: an operation stopped by its deadline counts as an
// error, with its TIMEOUT.
func TestMetricsTimeout(t *testing.T) {
	s := startServer(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0", "REQUEST_TIMEOUT": "300ms"})
	c := s.signedIn(t, domain.RoleCaseManager)
	db := s.Store.DB()
	lock, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lock.Rollback() }()
	if _, err := lock.ExecContext(context.Background(), `LOCK TABLE members IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	before := scrape(t, s)
	r := c.do(`query MetricsMembers { members(first: 5) { nodes { id } } }`, nil)
	if !slices.Contains(r.errorCodes(), "TIMEOUT") {
		t.Fatalf("a page of locked members: errors %v, want TIMEOUT", r.errorCodes())
	}
	_ = lock.Rollback()
	after := scrape(t, s)
	moved := func(name string, l labels) float64 { return value(after, name, l) - value(before, name, l) }
	if got := moved("carejourney_graphql_operations_total", labels{"operation": "MetricsMembers", "outcome": "error"}); got != 1 {
		t.Errorf("MetricsMembers error moved by %g, want 1", got)
	}
	if got, want := moved("carejourney_graphql_errors_total", labels{"code": "TIMEOUT"}), float64(len(r.errorCodes())); got != want {
		t.Errorf("TIMEOUT errors moved by %g, want %g", got, want)
	}
}

// TestMetricsStopWithTheServer: Shutdown closes the metrics listener too.
func TestMetricsStopWithTheServer(t *testing.T) {
	s := startServer(t, map[string]string{"METRICS_ADDR": "127.0.0.1:0"})
	scrape(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if res, err := http.Get("http://" + s.MetricsAddr + "/metrics"); err == nil {
		res.Body.Close()
		t.Fatalf("/metrics answered %d after Shutdown", res.StatusCode)
	}
}
