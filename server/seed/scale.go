package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// ScaleOptions size the benchmark data.
type ScaleOptions struct {
	Members int
	// Seed picks the people and journeys; it draws from another stream than
	// the demo, so no seed repeats the demo's members.
	Seed int64
	// JourneysOnly leaves out the recovery graph (houses, peers, groups,
	// plans), for tests that want bare members with journeys.
	JourneysOnly bool
}

// ScaleResult reports what Scale loaded, for the command to print.
type ScaleResult struct {
	Members, Episodes int
	GraphCounts
	// Elapsed covers generating the data as well as inserting it, as that
	// is what someone waiting for a benchmark database sits through.
	Elapsed time.Duration
}

// batchSize keeps each INSERT statement a few hundred kilobytes: large
// enough that round trips do not dominate, small enough for memory.
const batchSize = 1000

// scaleStream separates Scale's random stream from the demo's, so seed 2026
// does not reproduce the demo's people.
const scaleStream = 0x5ca1e

// Scale bulk-loads Members members with plausible journeys; same options give the same data.
func Scale(ctx context.Context, st *store.Store, opts ScaleOptions) (ScaleResult, error) {
	start := time.Now()
	if opts.Members < 0 {
		return ScaleResult{}, fmt.Errorf("seed: members must not be negative, got %d", opts.Members)
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), scaleStream))
	plans := newGenerator(rng, st.Today(), st.Location).plans(opts.Members)

	var res ScaleResult
	err := inConnTx(ctx, st, func(ctx context.Context, conn bun.Conn, tx bun.Tx) error {
		// Rows are written as the store would have left them, but without
		// its checks: the generator only produces journeys that pass them.
		members := make([]*domain.Member, len(plans))
		for i := range plans {
			members[i] = plans[i].member()
		}
		if err := insertBatches(ctx, tx, members, "", "id"); err != nil {
			return fmt.Errorf("seed: insert members: %w", err)
		}
		var episodes []*domain.CareEpisode
		var history []*domain.RecoveryStartDateChange
		byMember := make([][]*domain.CareEpisode, len(plans))
		for i := range plans {
			byMember[i] = plans[i].episodes(members[i].ID, nil)
			episodes = append(episodes, byMember[i]...)
			history = append(history, plans[i].recoveryHistory(members[i].ID, nil)...)
		}
		// Ids come back because the transitions of the updates are told
		// apart by them.
		if err := insertBatches(ctx, tx, episodes, "", "id"); err != nil {
			return fmt.Errorf("seed: insert care episodes: %w", err)
		}
		if err := insertBatches(ctx, tx, history, "recovery_start_dates", "NULL"); err != nil {
			return fmt.Errorf("seed: insert recovery start dates: %w", err)
		}
		levels, err := st.CareLevels(ctx)
		if err != nil {
			return fmt.Errorf("seed: read care levels: %w", err)
		}
		byCode := map[string]domain.CareLevel{}
		for _, l := range levels {
			byCode[l.Code] = l
		}
		var updates []*domain.Update
		for _, eps := range byMember {
			updates = append(updates, careLevelUpdates(eps, byCode)...)
		}
		if err := copyUpdates(ctx, conn, updates); err != nil {
			return fmt.Errorf("seed: insert care-level updates: %w", err)
		}
		res = ScaleResult{Members: len(members), Episodes: len(episodes)}
		if opts.JourneysOnly {
			res.Updates = len(updates)
			return nil
		}
		ids := make([]int64, len(members))
		for i, m := range members {
			ids[i] = m.ID
		}
		res.GraphCounts, err = buildGraph(ctx, st, conn, tx, journeysOf(plans, ids), uint64(opts.Seed)^scaleStream, staff{}, false)
		res.Updates += len(updates)
		return err
	})
	if err != nil {
		return ScaleResult{}, err
	}
	// Fresh statistics, so the first queries after a bulk load are planned
	// for the data that is there, not for empty tables.
	if _, err := st.DB().ExecContext(ctx, "ANALYZE"); err != nil {
		return ScaleResult{}, fmt.Errorf("seed: analyze: %w", err)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// insertBatches inserts rows batchSize at a time. returning names the
// columns to read back ("NULL" for none); table overrides the model's table.
func insertBatches[T any](ctx context.Context, tx bun.Tx, rows []*T, table, returning string) error {
	for lo := 0; lo < len(rows); lo += batchSize {
		batch := rows[lo:min(lo+batchSize, len(rows))]
		q := tx.NewInsert().Model(&batch).Returning(returning)
		if table != "" {
			q = q.ModelTableExpr(table)
		}
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// member is the member row the plan leaves behind. Registration times are
// spread over the past, not all the load's now(), so that lists ordered by
// creation time are as selective as on a real provider's data.
func (p *memberPlan) member() *domain.Member {
	m := &domain.Member{FirstName: p.firstName, LastName: p.lastName, Status: p.status(),
		CreatedAt: p.registeredAt, UpdatedAt: p.lastChange()}
	if p.preferredName != "" {
		name := p.preferredName
		m.PreferredName = &name
	}
	dob := p.dateOfBirth
	m.DateOfBirth = &dob
	if h := p.recoveryHistory(0, nil); len(h) > 0 {
		current := h[len(h)-1].StartDate
		m.RecoveryStartDate = &current
	}
	return m
}
