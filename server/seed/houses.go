package seed

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"carejourney/server/domain"
)

// house is a house being filled: its row, its beds and its house meeting.
type house struct {
	row         *domain.House
	beds        []*bed
	meetingSlot slotSpec
	meeting     *group
}

// bed is one bed of a house; freeFrom is when its last resident moves out
// (forever while someone lives there). Residents are placed in order of
// move-in, so a bed is free for a newcomer when freeFrom is not after the
// move-in: a house can never hold more people than beds, now or in the past.
type bed struct {
	label    *string
	freeFrom time.Time
}

func (h *house) fits(g gender) bool {
	switch h.row.GenderDesignation {
	case domain.GenderMen:
		return g == genderMan
	case domain.GenderWomen:
		return g == genderWoman
	default:
		return true
	}
}

func (h *house) freeBeds(at time.Time) int {
	n := 0
	for _, b := range h.beds {
		if !b.freeFrom.After(at) {
			n++
		}
	}
	return n
}

func (h *house) freeBed(at time.Time) *bed {
	for _, b := range h.beds {
		if !b.freeFrom.After(at) {
			return b
		}
	}
	return nil
}

// makeHouses opens the site's houses: the demo's seven, or for a scale
// site one per twenty-odd members, with names and sizes of their own.
func (s *site) makeHouses(d dice) {
	n := proportional(len(houseTemplates), len(s.members))
	for i := range n {
		t := houseTemplates[i%len(houseTemplates)]
		if !s.b.demo || i >= len(houseTemplates) {
			t.name = s.b.claimName(s.b.scaleHouseName(d))
			t.address = fmt.Sprintf("%d %s %s, %s", d.between(100, 9899), pickOne(d, streetNames),
				pickOne(d, streetKinds), pickOne(d, cities))
			t.phone = fmt.Sprintf("(%03d) 555-01%02d", pickOne(d, areaCodes), d.between(0, 99))
			t.capacity = d.between(6, 14)
		} else {
			t.name = s.b.claimName(t.name)
		}
		row := &domain.House{Name: t.name, Address: t.address, Capacity: t.capacity, GenderDesignation: t.gender,
			NarrLevel: t.narr, CreatedAt: s.opened, UpdatedAt: s.opened}
		phone := t.phone
		row.Phone = &phone
		if t.byHouseManager {
			row.ManagerUserID = s.b.staff.houseManager
		} else {
			row.ManagerUserID = s.b.staff.caseManager
		}
		h := &house{row: row, meetingSlot: slotSpec{day: t.meetingDay, start: t.meetingTime, minutes: 60}}
		for k := range t.capacity {
			b := &bed{}
			if t.namedBeds {
				// Two beds a room: A1, A2, B1, …
				label := fmt.Sprintf("%c%d", 'A'+k/2, k%2+1)
				b.label = &label
			}
			h.beds = append(h.beds, b)
		}
		s.houses = append(s.houses, h)
		s.b.rows.houses = append(s.b.rows.houses, row)
	}
}

func (b *graphBuilder) scaleHouseName(d dice) string {
	name := ""
	for range 5 {
		name = pickOne(d, houseNameWords) + " " + pickOne(d, houseNameKinds)
		if !b.takenNames[strings.ToLower(name)] {
			break
		}
	}
	return name
}

// claimName returns base, or base numbered when a house already has that
// name (names are unique regardless of case).
func (b *graphBuilder) claimName(base string) string {
	name := base
	for n := 2; b.takenNames[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	b.takenNames[strings.ToLower(name)] = true
	return name
}

// residencySeg is a planned stretch in a house. A transfer between houses
// is two segments, the second linked to the first.
type residencySeg struct {
	j          *journey
	start, end time.Time
	reason     domain.MoveOutReason
	note       string
	prev       *residencySeg
	house      *house
	row        *domain.Residency
}

// placeResidents plans who lived where and moves them in, in order of
// move-in, into a house that fits them with a free bed; without one, the
// member found housing elsewhere.
func (s *site) placeResidents(d dice) {
	var segs []*residencySeg
	for _, j := range s.members {
		for _, st := range j.stays {
			segs = append(segs, s.residencyPlan(d, j, st)...)
		}
	}
	slices.SortStableFunc(segs, func(a, b *residencySeg) int { return a.start.Compare(b.start) })
	for _, seg := range segs {
		if seg.prev != nil && seg.prev.row == nil {
			continue
		}
		// Each free bed is a chance, so emptier houses fill first.
		var options []*house
		for _, h := range s.houses {
			if h.fits(seg.j.gender) && (seg.prev == nil || seg.prev.house != h) {
				for range h.freeBeds(seg.start) {
					options = append(options, h)
				}
			}
		}
		if len(options) == 0 {
			if seg.prev != nil {
				note := "Moved to a recovery residence outside our network"
				seg.prev.row.MoveOutNote = &note
			}
			continue
		}
		h := pickOne(d, options)
		bd := h.freeBed(seg.start)
		bd.freeFrom = seg.end
		seg.house = h
		r := &domain.Residency{MemberID: seg.j.id, Bed: bd.label, MoveInAt: seg.start, MoveOutAt: endOrNil(seg.end),
			RecordedByUserID: h.row.ManagerUserID, RecordedAt: seg.start}
		if r.MoveOutAt != nil {
			reason := seg.reason
			r.MoveOutReason = &reason
			r.MovedOutByUserID = h.row.ManagerUserID
			if seg.note != "" {
				note := seg.note
				r.MoveOutNote = &note
			}
		}
		if seg.prev != nil {
			note := "Moved to " + h.row.Name
			seg.prev.row.MoveOutNote = &note
		}
		seg.row = r
		seg.j.residencies = append(seg.j.residencies, seg)
		s.b.rows.residencies = append(s.b.rows.residencies, residencyRow{Residency: r, house: h.row})
		// Residents attend their house meeting while they live there.
		s.addMembership(h.meeting, seg.j, seg.start, seg.end, 0.93)
	}
}

// residentChance is how many members take a bed when they step down into
// the community: three in four, which keeps most beds full.
const residentChance = 0.75

// residencyPlan decides whether and how long a member lived in a house
// during one stay: from stepping down into the community to a step-up
// after a relapse, a discharge, moving on, or today; at the latest, until
// a readmission.
func (s *site) residencyPlan(d dice, j *journey, st *stay) []*residencySeg {
	ci := st.communityIndex()
	if ci < 0 || !d.chance(residentChance) {
		return nil
	}
	now := s.b.now
	sp := st.spans[ci]
	start := s.b.daytimeAfter(d, sp.start, 2)
	if limit := minTime(sp.end, now); !start.Before(limit) {
		start = sp.start.Add(time.Hour)
		if !start.Before(limit) {
			return nil
		}
	}
	seg := &residencySeg{j: j, start: start}
	switch up := st.stepUpAfter(ci); {
	case up >= 0:
		seg.end, seg.reason, seg.note = st.spans[up].start, domain.MoveOutRelapse, "Returned to a higher level of care"
	case st.open():
		seg.end = start.Add(time.Duration(d.between(150, 720)) * day)
		seg.reason, seg.note = domain.MoveOutCompleted, pickOne(d, movedOnNotes)
	default:
		seg.end = st.end
		switch st.ending {
		case endCompleted:
			// Sober living often outlasts treatment.
			seg.end = st.end.Add(time.Duration(d.between(0, 120)) * day)
			seg.reason, seg.note = domain.MoveOutCompleted, pickOne(d, movedOnNotes)
		case endLeftAgainstAdvice:
			seg.reason = pickOne(d, []domain.MoveOutReason{domain.MoveOutDischarged, domain.MoveOutRuleViolation, domain.MoveOutRelapse})
			seg.note = "Left treatment against advice"
		case endTransferred:
			seg.reason, seg.note = domain.MoveOutTransferred, "Transferred with their care to another provider"
		default:
			seg.reason, seg.note = domain.MoveOutOther, "Discharged from the program"
		}
	}
	if seg.end.After(st.next) {
		seg.end, seg.reason, seg.note = st.next, domain.MoveOutRelapse, "Readmitted to treatment"
	}
	if !seg.end.Before(now) {
		seg.end = forever
	}
	if !seg.end.After(seg.start) {
		return nil
	}
	length := minTime(seg.end, now).Sub(seg.start)
	if length < 40*day {
		return []*residencySeg{seg}
	}
	days := int(length / day)
	switch {
	case d.chance(0.05):
		seg.end = seg.start.Add(time.Duration(d.between(14, days-7)) * day)
		seg.reason, seg.note = domain.MoveOutRuleViolation, pickOne(d, ruleViolationNotes)
	case d.chance(0.08):
		next := &residencySeg{j: j, start: seg.start.Add(time.Duration(d.between(14, min(90, days-7))) * day),
			end: seg.end, reason: seg.reason, note: seg.note, prev: seg}
		seg.end, seg.reason, seg.note = next.start, domain.MoveOutTransferred, ""
		return []*residencySeg{seg, next}
	}
	return []*residencySeg{seg}
}

// houseTemplate is one of the demo's houses; scale sites reuse their
// designations with other names and sizes.
type houseTemplate struct {
	name, address, phone string
	capacity             int
	gender               domain.GenderDesignation
	narr                 domain.NarrLevel
	namedBeds            bool
	byHouseManager       bool
	// The weekly house meeting.
	meetingDay  int
	meetingTime string
}

// houseTemplates are the demo's seven houses (68 beds), co-ed first so that
// a one-house site takes anyone.
var houseTemplates = []houseTemplate{
	{name: "Juniper Commons", address: "2215 SE Juniper Street, Portland, OR 97214", phone: "(503) 555-0142",
		capacity: 14, gender: domain.GenderCoEd, narr: domain.NarrIV, namedBeds: true, meetingDay: 7, meetingTime: "19:00"},
	{name: "Cedar House", address: "418 NE Cedar Avenue, Portland, OR 97232", phone: "(503) 555-0118",
		capacity: 12, gender: domain.GenderMen, narr: domain.NarrIII, namedBeds: true, byHouseManager: true,
		meetingDay: 1, meetingTime: "20:00"},
	{name: "Harbor View Women's Residence", address: "77 N Harbor Drive, Portland, OR 97217", phone: "(503) 555-0163",
		capacity: 10, gender: domain.GenderWomen, narr: domain.NarrIII, namedBeds: true, byHouseManager: true,
		meetingDay: 7, meetingTime: "18:30"},
	{name: "Maple Street Recovery House", address: "1530 SE Maple Street, Portland, OR 97202", phone: "(503) 555-0127",
		capacity: 8, gender: domain.GenderMen, narr: domain.NarrII, byHouseManager: true, meetingDay: 7, meetingTime: "20:00"},
	{name: "Sunrise Co-op", address: "906 N Killingsworth Street, Portland, OR 97217", phone: "(503) 555-0189",
		capacity: 8, gender: domain.GenderCoEd, narr: domain.NarrII, meetingDay: 2, meetingTime: "19:30"},
	{name: "Willow Lane House", address: "3341 SE Willow Lane, Milwaukie, OR 97222", phone: "(503) 555-0171",
		capacity: 6, gender: domain.GenderWomen, narr: domain.NarrII, byHouseManager: true, meetingDay: 1, meetingTime: "19:00"},
	{name: "Bridgeway House", address: "5120 SE Division Street, Portland, OR 97206", phone: "(503) 555-0135",
		capacity: 10, gender: domain.GenderMen, narr: domain.NarrIV, namedBeds: true, meetingDay: 3, meetingTime: "20:00"},
}
