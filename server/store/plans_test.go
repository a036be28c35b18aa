package store_test

import (
	"slices"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func TestAftercarePlanLifecycle(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Plan", "Owner")
	today := st.Today()

	_, err := st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: m.ID, StartsOn: today, ReviewOn: today.AddDate(0, 0, -1)})
	wantCode(t, err, domain.CodeInvalidInput, "reviewOn")
	_, err = st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: m.ID + 999, StartsOn: today, ReviewOn: today})
	wantCode(t, err, domain.CodeNotFound, "memberId")

	first, err := st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: m.ID, StartsOn: today, ReviewOn: today.AddDate(0, 3, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == 0 || first.Status != domain.PlanDraft || first.AuthorUserID == nil || *first.AuthorUserID != by ||
		!first.StartsOn.Equal(today) || first.CreatedAt.IsZero() || first.ActivatedAt != nil || first.ClosedAt != nil {
		t.Fatalf("created %+v", first)
	}

	updated, err := st.UpdateAftercarePlan(ctx, first.ID, domain.PlanDates{ReviewOn: ptr(today.AddDate(0, 1, 0))})
	if err != nil || !updated.ReviewOn.Equal(today.AddDate(0, 1, 0)) || !updated.StartsOn.Equal(today) {
		t.Fatalf("update = %+v, %v", updated, err)
	}
	_, err = st.UpdateAftercarePlan(ctx, first.ID, domain.PlanDates{StartsOn: ptr(today.AddDate(0, 2, 0))})
	wantCode(t, err, domain.CodeInvalidInput, "startsOn")
	_, err = st.UpdateAftercarePlan(ctx, first.ID+999, domain.PlanDates{})
	wantCode(t, err, domain.CodeNotFound, "aftercarePlanId")

	// A draft cannot be completed.
	_, err = st.CompleteAftercarePlan(ctx, by, first.ID)
	wantCode(t, err, domain.CodeInvalidStatusChange, "aftercarePlanId")

	if got := plansUpdates(t, st, m.ID); len(got) != 0 {
		t.Fatalf("updates before activation: %+v", got)
	}
	active, err := st.ActivateAftercarePlan(ctx, by, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if active.Status != domain.PlanActive || active.ActivatedAt == nil || !active.ActivatedAt.Equal(clock) {
		t.Fatalf("activated %+v", active)
	}
	ups := plansUpdates(t, st, m.ID)
	if len(ups) != 1 || ups[0].Kind != domain.UpdateNote || ups[0].Body != "Aftercare plan started" || ups[0].Shareable ||
		ups[0].AuthorUserID == nil || *ups[0].AuthorUserID != by || !ups[0].OccurredAt.Equal(clock) {
		t.Fatalf("journey updates = %+v", ups)
	}
	_, err = st.ActivateAftercarePlan(ctx, by, first.ID)
	wantCode(t, err, domain.CodeInvalidStatusChange, "aftercarePlanId")

	// One active plan per member: a second activation is refused and writes nothing.
	second := plansNew(t, st, by, m.ID, today)
	_, err = st.ActivateAftercarePlan(ctx, by, second.ID)
	wantCode(t, err, domain.CodeActivePlanExists, "aftercarePlanId")
	if got := plansUpdates(t, st, m.ID); len(got) != 1 {
		t.Fatalf("a refused activation wrote an update: %+v", got)
	}
	// Another member's plan is not in the way.
	other := newMember(t, st, by, "Other", "Member")
	plansActive(t, st, by, other.ID, today)

	done, err := st.CompleteAftercarePlan(ctx, by, first.ID)
	if err != nil || done.Status != domain.PlanCompleted || done.ClosedAt == nil || done.ActivatedAt == nil {
		t.Fatalf("complete = %+v, %v", done, err)
	}
	// A closed plan stays closed; unknown plans are not found.
	for _, call := range []func(int64) (*domain.AftercarePlan, error){
		func(id int64) (*domain.AftercarePlan, error) { return st.ActivateAftercarePlan(ctx, by, id) },
		func(id int64) (*domain.AftercarePlan, error) { return st.CompleteAftercarePlan(ctx, by, id) },
		func(id int64) (*domain.AftercarePlan, error) { return st.CancelAftercarePlan(ctx, by, id) },
	} {
		_, err := call(first.ID)
		wantCode(t, err, domain.CodeInvalidStatusChange, "aftercarePlanId")
		_, err = call(first.ID + 999)
		wantCode(t, err, domain.CodeNotFound, "aftercarePlanId")
	}
	_, err = st.UpdateAftercarePlan(ctx, first.ID, domain.PlanDates{ReviewOn: ptr(today)})
	wantCode(t, err, domain.CodePlanClosed, "aftercarePlanId")

	// With the first plan closed, the second can start; then it is cancelled.
	if _, err := st.ActivateAftercarePlan(ctx, by, second.ID); err != nil {
		t.Fatal(err)
	}
	cancelled, err := st.CancelAftercarePlan(ctx, by, second.ID)
	if err != nil || cancelled.Status != domain.PlanCancelled || cancelled.ClosedAt == nil {
		t.Fatalf("cancel = %+v, %v", cancelled, err)
	}
	// A draft can be cancelled straight away.
	third := plansNew(t, st, by, m.ID, today)
	if p, err := st.CancelAftercarePlan(ctx, by, third.ID); err != nil || p.Status != domain.PlanCancelled || p.ActivatedAt != nil {
		t.Fatalf("cancel draft = %+v, %v", p, err)
	}

	byMember, err := st.AftercarePlansByMemberID(ctx, []int64{m.ID, other.ID})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, p := range byMember[m.ID] {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []int64{third.ID, second.ID, first.ID}) || len(byMember[other.ID]) != 1 {
		t.Fatalf("plans by member = %v (other %d)", ids, len(byMember[other.ID]))
	}
}

func TestAftercarePlansDueForReview(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	today := st.Today()
	var due []int64
	for i, offset := range []int{-3, 0, 5, -10} {
		m := newMember(t, st, by, "Due", string(rune('A'+i)))
		p, err := st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: m.ID, StartsOn: today.AddDate(0, -4, 0), ReviewOn: today.AddDate(0, 0, offset)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ActivateAftercarePlan(ctx, by, p.ID); err != nil {
			t.Fatal(err)
		}
		if offset <= 0 {
			due = append(due, p.ID)
		}
	}
	// Drafts and closed plans are never due.
	draftOwner := newMember(t, st, by, "Due", "Draft")
	if _, err := st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: draftOwner.ID, StartsOn: today.AddDate(0, -4, 0), ReviewOn: today.AddDate(0, 0, -20)}); err != nil {
		t.Fatal(err)
	}
	list := func(on int, limit int) []int64 {
		t.Helper()
		plans, err := st.AftercarePlansDueForReview(ctx, today.AddDate(0, 0, on), nil, store.PageRequest{Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, p := range plans.Items {
			out = append(out, p.ID)
		}
		return out
	}
	// Soonest review first: -10, -3, 0.
	if got, want := list(0, 20), []int64{due[2], due[0], due[1]}; !slices.Equal(got, want) {
		t.Fatalf("due today = %v, want %v", got, want)
	}
	if got := list(0, 2); len(got) != 2 {
		t.Fatalf("limit 2 = %v", got)
	}
	if got := list(5, 20); len(got) != 4 {
		t.Fatalf("due in 5 days = %v", got)
	}
	if got := list(-11, 20); len(got) != 0 {
		t.Fatalf("due 11 days ago = %v", got)
	}
	if got := list(0, 0); len(got) != 0 {
		t.Fatalf("limit 0 = %v", got)
	}
	if n, err := st.CountAftercarePlansDueForReview(ctx, today, nil); err != nil || n != 3 {
		t.Fatalf("count due today = %d, %v", n, err)
	}
}
