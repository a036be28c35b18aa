package metrics

import (
	"database/sql"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"carejourney/server/audit"
)

// WatchPool reports the connection pool of db (open, in use, idle, waits
// and time waited, connections closed by the limits) as go_sql_* with
// db_name=name, read from db.Stats() at each scrape.
func (m *Metrics) WatchPool(db *sql.DB, name string) {
	if m == nil {
		return
	}
	m.registry.MustRegister(collectors.NewDBStatsCollector(db, name))
}

// WatchAudit reports the audit log's queue and writes, read from
// log.Stats() at each scrape.
func (m *Metrics) WatchAudit(log *audit.Log) {
	if m == nil || log == nil {
		return
	}
	m.registry.MustRegister(auditCollector{log})
}

// auditCollector turns audit.Stats into metrics.
type auditCollector struct{ log *audit.Log }

func auditDesc(name, help string) *prometheus.Desc {
	return prometheus.NewDesc(prometheus.BuildFQName(namespace, "audit", name), help, nil, nil)
}

var (
	auditWaiting = auditDesc("queue_requests",
		"Requests whose audit events wait for a writer.")
	auditOldestWait = auditDesc("oldest_wait_seconds",
		"How long the oldest audit event not yet committed has waited (0 when none is being written): its request's response waits as long.")
	auditCommitLag = auditDesc("commit_lag_seconds",
		"For each COPY that committed, the time from the Write of the oldest request it held to its commit.")
	auditLastCommitLag = auditDesc("last_commit_lag_seconds",
		"commit_lag_seconds of the last COPY that committed.")
	auditEvents = auditDesc("events_written_total",
		"Audit events committed.")
	auditFailures = auditDesc("write_failures_total",
		"COPYs of audit events that failed; their requests were refused.")
	auditWritable = auditDesc("writable",
		"1 while the audit log writes, 0 after a failed write until a write or a probe succeeds (member records are refused meanwhile).")
)

func (auditCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{auditWaiting, auditOldestWait, auditCommitLag, auditLastCommitLag, auditEvents, auditFailures, auditWritable} {
		ch <- d
	}
}

func (c auditCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.log.Stats()
	writable := 0.0
	if s.Writable {
		writable = 1
	}
	ch <- prometheus.MustNewConstMetric(auditWaiting, prometheus.GaugeValue, float64(s.Waiting))
	ch <- prometheus.MustNewConstMetric(auditOldestWait, prometheus.GaugeValue, s.OldestWait.Seconds())
	ch <- prometheus.MustNewConstSummary(auditCommitLag, s.Writes, s.LagSum.Seconds(), nil)
	ch <- prometheus.MustNewConstMetric(auditLastCommitLag, prometheus.GaugeValue, s.LastLag.Seconds())
	ch <- prometheus.MustNewConstMetric(auditEvents, prometheus.CounterValue, float64(s.EventsWritten))
	ch <- prometheus.MustNewConstMetric(auditFailures, prometheus.CounterValue, float64(s.Failures))
	ch <- prometheus.MustNewConstMetric(auditWritable, prometheus.GaugeValue, writable)
}
