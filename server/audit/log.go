package audit

import (
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
	// BatchSize is the most events one INSERT writes; a batch goes out as
	// soon as this many wait. Default 500.
	BatchSize int
	// Interval is the longest an event waits before it is written.
	// Default 100ms.
	Interval time.Duration
	// Buffer is how many requests' events may wait to be picked up before
	// Append blocks. Default 1024.
	Buffer int
	// MaxHeld is how many events the log holds in memory while the
	// database refuses them; beyond it Append blocks, which slows requests
	// down instead of losing events. Default 100,000.
	MaxHeld int
	// MaxBackoff bounds the wait between retries of a failed write.
	// Default 5s.
	MaxBackoff time.Duration
	// WriteTimeout bounds one INSERT. Default 10s.
	WriteTimeout time.Duration
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Interval <= 0 {
		o.Interval = 100 * time.Millisecond
	}
	if o.Buffer <= 0 {
		o.Buffer = 1024
	}
	if o.MaxHeld <= 0 {
		o.MaxHeld = 100_000
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	return o
}

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("audit: the log is closed")

// Log writes audit events to the database in the background: one goroutine
// gathers them for up to Interval (or BatchSize events) and writes them in
// one multi-row INSERT. Nothing is dropped: when the buffer is full Append
// blocks, and a failed write keeps its events and is retried with backoff
// while Healthy reports false. Close writes what is left.
type Log struct {
	db     bun.IDB
	logger *slog.Logger
	opts   Options

	in      chan []Event
	flushes chan chan error
	stop    chan context.Context
	stopped chan struct{}
	// abort releases Appends still blocked when Close gives up waiting.
	abort chan struct{}

	mu       sync.RWMutex
	closing  bool
	inflight sync.WaitGroup
	closeErr error
	once     sync.Once

	healthy atomic.Bool
}

// New starts a log writing to db. Give it a connection of its own (a bun.DB
// without the request's query hooks): its statements belong to no request.
func New(db bun.IDB, logger *slog.Logger, opts Options) *Log {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.Default()
	}
	l := &Log{
		db: db, logger: logger, opts: opts,
		in:      make(chan []Event, opts.Buffer),
		flushes: make(chan chan error),
		stop:    make(chan context.Context),
		stopped: make(chan struct{}),
		abort:   make(chan struct{}),
	}
	l.healthy.Store(true)
	go l.run()
	return l
}

// Healthy reports whether every write so far succeeded: false while the
// database refuses events (they are held and retried), and after Close
// gave up with events unwritten.
func (l *Log) Healthy() bool { return l.healthy.Load() }

// Append queues the events of one request, to be written together. It
// blocks while the buffer is full. Events the database would refuse (an
// unknown action or actor kind, no time) are not queued and make it
// return an error; the others are.
func (l *Log) Append(events ...Event) error {
	valid := make([]Event, 0, len(events))
	for _, e := range events {
		if e.valid() {
			valid = append(valid, e)
		}
	}
	var err error
	if len(valid) < len(events) {
		err = fmt.Errorf("audit: %d malformed events refused", len(events)-len(valid))
	}
	if len(valid) == 0 {
		return err
	}
	l.mu.RLock()
	if l.closing {
		l.mu.RUnlock()
		return ErrClosed
	}
	l.inflight.Add(1)
	l.mu.RUnlock()
	defer l.inflight.Done()
	select {
	case l.in <- valid:
		return err
	case <-l.abort:
		return ErrClosed
	}
}

// Flush returns once every event appended before the call is written, or
// with the write's error (the events are kept and retried).
func (l *Log) Flush(ctx context.Context) error {
	reply := make(chan error, 1)
	select {
	case l.flushes <- reply:
	case <-l.stopped:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops taking events and writes every one still waiting, retrying
// until ctx ends. Call it after the HTTP server stopped, so no request is
// left to append. It returns an error when events remain unwritten.
func (l *Log) Close(ctx context.Context) error {
	l.once.Do(func() {
		l.mu.Lock()
		l.closing = true
		l.mu.Unlock()
		// Let Appends already under way hand their events over; the writer
		// keeps taking them meanwhile.
		handed := make(chan struct{})
		go func() { l.inflight.Wait(); close(handed) }()
		select {
		case <-handed:
		case <-ctx.Done():
			close(l.abort)
			<-handed
		}
		l.stop <- ctx
		<-l.stopped
	})
	return l.closeErr
}

// run is the writer goroutine.
func (l *Log) run() {
	defer close(l.stopped)
	var (
		held    []Event
		tick    <-chan time.Time
		backoff time.Duration
		retryAt time.Time
	)
	arm := func() {
		if tick == nil && len(held) > 0 {
			tick = time.After(max(l.opts.Interval, time.Until(retryAt)))
		}
	}
	// write tries to write everything held; it keeps what failed.
	write := func() error {
		var err error
		held, err = l.write(held)
		switch {
		case err != nil:
			backoff = min(max(2*backoff, l.opts.Interval), l.opts.MaxBackoff)
			retryAt = time.Now().Add(backoff)
			l.healthy.Store(false)
			l.logger.Error("audit events not written; holding them and retrying",
				append([]any{"held", len(held), "retry_in", backoff.String()}, describe(err)...)...)
		case backoff > 0:
			backoff, retryAt = 0, time.Time{}
			l.healthy.Store(true)
			l.logger.Info("audit log writes again; held events written")
		}
		return err
	}
	drain := func() {
		for {
			select {
			case b := <-l.in:
				held = append(held, b...)
			default:
				return
			}
		}
	}
	for {
		in := l.in
		if len(held) >= l.opts.MaxHeld {
			in = nil // back-pressure: Append blocks until the database takes events again
		}
		select {
		case b := <-in:
			held = append(held, b...)
			if len(held) >= l.opts.BatchSize && !time.Now().Before(retryAt) {
				_ = write()
			}
			arm()
		case <-tick:
			tick = nil
			if !time.Now().Before(retryAt) {
				_ = write()
			}
			arm()
		case reply := <-l.flushes:
			drain()
			reply <- write()
			arm()
		case ctx := <-l.stop:
			drain()
			l.closeErr = l.finish(ctx, write)
			return
		}
	}
}

// finish writes what is held at shutdown, retrying until ctx ends.
func (l *Log) finish(ctx context.Context, write func() error) error {
	for {
		err := write()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			l.logger.Error("audit events lost at shutdown: the database did not take them in time",
				append([]any{"lost", l.heldCount(err)}, describe(err)...)...)
			return fmt.Errorf("audit: events unwritten at shutdown: %w", err)
		case <-time.After(l.opts.Interval):
		}
	}
}

// unwritten carries how many events a failed write kept.
type unwritten struct {
	err  error
	held int
}

func (u *unwritten) Error() string { return u.err.Error() }
func (u *unwritten) Unwrap() error { return u.err }

func (l *Log) heldCount(err error) int {
	var u *unwritten
	if errors.As(err, &u) {
		return u.held
	}
	return 0
}

// write inserts events in batches of BatchSize and returns those it could
// not write.
func (l *Log) write(events []Event) ([]Event, error) {
	for len(events) > 0 {
		n := min(len(events), l.opts.BatchSize)
		batch := events[:n]
		ctx, cancel := context.WithTimeout(context.Background(), l.opts.WriteTimeout)
		_, err := l.db.NewInsert().Model(&batch).ExcludeColumn("id").Exec(ctx)
		cancel()
		if err != nil {
			return events, &unwritten{err: err, held: len(events)}
		}
		events = events[n:]
	}
	return nil, nil
}

// describe names a database error for the log by its SQLSTATE and message;
// never the statement or the row, which hold the events.
func describe(err error) []any {
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return []any{"sqlstate", pgErr.Field('C'), "reason", pgErr.Field('M')}
	}
	return []any{"err", err.Error()}
}
