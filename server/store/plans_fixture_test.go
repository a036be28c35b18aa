package store_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// The groups, houses and peers areas are built in parallel, so these
// fixtures write their rows with plain SQL.

func plansInsertID(t *testing.T, st *store.Store, query string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := st.DB().QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return id
}

func plansGroup(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	return plansInsertID(t, st, `INSERT INTO groups (name, kind, modality, time_zone) VALUES (?, 'MUTUAL_SUPPORT', 'IN_PERSON', 'UTC')`, name)
}

func plansHouse(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	return plansInsertID(t, st, `INSERT INTO houses (name, capacity, gender_designation, narr_level) VALUES (?, 6, 'CO_ED', 'II')`, name)
}

func plansPeer(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	return plansInsertID(t, st, `INSERT INTO peers (name, caseload_limit) VALUES (?, 10)`, name)
}

func plansMeeting(t *testing.T, st *store.Store, groupID int64, startsAt time.Time) int64 {
	t.Helper()
	return plansInsertID(t, st, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, ?, ?)`,
		groupID, startsAt, startsAt.Add(time.Hour))
}

func plansAttend(t *testing.T, st *store.Store, meetingID, memberID int64, status string) {
	t.Helper()
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO attendance_records (meeting_id, member_id, status) VALUES (?, ?, ?)`,
		meetingID, memberID, status); err != nil {
		t.Fatal(err)
	}
}

// plansDate is a calendar date as the store holds it: midnight UTC.
func plansDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func plansNew(t *testing.T, st *store.Store, by, memberID int64, startsOn time.Time) *domain.AftercarePlan {
	t.Helper()
	p, err := st.CreateAftercarePlan(ctx, by, store.CreatePlanInput{MemberID: memberID, StartsOn: startsOn, ReviewOn: startsOn.AddDate(0, 3, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func plansActive(t *testing.T, st *store.Store, by, memberID int64, startsOn time.Time) *domain.AftercarePlan {
	t.Helper()
	p, err := st.ActivateAftercarePlan(ctx, by, plansNew(t, st, by, memberID, startsOn).ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// plansUpdates lists the bodies of a member's journey updates.
func plansUpdates(t *testing.T, st *store.Store, memberID int64) []domain.Update {
	t.Helper()
	var rows []domain.Update
	if err := st.DB().NewSelect().Model(&rows).Where("member_id = ?", memberID).Order("id").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return rows
}
