package store_test

import (
	"fmt"
	"testing"
	"time"

	"carejourney/server/domain"
)

// Ten draft plans of one member are activated at the same moment. The
// member's row lock makes the activations take turns: exactly one wins and
// every other one finds it, ACTIVE_PLAN_EXISTS, never an internal error.
func TestConcurrentPlanActivation(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	const plans = 10
	total := map[domain.Code]int{}
	for round := range 3 {
		m := newMember(t, st, by, "Racer", fmt.Sprintf("Plan%d", round))
		drafts := make([]*domain.AftercarePlan, plans)
		for i := range drafts {
			drafts[i] = plansNew(t, st, by, m.ID, st.Today())
		}
		errs := raceN(plans, func(i int) error {
			_, err := st.ActivateAftercarePlan(ctx, by, drafts[i].ID)
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d won, codes: %s", round, wins, formatCodes(codes))
		if wins != 1 || codes[domain.CodeActivePlanExists] != plans-1 || len(codes) != 1 {
			t.Fatalf("round %d: %d won, codes %s; want 1 and %d ACTIVE_PLAN_EXISTS", round, wins, formatCodes(codes), plans-1)
		}
		for c, n := range codes {
			total[c] += n
		}
		all, err := st.AftercarePlansByMemberID(ctx, []int64{m.ID})
		if err != nil {
			t.Fatal(err)
		}
		active := 0
		for _, p := range all[m.ID] {
			if p.Status == domain.PlanActive {
				active++
			}
		}
		if active != 1 {
			t.Fatalf("round %d: %d active plans", round, active)
		}
		if ups := plansUpdates(t, st, m.ID); len(ups) != 1 {
			t.Fatalf("round %d: %d journey updates, want 1", round, len(ups))
		}
	}
	t.Logf("all rounds: %s", formatCodes(total))
}

// Check-ins and goals race a completion of their plan. Whatever the order,
// each write either lands while the plan is open or is told PLAN_CLOSED and
// writes nothing. The writers start a little apart so that some of them
// come after the completion.
func TestConcurrentCloseAndWrites(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	category := domain.GoalRelapsePrevention
	total := map[domain.Code]int{}
	for round := range 3 {
		m := newMember(t, st, by, "Racer", fmt.Sprintf("Close%d", round))
		p := plansActive(t, st, by, m.ID, st.Today().AddDate(0, 0, -7))
		closer := round * racers / 3
		errs := race(func(i int) error {
			if i == closer {
				_, err := st.CompleteAftercarePlan(ctx, by, p.ID)
				return err
			}
			time.Sleep(time.Duration(i%7) * time.Millisecond)
			if i%2 == 0 {
				_, err := st.RecordCheckIn(ctx, by, p.ID, domain.CheckInFields{OccurredOn: st.Today(), Craving: i % 11})
				return err
			}
			_, err := st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &category, Description: ptr(fmt.Sprintf("goal %d", i))})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d succeeded, codes: %s", round, wins, formatCodes(codes))
		if errs[closer] != nil {
			t.Fatalf("round %d: completion failed: %v", round, errs[closer])
		}
		for c, n := range codes {
			if c != domain.CodePlanClosed {
				t.Errorf("round %d: unexpected code %s", round, c)
			}
			total[c] += n
		}
		counts, err := st.CountCheckIns(ctx, []int64{p.ID})
		if err != nil {
			t.Fatal(err)
		}
		goals, err := st.CountAftercareGoals(ctx, []int64{p.ID})
		if err != nil {
			t.Fatal(err)
		}
		if stored := counts[p.ID] + goals[p.ID]; stored != wins-1 {
			t.Errorf("round %d: %d check-ins and goals stored, %d writes succeeded", round, stored, wins-1)
		}
		// And once closed, it stays closed to writes.
		_, err = st.RecordCheckIn(ctx, by, p.ID, domain.CheckInFields{OccurredOn: st.Today()})
		wantCode(t, err, domain.CodePlanClosed, "aftercarePlanId")
	}
	t.Logf("all rounds: %s", formatCodes(total))
}

// The one-active index is the backstop behind the member lock: raw SQL
// cannot make a second plan active, and the store reports its violation as
// ACTIVE_PLAN_EXISTS.
func TestPlanDatabaseGuarantees(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Raw", "Plans")
	active := plansActive(t, st, by, m.ID, st.Today())
	draft := plansNew(t, st, by, m.ID, st.Today())
	group, peer := plansGroup(t, st, "Raw group"), plansPeer(t, st, "Raw peer")

	for _, tt := range []struct {
		name, state, constraint, query string
		args                           []any
	}{
		{"second active plan", "23505", "aftercare_plans_one_active_idx",
			`UPDATE aftercare_plans SET status = 'ACTIVE' WHERE id = ?`, []any{draft.ID}},
		{"review before start", "23514", "aftercare_plans_review_after_start",
			`UPDATE aftercare_plans SET review_on = starts_on - 1 WHERE id = ?`, []any{draft.ID}},
		{"unknown status", "23514", "",
			`UPDATE aftercare_plans SET status = 'PAUSED' WHERE id = ?`, []any{draft.ID}},
		{"target 22", "23514", "",
			`INSERT INTO aftercare_commitments (plan_id, kind, target_per_week) VALUES (?, 'OTHER', 22)`, []any{active.ID}},
		{"group and peer", "23514", "aftercare_commitments_one_target",
			`INSERT INTO aftercare_commitments (plan_id, kind, group_id, peer_id) VALUES (?, 'OTHER', ?, ?)`, []any{active.ID, group, peer}},
		{"craving 11", "23514", "",
			`INSERT INTO check_ins (plan_id, occurred_on, abstinent, craving) VALUES (?, current_date, true, 11)`, []any{active.ID}},
		{"blank goal", "23514", "",
			`INSERT INTO aftercare_goals (plan_id, category, description) VALUES (?, 'HOUSING', '  ')`, []any{active.ID}},
		{"nine answers", "23514", "",
			`INSERT INTO recovery_capital_assessments (member_id, answers, assessed_at) VALUES (?, '{1,2,3,4,5,6,1,2,3}', now())`, []any{m.ID}},
		{"answer 7", "23514", "",
			`INSERT INTO recovery_capital_assessments (member_id, answers, assessed_at) VALUES (?, '{1,2,3,4,5,6,1,2,3,7}', now())`, []any{m.ID}},
		{"a typed-in total", "428C9", "",
			`INSERT INTO recovery_capital_assessments (member_id, answers, total, assessed_at) VALUES (?, '{1,1,1,1,1,1,1,1,1,1}', 60, now())`, []any{m.ID}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.ExecContext(ctx, tt.query, tt.args...)
			pgErr := pgError(t, err)
			if got := pgErr.Field('C'); got != tt.state {
				t.Fatalf("SQLSTATE = %s (%v), want %s", got, err, tt.state)
			}
			if tt.constraint != "" && pgErr.Field('n') != tt.constraint {
				t.Fatalf("constraint = %q, want %q", pgErr.Field('n'), tt.constraint)
			}
		})
	}

	// Were the member lock bypassed, the index violation still reaches the
	// caller as ACTIVE_PLAN_EXISTS: drop the first plan's status behind the
	// store's back, activate the draft, and put the first one back.
	if _, err := db.ExecContext(ctx, `UPDATE aftercare_plans SET status = 'DRAFT' WHERE id = ?`, active.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ActivateAftercarePlan(ctx, by, draft.ID); err != nil {
		t.Fatal(err)
	}
	_, err := st.ActivateAftercarePlan(ctx, by, active.ID)
	wantCode(t, err, domain.CodeActivePlanExists, "aftercarePlanId")
	_, err = db.ExecContext(ctx, `UPDATE aftercare_plans SET status = 'ACTIVE' WHERE id = ?`, active.ID)
	if pgError(t, err).Field('n') != "aftercare_plans_one_active_idx" {
		t.Fatalf("raw activation: %v", err)
	}
}
