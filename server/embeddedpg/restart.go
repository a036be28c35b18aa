package embeddedpg

import (
	"context"
	"errors"
	"fmt"
)

// Restart does what pg_ctl restart -m fast does (clients are disconnected,
// the cluster shuts down cleanly and starts again on the same port, so every
// URL handed out stays valid), with the outage held open while whileDown
// runs: fault tests measure the server meanwhile.
func (c *Cluster) Restart(ctx context.Context, whileDown func()) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return errors.New("embeddedpg: restart of a stopped cluster")
	}
	if err := c.stop(ctx); err != nil {
		return fmt.Errorf("embeddedpg: %w", err)
	}
	if whileDown != nil {
		whileDown()
	}
	if _, err := c.startOn(ctx, c.port); err != nil {
		return fmt.Errorf("embeddedpg: %w", err)
	}
	c.logger.Info("embedded PostgreSQL restarted", "port", c.port, "dir", c.dir)
	return nil
}
