package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"
)

// Options tune a Log; zero values take the defaults.
type Options struct {
	// BatchSize is the most events one COPY writes. Default 1000.
	BatchSize int
	// Writers is how many COPYs may run at once. Default 2.
	Writers int
	// WriteTimeout bounds one COPY. Default 5s.
	WriteTimeout time.Duration
	// ProbeInterval is the least time between two probes of a log that
	// failed to write (Check). Default 500ms.
	ProbeInterval time.Duration
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 1000
	}
	if o.Writers <= 0 {
		o.Writers = 2
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 5 * time.Second
	}
	if o.ProbeInterval <= 0 {
		o.ProbeInterval = 500 * time.Millisecond
	}
	return o
}

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("audit: the log is closed")

// Log writes audit events to the database with group commit: Write hands
// a request's events to a writer and waits until the COPY holding them
// has committed. A writer takes every request waiting when it starts a
// COPY, so concurrent requests share one statement and one commit. COPY,
// not INSERT: the database neither parses nor plans a statement that
// grows with the batch (an INSERT of 600 rows holds 8,400 values), and
// one COPY outside a transaction is as atomic as one INSERT.
// Nothing is kept in memory after a failed write: the error goes back to
// every request of the batch, which must then not show what the events
// record, and the log reports itself unhealthy until a write or a probe
// succeeds again.
type Log struct {
	db     *bun.DB
	logger *slog.Logger
	opts   Options

	queue   chan *pending
	stopped sync.WaitGroup

	mu      sync.RWMutex
	closing bool

	// failure is nil while the last write succeeded.
	failure atomic.Pointer[Failure]
	probeMu sync.Mutex
	probeAt time.Time

	// busySince is, for each writer, when the oldest request of the batch
	// it is writing called Write (UnixNano), 0 while it waits for one: the
	// queue is FIFO, so the oldest of these is the oldest event not yet
	// committed. The rest are the figures of Stats.
	busySince     []atomic.Int64
	writes        atomic.Uint64
	failures      atomic.Uint64
	eventsWritten atomic.Uint64
	lagSum        atomic.Int64
	lastLag       atomic.Int64
}

// Stats are the log's figures, for metrics.
type Stats struct {
	// Waiting is how many requests' events wait for a writer.
	Waiting int
	// OldestWait is how long the oldest event not yet committed has
	// waited; 0 when none is being written.
	OldestWait time.Duration
	// Writes and Failures count the COPYs that committed and that failed;
	// EventsWritten the events the committed ones held.
	Writes, Failures, EventsWritten uint64
	// LagSum adds up, over the committed COPYs, the time from the Write of
	// the oldest request each held to its commit; LastLag is the last one's.
	LagSum, LastLag time.Duration
	// Writable is false while the last write failed (see Failure).
	Writable bool
}

// Stats returns the log's figures as they are now.
func (l *Log) Stats() Stats {
	s := Stats{
		Waiting: len(l.queue), Writes: l.writes.Load(), Failures: l.failures.Load(), EventsWritten: l.eventsWritten.Load(),
		LagSum: time.Duration(l.lagSum.Load()), LastLag: time.Duration(l.lastLag.Load()), Writable: l.Healthy(),
	}
	var oldest int64
	for i := range l.busySince {
		if t := l.busySince[i].Load(); t != 0 && (oldest == 0 || t < oldest) {
			oldest = t
		}
	}
	if oldest != 0 {
		s.OldestWait = max(0, time.Since(time.Unix(0, oldest)))
	}
	return s
}

// Failure says why the log cannot write.
type Failure struct {
	// Since is when the first failed write of this spell happened.
	Since time.Time
	// Reason names the database error by SQLSTATE and message; never the
	// statement or the rows, which hold the events.
	Reason string
}

func (f *Failure) Error() string {
	return "audit log not writable since " + f.Since.UTC().Format(time.RFC3339) + ": " + f.Reason
}

// pending is one request's events waiting for their commit.
type pending struct {
	events []Event
	done   chan error
	// since is when Write was called (UnixNano).
	since int64
}

// New starts a log writing to db. Give it a connection of its own (a bun.DB
// without the request's query hooks): its statements belong to no request.
func New(db *bun.DB, logger *slog.Logger, opts Options) *Log {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.Default()
	}
	l := &Log{db: db, logger: logger, opts: opts, queue: make(chan *pending, 4*opts.BatchSize),
		busySince: make([]atomic.Int64, opts.Writers)}
	for i := range opts.Writers {
		l.stopped.Add(1)
		go l.run(&l.busySince[i])
	}
	return l
}

// Healthy reports whether the last write succeeded.
func (l *Log) Healthy() bool { return l.failure.Load() == nil }

// Failure returns why the log cannot write, nil while it can.
func (l *Log) Failure() *Failure { return l.failure.Load() }

// Write records the events of one request and returns once they are
// committed, or with the reason they are not (then none of them is). It
// refuses malformed events (an unknown action or actor kind, no time)
// before writing anything: the caller has a bug to fix, and the database
// would refuse the whole batch of every request sharing the COPY. Text
// the database cannot store (invalid UTF-8, NUL) is malformed too.
func (l *Log) Write(ctx context.Context, events ...Event) error {
	for i := range events {
		if !events[i].valid() {
			return fmt.Errorf("audit: malformed event refused (action %q, actor %q)", events[i].Action, events[i].ActorKind)
		}
	}
	if len(events) == 0 {
		return nil
	}
	p := &pending{events: events, done: make(chan error, 1), since: time.Now().UnixNano()}
	l.mu.RLock()
	if l.closing {
		l.mu.RUnlock()
		return ErrClosed
	}
	select {
	case l.queue <- p:
	case <-ctx.Done():
		l.mu.RUnlock()
		return ctx.Err()
	}
	l.mu.RUnlock()
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		// The batch may still commit; the caller shows nothing either way.
		return ctx.Err()
	}
}

// Check returns nil while the log writes. After a failed write it probes
// the table (an INSERT rolled back, at most once per ProbeInterval) and
// returns the failure until a probe or a write succeeds.
func (l *Log) Check(ctx context.Context) error {
	f := l.failure.Load()
	if f == nil {
		return nil
	}
	l.probeMu.Lock()
	defer l.probeMu.Unlock()
	if f = l.failure.Load(); f == nil {
		return nil
	}
	if time.Since(l.probeAt) < l.opts.ProbeInterval {
		return f
	}
	l.probeAt = time.Now()
	probeCtx, cancel := context.WithTimeout(ctx, l.opts.WriteTimeout)
	defer cancel()
	errRollback := errors.New("rollback")
	err := l.db.RunInTx(probeCtx, nil, func(ctx context.Context, tx bun.Tx) error {
		probe := []Event{{OccurredAt: time.Now(), ActorKind: ActorSystem, Action: ActionRead}}
		if _, err := tx.NewInsert().Model(&probe).ExcludeColumn("id").Exec(ctx); err != nil {
			return err
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		if l.failure.CompareAndSwap(f, nil) {
			l.logger.Info("audit log writes again")
		}
		return nil
	}
	return f
}

// Close stops taking events and waits for the writes under way. Call it
// after the HTTP server stopped. ctx bounds the wait.
func (l *Log) Close(ctx context.Context) error {
	l.mu.Lock()
	if !l.closing {
		l.closing = true
		close(l.queue)
	}
	l.mu.Unlock()
	done := make(chan struct{})
	go func() { l.stopped.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("audit: writes still under way at shutdown: %w", ctx.Err())
	}
}

// run is a writer: it takes the first request waiting, then every other
// one already queued (up to BatchSize events), writes them in one COPY
// and tells each its outcome. The batch and the COPY's text are kept from
// one write to the next: a writer allocates nothing per event. busy is
// the writer's entry of busySince.
func (l *Log) run(busy *atomic.Int64) {
	defer l.stopped.Done()
	var carry *pending
	var batch []*pending
	var buf []byte
	for {
		first := carry
		carry = nil
		if first == nil {
			var ok bool
			if first, ok = <-l.queue; !ok {
				return
			}
		}
		busy.Store(first.since)
		clear(batch) // lets the requests' events go
		batch = append(batch[:0], first)
		n := len(first.events)
	gather:
		for n < l.opts.BatchSize {
			select {
			case p, ok := <-l.queue:
				if !ok {
					break gather
				}
				if n+len(p.events) > l.opts.BatchSize {
					carry = p // the next COPY's first
					break gather
				}
				batch = append(batch, p)
				n += len(p.events)
			default:
				break gather
			}
		}
		buf = buf[:0]
		for _, p := range batch {
			for i := range p.events {
				buf = appendCopyRow(buf, &p.events[i])
			}
		}
		err := l.write(buf, len(batch), n)
		if err == nil {
			lag := time.Now().UnixNano() - first.since
			l.writes.Add(1)
			l.eventsWritten.Add(uint64(n))
			l.lagSum.Add(lag)
			l.lastLag.Store(lag)
		} else {
			l.failures.Add(1)
		}
		busy.Store(0)
		for _, p := range batch {
			p.done <- err
		}
		if cap(buf) > maxKeptBuffer {
			buf = nil
		}
	}
}

// maxKeptBuffer is the most COPY text a writer keeps between writes: a
// full batch of ordinary events, not the one with outsized fields.
const maxKeptBuffer = 1 << 20

// write copies the rows of a batch of requests into the table in one
// statement.
func (l *Log) write(rows []byte, requests, n int) error {
	ctx, cancel := context.WithTimeout(context.Background(), l.opts.WriteTimeout)
	defer cancel()
	err := l.copy(ctx, rows)
	if err != nil {
		reason := describe(err)
		f := &Failure{Since: time.Now(), Reason: reason}
		if old := l.failure.Load(); old != nil {
			f.Since = old.Since
		}
		l.failure.Store(f)
		l.logger.Error("audit events not written; their requests are refused", "events", n, "requests", requests, "reason", reason)
		return f
	}
	if l.failure.Swap(nil) != nil {
		l.logger.Info("audit log writes again")
	}
	return nil
}

func (l *Log) copy(ctx context.Context, rows []byte) error {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = pgdriver.CopyFrom(ctx, conn, bytes.NewReader(rows), copyQuery)
	return err
}

// describe names a database error by its SQLSTATE and message; never the
// statement or the row, which hold the events.
func describe(err error) string {
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return pgErr.Field('M') + " (SQLSTATE " + pgErr.Field('C') + ")"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "the write timed out"
	}
	return err.Error()
}
