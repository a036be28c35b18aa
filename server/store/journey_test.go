package store_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// refusal checks that a refused journey write returned the expected domain
// error and left the member's episodes and status exactly as they were.
type refusal struct {
	t      *testing.T
	st     *store.Store
	member int64
}

func (r refusal) check(name string, call func() (*store.JourneyChange, error), code domain.Code, field string) {
	r.t.Helper()
	r.t.Run(name, func(t *testing.T) {
		t.Helper()
		before := episodes(t, r.st, r.member)
		statusBefore := loadMember(t, r.st, r.member).Status
		out, err := call()
		if out != nil {
			t.Errorf("refused call returned a change: %+v", out)
		}
		wantCode(t, err, code, field)
		after := episodes(t, r.st, r.member)
		if len(after) != len(before) {
			t.Fatalf("refused call wrote episodes: %d before, %d after", len(before), len(after))
		}
		for i := range after {
			if !sameEpisode(before[i], after[i]) {
				t.Fatalf("refused call changed episode %d: %+v -> %+v", before[i].ID, before[i], after[i])
			}
		}
		if got := loadMember(t, r.st, r.member).Status; got != statusBefore {
			t.Fatalf("refused call changed status %s -> %s", statusBefore, got)
		}
	})
}

func sameEpisode(a, b *domain.CareEpisode) bool {
	eqt := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	eqs := func(x, y *string) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.ID == b.ID && a.CareLevelCode == b.CareLevelCode && a.StartedAt.Equal(b.StartedAt) &&
		eqt(a.EndedAt, b.EndedAt) && eqs(a.DischargeReason, b.DischargeReason) &&
		eqt(a.SupersededAt, b.SupersededAt) && eqs(a.SupersedeReason, b.SupersedeReason)
}

// TestJourney walks one member through admission, step-down, lateral move,
// discharge and readmission, trying every refusal at the point in the
// journey where it applies.
func TestJourney(t *testing.T) {
	st := newStore(t)
	user := newUser(t, st)
	by := user.ID
	m := newMember(t, st, by, "Ana", "Lopez")
	r := refusal{t, st, m.ID}
	t0 := days(-100)

	admit := func(code string, at time.Time) func() (*store.JourneyChange, error) {
		return func() (*store.JourneyChange, error) {
			return st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: code, StartedAt: at, Reason: "intake"})
		}
	}
	change := func(code string, at time.Time) func() (*store.JourneyChange, error) {
		return func() (*store.JourneyChange, error) {
			return st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: m.ID, CareLevelCode: code, EffectiveAt: at, Reason: "clinical review"})
		}
	}
	discharge := func(at time.Time, reason string) func() (*store.JourneyChange, error) {
		return func() (*store.JourneyChange, error) {
			return st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: at, Reason: reason})
		}
	}

	// Before any admission: nothing to change or discharge.
	r.check("change before admission", change("IOP", t0), domain.CodeNotInCare, "memberId")
	r.check("discharge before admission", discharge(t0, "done"), domain.CodeNotInCare, "memberId")
	r.check("admit to unknown level", admit("SPA_WEEKEND", t0), domain.CodeUnknownCareLevel, "careLevelCode")
	r.check("admit to lower-case code", admit("detox", t0), domain.CodeUnknownCareLevel, "careLevelCode")
	r.check("admit in the future", admit("DETOX", clock.Add(time.Hour)), domain.CodeInFuture, "startedAt")
	r.check("admit with too long a reason", func() (*store.JourneyChange, error) {
		return st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: "DETOX", StartedAt: t0, Reason: strings.Repeat("x", 2001)})
	}, domain.CodeInvalidInput, "reason")
	t.Run("unknown member", func(t *testing.T) {
		_, err := st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID + 1000, CareLevelCode: "DETOX", StartedAt: t0})
		wantCode(t, err, domain.CodeNotFound, "memberId")
		_, err = st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: m.ID + 1000, CareLevelCode: "IOP", EffectiveAt: t0})
		wantCode(t, err, domain.CodeNotFound, "memberId")
		_, err = st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID + 1000, EndedAt: t0, Reason: "x"})
		wantCode(t, err, domain.CodeNotFound, "memberId")
	})

	// Admission.
	out, err := admit("DETOX", t0)()
	if err != nil {
		t.Fatal(err)
	}
	if out.Member.Status != domain.MemberActive || out.Episode.ID == 0 || !out.Episode.Open() ||
		out.Episode.CareLevelCode != "DETOX" || !out.Episode.StartedAt.Equal(t0) {
		t.Fatalf("admission = %+v / %+v", out.Episode, out.Member)
	}
	if got := loadMember(t, st, m.ID).Status; got != domain.MemberActive {
		t.Fatalf("status after admission = %s", got)
	}
	if rb := out.Episode.RecordedByUserID; rb == nil || *rb != by {
		t.Errorf("recorded by = %v, want %d", rb, by)
	}
	if out.Episode.Reason != "intake" {
		t.Errorf("reason = %q", out.Episode.Reason)
	}
	detoxID := out.Episode.ID

	r.check("admit when in care", admit("IOP", t0.Add(time.Hour)), domain.CodeAlreadyInCare, "memberId")
	r.check("change at the open start", change("RESIDENTIAL", t0), domain.CodeBeforeCurrentEpisode, "effectiveAt")
	r.check("change before the open start", change("RESIDENTIAL", t0.Add(-time.Hour)), domain.CodeBeforeCurrentEpisode, "effectiveAt")
	r.check("change to the same level", change("DETOX", days(-90)), domain.CodeSameCareLevel, "careLevelCode")
	r.check("change to an unknown level", change("NOPE", days(-90)), domain.CodeUnknownCareLevel, "careLevelCode")
	r.check("change in the future", change("RESIDENTIAL", clock.Add(6*time.Minute)), domain.CodeInFuture, "effectiveAt")
	r.check("discharge without reason", discharge(days(-90), "  "), domain.CodeInvalidInput, "reason")
	r.check("discharge at the open start", discharge(t0, "left"), domain.CodeBeforeCurrentEpisode, "endedAt")
	r.check("discharge in the future", discharge(days(1), "left"), domain.CodeInFuture, "endedAt")

	// Step-down: the open episode closes exactly where the next one starts.
	t1 := days(-95)
	out, err = change("RESIDENTIAL", t1)()
	if err != nil {
		t.Fatal(err)
	}
	if out.Episode.CareLevelCode != "RESIDENTIAL" || !out.Episode.Open() || !out.Episode.StartedAt.Equal(t1) {
		t.Fatalf("new episode = %+v", out.Episode)
	}
	eps := episodes(t, st, m.ID)
	if len(eps) != 2 || eps[0].ID != detoxID || eps[0].EndedAt == nil || !eps[0].EndedAt.Equal(t1) ||
		eps[0].DischargeReason != nil || !eps[1].Open() {
		t.Fatalf("after step-down: %+v, %+v", eps[0], eps[1])
	}

	// More moves: down to IOP, lateral to virtual IOP.
	if _, err := change("IOP", days(-70))(); err != nil {
		t.Fatal(err)
	}
	if _, err := change("VIRTUAL_IOP", days(-60))(); err != nil {
		t.Fatal(err)
	}
	r.check("discharge before the open start", discharge(days(-61), "left"), domain.CodeBeforeCurrentEpisode, "endedAt")

	// Discharge.
	tDis := days(-50)
	out, err = discharge(tDis, "  completed program  ")()
	if err != nil {
		t.Fatal(err)
	}
	if out.Member.Status != domain.MemberDischarged || out.Episode.Open() {
		t.Fatalf("discharge = %+v / %+v", out.Episode, out.Member)
	}
	eps = episodes(t, st, m.ID)
	last := eps[len(eps)-1]
	if last.CareLevelCode != "VIRTUAL_IOP" || last.EndedAt == nil || !last.EndedAt.Equal(tDis) ||
		last.DischargeReason == nil || *last.DischargeReason != "completed program" {
		t.Fatalf("discharged episode = %+v (reason %v)", last, last.DischargeReason)
	}
	if db := last.DischargedByUserID; db == nil || *db != by {
		t.Errorf("discharged by = %v, want %d", db, by)
	}
	if len(openEpisodes(eps)) != 0 {
		t.Fatal("an episode is still open after the discharge")
	}
	if got := loadMember(t, st, m.ID).Status; got != domain.MemberDischarged {
		t.Fatalf("status after discharge = %s", got)
	}

	r.check("discharge when not in care", discharge(days(-40), "again"), domain.CodeNotInCare, "memberId")
	r.check("change when not in care", change("IOP", days(-40)), domain.CodeNotInCare, "memberId")
	r.check("readmit before the discharge", admit("IOP", tDis.Add(-time.Second)), domain.CodeBeforeCurrentEpisode, "startedAt")
	r.check("readmit in the future", admit("IOP", days(2)), domain.CodeInFuture, "startedAt")

	// Readmission, within the clock skew of "now".
	readmitAt := clock.Add(4 * time.Minute)
	out, err = admit("OUTPATIENT", readmitAt)()
	if err != nil {
		t.Fatal(err)
	}
	if out.Member.Status != domain.MemberActive {
		t.Fatalf("status after readmission = %s", out.Member.Status)
	}

	// The whole journey, as the API derives it.
	levels := map[string]domain.CareLevel{}
	all, err := st.CareLevels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range all {
		levels[l.Code] = l
	}
	if len(all) != 7 || all[0].Code != "DETOX" || all[len(all)-1].Code != "CONTINUING_CARE" {
		t.Errorf("CareLevels = %v", all)
	}
	eps = episodes(t, st, m.ID)
	want := []struct {
		code string
		tr   domain.Transition
	}{
		{"DETOX", domain.TransitionAdmission},
		{"RESIDENTIAL", domain.TransitionStepDown},
		{"IOP", domain.TransitionStepDown},
		{"VIRTUAL_IOP", domain.TransitionLateral},
		{"OUTPATIENT", domain.TransitionReadmission},
	}
	if len(eps) != len(want) {
		t.Fatalf("%d episodes, want %d", len(eps), len(want))
	}
	for i, e := range eps {
		if e.CareLevelCode != want[i].code {
			t.Errorf("episode %d: %s, want %s", i, e.CareLevelCode, want[i].code)
		}
		if tr := domain.TransitionOf(e, eps, levels); tr != want[i].tr {
			t.Errorf("episode %d (%s): %s, want %s", i, e.CareLevelCode, tr, want[i].tr)
		}
		if i > 0 && i < 4 && !eps[i-1].EndedAt.Equal(e.StartedAt) {
			t.Errorf("gap between episode %d and %d", i-1, i)
		}
	}
	if open := openEpisodes(eps); len(open) != 1 || open[0].CareLevelCode != "OUTPATIENT" {
		t.Errorf("open episodes = %v", open)
	}
	checkNoOverlap(t, st)
}

// A readmitted alumnus becomes active again, and a discharge in the same
// instant as the readmission is refused (the episode would be empty).
func TestReadmitAlumnus(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Bo", "Chen")
	mustAdmit(t, st, by, m.ID, "PHP", days(-30))
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-20), Reason: "completed"}); err != nil {
		t.Fatal(err)
	}
	alumni := domain.MemberAlumni
	if _, err := st.UpdateMember(ctx, m.ID, domain.MemberFields{Status: &alumni}); err != nil {
		t.Fatal(err)
	}
	// Readmitted at the very instant of the discharge: periods are
	// half-open, so this does not overlap.
	out, err := st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: "IOP", StartedAt: days(-20)})
	if err != nil {
		t.Fatal(err)
	}
	if out.Member.Status != domain.MemberActive || loadMember(t, st, m.ID).Status != domain.MemberActive {
		t.Fatalf("status = %s", out.Member.Status)
	}
	_, err = st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-20), Reason: "x"})
	wantCode(t, err, domain.CodeBeforeCurrentEpisode, "endedAt")
	if n := len(episodes(t, st, m.ID)); n != 2 {
		t.Fatalf("%d episodes, want 2", n)
	}
	checkNoOverlap(t, st)
}

func mustAdmit(t *testing.T, st *store.Store, by, memberID int64, code string, at time.Time) *domain.CareEpisode {
	t.Helper()
	out, err := st.AdmitMember(ctx, by, store.AdmitInput{MemberID: memberID, CareLevelCode: code, StartedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	return out.Episode
}

func mustChange(t *testing.T, st *store.Store, by, memberID int64, code string, at time.Time) *domain.CareEpisode {
	t.Helper()
	out, err := st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: memberID, CareLevelCode: code, EffectiveAt: at})
	if err != nil {
		t.Fatal(err)
	}
	return out.Episode
}
