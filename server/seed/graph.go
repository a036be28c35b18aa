package seed

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// The recovery graph (houses, peers, groups and attendance, aftercare plans,
// updates) is generated from the members' journeys, one site at a time. A
// site is the demo provider's census: Demo is one site, and Scale adds a site
// per siteSize members, so every ratio people see in the demo holds at scale.
const siteSize = 150

// forever stands for "still open" in the generator's arithmetic, so that
// comparisons need no nil checks; rows get nil instead.
var forever = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

func endOrNil(t time.Time) *time.Time {
	if t.Equal(forever) {
		return nil
	}
	return &t
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

const day = 24 * time.Hour

// staff are the demo's sign-ins that rows name as authors, recorders and
// facilitators. Scale creates no users, so its rows name none.
type staff struct {
	caseManager, clinician, peer, houseManager *int64
}

// gender is read from a member's first name: houses are for men, women or
// anyone, and the demo should not put an Olivia in a men's house.
type gender int

const (
	genderUnknown gender = iota
	genderMan
	genderWoman
)

// journey is one member as the recovery graph sees them: their stays in
// care, each a run of episodes from an admission to a discharge (or today).
type journey struct {
	index   int // in generation order: stable across loads, unlike ids
	id      int64
	plan    *memberPlan
	name    string
	gender  gender
	spanish bool
	status  domain.MemberStatus
	stays   []*stay
	// Where they lived and who their peer was, once placed.
	residencies []*residencySeg
	assignments []*assignmentSeg
}

type stay struct {
	admitted time.Time
	spans    []span
	end      time.Time // the discharge, or forever while in care
	ending   ending
	next     time.Time // the next admission, or forever
}

// span is one episode: a level from start to end (forever while open).
type span struct {
	level      string
	start, end time.Time
}

func (s *stay) open() bool { return s.end.Equal(forever) }

// rungPHP is the first rung lived in the community rather than on a unit.
const rungPHP = 2

// communityIndex is the first episode of the stay at PHP or below, where a
// member can live in a house and work with a peer; -1 when none.
func (s *stay) communityIndex() int {
	for i, sp := range s.spans {
		if rungOf(sp.level) >= rungPHP {
			return i
		}
	}
	return -1
}

// stepUpAfter is the first step-up to a more intensive level after
// episode i, which follows a relapse; -1 when none.
func (s *stay) stepUpAfter(i int) int {
	for k := i + 1; k < len(s.spans); k++ {
		if rungOf(s.spans[k].level) < rungOf(s.spans[k-1].level) {
			return k
		}
	}
	return -1
}

// lastDischarge is when the member last left care; zero when in care or
// never admitted.
func (j *journey) lastDischarge() time.Time {
	if len(j.stays) == 0 || j.stays[len(j.stays)-1].open() {
		return time.Time{}
	}
	return j.stays[len(j.stays)-1].end
}

// journeysOf reads the journeys of plans whose members got ids.
func journeysOf(plans []memberPlan, ids []int64) []*journey {
	out := make([]*journey, len(plans))
	for i := range plans {
		p := &plans[i]
		j := &journey{index: i, id: ids[i], plan: p, status: p.status(),
			gender: genderOf(p.firstName), spanish: spanishFirstNames[p.firstName]}
		first := p.firstName
		if p.preferredName != "" {
			first = p.preferredName
		}
		j.name = first + " " + p.lastName
		var cur *stay
		for _, e := range p.events {
			switch e.kind {
			case eventAdmit:
				if n := len(j.stays); n > 0 {
					j.stays[n-1].next = e.at
				}
				cur = &stay{admitted: e.at, end: forever, next: forever,
					spans: []span{{level: e.level, start: e.at, end: forever}}}
				j.stays = append(j.stays, cur)
			case eventChange:
				cur.spans[len(cur.spans)-1].end = e.at
				cur.spans = append(cur.spans, span{level: e.level, start: e.at, end: forever})
			case eventDischarge:
				cur.spans[len(cur.spans)-1].end = e.at
				cur.end, cur.ending = e.at, e.ending
				cur = nil
			}
		}
		out[i] = j
	}
	return out
}

func genderOf(firstName string) gender {
	switch {
	case womenFirstNames[firstName]:
		return genderWoman
	case unisexFirstNames[firstName]:
		return genderUnknown
	default:
		return genderMan
	}
}

// dice is a random stream with the helpers the generator uses.
type dice struct{ *rand.Rand }

// between returns a whole number in [lo, hi].
func (d dice) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + d.IntN(hi-lo+1)
}

func (d dice) chance(p float64) bool { return d.Float64() < p }

func pickOne[T any](d dice, options []T) T { return options[d.IntN(len(options))] }

// mix hashes its inputs into a number in [0, 1): attendance draws from it
// rather than from a stream, so one record's status does not depend on
// how many were drawn before it.
func mix(values ...uint64) float64 {
	h := uint64(0x9e3779b97f4a7c15)
	for _, v := range values {
		h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
		h ^= h >> 30
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 27
		h *= 0x94d049bb133111eb
		h ^= h >> 31
	}
	return float64(h>>11) / (1 << 53)
}

// graphCutoff is when the graph stops: the start of the provider's today.
// Every journey event lies before it (journeys are built up to yesterday),
// and with it the graph depends on the date alone, so one seed gives the
// same data all day long. Today's meetings get their attendance tomorrow.
func graphCutoff(st *store.Store) time.Time {
	today := st.Today()
	return time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, st.Location)
}

// graphBuilder generates the recovery graph of many sites into one set of rows.
type graphBuilder struct {
	seed  uint64
	now   time.Time      // the cutoff: nothing is recorded at or after it
	today time.Time      // the provider's calendar date, midnight UTC
	loc   *time.Location // the provider's time zone
	// zone and groupLoc are the groups' IANA time zone, which has the
	// provider's offsets.
	zone     string
	groupLoc *time.Location
	staff    staff
	demo     bool
	// takenNames are the house names in use, lower case: names are unique.
	takenNames map[string]bool
	rows       graphRows
}

// newGraphBuilder prepares a builder; seed picks every random choice.
func newGraphBuilder(seed uint64, now, today time.Time, loc *time.Location, st staff, demo bool, takenNames []string) *graphBuilder {
	zone, groupLoc := zoneOf(loc)
	b := &graphBuilder{seed: seed, now: now, today: today, loc: loc, zone: zone, groupLoc: groupLoc,
		staff: st, demo: demo, takenNames: map[string]bool{}}
	for _, n := range takenNames {
		b.takenNames[strings.ToLower(n)] = true
	}
	return b
}

// zoneOf names loc as an IANA zone a group can store. A fixed offset of
// whole hours (as tests use) becomes the Etc/GMT zone of that offset, with
// POSIX's inverted sign; anything else falls back to UTC.
func zoneOf(loc *time.Location) (string, *time.Location) {
	if l, err := time.LoadLocation(loc.String()); err == nil && loc.String() != "Local" {
		return loc.String(), l
	}
	_, offset := time.Now().In(loc).Zone()
	if offset%3600 == 0 {
		h := -offset / 3600
		name := "Etc/GMT"
		switch {
		case h > 0:
			name += "+" + strconv.Itoa(h)
		case h < 0:
			name += strconv.Itoa(h)
		}
		if l, err := time.LoadLocation(name); err == nil {
			return name, l
		}
	}
	return "UTC", time.UTC
}

// dayOf is the provider's calendar date of t, as midnight UTC.
func (b *graphBuilder) dayOf(t time.Time) time.Time {
	l := t.In(b.loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// at is minute past midnight of the provider's date day, in its time zone.
func (b *graphBuilder) at(day time.Time, minute int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), 0, minute, 0, 0, b.loc)
}

// daytimeAfter is a time in working hours (09:00-18:00) on the provider's
// date of after or up to days later, and after after: when staff record things.
func (b *graphBuilder) daytimeAfter(d dice, after time.Time, days int) time.Time {
	t := b.at(b.dayOf(after).AddDate(0, 0, d.between(0, days)), d.between(36, 72)*15)
	if !t.After(after) {
		t = after.Add(time.Duration(d.between(2, 8)) * 15 * time.Minute)
	}
	return t
}

// build generates the graph of members, split into sites.
func (b *graphBuilder) build(members []*journey) {
	for i, ms := range splitSites(members) {
		s := &site{b: b, index: i, members: ms}
		s.build()
	}
}

// splitSites cuts members into runs of about siteSize.
func splitSites(members []*journey) [][]*journey {
	if len(members) == 0 {
		return nil
	}
	n := max(1, (len(members)+siteSize/2)/siteSize)
	out := make([][]*journey, n)
	for i := range n {
		out[i] = members[i*len(members)/n : (i+1)*len(members)/n]
	}
	return out
}

// proportional scales a figure of the demo's site to a site of n members.
func proportional(demoFigure, n int) int {
	return max(1, (demoFigure*n+siteSize/2)/siteSize)
}

// site is one provider location with its own houses, peers and groups.
type site struct {
	b       *graphBuilder
	index   int
	members []*journey
	// opened is when the site's houses and groups began, before anyone's story.
	opened      time.Time
	campus      string
	houses      []*house
	peers       []*peer
	groups      []*group
	groupByKey  map[string]*group
	memberships map[membershipKey][]membershipSpan
	// membershipOrder keeps the memberships in the order they were first
	// added, so the rows do not follow the map's random order.
	membershipOrder []membershipKey
	// Where the site's rows begin in the builder's.
	firstResidency, firstPlan int
}

// The sections of a site draw from separate streams, so a change in how
// one section draws leaves the others' data as it was.
const (
	streamHouses = iota + 1
	streamPeers
	streamGroups
	streamResidents
	streamAssignments
	streamConversations
	streamPlans
	streamMemberships
	streamMeetings
	streamUpdates
)

func (s *site) dice(stream uint64) dice {
	return dice{rand.New(rand.NewPCG(s.b.seed, uint64(s.index)<<8|stream))}
}

func (s *site) build() {
	s.opened = s.b.now.AddDate(-3, 0, 0)
	for _, j := range s.members {
		if j.plan.registeredAt.Before(s.opened) {
			s.opened = j.plan.registeredAt
		}
	}
	s.opened = s.b.dayOf(s.opened.AddDate(0, 0, -90))
	if !s.b.demo {
		s.campus = campusNames[s.index%len(campusNames)]
		if n := s.index / len(campusNames); n > 0 {
			s.campus += " " + strconv.Itoa(n+1)
		}
	}
	s.memberships = map[membershipKey][]membershipSpan{}
	s.firstResidency, s.firstPlan = len(s.b.rows.residencies), len(s.b.rows.plans)
	s.makeHouses(s.dice(streamHouses))
	s.makePeers(s.dice(streamPeers))
	s.makeGroups(s.dice(streamGroups))
	s.placeResidents(s.dice(streamResidents))
	s.assignPeers(s.dice(streamAssignments), s.dice(streamConversations))
	s.makePlans(s.dice(streamPlans))
	s.careMemberships(s.dice(streamMemberships))
	s.makeMeetings(s.dice(streamMeetings))
	s.makeUpdates(s.dice(streamUpdates))
}
