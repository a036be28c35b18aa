package store_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func TestCorrectCareEpisode(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	fixer := newUser(t, st).ID
	m := newMember(t, st, by, "Cara", "Correct")
	// Journey: DETOX [-60, -55), RESIDENTIAL [-55, -30), PHP [-30, open).
	detox := mustAdmit(t, st, by, m.ID, "DETOX", days(-60))
	residential := mustChange(t, st, by, m.ID, "RESIDENTIAL", days(-55))
	php := mustChange(t, st, by, m.ID, "PHP", days(-30))

	correct := func(in store.CorrectionInput) (*store.JourneyChange, error) {
		return st.CorrectCareEpisode(ctx, fixer, in)
	}
	// refused checks the code and that no row was written or superseded.
	refused := func(t *testing.T, in store.CorrectionInput, code domain.Code, field string) {
		t.Helper()
		before := episodes(t, st, m.ID)
		out, err := correct(in)
		if out != nil {
			t.Errorf("refused correction returned %+v", out)
		}
		wantCode(t, err, code, field)
		after := episodes(t, st, m.ID)
		if len(after) != len(before) {
			t.Fatalf("refused correction wrote episodes: %d -> %d", len(before), len(after))
		}
		for i := range after {
			if !sameEpisode(before[i], after[i]) {
				t.Fatalf("refused correction changed episode %d: %+v -> %+v", before[i].ID, before[i], after[i])
			}
		}
	}

	// 1. Fix the level of a closed episode, same dates: RESIDENTIAL was
	// entered for what was virtual IOP.
	out, err := correct(store.CorrectionInput{EpisodeID: residential.ID, CareLevelCode: "VIRTUAL_IOP",
		StartedAt: days(-55), EndedAt: ptr(days(-30)), Reason: "  wrong level entered  "})
	if err != nil {
		t.Fatal(err)
	}
	replacement := out.Episode
	if replacement.ID == residential.ID || replacement.SupersedesEpisodeID == nil || *replacement.SupersedesEpisodeID != residential.ID {
		t.Fatalf("replacement = %+v", replacement)
	}
	if replacement.CareLevelCode != "VIRTUAL_IOP" || !replacement.StartedAt.Equal(days(-55)) ||
		replacement.EndedAt == nil || !replacement.EndedAt.Equal(days(-30)) || replacement.Superseded() {
		t.Fatalf("replacement = %+v", replacement)
	}
	if rb := replacement.RecordedByUserID; rb == nil || *rb != fixer {
		t.Errorf("replacement recorded by %v, want %d", rb, fixer)
	}
	byID, err := st.EpisodesByID(ctx, []int64{residential.ID, replacement.ID})
	if err != nil {
		t.Fatal(err)
	}
	orig := byID[residential.ID]
	// The original row is kept, unchanged except for the supersession.
	if orig == nil || orig.CareLevelCode != "RESIDENTIAL" || !orig.StartedAt.Equal(days(-55)) || !orig.EndedAt.Equal(days(-30)) {
		t.Fatalf("original = %+v", orig)
	}
	if orig.SupersededAt == nil || !orig.SupersededAt.Equal(clock) {
		t.Errorf("superseded_at = %v, want %v", orig.SupersededAt, clock)
	}
	if orig.SupersededByUserID == nil || *orig.SupersededByUserID != fixer {
		t.Errorf("superseded_by_user_id = %v, want %d", orig.SupersededByUserID, fixer)
	}
	if orig.SupersedeReason == nil || *orig.SupersedeReason != "wrong level entered" {
		t.Errorf("supersede_reason = %v", orig.SupersedeReason)
	}
	if orig.RecordedByUserID == nil || *orig.RecordedByUserID != by {
		t.Errorf("original recorded_by changed: %v", orig.RecordedByUserID)
	}
	eps := episodes(t, st, m.ID)
	if len(eps) != 4 || len(current(eps)) != 3 {
		t.Fatalf("%d episodes, %d current; want 4 and 3", len(eps), len(current(eps)))
	}
	checkNoOverlap(t, st)

	// 2. The original cannot be corrected a second time: correct the
	// replacement instead.
	t.Run("correct the original again", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: residential.ID, CareLevelCode: "IOP",
			StartedAt: days(-55), EndedAt: ptr(days(-30)), Reason: "again"}, domain.CodeAlreadySuperseded, "careEpisodeId")
	})

	// 3. Corrections that would overlap a neighbour are refused by the
	// exclusion constraint, and the supersession of the original made in
	// the same transaction is rolled back with it.
	t.Run("overlap the previous episode", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: replacement.ID, CareLevelCode: "VIRTUAL_IOP",
			StartedAt: days(-57), EndedAt: ptr(days(-30)), Reason: "earlier"}, domain.CodeEpisodeOverlap, "")
	})
	t.Run("overlap the next episode", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: replacement.ID, CareLevelCode: "VIRTUAL_IOP",
			StartedAt: days(-55), EndedAt: ptr(days(-29)), Reason: "later"}, domain.CodeEpisodeOverlap, "")
	})
	t.Run("open episode moved over the previous one", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: php.ID, CareLevelCode: "PHP",
			StartedAt: days(-31), Reason: "earlier"}, domain.CodeEpisodeOverlap, "")
	})
	t.Run("closed episode cannot be reopened", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: detox.ID, CareLevelCode: "DETOX",
			StartedAt: days(-60), Reason: "reopen"}, domain.CodeInvalidInput, "endedAt")
	})
	t.Run("open episode cannot be closed", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: php.ID, CareLevelCode: "PHP",
			StartedAt: days(-30), EndedAt: ptr(days(-1)), Reason: "close"}, domain.CodeInvalidInput, "endedAt")
	})
	t.Run("blank reason", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: detox.ID, CareLevelCode: "DETOX",
			StartedAt: days(-60), EndedAt: ptr(days(-55)), Reason: " "}, domain.CodeInvalidInput, "reason")
	})
	t.Run("unknown level", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: detox.ID, CareLevelCode: "HOTEL",
			StartedAt: days(-60), EndedAt: ptr(days(-55)), Reason: "x"}, domain.CodeUnknownCareLevel, "careLevelCode")
	})
	t.Run("unknown episode", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: php.ID + 1000, CareLevelCode: "DETOX",
			StartedAt: days(-60), EndedAt: ptr(days(-55)), Reason: "x"}, domain.CodeNotFound, "careEpisodeId")
	})
	t.Run("start in the future", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: php.ID, CareLevelCode: "PHP",
			StartedAt: clock.Add(time.Hour), Reason: "x"}, domain.CodeInFuture, "startedAt")
	})
	t.Run("end before start", func(t *testing.T) {
		refused(t, store.CorrectionInput{EpisodeID: detox.ID, CareLevelCode: "DETOX",
			StartedAt: days(-56), EndedAt: ptr(days(-58)), Reason: "x"}, domain.CodeInvalidInput, "endedAt")
	})

	// 4. Correcting the open episode keeps it open and the member in care
	// with exactly one open episode.
	out, err = correct(store.CorrectionInput{EpisodeID: php.ID, CareLevelCode: "IOP", StartedAt: days(-28), Reason: "started later, as IOP"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Episode.EndedAt != nil || !out.Episode.Open() || out.Episode.CareLevelCode != "IOP" {
		t.Fatalf("corrected open episode = %+v", out.Episode)
	}
	eps = episodes(t, st, m.ID)
	open := openEpisodes(eps)
	if len(open) != 1 || open[0].ID != out.Episode.ID {
		t.Fatalf("open episodes = %v, want only %d", open, out.Episode.ID)
	}
	// The member is still in care: a change and a discharge act on the
	// replacement.
	if _, err := st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: "PHP", StartedAt: days(-1)}); domain.ErrorCode(err) != domain.CodeAlreadyInCare {
		t.Errorf("admit after correcting the open episode: %v", err)
	}
	next := mustChange(t, st, by, m.ID, "OUTPATIENT", days(-10))
	eps = episodes(t, st, m.ID)
	byID2 := map[int64]*domain.CareEpisode{}
	for _, e := range eps {
		byID2[e.ID] = e
	}
	if e := byID2[out.Episode.ID]; e.EndedAt == nil || !e.EndedAt.Equal(days(-10)) {
		t.Errorf("replacement not closed by the level change: %+v", e)
	}
	if e := byID2[php.ID]; e.EndedAt != nil {
		t.Errorf("superseded original was closed by the level change: %+v", e)
	}
	if !byID2[next.ID].Open() {
		t.Error("new level not open")
	}

	// 5. Correcting a discharged episode keeps its discharge.
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-5), Reason: "moved away"}); err != nil {
		t.Fatal(err)
	}
	out, err = correct(store.CorrectionInput{EpisodeID: next.ID, CareLevelCode: "CONTINUING_CARE",
		StartedAt: days(-10), EndedAt: ptr(days(-6)), Reason: "was aftercare; left a day earlier"})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Episode.Discharged() || *out.Episode.DischargeReason != "moved away" {
		t.Errorf("corrected discharge lost its reason: %+v", out.Episode)
	}
	if loadMember(t, st, m.ID).Status != domain.MemberDischarged {
		t.Error("correction changed the member status")
	}

	// The history: every original is still there, superseded, and the
	// current journey reads with the corrected levels.
	eps = episodes(t, st, m.ID)
	// DETOX, RESIDENTIAL, PHP, OUTPATIENT and the replacements of RESIDENTIAL, PHP
	// and OUTPATIENT.
	if len(eps) != 7 || len(current(eps)) != 4 {
		t.Errorf("%d episodes in history (%d current), want 7 (4)", len(eps), len(current(eps)))
	}
	curr := current(eps)
	codes := make([]string, len(curr))
	for i, e := range curr {
		codes[i] = e.CareLevelCode
	}
	want := []string{"DETOX", "VIRTUAL_IOP", "IOP", "CONTINUING_CARE"}
	if len(codes) != len(want) {
		t.Fatalf("current journey = %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("current journey = %v, want %v", codes, want)
		}
	}
	checkNoOverlap(t, st)
}
