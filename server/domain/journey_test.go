package domain_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

// catalogue mirrors the care_levels rows of migration 0002 (domain.md), so
// the rules are checked against the ladder the product actually ships.
var catalogue = []domain.CareLevel{
	{Code: "DETOX", Intensity: 7, Position: 1},
	{Code: "RESIDENTIAL", Intensity: 6, Position: 2},
	{Code: "PHP", Intensity: 5, Position: 3},
	{Code: "IOP", Intensity: 4, Position: 4},
	{Code: "VIRTUAL_IOP", Intensity: 4, Position: 5},
	{Code: "OUTPATIENT", Intensity: 3, Position: 6},
	{Code: "CONTINUING_CARE", Intensity: 1, Position: 7},
}

func levelsByCode() map[string]domain.CareLevel {
	m := make(map[string]domain.CareLevel, len(catalogue))
	for _, l := range catalogue {
		m[l.Code] = l
	}
	return m
}

func TestStepDirectionNamedMoves(t *testing.T) {
	levels := levelsByCode()
	tests := []struct {
		name     string
		from, to string
		want     domain.Transition
	}{
		{"detox to residential is a step-down", "DETOX", "RESIDENTIAL", domain.TransitionStepDown},
		{"residential to PHP is a step-down", "RESIDENTIAL", "PHP", domain.TransitionStepDown},
		{"IOP to outpatient is a step-down", "IOP", "OUTPATIENT", domain.TransitionStepDown},
		{"virtual IOP to continuing care is a step-down", "VIRTUAL_IOP", "CONTINUING_CARE", domain.TransitionStepDown},
		{"outpatient to IOP is a step-up", "OUTPATIENT", "IOP", domain.TransitionStepUp},
		{"continuing care to detox is a step-up", "CONTINUING_CARE", "DETOX", domain.TransitionStepUp},
		{"virtual IOP to PHP is a step-up", "VIRTUAL_IOP", "PHP", domain.TransitionStepUp},
		// Equal intensity is lateral in both directions: the only such pair
		// in the catalogue is IOP and its virtual twin.
		{"IOP to virtual IOP is lateral", "IOP", "VIRTUAL_IOP", domain.TransitionLateral},
		{"virtual IOP to IOP is lateral", "VIRTUAL_IOP", "IOP", domain.TransitionLateral},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := domain.StepDirection(levels[tt.from], levels[tt.to]); got != tt.want {
				t.Errorf("StepDirection(%s, %s) = %s, want %s", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

// Every ordered pair of the catalogue: the direction depends on intensity
// alone (never on position or code), and reversing a move reverses it.
func TestStepDirectionEveryPair(t *testing.T) {
	counts := map[domain.Transition]int{}
	for _, from := range catalogue {
		for _, to := range catalogue {
			if from.Code == to.Code {
				continue
			}
			got := domain.StepDirection(from, to)
			var want, reverse domain.Transition
			switch {
			case to.Intensity < from.Intensity:
				want, reverse = domain.TransitionStepDown, domain.TransitionStepUp
			case to.Intensity > from.Intensity:
				want, reverse = domain.TransitionStepUp, domain.TransitionStepDown
			default:
				want, reverse = domain.TransitionLateral, domain.TransitionLateral
			}
			if got != want {
				t.Errorf("StepDirection(%s, %s) = %s, want %s", from.Code, to.Code, got, want)
			}
			if back := domain.StepDirection(to, from); back != reverse {
				t.Errorf("StepDirection(%s, %s) = %s, want %s", to.Code, from.Code, back, reverse)
			}
			counts[got]++
		}
	}
	// 7 levels give 42 ordered pairs; IOP<->VIRTUAL_IOP are the 2 lateral ones
	// and the other 40 split evenly between up and down.
	want := map[domain.Transition]int{domain.TransitionStepDown: 20, domain.TransitionStepUp: 20, domain.TransitionLateral: 2}
	for tr, n := range want {
		if counts[tr] != n {
			t.Errorf("%s pairs = %d, want %d (all: %v)", tr, counts[tr], n, counts)
		}
	}
}

var day0 = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)

func at(days int) time.Time { return day0.AddDate(0, 0, days) }

func ptr[T any](v T) *T { return &v }

// ep builds an episode; end < 0 leaves it open.
func ep(id int64, code string, start, end int) *domain.CareEpisode {
	e := &domain.CareEpisode{ID: id, MemberID: 1, CareLevelCode: code, StartedAt: at(start)}
	if end >= 0 {
		e.EndedAt = ptr(at(end))
	}
	return e
}

func discharged(e *domain.CareEpisode) *domain.CareEpisode {
	e.DischargeReason = ptr("completed program")
	return e
}

// journey is a realistic stay: detox, step-down to residential, PHP, IOP,
// lateral to virtual IOP, step-up to PHP after a lapse, step-down to
// outpatient, discharge, then a readmission to IOP and continuing care.
func journey() []*domain.CareEpisode {
	return []*domain.CareEpisode{
		ep(1, "DETOX", 0, 5),
		ep(2, "RESIDENTIAL", 5, 35),
		ep(3, "PHP", 35, 50),
		ep(4, "IOP", 50, 70),
		ep(5, "VIRTUAL_IOP", 70, 80),
		ep(6, "PHP", 80, 90),
		discharged(ep(7, "OUTPATIENT", 90, 120)),
		// Readmitted after a gap, at a *lower* intensity than the last
		// level: still a readmission, not a step.
		ep(8, "IOP", 200, 230),
		ep(9, "CONTINUING_CARE", 230, -1),
	}
}

var journeyWant = map[int64]domain.Transition{
	1: domain.TransitionAdmission,
	2: domain.TransitionStepDown,
	3: domain.TransitionStepDown,
	4: domain.TransitionStepDown,
	5: domain.TransitionLateral,
	6: domain.TransitionStepUp,
	7: domain.TransitionStepDown,
	8: domain.TransitionReadmission,
	9: domain.TransitionStepDown,
}

func TestTransitionOfJourney(t *testing.T) {
	levels := levelsByCode()
	j := journey()
	for _, e := range j {
		if got := domain.TransitionOf(e, j, levels); got != journeyWant[e.ID] {
			t.Errorf("episode %d (%s): TransitionOf = %s, want %s", e.ID, e.CareLevelCode, got, journeyWant[e.ID])
		}
	}
}

// The journey may come in any order (a loader does not promise one): the
// predecessor is chosen by start time, not by position in the slice.
func TestTransitionOfUnorderedJourney(t *testing.T) {
	levels := levelsByCode()
	orders := map[string]func([]*domain.CareEpisode){
		"reversed": slices.Reverse[[]*domain.CareEpisode],
		"by level code": func(s []*domain.CareEpisode) {
			slices.SortStableFunc(s, func(a, b *domain.CareEpisode) int { return strings.Compare(a.CareLevelCode, b.CareLevelCode) })
		},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		orders["shuffled "+string(rune('a'+i))] = func(s []*domain.CareEpisode) {
			r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		}
	}
	for name, reorder := range orders {
		t.Run(name, func(t *testing.T) {
			j := journey()
			reorder(j)
			for _, e := range j {
				if got := domain.TransitionOf(e, j, levels); got != journeyWant[e.ID] {
					t.Errorf("episode %d: TransitionOf = %s, want %s", e.ID, got, journeyWant[e.ID])
				}
			}
		})
	}
}

func TestTransitionOfEdgeCases(t *testing.T) {
	levels := levelsByCode()
	tests := []struct {
		name    string
		e       *domain.CareEpisode
		journey []*domain.CareEpisode
		want    domain.Transition
	}{
		{"only episode is the admission", ep(1, "PHP", 0, -1), []*domain.CareEpisode{ep(1, "PHP", 0, -1)}, domain.TransitionAdmission},
		{"empty journey is an admission", ep(1, "PHP", 0, -1), nil, domain.TransitionAdmission},
		{"e need not be in the journey", ep(99, "IOP", 10, -1), []*domain.CareEpisode{ep(1, "PHP", 0, 10)}, domain.TransitionStepDown},
		// Only episodes that started strictly earlier can precede e; one
		// starting at the same instant (a different id) is not "before".
		{"same start is not a predecessor", ep(2, "IOP", 10, -1),
			[]*domain.CareEpisode{ep(3, "DETOX", 10, 20), ep(1, "PHP", 0, 10)}, domain.TransitionStepDown},
		// A later episode never influences an earlier one.
		{"later episodes are ignored", ep(1, "IOP", 0, 10),
			[]*domain.CareEpisode{ep(1, "IOP", 0, 10), ep(2, "DETOX", 10, -1)}, domain.TransitionAdmission},
		// The *latest* earlier episode decides, not the first one.
		{"latest predecessor wins", ep(3, "RESIDENTIAL", 20, -1),
			[]*domain.CareEpisode{ep(1, "DETOX", 0, 10), ep(2, "OUTPATIENT", 10, 20), ep(3, "RESIDENTIAL", 20, -1)}, domain.TransitionStepUp},
		// A discharge two episodes back does not make e a readmission when
		// a later, non-discharged episode sits in between.
		{"old discharge is not a readmission", ep(3, "OUTPATIENT", 60, -1),
			[]*domain.CareEpisode{discharged(ep(1, "IOP", 0, 10)), ep(2, "PHP", 40, 60), ep(3, "OUTPATIENT", 60, -1)}, domain.TransitionStepDown},
		{"readmission to the same level", ep(2, "IOP", 40, -1),
			[]*domain.CareEpisode{discharged(ep(1, "IOP", 0, 10)), ep(2, "IOP", 40, -1)}, domain.TransitionReadmission},
		{"readmission to a higher level", ep(2, "DETOX", 40, -1),
			[]*domain.CareEpisode{discharged(ep(1, "IOP", 0, 10)), ep(2, "DETOX", 40, -1)}, domain.TransitionReadmission},
		// Readmitted at the very instant of the discharge (allowed by the
		// half-open periods) is still a readmission.
		{"readmission at the discharge instant", ep(2, "PHP", 10, -1),
			[]*domain.CareEpisode{discharged(ep(1, "IOP", 0, 10)), ep(2, "PHP", 10, -1)}, domain.TransitionReadmission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := domain.TransitionOf(tt.e, tt.journey, levels); got != tt.want {
				t.Errorf("TransitionOf = %s, want %s", got, tt.want)
			}
		})
	}
}

// A superseded episode is shown in the history and placed in the *current*
// journey: its predecessor is the latest current episode that started before
// it, so its transition reads against what the journey is now.
// superseded marks e as replaced by a correction.
func superseded(e *domain.CareEpisode) *domain.CareEpisode {
	e.SupersededAt = ptr(at(300))
	e.SupersedeReason = ptr("wrong level")
	return e
}

// replacing marks e as the correction of episode original.
func replacing(e *domain.CareEpisode, original int64) *domain.CareEpisode {
	e.SupersedesEpisodeID = &original
	return e
}

func TestTransitionOfSupersededEpisode(t *testing.T) {
	levels := levelsByCode()

	t.Run("level fixed, same dates", func(t *testing.T) {
		// Residential was entered by mistake; the correction says PHP.
		wrong := superseded(ep(2, "RESIDENTIAL", 5, 35))
		current := []*domain.CareEpisode{
			ep(1, "DETOX", 0, 5),
			replacing(ep(10, "PHP", 5, 35), 2),
			ep(3, "IOP", 35, -1),
		}
		if got := domain.TransitionOf(wrong, current, levels); got != domain.TransitionStepDown {
			t.Errorf("superseded RESIDENTIAL after DETOX: %s, want STEP_DOWN", got)
		}
		// The current journey reads through the correction: IOP now follows
		// PHP (not RESIDENTIAL) and is still a step-down.
		if got := domain.TransitionOf(current[2], current, levels); got != domain.TransitionStepDown {
			t.Errorf("IOP after corrected PHP: %s, want STEP_DOWN", got)
		}
		if got := domain.TransitionOf(current[1], current, levels); got != domain.TransitionStepDown {
			t.Errorf("correction PHP after DETOX: %s, want STEP_DOWN", got)
		}
	})

	t.Run("superseded episode reads against the corrected neighbours", func(t *testing.T) {
		// Originally IOP followed RESIDENTIAL (a step-down); the residential
		// episode was later corrected to OUTPATIENT, so against the current
		// journey the superseded IOP episode reads as a step-up.
		wrongIOP := superseded(ep(3, "IOP", 35, -1))
		current := []*domain.CareEpisode{
			ep(1, "DETOX", 0, 5),
			replacing(ep(10, "OUTPATIENT", 5, 35), 2),
			replacing(ep(11, "VIRTUAL_IOP", 35, -1), 3),
		}
		if got := domain.TransitionOf(wrongIOP, current, levels); got != domain.TransitionStepUp {
			t.Errorf("superseded IOP after corrected OUTPATIENT: %s, want STEP_UP", got)
		}
	})

	t.Run("superseded readmission", func(t *testing.T) {
		wrong := superseded(ep(2, "PHP", 40, -1))
		current := []*domain.CareEpisode{
			discharged(ep(1, "IOP", 0, 10)),
			replacing(ep(10, "IOP", 40, -1), 2),
		}
		if got := domain.TransitionOf(wrong, current, levels); got != domain.TransitionReadmission {
			t.Errorf("superseded readmission: %s, want READMISSION", got)
		}
	})

	t.Run("admission corrected to start earlier", func(t *testing.T) {
		// The commonest correction: the admission date was typed a few days
		// late. The replacement starts before the superseded original, so
		// TransitionOf takes the replacement as the original's predecessor
		// and calls the original admission a LATERAL move from itself.
		wrong := superseded(ep(1, "DETOX", 3, 8))
		current := []*domain.CareEpisode{
			replacing(ep(10, "DETOX", 0, 8), 1),
			ep(2, "RESIDENTIAL", 8, -1),
		}
		if got := domain.TransitionOf(wrong, current, levels); got != domain.TransitionAdmission {
			t.Errorf("superseded admission: %s, want ADMISSION", got)
		}
	})
}

func TestEpisodePredicates(t *testing.T) {
	open := ep(1, "IOP", 0, -1)
	closed := ep(2, "IOP", 0, 5)
	left := discharged(ep(3, "IOP", 0, 5))
	corrected := ep(4, "IOP", 0, 5)
	corrected.SupersededAt = ptr(at(6))
	tests := []struct {
		name                              string
		e                                 *domain.CareEpisode
		open, superseded, dischargedState bool
	}{
		{"open", open, true, false, false},
		{"closed", closed, false, false, false},
		{"discharged", left, false, false, true},
		{"superseded", corrected, false, true, false},
	}
	for _, tt := range tests {
		if got := tt.e.Open(); got != tt.open {
			t.Errorf("%s: Open = %v", tt.name, got)
		}
		if got := tt.e.Superseded(); got != tt.superseded {
			t.Errorf("%s: Superseded = %v", tt.name, got)
		}
		if got := tt.e.Discharged(); got != tt.dischargedState {
			t.Errorf("%s: Discharged = %v", tt.name, got)
		}
	}
}

func TestCurrentAndOpenEpisodes(t *testing.T) {
	first := ep(1, "RESIDENTIAL", 0, 10)
	wrongOpen := superseded(ep(2, "PHP", 10, -1))
	open := replacing(ep(3, "IOP", 10, -1), 2)
	all := []*domain.CareEpisode{first, wrongOpen, open}

	current := domain.CurrentEpisodes(all)
	if len(current) != 2 || current[0] != first || current[1] != open {
		t.Errorf("CurrentEpisodes = %v", current)
	}
	if got := domain.OpenEpisode(all); got != open {
		t.Errorf("OpenEpisode = %v, want the correction, not the superseded original", got)
	}
	if got := domain.OpenEpisode([]*domain.CareEpisode{first}); got != nil {
		t.Errorf("OpenEpisode of a closed journey = %v", got)
	}
	if got := domain.CurrentEpisodes(nil); got == nil || len(got) != 0 {
		t.Errorf("CurrentEpisodes(nil) = %#v, want an empty list for the API", got)
	}
}
