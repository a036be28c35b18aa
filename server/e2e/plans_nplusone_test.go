package e2e

import (
	"context"
	"fmt"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// plansSeedMembers adds n members, each with an active plan holding goals,
// commitments (two at groups, with targets), check-ins, attendance and
// BARC-10 results, through the store as an import would.
func plansSeedMembers(t *testing.T, s *server, from, n int) {
	t.Helper()
	ctx := context.Background()
	st := s.Store
	today := st.Today()
	for i := from; i < from+n; i++ {
		first, last := "Seeded", fmt.Sprintf("Member%03d", i)
		m, err := st.CreateMember(ctx, 0, domain.MemberFields{FirstName: &first, LastName: &last})
		if err != nil {
			t.Fatal(err)
		}
		p, err := st.CreateAftercarePlan(ctx, 0, store.CreatePlanInput{MemberID: m.ID, StartsOn: today.AddDate(0, 0, -30), ReviewOn: today.AddDate(0, 1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ActivateAftercarePlan(ctx, 0, p.ID); err != nil {
			t.Fatal(err)
		}
		for _, cat := range []domain.GoalCategory{domain.GoalRelapsePrevention, domain.GoalHousing} {
			if _, err := st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &cat, Description: plansPtr("goal")}); err != nil {
				t.Fatal(err)
			}
		}
		for g := range 2 {
			group := plansSQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone) VALUES (?, 'AFTERCARE', 'VIRTUAL', 'UTC')`, fmt.Sprintf("Group %d-%d", i, g))
			target := 2
			if _, err := st.AddAftercareCommitment(ctx, store.CommitmentInput{PlanID: p.ID, Kind: domain.CommitmentMutualSupportGroup, GroupID: &group, TargetPerWeek: &target}); err != nil {
				t.Fatal(err)
			}
			meeting := plansSQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, now() - interval '3 days', now() - interval '2 days')`, group)
			if _, err := st.DB().ExecContext(ctx, `INSERT INTO attendance_records (meeting_id, member_id, status) VALUES (?, ?, 'PRESENT')`, meeting, m.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.AddAftercareCommitment(ctx, store.CommitmentInput{PlanID: p.ID, Kind: domain.CommitmentMedication}); err != nil {
			t.Fatal(err)
		}
		for d := range 5 {
			if _, err := st.RecordCheckIn(ctx, 0, p.ID, domain.CheckInFields{OccurredOn: today.AddDate(0, 0, -d*3), Craving: d}); err != nil {
				t.Fatal(err)
			}
		}
		for range 2 {
			if _, err := st.RecordRecoveryCapital(ctx, 0, m.ID, []int{4, 4, 4, 4, 4, 5, 5, 5, 5, 5}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func plansPtr[T any](v T) *T { return &v }

// TestPlansNoNPlusOne checks that the nested plan fields of a member list
// cost a fixed number of statements, whatever the number of members.
func TestPlansNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	queries := map[string]string{
		"brief": `{ members(first: 50) { nodes { activeAftercarePlan { goals { nodes { status } } commitments { nodes { group { name } } } checkIns(first: 3) { nodes { craving } } } recoveryCapital { nodes { total } } } } }`,
		"full": `{ members(first: 50) { nodes { displayName
			aftercarePlans { nodes { id status isReviewDue author { email } } }
			activeAftercarePlan { member { displayName } goals { totalCount nodes { status plan { id } } } commitments { nodes { kind group { name } house { name } peer { name } } }
				checkIns(first: 3) { totalCount nodes { craving recordedBy { email } } pageInfo { hasNextPage } }
				adherence(weeks: 4) { commitment { id } weeks { attended isMet } } }
			recoveryCapital { totalCount nodes { total isSustainedRemissionLikely recordedBy { email } } } } } }`,
	}
	measure := func(name string, floor int64) (int64, int) {
		n, r := s.fewestStatements(t, c, queries[name], nil, floor)
		nodes := r.list(t, "members.nodes")
		for _, n := range nodes {
			plan := n.(map[string]any)["activeAftercarePlan"].(map[string]any)
			if len(plan["checkIns"].(map[string]any)["nodes"].([]any)) != 3 || len(plan["goals"].(map[string]any)["nodes"].([]any)) != 2 || len(plan["commitments"].(map[string]any)["nodes"].([]any)) != 3 {
				t.Fatalf("%s: plan = %v", name, plan)
			}
			if name == "full" && len(plan["adherence"].([]any)) != 2 {
				t.Fatalf("adherence = %v", plan["adherence"])
			}
		}
		return n, len(nodes)
	}
	plansSeedMembers(t, s, 0, 3)
	smallBrief, smallRows := measure("brief", 0)
	smallFull, _ := measure("full", 0)
	plansSeedMembers(t, s, 3, 12)
	largeBrief, largeRows := measure("brief", smallBrief)
	largeFull, _ := measure("full", smallFull)
	t.Logf("brief query: %d members -> %d statements, %d members -> %d statements", smallRows, smallBrief, largeRows, largeBrief)
	t.Logf("full query: %d members -> %d statements, %d members -> %d statements", smallRows, smallFull, largeRows, largeFull)
	if smallRows != 3 || largeRows != 15 {
		t.Fatalf("rows = %d and %d", smallRows, largeRows)
	}
	if grows(smallBrief, largeBrief) || grows(smallFull, largeFull) {
		t.Errorf("statements grow with the data: brief %d -> %d, full %d -> %d", smallBrief, largeBrief, smallFull, largeFull)
	}
	// The session, the member page, and one statement per kind of object:
	// plans, goals, commitments, groups, check-ins, BARC-10 results (and,
	// for the full query, the plans' members, the counts of check-ins,
	// goals and BARC-10 results, and the attendance and every commitment
	// behind adherence, which is not paged like the commitments are).
	if smallBrief > 8 || smallFull > 15 {
		t.Errorf("more statements than expected: brief %d (want 8), full %d (want 15)", smallBrief, smallFull)
	}
}
