package seed

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/uptrace/bun"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// DemoUser is a sign-in the demo prints.
type DemoUser struct {
	Email    string
	Password string
	Role     domain.Role
	Name     string
}

// ErrNotEmpty is returned by Demo when the database already has members, because mixing the demo into real records would be impossible to undo.
var ErrNotEmpty = errors.New("seed: the database already has members; the demo loads only into an empty database")

// demoUsers have fixed passwords so the demo can be signed into from its
// printed instructions; they exist only in demo databases.
var demoUsers = []DemoUser{
	{Email: "admin@demo.carejourney.test", Password: "demo-admin-2026!", Role: domain.RoleAdmin, Name: "Morgan Ellis"},
	{Email: "casemanager@demo.carejourney.test", Password: "demo-case-2026!", Role: domain.RoleCaseManager, Name: "Priya Raman"},
	{Email: "clinician@demo.carejourney.test", Password: "demo-clinic-2026!", Role: domain.RoleClinician, Name: "Samuel Okafor"},
	{Email: "peer@demo.carejourney.test", Password: "demo-peer-2026!", Role: domain.RolePeerSupporter, Name: "Jordan Reyes"},
	{Email: "housemanager@demo.carejourney.test", Password: "demo-house-2026!", Role: domain.RoleHouseManager, Name: "Tasha Greene"},
}

// demoMembers is the size of the demo provider's census.
const demoMembers = 150

// demoWorkers replay journeys side by side; each member's writes stay in
// order, and members do not touch each other's rows.
const demoWorkers = 8

// Demo loads the demo provider into an empty database (it refuses with a clear error when members already exist) and returns the demo sign-ins.
func Demo(ctx context.Context, st *store.Store) ([]DemoUser, error) {
	n, err := st.CountMembers(ctx, store.MemberFilter{})
	if err != nil {
		return nil, fmt.Errorf("seed: count members: %w", err)
	}
	if n > 0 {
		return nil, fmt.Errorf("%w (found %d)", ErrNotEmpty, n)
	}

	var people staff
	for _, du := range demoUsers {
		u, err := createUser(ctx, st, du)
		if err != nil {
			return nil, err
		}
		id := u.ID
		switch du.Role {
		case domain.RoleCaseManager:
			people.caseManager = &id
		case domain.RoleClinician:
			people.clinician = &id
		case domain.RolePeerSupporter:
			people.peer = &id
		case domain.RoleHouseManager:
			people.houseManager = &id
		}
	}
	caseManagerID := *people.caseManager

	plans := newGenerator(rand.New(rand.NewPCG(2026, 11)), st.Today(), st.Location).plans(demoMembers)
	nameDemoPeer(plans, graphCutoff(st), demoPeerName())
	// Members are registered one by one so their ids follow the plan order
	// on every load; only the journeys run concurrently.
	ids := make([]int64, len(plans))
	for i := range plans {
		m, err := st.CreateMember(ctx, caseManagerID, plans[i].fields())
		if err != nil {
			return nil, fmt.Errorf("seed: create member %s %s: %w", plans[i].firstName, plans[i].lastName, err)
		}
		ids[i] = m.ID
	}
	if err := replayAll(ctx, st, caseManagerID, plans, ids); err != nil {
		return nil, err
	}
	// The recovery graph around the journeys goes in as one bulk write:
	// houses, peers and groups have no store methods to replay through
	// yet, and the generator keeps every rule the constraints check.
	if _, err := writeGraph(ctx, st, journeysOf(plans, ids), demoGraphSeed, people, true); err != nil {
		return nil, err
	}
	// The partners come first: the demo's partner consents name one.
	if err := seedPartnerKeys(ctx, st, caseManagerID); err != nil {
		return nil, err
	}
	family, err := seedFamily(ctx, st, caseManagerID)
	if err != nil {
		return nil, err
	}
	return append(append([]DemoUser(nil), demoUsers...), family...), nil
}

func demoPeerName() string {
	for _, u := range demoUsers {
		if u.Role == domain.RolePeerSupporter {
			return u.Name
		}
	}
	return ""
}

// demoGraphSeed picks the demo's houses, peers, groups and plans.
const demoGraphSeed = 2026

// writeGraph generates the recovery graph of members and writes it in one
// transaction.
func writeGraph(ctx context.Context, st *store.Store, members []*journey, seed uint64, people staff,
	demo bool) (GraphCounts, error) {
	var counts GraphCounts
	err := inConnTx(ctx, st, func(ctx context.Context, conn bun.Conn, tx bun.Tx) error {
		var err error
		counts, err = buildGraph(ctx, st, conn, tx, members, seed, people, demo)
		return err
	})
	return counts, err
}

// buildGraph generates the recovery graph of members inside tx.
func buildGraph(ctx context.Context, st *store.Store, conn bun.Conn, tx bun.Tx, members []*journey, seed uint64,
	people staff, demo bool) (GraphCounts, error) {
	var taken []string
	if err := tx.NewSelect().Table("houses").Column("name").Scan(ctx, &taken); err != nil {
		return GraphCounts{}, fmt.Errorf("seed: read house names: %w", err)
	}
	b := newGraphBuilder(seed, graphCutoff(st), st.Today(), st.Location, people, demo, taken)
	b.build(members)
	if err := b.rows.insert(ctx, conn, tx); err != nil {
		return GraphCounts{}, err
	}
	return b.rows.counts(), nil
}

// inConnTx runs fn in a transaction on one connection, which COPY needs.
func inConnTx(ctx context.Context, st *store.Store, fn func(ctx context.Context, conn bun.Conn, tx bun.Tx) error) error {
	conn, err := st.DB().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return fn(ctx, conn, tx) })
}

func createUser(ctx context.Context, st *store.Store, du DemoUser) (*domain.User, error) {
	u, err := st.CreateUser(ctx, store.NewUser{Email: du.Email, Name: du.Name, Role: du.Role, Password: du.Password}, auth.Passwords)
	if err != nil {
		return nil, fmt.Errorf("seed: create demo user %s: %w", du.Email, err)
	}
	return u, nil
}

func (p *memberPlan) fields() domain.MemberFields {
	f := domain.MemberFields{FirstName: &p.firstName, LastName: &p.lastName,
		DateOfBirth: &p.dateOfBirth, RecoveryStartDate: p.recoveryStart}
	if p.preferredName != "" {
		f.PreferredName = &p.preferredName
	}
	return f
}

// replayAll replays every plan, stopping at the first error.
func replayAll(ctx context.Context, st *store.Store, by int64, plans []memberPlan, ids []int64) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range demoWorkers {
		wg.Go(func() {
			for i := range work {
				if err := replay(ctx, st, by, ids[i], &plans[i]); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("seed: journey of %s %s: %w", plans[i].firstName, plans[i].lastName, err)
						cancel()
					}
					mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range plans {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return firstErr
}

// replay writes one member's journey through the store, so the demo obeys
// every rule the product enforces.
func replay(ctx context.Context, st *store.Store, by, memberID int64, p *memberPlan) error {
	for _, e := range p.events {
		var err error
		switch e.kind {
		case eventAdmit:
			_, err = st.AdmitMember(ctx, by, store.AdmitInput{MemberID: memberID, CareLevelCode: e.level,
				StartedAt: e.at, Reason: e.reason})
		case eventChange:
			_, err = st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: memberID, CareLevelCode: e.level,
				EffectiveAt: e.at, Reason: e.reason})
		case eventDischarge:
			_, err = st.DischargeMember(ctx, by, store.DischargeInput{MemberID: memberID, EndedAt: e.at, Reason: e.reason})
		case eventRecoveryReset:
			_, err = st.ResetRecoveryStartDate(ctx, by, memberID, e.recoveryDate, e.reason)
		}
		if err != nil {
			return err
		}
	}
	if p.alumni {
		alumni := domain.MemberAlumni
		if _, err := st.UpdateMember(ctx, memberID, domain.MemberFields{Status: &alumni}); err != nil {
			return err
		}
	}
	return nil
}
