package domain

import (
	"sort"
	"time"
)

// MinCellPeople is the small-cell suppression threshold: a figure computed
// over fewer people than this is withheld (returned as null and flagged),
// because so few people could be recognised from it. Zero counts too.
const MinCellPeople = 11

// MaxOutcomeDays bounds an outcomes period: five years, leap days included.
const MaxOutcomeDays = 5*365 + 2

// RecoveryCohortDays splits members by days in recovery for the seed's
// first figure: 90 days or more against fewer (or no sobriety date).
const RecoveryCohortDays = 90

// AftercareCohortGroups splits members by the AFTERCARE groups they belonged
// to for the seed's second figure: two or more against fewer.
const AftercareCohortGroups = 2

// OutcomePeriod turns the calendar days of period (start included, end
// excluded) into the instants [start, end) in loc: from midnight of the
// first day to midnight of the end day.
func OutcomePeriod(period DateRange, loc *time.Location) (start, end time.Time, err error) {
	if !period.StartOn.Before(period.EndOn) {
		return start, end, &Error{Code: CodeInvalidInput, Field: []string{"period", "endOn"},
			Message: "The period must end after it starts (the end day is excluded)."}
	}
	if period.Days() > MaxOutcomeDays {
		return start, end, &Error{Code: CodeInvalidInput, Field: []string{"period", "endOn"},
			Message: "The period is at most five years long."}
	}
	start, end = period.Instants(loc)
	return start, end, nil
}

// OutcomeCount is a count behind small-cell suppression: Value is nil and
// Suppressed true when fewer than MinCellPeople people are behind it.
type OutcomeCount struct {
	Value      *int
	Suppressed bool
}

// OutcomeFigure is a share, mean or median behind small-cell suppression;
// the people of its denominator decide.
type OutcomeFigure struct {
	Value      *float64
	Suppressed bool
}

// Suppressed reports whether a figure over people must be withheld.
func Suppressed(people int) bool { return people < MinCellPeople }

// SuppressCount returns value unless fewer than MinCellPeople people are
// behind it.
func SuppressCount(value, people int) OutcomeCount {
	if Suppressed(people) {
		return OutcomeCount{Suppressed: true}
	}
	return OutcomeCount{Value: &value}
}

// SuppressFigure returns value unless fewer than MinCellPeople people are
// behind it (or it is undefined, which needs no people at all).
func SuppressFigure(value *float64, people int) OutcomeFigure {
	if Suppressed(people) || value == nil {
		return OutcomeFigure{Suppressed: Suppressed(people)}
	}
	v := *value
	return OutcomeFigure{Value: &v}
}

// Share is part/whole; nil when whole is 0.
func Share(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	v := float64(part) / float64(whole)
	return &v
}

// StayBucket is a line of a length-of-stay histogram: how many episodes
// lasted Days days.
type StayBucket struct {
	Days     int
	Episodes int
}

// Median is the median of the values a histogram describes: the middle
// value, or the mean of the two middle ones for an even number. The buckets
// may come in any order and repeat a value; false when there are no values.
func Median(buckets []StayBucket) (float64, bool) {
	sorted := make([]StayBucket, 0, len(buckets))
	n := 0
	for _, b := range buckets {
		if b.Episodes > 0 {
			sorted = append(sorted, b)
			n += b.Episodes
		}
	}
	if n == 0 {
		return 0, false
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Days < sorted[j].Days })
	// The value at 0-based position k of the sorted values.
	at := func(k int) int {
		for _, b := range sorted {
			if k < b.Episodes {
				return b.Days
			}
			k -= b.Episodes
		}
		panic("unreachable")
	}
	if n%2 == 1 {
		return float64(at(n / 2)), true
	}
	return float64(at(n/2-1)+at(n/2)) / 2, true
}

// Tally is a raw count and how many distinct people are behind it.
type Tally struct {
	Value  int
	People int
}

// CheckInTally counts the check-ins of a set of members.
type CheckInTally struct {
	CheckIns  int
	Abstinent int
	// People had check-ins; ContinuouslyAbstinent of them reported
	// abstinence at every one.
	People                int
	ContinuouslyAbstinent int
}

// AttendanceCohortTally is the attendance of a set of members: People
// members, with MeetingsAttended attended meetings between them.
type AttendanceCohortTally struct {
	People                    int
	MeetingsAttended          int
	AftercareMeetingsAttended int
}

// OutcomeTallies are the raw aggregates of a period, before suppression.
// They hold no identities, but small cells among them could point at people:
// only Outcomes (after BuildOutcomes) leaves the server.
type OutcomeTallies struct {
	// MembersByLevel counts members at each level at the end of the period.
	MembersByLevel map[string]int
	// Transitions counts the episodes that began in the period, by how.
	Transitions map[Transition]Tally
	// Discharges counts episodes that ended with a discharge in the period.
	Discharges Tally
	// Stays is, per level, the histogram of the lengths of stay (days) of
	// the episodes that ended in the period; StayPeople counts their members.
	Stays      map[string][]StayBucket
	StayPeople map[string]int
	// AftercareMeetingsAttended counts PRESENT and LATE at AFTERCARE meetings.
	AftercareMeetingsAttended Tally
	// CheckIns are the check-ins of the period.
	CheckIns CheckInTally
	// The members active in the period, split by days in recovery at its end.
	LongRecovery, ShorterRecovery AttendanceCohortTally
	// The members with check-ins in the period, split by the AFTERCARE
	// groups they belonged to in it.
	TwoOrMoreAftercareGroups, FewerAftercareGroups CheckInTally
}

// Outcomes are the aggregates a partner sees: every cell under
// MinCellPeople people is suppressed.
type Outcomes struct {
	Period                    DateRange
	Levels                    []LevelOutcome
	Admissions                OutcomeCount
	Readmissions              OutcomeCount
	StepDowns                 OutcomeCount
	StepUps                   OutcomeCount
	LateralMoves              OutcomeCount
	Discharges                OutcomeCount
	AftercareMeetingsAttended OutcomeCount
	CheckInsAbstinent         OutcomeFigure
	ByRecovery                RecoveryComparison
	ByAftercareGroups         AftercareGroupComparison
}

// LevelOutcome is what the period shows for one level of care.
type LevelOutcome struct {
	Level CareLevel
	// Members at the level at the end of the period.
	Members OutcomeCount
	// MedianStayDays of the episodes at the level that ended in the period.
	MedianStayDays OutcomeFigure
}

// RecoveryComparison is the seed's first figure: meetings attended by
// members with 90 or more days in recovery against the others.
type RecoveryComparison struct {
	NinetyDaysOrMore RecoveryCohort
	UnderNinetyDays  RecoveryCohort
	// AftercareMeetingsRatio is how many times as many aftercare meetings
	// the first cohort attended on average; nil when either mean is
	// withheld or the second is 0.
	AftercareMeetingsRatio *float64
}

// RecoveryCohort is the attendance of one side of RecoveryComparison.
type RecoveryCohort struct {
	Members                       OutcomeCount
	MeanMeetingsAttended          OutcomeFigure
	MeanAftercareMeetingsAttended OutcomeFigure
}

// AftercareGroupComparison is the seed's second figure: abstinence among
// members in two or more AFTERCARE groups against the others.
type AftercareGroupComparison struct {
	TwoOrMoreGroups AbstinenceCohort
	FewerGroups     AbstinenceCohort
}

// AbstinenceCohort is the abstinence of one side of AftercareGroupComparison.
type AbstinenceCohort struct {
	Members OutcomeCount
	// CheckInsAbstinent is the share of check-ins that reported abstinence.
	CheckInsAbstinent OutcomeFigure
	// ContinuouslyAbstinent is the share of members abstinent at every check-in.
	ContinuouslyAbstinent OutcomeFigure
}

// BuildOutcomes applies small-cell suppression to the tallies of the period
// [from, to]; levels is the catalogue, in the order to show it.
func BuildOutcomes(period DateRange, t OutcomeTallies, levels []CareLevel) Outcomes {
	count := func(x Tally) OutcomeCount { return SuppressCount(x.Value, x.People) }
	o := Outcomes{
		Period:                    period,
		Admissions:                count(t.Transitions[TransitionAdmission]),
		Readmissions:              count(t.Transitions[TransitionReadmission]),
		StepDowns:                 count(t.Transitions[TransitionStepDown]),
		StepUps:                   count(t.Transitions[TransitionStepUp]),
		LateralMoves:              count(t.Transitions[TransitionLateral]),
		Discharges:                count(t.Discharges),
		AftercareMeetingsAttended: count(t.AftercareMeetingsAttended),
		CheckInsAbstinent:         SuppressFigure(Share(t.CheckIns.Abstinent, t.CheckIns.CheckIns), t.CheckIns.People),
		ByRecovery: RecoveryComparison{
			NinetyDaysOrMore: recoveryCohort(t.LongRecovery),
			UnderNinetyDays:  recoveryCohort(t.ShorterRecovery),
		},
		ByAftercareGroups: AftercareGroupComparison{
			TwoOrMoreGroups: abstinenceCohort(t.TwoOrMoreAftercareGroups),
			FewerGroups:     abstinenceCohort(t.FewerAftercareGroups),
		},
	}
	long, short := o.ByRecovery.NinetyDaysOrMore.MeanAftercareMeetingsAttended, o.ByRecovery.UnderNinetyDays.MeanAftercareMeetingsAttended
	if long.Value != nil && short.Value != nil && *short.Value > 0 {
		ratio := *long.Value / *short.Value
		o.ByRecovery.AftercareMeetingsRatio = &ratio
	}
	o.Levels = make([]LevelOutcome, len(levels))
	for i, level := range levels {
		members := t.MembersByLevel[level.Code]
		var median *float64
		if m, ok := Median(t.Stays[level.Code]); ok {
			median = &m
		}
		o.Levels[i] = LevelOutcome{Level: level, Members: SuppressCount(members, members),
			MedianStayDays: SuppressFigure(median, t.StayPeople[level.Code])}
	}
	return o
}

func recoveryCohort(c AttendanceCohortTally) RecoveryCohort {
	return RecoveryCohort{
		Members:                       SuppressCount(c.People, c.People),
		MeanMeetingsAttended:          SuppressFigure(Share(c.MeetingsAttended, c.People), c.People),
		MeanAftercareMeetingsAttended: SuppressFigure(Share(c.AftercareMeetingsAttended, c.People), c.People),
	}
}

func abstinenceCohort(c CheckInTally) AbstinenceCohort {
	return AbstinenceCohort{
		Members:               SuppressCount(c.People, c.People),
		CheckInsAbstinent:     SuppressFigure(Share(c.Abstinent, c.CheckIns), c.People),
		ContinuouslyAbstinent: SuppressFigure(Share(c.ContinuouslyAbstinent, c.People), c.People),
	}
}
