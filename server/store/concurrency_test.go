package store_test

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/store"
)

const racers = 20

// race runs call racers times at once.
func race(call func(i int) error) []error { return raceN(racers, call) }

// raceN runs call n times at once: every goroutine waits on a closed
// channel so that they hit the database together, not one after another.
func raceN(n int, call func(i int) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := range n {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = call(i)
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// tally counts the outcomes: nil errors, domain codes, and internal errors
// (which must never happen: the loser must learn what went wrong).
func tally(t *testing.T, errs []error) (wins int, codes map[domain.Code]int) {
	t.Helper()
	codes = map[domain.Code]int{}
	for i, err := range errs {
		if err == nil {
			wins++
			continue
		}
		code := domain.ErrorCode(err)
		if code == "" {
			t.Errorf("racer %d got an internal error: %v", i, err)
			continue
		}
		codes[code]++
	}
	return wins, codes
}

func formatCodes(codes map[domain.Code]int) string {
	var keys []string
	for c := range codes {
		keys = append(keys, string(c))
	}
	sort.Strings(keys)
	s := ""
	for _, k := range keys {
		s += fmt.Sprintf("%s=%d ", k, codes[domain.Code(k)])
	}
	return s
}

// Twenty staff change one member's level at the same effective time. The
// member row lock serialises them: the first one wins, and every other one
// then finds an open episode that starts at its effectiveAt (or is already
// at its level) and gets a domain error, never an internal one. Run a few
// rounds, since one round may not interleave badly.
func TestConcurrentChangeCareLevel(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	targets := []string{"PHP", "IOP", "OUTPATIENT", "VIRTUAL_IOP", "CONTINUING_CARE"}
	allowed := map[domain.Code]bool{
		domain.CodeBeforeCurrentEpisode: true, // the winner's episode starts at the same instant
		domain.CodeSameCareLevel:        true, // the winner moved to this racer's level
		domain.CodeConflict:             true, // a constraint caught the race (should not be needed)
	}
	total := map[domain.Code]int{}
	for round := range 3 {
		m := newMember(t, st, by, "Racer", fmt.Sprintf("Level%d", round))
		first := mustAdmit(t, st, by, m.ID, "RESIDENTIAL", days(-10))
		effectiveAt := days(-1)
		errs := race(func(i int) error {
			_, err := st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{
				MemberID: m.ID, CareLevelCode: targets[i%len(targets)], EffectiveAt: effectiveAt, Reason: fmt.Sprintf("racer %d", i)})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d won, codes: %s", round, wins, formatCodes(codes))
		if wins != 1 {
			t.Fatalf("round %d: %d changes succeeded, want exactly 1", round, wins)
		}
		for c, n := range codes {
			if !allowed[c] {
				t.Errorf("round %d: unexpected code %s (%d times)", round, c, n)
			}
			total[c] += n
		}

		eps := episodes(t, st, m.ID)
		if len(eps) != 2 {
			t.Fatalf("round %d: %d episodes, want 2", round, len(eps))
		}
		open := openEpisodes(eps)
		if len(open) != 1 {
			t.Fatalf("round %d: %d open episodes, want 1", round, len(open))
		}
		if eps[0].ID != first.ID || eps[0].EndedAt == nil || !eps[0].EndedAt.Equal(effectiveAt) {
			t.Fatalf("round %d: first episode not closed at effectiveAt: %+v", round, eps[0])
		}
		if open[0].ID == first.ID || !open[0].StartedAt.Equal(effectiveAt) {
			t.Fatalf("round %d: open episode = %+v", round, open[0])
		}
		// The racers that picked the winner's level are told SAME_CARE_LEVEL;
		// the others BEFORE_CURRENT_EPISODE.
		same := 0
		for i := range racers {
			if targets[i%len(targets)] == open[0].CareLevelCode {
				same++
			}
		}
		if codes[domain.CodeSameCareLevel] != same-1 || codes[domain.CodeBeforeCurrentEpisode] != racers-same {
			t.Errorf("round %d: winner %s; codes %s, want SAME_CARE_LEVEL=%d BEFORE_CURRENT_EPISODE=%d",
				round, open[0].CareLevelCode, formatCodes(codes), same-1, racers-same)
		}
	}
	t.Logf("all rounds: %s", formatCodes(total))
	checkNoOverlap(t, st)
}

// Twenty staff admit one pre-admission member at once: one admission, the
// rest are told the member is already in care.
func TestConcurrentAdmitMember(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	total := map[domain.Code]int{}
	for round := range 3 {
		m := newMember(t, st, by, "Racer", fmt.Sprintf("Admit%d", round))
		levels := []string{"DETOX", "RESIDENTIAL", "PHP", "IOP"}
		errs := race(func(i int) error {
			_, err := st.AdmitMember(ctx, by, store.AdmitInput{
				MemberID: m.ID, CareLevelCode: levels[i%len(levels)], StartedAt: days(-i - 1)})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d won, codes: %s", round, wins, formatCodes(codes))
		if wins != 1 {
			t.Fatalf("round %d: %d admissions succeeded, want exactly 1", round, wins)
		}
		for c, n := range codes {
			if c != domain.CodeAlreadyInCare && c != domain.CodeConflict {
				t.Errorf("round %d: unexpected code %s (%d times)", round, c, n)
			}
			total[c] += n
		}
		eps := episodes(t, st, m.ID)
		if len(eps) != 1 || !eps[0].Open() {
			t.Fatalf("round %d: episodes = %v", round, eps)
		}
		if got := loadMember(t, st, m.ID).Status; got != domain.MemberActive {
			t.Fatalf("round %d: status = %s", round, got)
		}
	}
	t.Logf("all rounds: %s", formatCodes(total))
	checkNoOverlap(t, st)
}

// Mixed writers on one member at once: discharges, level changes and
// corrections of the open episode. Whatever the interleaving, the journey
// stays consistent and every refusal is a domain error.
func TestConcurrentMixedWrites(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Racer", "Mixed")
	first := mustAdmit(t, st, by, m.ID, "PHP", days(-30))
	errs := race(func(i int) error {
		var err error
		switch i % 4 {
		case 0:
			_, err = st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-i - 1), Reason: "left"})
		case 1:
			_, err = st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: m.ID, CareLevelCode: "IOP", EffectiveAt: days(-i - 1)})
		case 2:
			_, err = st.CorrectCareEpisode(ctx, by, store.CorrectionInput{EpisodeID: first.ID, CareLevelCode: "RESIDENTIAL",
				StartedAt: days(-29), Reason: fmt.Sprintf("racer %d", i)})
		case 3:
			_, err = st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: "DETOX", StartedAt: days(-i)})
		}
		return err
	})
	wins, codes := tally(t, errs)
	t.Logf("%d succeeded, codes: %s", wins, formatCodes(codes))
	if wins == 0 {
		t.Error("no write succeeded")
	}
	// At most one correction of the original can win.
	eps := episodes(t, st, m.ID)
	corrections := 0
	for _, e := range eps {
		if e.SupersedesEpisodeID != nil && *e.SupersedesEpisodeID == first.ID {
			corrections++
		}
	}
	if corrections > 1 {
		t.Errorf("%d corrections of episode %d", corrections, first.ID)
	}
	if n := len(openEpisodes(eps)); n > 1 {
		t.Errorf("%d open episodes", n)
	}
	checkNoOverlap(t, st)
}
