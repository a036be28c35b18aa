package seed

import (
	"slices"
	"sort"
	"strconv"
	"time"

	"carejourney/server/domain"
)

// slotSpec is a weekly meeting time: an ISO weekday, a local "HH:MM" and a length.
type slotSpec struct {
	day     int
	start   string
	minutes int
}

// group is a group being scheduled: its row, its slots, who leads it in
// turn, and its meetings in order of start.
type group struct {
	index    int // in the site, for attendance draws
	row      *domain.Group
	slots    []slotSpec
	leads    []lead
	topics   []string
	meetings []*domain.Meeting
	leadOf   []lead // the facilitator of each meeting
}

// lead is a facilitator: a peer or a staff user.
type lead struct {
	peer *peer
	user *int64
}

// Staff roles a template names as facilitators.
const (
	leadClinician   = "clinician"
	leadCaseManager = "caseManager"
	leadPeer        = "peer"
)

// groupTemplate is one of the demo's groups; every site runs them all, and
// a house meeting for each of its houses.
type groupTemplate struct {
	key         string
	name        string
	kind        domain.GroupKind
	modality    domain.Modality
	description string
	room        string // in-person and hybrid groups meet here
	slots       []slotSpec
	peers       int      // how many peers lead it
	womenPeers  bool     // led by women
	menPeers    bool     // led by men
	staff       []string // staff roles that lead it
	topics      []string
}

// makeGroups sets up the site's groups and its houses' meetings.
func (s *site) makeGroups(d dice) {
	s.groupByKey = map[string]*group{}
	peers := s.activePeers()
	nextPeer := 0
	for _, t := range groupTemplates {
		name := t.name
		if s.campus != "" {
			name += " (" + s.campus + ")"
		}
		g := s.newGroup(name, t.kind, t.modality, t.description, s.location(t), t.slots, t.topics, nil)
		// Peers take turns leading groups; a women's or men's circle is
		// led by its own, when the site has them.
		pool, turn := peers, &nextPeer
		if t.womenPeers || t.menPeers {
			var same []*peer
			for _, p := range peers {
				if p.woman == t.womenPeers {
					same = append(same, p)
				}
			}
			if len(same) > 0 {
				pool, turn = same, new(int)
			}
		}
		for range min(t.peers, len(pool)) {
			g.leads = append(g.leads, lead{peer: pool[*turn%len(pool)]})
			*turn++
		}
		for _, role := range t.staff {
			if u := s.staffFor(role); u != nil {
				g.leads = append(g.leads, lead{user: u})
			}
		}
		s.groupByKey[t.key] = g
	}
	for _, h := range s.houses {
		// The weekly meeting, and a short chore check-in midweek.
		slots := []slotSpec{h.meetingSlot, {day: 4, start: "20:30", minutes: 30}}
		g := s.newGroup(h.row.Name+" house meeting", domain.GroupHouseMeeting, domain.ModalityInPerson,
			"The weekly meeting of the residents: house business, chores, meeting quotas and support.",
			h.row.Address, slots, houseMeetingTopics, h.row)
		if h.row.ManagerUserID != nil {
			g.leads = append(g.leads, lead{user: h.row.ManagerUserID})
		} else if len(peers) > 0 {
			g.leads = append(g.leads, lead{peer: peers[d.IntN(len(peers))]})
		}
		h.meeting = g
	}
	for _, g := range s.groups {
		for _, l := range g.leads {
			f := facilitatorRow{GroupFacilitator: &domain.GroupFacilitator{UserID: l.user}, group: g.row}
			if l.peer != nil {
				f.peer = l.peer.row
			}
			s.b.rows.facilitators = append(s.b.rows.facilitators, f)
		}
	}
}

func (s *site) newGroup(name string, kind domain.GroupKind, modality domain.Modality, description, location string,
	slots []slotSpec, topics []string, h *domain.House) *group {
	row := &domain.Group{Name: name, Kind: kind, Description: description, Modality: modality, Location: location,
		TimeZone: s.b.zone, Active: true, CreatedAt: s.opened, UpdatedAt: s.opened}
	g := &group{index: len(s.groups), row: row, slots: slots, topics: topics}
	s.groups = append(s.groups, g)
	s.b.rows.groups = append(s.b.rows.groups, groupRow{Group: row, house: h})
	for _, sl := range slots {
		s.b.rows.slots = append(s.b.rows.slots, slotRow{GroupScheduleSlot: &domain.GroupScheduleSlot{
			DayOfWeek: sl.day, StartTime: sl.start, DurationMinutes: sl.minutes}, group: row})
	}
	return g
}

func (s *site) staffFor(role string) *int64 {
	switch role {
	case leadClinician:
		return s.b.staff.clinician
	case leadCaseManager:
		return s.b.staff.caseManager
	case leadPeer:
		return s.b.staff.peer
	}
	return nil
}

// location is where a template's group meets at this site.
func (s *site) location(t groupTemplate) string {
	campus := "Harborview Recovery Center, 1200 NE Broadway, Portland"
	if s.campus != "" {
		campus = s.campus + " Recovery Center"
	}
	switch t.modality {
	case domain.ModalityVirtual:
		return "Zoom (the link is in the member portal)"
	case domain.ModalityHybrid:
		return campus + ", " + t.room + ", and on Zoom"
	default:
		return campus + ", " + t.room
	}
}

// membershipKey is a member in a group; their spans there are merged, so
// one meeting never gets two records for a member.
type membershipKey struct {
	group *group
	j     *journey
}

// membershipSpan is a stretch in a group and how reliably the member came.
type membershipSpan struct {
	start, end time.Time
	engagement float64
}

// addMembership records that j belonged to g over [start, end).
func (s *site) addMembership(g *group, j *journey, start, end time.Time, engagement float64) {
	if g == nil || !end.After(start) || !start.Before(s.b.now) {
		return
	}
	k := membershipKey{group: g, j: j}
	if _, ok := s.memberships[k]; !ok {
		s.membershipOrder = append(s.membershipOrder, k)
	}
	s.memberships[k] = append(s.memberships[k], membershipSpan{start: start, end: end, engagement: engagement})
}

// careMemberships enrols members in the groups of their level of care:
// the program's therapy groups, the peer groups, and the family group.
func (s *site) careMemberships(d dice) {
	g := s.groupByKey
	for _, j := range s.members {
		for _, st := range j.stays {
			for _, sp := range st.spans {
				join := func(key string, p, engagement float64) {
					if d.chance(p) {
						s.addMembership(g[key], j, sp.start, sp.end, engagement*(0.85+0.15*d.Float64()))
					}
				}
				switch sp.level {
				case levelResidential:
					join("peer-voices", 0.85, 0.9)
					join("family", 0.3, 0.75)
					// The campus 12-Step meeting welcomes residents.
					join("twelve-step", 0.4, 0.7)
				case levelPHP:
					join("php", 1, 0.95)
					join("php-skills", 1, 0.9)
					join("peer-circle", 0.85, 0.85)
					join("family", 0.3, 0.75)
				case levelIOP:
					// The day track goes to the lunchtime circle, the
					// evening track (people at work) to the evening one.
					track, circle := "iop-evening", "peer-evening"
					if d.chance(0.5) {
						track, circle = "iop-day", "peer-circle"
					}
					join(track, 1, 0.92)
					join(circle, 0.6, 0.75)
					join("family", 0.3, 0.75)
				case levelVirtualIOP:
					join("viop", 1, 0.9)
					join("family", 0.2, 0.7)
				case levelOutpatient:
					join("outpatient", 0.9, 0.85)
					join("peer-evening", 0.6, 0.7)
				case levelContinuingCare:
					join("outpatient", 0.25, 0.75)
					join("peer-evening", 0.4, 0.7)
				}
				switch {
				case rungOf(sp.level) < rungPHP:
				case j.gender == genderWoman:
					join("women", 0.5, 0.7)
				case j.gender == genderMan:
					join("men", 0.5, 0.7)
				}
			}
		}
	}
}

// Meetings run from meetingsBack ago to meetingsAhead from today.
const (
	meetingsBack  = 182 * day
	meetingsAhead = 14 * day
)

// makeMeetings materialises every group's schedule over the meeting window,
// in the group's time zone, then writes the memberships and the attendance
// of every meeting that has ended.
func (s *site) makeMeetings(d dice) {
	b := s.b
	first := b.today.Add(-meetingsBack)
	last := b.today.Add(meetingsAhead)
	for _, g := range s.groups {
		week := 0
		for date := first; !date.After(last); date = date.AddDate(0, 0, 1) {
			weekday := int(date.Weekday())
			if weekday == 0 {
				weekday = 7
				week++
			}
			for k, sl := range g.slots {
				if sl.day != weekday {
					continue
				}
				hh, _ := strconv.Atoi(sl.start[:2])
				mm, _ := strconv.Atoi(sl.start[3:])
				starts := time.Date(date.Year(), date.Month(), date.Day(), hh, mm, 0, 0, b.groupLoc)
				m := &domain.Meeting{StartsAt: starts, EndsAt: starts.Add(time.Duration(sl.minutes) * time.Minute),
					Topic: pickOne(d, g.topics), CreatedAt: minTime(starts.Add(-meetingsAhead), b.now)}
				row := meetingRow{Meeting: m, group: g.row}
				var l lead
				if len(g.leads) > 0 {
					l = g.leads[(week+k)%len(g.leads)]
					if l.peer != nil {
						row.peer = l.peer.row
					} else {
						m.FacilitatorUserID = l.user
					}
				}
				g.meetings = append(g.meetings, m)
				g.leadOf = append(g.leadOf, l)
				b.rows.meetings = append(b.rows.meetings, row)
			}
		}
	}
	for _, k := range s.membershipOrder {
		spans := mergeSpans(s.memberships[k])
		for _, sp := range spans {
			gm := &domain.GroupMembership{MemberID: k.j.id, JoinedAt: sp.start, LeftAt: endOrNil(sp.end),
				RecordedByUserID: b.staff.caseManager}
			b.rows.memberships = append(b.rows.memberships, membershipRow{GroupMembership: gm, group: k.group.row})
			s.attend(k.group, k.j, sp)
		}
	}
}

// attend records j's attendance at every ended meeting of g within sp.
func (s *site) attend(g *group, j *journey, sp membershipSpan) {
	b := s.b
	i := sort.Search(len(g.meetings), func(i int) bool { return !g.meetings[i].StartsAt.Before(sp.start) })
	for ; i < len(g.meetings); i++ {
		m := g.meetings[i]
		if !m.StartsAt.Before(sp.end) || m.EndsAt.After(b.now) {
			break
		}
		u := mix(b.seed, uint64(s.index), uint64(g.index), uint64(i), uint64(j.index), 1)
		v := mix(b.seed, uint64(s.index), uint64(g.index), uint64(i), uint64(j.index), 2)
		var status domain.AttendanceStatus
		switch {
		case u < sp.engagement && v < 0.9:
			status = domain.AttendancePresent
		case u < sp.engagement:
			status = domain.AttendanceLate
		case v < 0.4:
			status = domain.AttendanceExcused
		default:
			status = domain.AttendanceAbsent
		}
		by := b.staff.caseManager
		switch l := g.leadOf[i]; {
		case l.user != nil:
			by = l.user
		case l.peer != nil && l.peer.row.UserID != nil:
			by = l.peer.row.UserID
		}
		b.rows.attendance = append(b.rows.attendance, attendanceRow{meeting: m, memberID: j.id, status: status,
			recordedBy: by, recordedAt: minTime(m.EndsAt.Add(10*time.Minute), b.now)})
	}
}

// mergeSpans joins overlapping or touching spans, keeping the first's engagement.
func mergeSpans(spans []membershipSpan) []membershipSpan {
	slices.SortStableFunc(spans, func(a, b membershipSpan) int { return a.start.Compare(b.start) })
	var out []membershipSpan
	for _, sp := range spans {
		if n := len(out); n > 0 && !sp.start.After(out[n-1].end) {
			out[n-1].end = maxTime(out[n-1].end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// groupsOfKind are the site's groups of a kind, in template order.
func (s *site) groupsOfKind(kind domain.GroupKind) []*group {
	var out []*group
	for _, g := range s.groups {
		if g.row.Kind == kind {
			out = append(out, g)
		}
	}
	return out
}
