package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func TestAftercareGoals(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Goal", "Setter")
	p := plansNew(t, st, by, m.ID, st.Today())

	housing, work := domain.GoalHousing, domain.GoalEmployment
	g1, err := st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &housing, Description: ptr(" Move to sober living ")})
	if err != nil {
		t.Fatal(err)
	}
	if g1.ID == 0 || g1.PlanID != p.ID || g1.Status != domain.GoalNotStarted || g1.Description != "Move to sober living" || g1.CreatedAt.IsZero() {
		t.Fatalf("goal = %+v", g1)
	}
	target := st.Today().AddDate(0, 2, 0)
	g2, err := st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &work, Description: ptr("Part-time job"),
		TargetDate: &target, Status: ptr(domain.GoalInProgress)})
	if err != nil || g2.TargetDate == nil || !g2.TargetDate.Equal(target) || g2.Status != domain.GoalInProgress {
		t.Fatalf("goal = %+v, %v", g2, err)
	}
	_, err = st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &work, Description: ptr("  ")})
	wantCode(t, err, domain.CodeInvalidInput, "description")
	_, err = st.AddAftercareGoal(ctx, p.ID+999, domain.GoalFields{Category: &work, Description: ptr("x")})
	wantCode(t, err, domain.CodeNotFound, "aftercarePlanId")

	changed, err := st.UpdateAftercareGoal(ctx, g1.ID, domain.GoalFields{Status: ptr(domain.GoalAchieved)})
	if err != nil || changed.Status != domain.GoalAchieved || changed.Description != g1.Description || changed.Category != housing ||
		changed.UpdatedAt.Before(g1.UpdatedAt) {
		t.Fatalf("update = %+v, %v", changed, err)
	}
	_, err = st.UpdateAftercareGoal(ctx, g1.ID+999, domain.GoalFields{})
	wantCode(t, err, domain.CodeNotFound, "aftercareGoalId")
	_, err = st.UpdateAftercareGoal(ctx, g1.ID, domain.GoalFields{Status: ptr(domain.GoalStatus("DONE"))})
	wantCode(t, err, domain.CodeInvalidInput, "status")

	goalPages, err := st.AftercareGoalPages(ctx, []int64{p.ID}, store.PageRequest{Limit: 20})
	goals := goalPages[p.ID].Items
	if err != nil || len(goals) != 2 || goals[0].ID != g1.ID || goals[1].ID != g2.ID {
		t.Fatalf("goals = %v, %v", goals, err)
	}

	// A cancelled plan's goals are frozen.
	if _, err := st.CancelAftercarePlan(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.AddAftercareGoal(ctx, p.ID, domain.GoalFields{Category: &work, Description: ptr("late")})
	wantCode(t, err, domain.CodePlanClosed, "aftercarePlanId")
	_, err = st.UpdateAftercareGoal(ctx, g2.ID, domain.GoalFields{Status: ptr(domain.GoalAchieved)})
	wantCode(t, err, domain.CodePlanClosed, "aftercareGoalId")
	if got, _ := st.AftercareGoalsByID(ctx, []int64{g2.ID}); got[g2.ID].Status != domain.GoalInProgress {
		t.Fatalf("closed plan's goal changed: %+v", got[g2.ID])
	}
}

func TestAftercareCommitments(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Commit", "Ment")
	p := plansNew(t, st, by, m.ID, st.Today())
	group, house, peer := plansGroup(t, st, "Tuesday SMART"), plansHouse(t, st, "Oak House"), plansPeer(t, st, "Sam Peer")

	add := func(in store.CommitmentInput) (*domain.AftercareCommitment, error) {
		in.PlanID = p.ID
		return st.AddAftercareCommitment(ctx, in)
	}
	smart, err := add(store.CommitmentInput{Kind: domain.CommitmentMutualSupportGroup, Description: "SMART", GroupID: &group, TargetPerWeek: ptr(2)})
	if err != nil || smart.GroupID == nil || *smart.GroupID != group || *smart.TargetPerWeek != 2 || smart.RemovedAt != nil {
		t.Fatalf("add = %+v, %v", smart, err)
	}
	housing, err := add(store.CommitmentInput{Kind: domain.CommitmentRecoveryHousing, HouseID: &house})
	if err != nil || housing.HouseID == nil || housing.TargetPerWeek != nil {
		t.Fatalf("add house = %+v, %v", housing, err)
	}
	mentoring, err := add(store.CommitmentInput{Kind: domain.CommitmentPeerMentoring, PeerID: &peer, TargetPerWeek: ptr(1)})
	if err != nil || mentoring.PeerID == nil {
		t.Fatalf("add peer = %+v, %v", mentoring, err)
	}
	meds, err := add(store.CommitmentInput{Kind: domain.CommitmentMedication, Description: "Naltrexone daily"})
	if err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		in    store.CommitmentInput
		code  domain.Code
		field string
	}{
		{store.CommitmentInput{Kind: domain.CommitmentOther, GroupID: ptr(group + 999)}, domain.CodeNotFound, "groupId"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, HouseID: ptr(house + 999)}, domain.CodeNotFound, "houseId"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, PeerID: ptr(peer + 999)}, domain.CodeNotFound, "peerId"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, GroupID: &group, PeerID: &peer}, domain.CodeInvalidInput, "peerId"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, TargetPerWeek: ptr(22)}, domain.CodeInvalidInput, "targetPerWeek"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, TargetPerWeek: ptr(0)}, domain.CodeInvalidInput, "targetPerWeek"},
		{store.CommitmentInput{Kind: domain.CommitmentOther, Description: strings.Repeat("x", 2001)}, domain.CodeInvalidInput, "description"},
	} {
		_, err := add(tt.in)
		wantCode(t, err, tt.code, tt.field)
	}
	_, err = st.AddAftercareCommitment(ctx, store.CommitmentInput{PlanID: p.ID + 999, Kind: domain.CommitmentOther})
	wantCode(t, err, domain.CodeNotFound, "aftercarePlanId")

	up, err := st.UpdateAftercareCommitment(ctx, smart.ID, domain.CommitmentChange{TargetPerWeek: ptr(3), Description: ptr("SMART Tuesdays")})
	if err != nil || *up.TargetPerWeek != 3 || up.Description != "SMART Tuesdays" || *up.GroupID != group {
		t.Fatalf("update = %+v, %v", up, err)
	}
	cleared, err := st.UpdateAftercareCommitment(ctx, mentoring.ID, domain.CommitmentChange{ClearTarget: true})
	if err != nil || cleared.TargetPerWeek != nil {
		t.Fatalf("clear = %+v, %v", cleared, err)
	}
	_, err = st.UpdateAftercareCommitment(ctx, smart.ID, domain.CommitmentChange{TargetPerWeek: ptr(50)})
	wantCode(t, err, domain.CodeInvalidInput, "targetPerWeek")
	_, err = st.UpdateAftercareCommitment(ctx, smart.ID+999, domain.CommitmentChange{})
	wantCode(t, err, domain.CodeNotFound, "aftercareCommitmentId")

	removed, err := st.RemoveAftercareCommitment(ctx, housing.ID)
	if err != nil || removed.RemovedAt == nil || !removed.RemovedAt.Equal(clock) {
		t.Fatalf("remove = %+v, %v", removed, err)
	}
	_, err = st.RemoveAftercareCommitment(ctx, housing.ID)
	wantCode(t, err, domain.CodeInvalidInput, "aftercareCommitmentId")
	_, err = st.UpdateAftercareCommitment(ctx, housing.ID, domain.CommitmentChange{Description: ptr("x")})
	wantCode(t, err, domain.CodeInvalidInput, "aftercareCommitmentId")
	_, err = st.RemoveAftercareCommitment(ctx, housing.ID+999)
	wantCode(t, err, domain.CodeNotFound, "aftercareCommitmentId")

	// The plan lists what is still in it; the removed one stays readable by id.
	inPlan, err := st.AftercareCommitmentsByPlanID(ctx, []int64{p.ID})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range inPlan[p.ID] {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, []int64{smart.ID, mentoring.ID, meds.ID}) {
		t.Fatalf("commitments in plan = %v", ids)
	}
	byID, err := st.AftercareCommitmentsByID(ctx, []int64{housing.ID})
	if err != nil || byID[housing.ID] == nil || byID[housing.ID].RemovedAt == nil {
		t.Fatalf("removed by id = %+v, %v", byID[housing.ID], err)
	}

	// A completed plan's commitments are frozen.
	if _, err := st.ActivateAftercarePlan(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CompleteAftercarePlan(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = add(store.CommitmentInput{Kind: domain.CommitmentOther})
	wantCode(t, err, domain.CodePlanClosed, "aftercarePlanId")
	_, err = st.UpdateAftercareCommitment(ctx, smart.ID, domain.CommitmentChange{TargetPerWeek: ptr(1)})
	wantCode(t, err, domain.CodePlanClosed, "aftercareCommitmentId")
	_, err = st.RemoveAftercareCommitment(ctx, smart.ID)
	wantCode(t, err, domain.CodePlanClosed, "aftercareCommitmentId")
}

func TestRecordCheckIn(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Check", "In")
	today := st.Today()
	p := plansNew(t, st, by, m.ID, today.AddDate(0, 0, -30))
	fields := domain.CheckInFields{OccurredOn: today, Abstinent: true, Craving: 2, CopingSkills: []string{"meeting", "call"}, Note: "good week"}

	_, err := st.RecordCheckIn(ctx, by, p.ID, fields)
	wantCode(t, err, domain.CodeInvalidInput, "aftercarePlanId")
	if !strings.Contains(domain.AsError(err).Message, "activate first") {
		t.Errorf("draft message = %q", domain.AsError(err).Message)
	}
	if _, err := st.ActivateAftercarePlan(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	future := fields
	future.OccurredOn = today.AddDate(0, 0, 1)
	_, err = st.RecordCheckIn(ctx, by, p.ID, future)
	wantCode(t, err, domain.CodeInFuture, "occurredOn")
	bad := fields
	bad.Craving = 11
	_, err = st.RecordCheckIn(ctx, by, p.ID, bad)
	wantCode(t, err, domain.CodeInvalidInput, "craving")
	_, err = st.RecordCheckIn(ctx, by, p.ID+999, fields)
	wantCode(t, err, domain.CodeNotFound, "aftercarePlanId")

	// Five check-ins on four days; two share a day.
	var made []*domain.CheckIn
	for i, ago := range []int{20, 10, 10, 3, 0} {
		f := fields
		f.OccurredOn = today.AddDate(0, 0, -ago)
		f.Craving = i
		f.CopingSkills = nil
		c, err := st.RecordCheckIn(ctx, by, p.ID, f)
		if err != nil {
			t.Fatal(err)
		}
		if c.ID == 0 || c.RecordedByUserID == nil || *c.RecordedByUserID != by || c.CopingSkills == nil || c.RecordedAt.IsZero() {
			t.Fatalf("check-in = %+v", c)
		}
		made = append(made, c)
	}
	withSkills, err := st.RecordCheckIn(ctx, by, p.ID, domain.CheckInFields{OccurredOn: today.AddDate(0, 0, -25), Craving: 7,
		CopingSkills: []string{" walk ", "Walk", "journal"}, Note: " rough "})
	if err != nil || !slices.Equal(withSkills.CopingSkills, []string{"walk", "journal"}) || withSkills.Note != "rough" || withSkills.Abstinent {
		t.Fatalf("check-in = %+v, %v", withSkills, err)
	}

	// Newest first: by day, then the later one of a day first.
	want := []int64{made[4].ID, made[3].ID, made[2].ID, made[1].ID, made[0].ID, withSkills.ID}
	var got []int64
	var after *store.Cursor
	for pages := 0; ; pages++ {
		page, err := st.CheckInPages(ctx, []int64{p.ID}, store.PageRequest{Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		pg := page[p.ID]
		for _, c := range pg.Items {
			got = append(got, c.ID)
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		if !pg.HasNextPage {
			break
		}
		after = &pg.Cursors[len(pg.Cursors)-1]
	}
	if !slices.Equal(got, want) {
		t.Fatalf("check-ins = %v, want %v", got, want)
	}

	// Many plans in one call; a plan without check-ins gets an empty page.
	other := plansActive(t, st, by, newMember(t, st, by, "No", "CheckIns").ID, today)
	pages, err := st.CheckInPages(ctx, []int64{p.ID, other.ID}, store.PageRequest{Limit: 3})
	if err != nil || len(pages[p.ID].Items) != 3 || !pages[p.ID].HasNextPage || len(pages[other.ID].Items) != 0 {
		t.Fatalf("pages = %+v, %v", pages, err)
	}
	counts, err := st.CountCheckIns(ctx, []int64{p.ID, other.ID})
	if err != nil || counts[p.ID] != 6 || counts[other.ID] != 0 {
		t.Fatalf("counts = %v, %v", counts, err)
	}

	if _, err := st.CompleteAftercarePlan(ctx, by, p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.RecordCheckIn(ctx, by, p.ID, fields)
	wantCode(t, err, domain.CodePlanClosed, "aftercarePlanId")
}

func TestRecordRecoveryCapital(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Barc", "Ten")

	a, err := st.RecordRecoveryCapital(ctx, by, m.ID, []int{5, 5, 5, 5, 5, 5, 5, 4, 4, 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Total != 47 || !a.AssessedAt.Equal(clock) || a.RecordedByUserID == nil || !domain.SustainedRemissionLikely(a.Total) {
		t.Fatalf("assessment = %+v", a)
	}
	earlier := clock.Add(-30 * 24 * time.Hour)
	b, err := st.RecordRecoveryCapital(ctx, by, m.ID, []int{1, 2, 3, 4, 5, 6, 1, 2, 3, 4}, &earlier)
	if err != nil || b.Total != 31 || !b.AssessedAt.Equal(earlier) {
		t.Fatalf("assessment = %+v, %v", b, err)
	}
	for _, answers := range [][]int{nil, {5, 5, 5}, {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, {0, 5, 5, 5, 5, 5, 5, 5, 5, 5}, {7, 5, 5, 5, 5, 5, 5, 5, 5, 5}} {
		_, err := st.RecordRecoveryCapital(ctx, by, m.ID, answers, nil)
		wantCode(t, err, domain.CodeInvalidInput, "answers")
	}
	future := clock.Add(24 * time.Hour)
	_, err = st.RecordRecoveryCapital(ctx, by, m.ID, []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, &future)
	wantCode(t, err, domain.CodeInFuture, "assessedAt")
	_, err = st.RecordRecoveryCapital(ctx, by, m.ID+999, []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, nil)
	wantCode(t, err, domain.CodeNotFound, "memberId")

	pages, err := st.RecoveryCapitalPagesByMemberID(ctx, []int64{m.ID}, store.PageRequest{Limit: 20})
	history := pages[m.ID].Items
	if err != nil || len(history) != 2 || history[0].ID != b.ID || history[1].ID != a.ID {
		t.Fatalf("history = %v, %v", history, err)
	}
	byID, err := st.RecoveryCapitalByID(ctx, []int64{a.ID})
	if err != nil || byID[a.ID] == nil || byID[a.ID].Total != 47 {
		t.Fatalf("by id = %+v, %v", byID[a.ID], err)
	}
	if h := history[0]; h.Total != 31 || !slices.Equal(h.Answers, []int{1, 2, 3, 4, 5, 6, 1, 2, 3, 4}) {
		t.Fatalf("read back = %+v", h)
	}
}
