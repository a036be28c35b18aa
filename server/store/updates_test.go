package store_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// updatesOf reads every update of a member, newest first.
func updatesOf(t *testing.T, st *store.Store, memberID int64, kinds ...domain.UpdateKind) []*domain.Update {
	t.Helper()
	pages, err := st.UpdatesByMember(ctx, []int64{memberID}, store.NewUpdateKinds(kinds), store.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return pages[memberID].Items
}

func updateBodies(us []*domain.Update) string {
	var bodies []string
	for _, u := range us {
		bodies = append(bodies, u.Body)
	}
	return strings.Join(bodies, " | ")
}

func TestJourneyEventsWriteUpdates(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	m := newMember(t, st, by.ID, "Ana", "Ruiz")
	mustAdmit(t, st, by.ID, m.ID, "DETOX", days(-60))
	mustChange(t, st, by.ID, m.ID, "RESIDENTIAL", days(-55))
	mustChange(t, st, by.ID, m.ID, "IOP", days(-30))
	mustChange(t, st, by.ID, m.ID, "VIRTUAL_IOP", days(-20))
	mustChange(t, st, by.ID, m.ID, "PHP", days(-10))
	if _, err := st.DischargeMember(ctx, by.ID, store.DischargeInput{MemberID: m.ID, EndedAt: days(-5), Reason: "left against advice"}); err != nil {
		t.Fatal(err)
	}
	mustAdmit(t, st, by.ID, m.ID, "IOP", days(-2))

	got := updatesOf(t, st, m.ID)
	want := "Readmitted to IOP | Discharged from PHP | Stepped up to PHP | Moved to virtual IOP | " +
		"Stepped down to IOP | Stepped down to residential treatment | Admitted to detox"
	if updateBodies(got) != want {
		t.Fatalf("updates, newest first:\n got %s\nwant %s", updateBodies(got), want)
	}
	for _, u := range got {
		if u.Kind != domain.UpdateCareLevelChange || !u.Shareable || u.AuthorUserID == nil || *u.AuthorUserID != by.ID {
			t.Errorf("update %q: %+v", u.Body, u)
		}
		if strings.Contains(u.Body, "against advice") {
			t.Errorf("a discharge reason leaked into a shareable update: %q", u.Body)
		}
	}
	if !got[1].OccurredAt.Equal(days(-5)) || !got[0].OccurredAt.Equal(days(-2)) {
		t.Errorf("occurredAt = %v, %v; want the event times", got[1].OccurredAt, got[0].OccurredAt)
	}
}

func TestRefusedEventWritesNoUpdate(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	m := newMember(t, st, by.ID, "Ben", "Cole")
	mustAdmit(t, st, by.ID, m.ID, "IOP", days(-10))
	_, err := st.ChangeCareLevel(ctx, by.ID, store.ChangeLevelInput{MemberID: m.ID, CareLevelCode: "IOP", EffectiveAt: days(-1)})
	wantCode(t, err, domain.CodeSameCareLevel, "careLevelCode")
	_, err = st.ChangeCareLevel(ctx, by.ID, store.ChangeLevelInput{MemberID: m.ID, CareLevelCode: "NOPE", EffectiveAt: days(-1)})
	wantCode(t, err, domain.CodeUnknownCareLevel, "careLevelCode")
	if got := updatesOf(t, st, m.ID); len(got) != 1 {
		t.Fatalf("updates after refused changes: %s", updateBodies(got))
	}
}

func TestConcurrentLevelChangesWriteOneUpdateEach(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	m := newMember(t, st, by.ID, "Cy", "Dunn")
	mustAdmit(t, st, by.ID, m.ID, "RESIDENTIAL", days(-10))
	levels := []string{"PHP", "IOP", "OUTPATIENT", "CONTINUING_CARE"}
	errs := race(func(i int) error {
		_, err := st.ChangeCareLevel(ctx, by.ID, store.ChangeLevelInput{MemberID: m.ID,
			CareLevelCode: levels[i%len(levels)], EffectiveAt: days(-5)})
		return err
	})
	wins, _ := tally(t, errs)
	if wins != 1 {
		t.Fatalf("%d changes won, want 1", wins)
	}
	if got := updatesOf(t, st, m.ID, domain.UpdateCareLevelChange); len(got) != 2 {
		t.Fatalf("updates: %s; want the admission and the one change", updateBodies(got))
	}
}

func TestMilestonesAreAnnouncedOnceEach(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) // 106 days before the clock
	m, err := st.CreateMember(ctx, by.ID, domain.MemberFields{FirstName: ptr("Dee"), LastName: ptr("Eng"), RecoveryStartDate: &start})
	if err != nil {
		t.Fatal(err)
	}
	// Registration announces the milestones already reached.
	got := updatesOf(t, st, m.ID, domain.UpdateMilestone)
	if updateBodies(got) != "Reached 90 days in recovery | Reached 60 days in recovery | Reached 30 days in recovery | Reached 24 hours in recovery" {
		t.Fatalf("milestones at registration: %s", updateBodies(got))
	}
	if !got[0].OccurredAt.Equal(time.Date(2025, 5, 30, 0, 0, 0, 0, time.UTC)) || !got[0].Shareable || got[0].AuthorUserID != nil {
		t.Errorf("90-day update: %+v", got[0])
	}
	if n, err := st.RecordMilestones(ctx); err != nil || n != 0 {
		t.Fatalf("sweep with nothing new wrote %d, %v", n, err)
	}

	// Time passes: the 6-month milestone is reached; ten sweeps at once
	// announce it exactly once.
	st.Now = func() time.Time { return clock.AddDate(0, 3, 0) }
	var mu sync.Mutex
	total := 0
	errs := race(func(int) error {
		n, err := st.RecordMilestones(ctx)
		mu.Lock()
		total += n
		mu.Unlock()
		return err
	})
	if wins, _ := tally(t, errs); wins != racers {
		t.Fatalf("%d of %d sweeps succeeded", wins, racers)
	}
	if total != 1 {
		t.Fatalf("concurrent sweeps wrote %d updates, want 1", total)
	}
	if got := updatesOf(t, st, m.ID, domain.UpdateMilestone); len(got) != 5 || got[0].Body != "Reached 6 months in recovery" {
		t.Fatalf("milestones after 6 months: %s", updateBodies(got))
	}

	// A reset after a relapse starts a new count; the old milestones stay.
	reset := clock.AddDate(0, 3, -2)
	if _, err := st.ResetRecoveryStartDate(ctx, by.ID, m.ID, time.Date(reset.Year(), reset.Month(), reset.Day(), 0, 0, 0, 0, time.UTC), "relapse"); err != nil {
		t.Fatal(err)
	}
	got = updatesOf(t, st, m.ID, domain.UpdateMilestone)
	if len(got) != 6 || got[0].Body != "Reached 24 hours in recovery" || *got[0].MilestoneOfDate == start {
		t.Fatalf("milestones after the reset: %s", updateBodies(got))
	}
}

func TestPostUpdate(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	m := newMember(t, st, by.ID, "Eve", "Fox")
	note, err := st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID, Body: "  Found a sponsor.  "})
	if err != nil {
		t.Fatal(err)
	}
	if note.Body != "Found a sponsor." || note.Kind != domain.UpdateNote || note.Shareable || !note.OccurredAt.Equal(clock) || note.ID == 0 {
		t.Errorf("note = %+v", note)
	}
	shared, err := st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID, Body: "Started work", Shareable: true, OccurredAt: ptr(days(-1))})
	if err != nil || !shared.Shareable {
		t.Fatalf("shareable note = %+v, %v", shared, err)
	}

	_, err = st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID, Body: " "})
	wantCode(t, err, domain.CodeInvalidInput, "body")
	_, err = st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID, Body: "later", OccurredAt: ptr(days(1))})
	wantCode(t, err, domain.CodeInFuture, "occurredAt")
	_, err = st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID + 1000, Body: "x"})
	wantCode(t, err, domain.CodeNotFound, "memberId")

	if got := updatesOf(t, st, m.ID); updateBodies(got) != "Found a sponsor. | Started work" {
		t.Errorf("notes, newest first: %s", updateBodies(got))
	}
}

func TestUpdatesPageByMember(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	a := newMember(t, st, by.ID, "Gus", "Hale")
	b := newMember(t, st, by.ID, "Ivy", "Jones")
	for i := range 5 {
		for _, m := range []*domain.Member{a, b} {
			if _, err := st.PostUpdate(ctx, by.ID, store.NoteInput{MemberID: m.ID, Body: "note", OccurredAt: ptr(days(-10 + i))}); err != nil {
				t.Fatal(err)
			}
		}
	}
	mustAdmit(t, st, by.ID, a.ID, "IOP", days(-1))

	ids := []int64{a.ID, b.ID}
	first, err := st.UpdatesByMember(ctx, ids, "", store.PageRequest{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if p := first[a.ID]; len(p.Items) != 4 || !p.HasNextPage || p.Items[0].Kind != domain.UpdateCareLevelChange {
		t.Fatalf("a's first page: %d items, next %v", len(p.Items), p.HasNextPage)
	}
	after := first[b.ID].Cursors[3]
	rest, err := st.UpdatesByMember(ctx, []int64{b.ID}, "", store.PageRequest{Limit: 4, After: &after})
	if err != nil {
		t.Fatal(err)
	}
	if p := rest[b.ID]; len(p.Items) != 1 || p.HasNextPage || !p.HasPreviousPage || !p.Items[0].OccurredAt.Equal(days(-10)) {
		t.Fatalf("b's second page: %+v", p)
	}
	notes := store.NewUpdateKinds([]domain.UpdateKind{domain.UpdateNote, domain.UpdateNote})
	counts, err := st.CountUpdatesByMember(ctx, ids, notes)
	if err != nil || counts[a.ID] != 5 || counts[b.ID] != 5 {
		t.Fatalf("note counts = %v, %v", counts, err)
	}
	all, err := st.CountUpdatesByMember(ctx, ids, "")
	if err != nil || all[a.ID] != 6 {
		t.Fatalf("counts = %v, %v", all, err)
	}
}
