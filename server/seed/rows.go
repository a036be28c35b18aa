package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// graphRows are the rows of the recovery graph. Children point at their
// parents' structs because the database assigns the ids: parents are
// inserted first, and each child reads its parents' ids as it is written.
type graphRows struct {
	houses        []*domain.House
	residencies   []residencyRow
	peers         []*domain.Peer
	assignments   []assignmentRow
	conversations []conversationRow
	groups        []groupRow
	slots         []slotRow
	facilitators  []facilitatorRow
	memberships   []membershipRow
	meetings      []meetingRow
	attendance    []attendanceRow
	plans         []*domain.AftercarePlan
	goals         []goalRow
	commitments   []commitmentRow
	checkIns      []checkInRow
	assessments   []*domain.RecoveryCapitalAssessment
	updates       []*domain.Update
}

type residencyRow struct {
	*domain.Residency
	house *domain.House
}

type assignmentRow struct {
	*domain.PeerAssignment
	peer *domain.Peer
}

type conversationRow struct {
	*domain.PeerConversation
	peer *domain.Peer
}

// groupRow is a group, with its house for a house meeting.
type groupRow struct {
	*domain.Group
	house *domain.House
}

type slotRow struct {
	*domain.GroupScheduleSlot
	group *domain.Group
}

type facilitatorRow struct {
	*domain.GroupFacilitator
	group *domain.Group
	peer  *domain.Peer // nil for a staff user
}

type membershipRow struct {
	*domain.GroupMembership
	group *domain.Group
}

type meetingRow struct {
	*domain.Meeting
	group *domain.Group
	peer  *domain.Peer // the facilitating peer, if a peer leads it
}

// attendanceRow is kept small and copied rather than inserted: there are
// about a hundred per member.
type attendanceRow struct {
	meeting    *domain.Meeting
	memberID   int64
	status     domain.AttendanceStatus
	recordedBy *int64
	recordedAt time.Time
}

type goalRow struct {
	*domain.AftercareGoal
	plan *domain.AftercarePlan
}

type commitmentRow struct {
	*domain.AftercareCommitment
	plan  *domain.AftercarePlan
	group *domain.Group
	house *domain.House
	peer  *domain.Peer
}

type checkInRow struct {
	*domain.CheckIn
	plan *domain.AftercarePlan
}

// GraphCounts are how many rows of the recovery graph a load wrote.
type GraphCounts struct {
	Houses, Residencies, Peers, PeerAssignments, Groups, Meetings, Attendance,
	AftercarePlans, CheckIns, Updates int
}

func (r *graphRows) counts() GraphCounts {
	return GraphCounts{Houses: len(r.houses), Residencies: len(r.residencies), Peers: len(r.peers),
		PeerAssignments: len(r.assignments), Groups: len(r.groups), Meetings: len(r.meetings),
		Attendance: len(r.attendance), AftercarePlans: len(r.plans), CheckIns: len(r.checkIns),
		Updates: len(r.updates)}
}

// insert writes every row inside tx, which runs on conn so that tables
// can be copied in within the same transaction. Parents whose ids children
// need are inserted and read back; everything else is copied, several
// times faster than INSERT for the million rows of a large load.
func (r *graphRows) insert(ctx context.Context, conn bun.Conn, tx bun.Tx) error {
	steps := []struct {
		what string
		run  func() error
	}{
		{"houses", func() error { return insertBatches(ctx, tx, r.houses, "", "id") }},
		{"peers", func() error { return insertBatches(ctx, tx, r.peers, "", "id") }},
		{"groups", func() error {
			return insertBatches(ctx, tx, resolved(r.groups, func(x groupRow) *domain.Group {
				if x.house != nil {
					x.HouseID = &x.house.ID
				}
				return x.Group
			}), "", "id")
		}},
		{"aftercare plans", func() error { return insertBatches(ctx, tx, r.plans, "", "id") }},
		{"residencies", func() error { return r.copyResidencies(ctx, conn) }},
		{"peer assignments", func() error { return r.copyAssignments(ctx, conn) }},
		{"peer conversations", func() error { return r.copyConversations(ctx, conn) }},
		{"group schedules", func() error { return r.copySlots(ctx, conn) }},
		{"group facilitators", func() error { return r.copyFacilitators(ctx, conn) }},
		{"group memberships", func() error { return r.copyMemberships(ctx, conn) }},
		{"meetings", func() error { return r.copyMeetings(ctx, conn, tx) }},
		{"attendance", func() error { return r.copyAttendance(ctx, conn) }},
		{"aftercare goals", func() error { return r.copyGoals(ctx, conn) }},
		{"aftercare commitments", func() error { return r.copyCommitments(ctx, conn) }},
		{"check-ins", func() error { return r.copyCheckIns(ctx, conn) }},
		{"recovery capital", func() error { return r.copyAssessments(ctx, conn) }},
		{"updates", func() error { return copyUpdates(ctx, conn, r.updates) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("seed: insert %s: %w", s.what, err)
		}
	}
	return nil
}

// resolved copies the parents' ids into each row and returns the rows.
func resolved[W any, T any](rows []W, fill func(W) *T) []*T {
	out := make([]*T, len(rows))
	for i, w := range rows {
		out[i] = fill(w)
	}
	return out
}
