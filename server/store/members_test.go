package store_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func dateOnly(t time.Time) string { return t.Format(time.DateOnly) }

func TestCreateMember(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	dob := time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC)
	active := domain.MemberActive
	m, err := st.CreateMember(ctx, by, domain.MemberFields{FirstName: ptr("  Dee "), LastName: ptr("Nguyen"),
		PreferredName: ptr("D"), DateOfBirth: &dob, RecoveryStartDate: ptr(clock.AddDate(0, -3, 0)),
		Status: &active}) // a new member is always pre-admission, whatever is asked
	if err != nil {
		t.Fatal(err)
	}
	got := loadMember(t, st, m.ID)
	if got.FirstName != "Dee" || got.Status != domain.MemberPreadmission || got.PreferredName == nil || *got.PreferredName != "D" ||
		dateOnly(*got.DateOfBirth) != "1990-05-01" || dateOnly(*got.RecoveryStartDate) != "2025-03-15" {
		t.Fatalf("stored member = %+v", got)
	}
	hist, err := st.RecoveryHistoryPagesByMemberID(ctx, []int64{m.ID}, store.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if h := hist[m.ID].Items; len(h) != 1 || dateOnly(h[0].StartDate) != "2025-03-15" || h[0].RecordedByUserID == nil || *h[0].RecordedByUserID != by {
		t.Fatalf("history = %+v", h)
	}

	// Refused registrations write nothing.
	for _, tt := range []struct {
		name   string
		fields domain.MemberFields
		code   domain.Code
		field  string
	}{
		{"no last name", domain.MemberFields{FirstName: ptr("A")}, domain.CodeInvalidInput, "lastName"},
		{"blank first name", domain.MemberFields{FirstName: ptr(" "), LastName: ptr("B")}, domain.CodeInvalidInput, "firstName"},
		{"future birth", domain.MemberFields{FirstName: ptr("A"), LastName: ptr("B"), DateOfBirth: ptr(clock.AddDate(0, 0, 2))}, domain.CodeInvalidInput, "bornOn"},
		{"future recovery", domain.MemberFields{FirstName: ptr("A"), LastName: ptr("B"), RecoveryStartDate: ptr(clock.AddDate(0, 0, 2))}, domain.CodeInFuture, "recoveryStartedOn"},
		{"recovery before birth", domain.MemberFields{FirstName: ptr("A"), LastName: ptr("B"), DateOfBirth: &dob, RecoveryStartDate: ptr(dob.AddDate(0, 0, -1))}, domain.CodeInvalidInput, "recoveryStartedOn"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := st.CountMembers(ctx, store.MemberFilter{})
			_, err := st.CreateMember(ctx, by, tt.fields)
			wantCode(t, err, tt.code, tt.field)
			if after, _ := st.CountMembers(ctx, store.MemberFilter{}); after != before {
				t.Fatalf("members %d -> %d", before, after)
			}
		})
	}
}

func TestResetRecoveryStartDate(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	dob := time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC)
	first := time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)
	m, err := st.CreateMember(ctx, by, domain.MemberFields{FirstName: ptr("Eli"), LastName: ptr("Reset"), DateOfBirth: &dob, RecoveryStartDate: &first})
	if err != nil {
		t.Fatal(err)
	}
	history := func(t *testing.T) []*domain.RecoveryStartDateChange {
		t.Helper()
		h, err := st.RecoveryHistoryPagesByMemberID(ctx, []int64{m.ID}, store.PageRequest{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		return h[m.ID].Items
	}

	second := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	got, err := st.ResetRecoveryStartDate(ctx, by, m.ID, second, "  relapse in April ")
	if err != nil {
		t.Fatal(err)
	}
	if dateOnly(*got.RecoveryStartDate) != "2025-05-01" || dateOnly(*loadMember(t, st, m.ID).RecoveryStartDate) != "2025-05-01" {
		t.Fatalf("recovery start date = %v", got.RecoveryStartDate)
	}
	h := history(t)
	if len(h) != 2 {
		t.Fatalf("history has %d rows, want 2", len(h))
	}
	// Oldest first: the registration, then the reset with its reason.
	if dateOnly(h[0].StartDate) != "2024-01-10" || dateOnly(h[1].StartDate) != "2025-05-01" || h[1].Reason != "relapse in April" {
		t.Errorf("history = %s %q, %s %q", dateOnly(h[0].StartDate), h[0].Reason, dateOnly(h[1].StartDate), h[1].Reason)
	}
	if h[0].RecordedAt.After(h[1].RecordedAt) || h[1].RecordedByUserID == nil || *h[1].RecordedByUserID != by {
		t.Errorf("history order or author wrong: %+v %+v", h[0], h[1])
	}

	// Refused resets leave the date and the history alone.
	for _, tt := range []struct {
		name   string
		id     int64
		date   time.Time
		reason string
		code   domain.Code
		field  string
	}{
		{"blank reason", m.ID, second.AddDate(0, 0, 1), "   ", domain.CodeInvalidInput, "reason"},
		{"future date", m.ID, clock.AddDate(0, 0, 1), "typo", domain.CodeInFuture, "recoveryStartedOn"},
		{"before birth", m.ID, dob.AddDate(0, 0, -1), "typo", domain.CodeInvalidInput, "recoveryStartedOn"},
		{"unknown member", m.ID + 100, second, "typo", domain.CodeNotFound, "memberId"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.ResetRecoveryStartDate(ctx, by, tt.id, tt.date, tt.reason)
			wantCode(t, err, tt.code, tt.field)
			if n := len(history(t)); n != 2 {
				t.Fatalf("history has %d rows after a refused reset", n)
			}
			if d := dateOnly(*loadMember(t, st, m.ID).RecoveryStartDate); d != "2025-05-01" {
				t.Fatalf("recovery start date changed to %s", d)
			}
		})
	}

	// Today is allowed (the provider's calendar date from the store clock).
	if _, err := st.ResetRecoveryStartDate(ctx, by, m.ID, st.Today(), "relapse yesterday"); err != nil {
		t.Fatal(err)
	}
	if n := len(history(t)); n != 3 {
		t.Fatalf("history has %d rows, want 3", n)
	}
}

func TestUpdateMember(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m, err := st.CreateMember(ctx, by, domain.MemberFields{FirstName: ptr("Fay"), LastName: ptr("Update"), PreferredName: ptr("Fa"),
		RecoveryStartDate: ptr(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	status := func(s domain.MemberStatus) *domain.MemberStatus { return &s }
	update := func(f domain.MemberFields) (*domain.Member, error) { return st.UpdateMember(ctx, m.ID, f) }
	refusedUpdate := func(t *testing.T, f domain.MemberFields, code domain.Code, field string) {
		t.Helper()
		before := loadMember(t, st, m.ID)
		_, err := update(f)
		wantCode(t, err, code, field)
		after := loadMember(t, st, m.ID)
		if after.Status != before.Status || after.FirstName != before.FirstName || !after.UpdatedAt.Equal(before.UpdatedAt) {
			t.Fatalf("refused update changed the member: %+v -> %+v", before, after)
		}
	}

	t.Run("preadmission to alumni", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{Status: status(domain.MemberAlumni)}, domain.CodeInvalidInput, "status")
	})
	mustAdmit(t, st, by, m.ID, "IOP", days(-20))
	t.Run("active to alumni", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{Status: status(domain.MemberAlumni)}, domain.CodeInvalidInput, "status")
	})
	t.Run("active to discharged by hand", func(t *testing.T) {
		// Discharges go through DischargeMember, which closes the episode.
		refusedUpdate(t, domain.MemberFields{Status: status(domain.MemberDischarged)}, domain.CodeInvalidInput, "status")
	})
	t.Run("blank last name", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{LastName: ptr(" ")}, domain.CodeInvalidInput, "lastName")
	})
	t.Run("future birth", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{DateOfBirth: ptr(clock.AddDate(0, 1, 0))}, domain.CodeInvalidInput, "bornOn")
	})
	t.Run("unknown member", func(t *testing.T) {
		_, err := st.UpdateMember(ctx, m.ID+100, domain.MemberFields{FirstName: ptr("X")})
		wantCode(t, err, domain.CodeNotFound, "memberId")
	})

	// Same status and other fields: allowed; the recovery date is not
	// changed here (it has its own history), whatever is passed.
	got, err := update(domain.MemberFields{Status: status(domain.MemberActive), FirstName: ptr("Faye"),
		RecoveryStartDate: ptr(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	stored := loadMember(t, st, m.ID)
	if got.FirstName != "Faye" || stored.FirstName != "Faye" || stored.Status != domain.MemberActive {
		t.Fatalf("update = %+v, stored %+v", got, stored)
	}
	if dateOnly(*stored.RecoveryStartDate) != "2024-01-01" {
		t.Errorf("UpdateMember changed the recovery start date to %s", dateOnly(*stored.RecoveryStartDate))
	}

	// An empty preferred name clears it (NULL in the table).
	if _, err := update(domain.MemberFields{PreferredName: ptr("")}); err != nil {
		t.Fatal(err)
	}
	if p := loadMember(t, st, m.ID).PreferredName; p != nil {
		t.Errorf("preferred name not cleared: %q", *p)
	}
	var isNull bool
	if err := st.DB().NewRaw("SELECT preferred_name IS NULL FROM members WHERE id = ?", m.ID).Scan(ctx, &isNull); err != nil || !isNull {
		t.Errorf("preferred_name IS NULL = %v, %v", isNull, err)
	}

	// Discharged members may be marked alumni, and back.
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-1), Reason: "completed"}); err != nil {
		t.Fatal(err)
	}
	for _, to := range []domain.MemberStatus{domain.MemberAlumni, domain.MemberDischarged, domain.MemberAlumni} {
		got, err := update(domain.MemberFields{Status: status(to)})
		if err != nil {
			t.Fatalf("-> %s: %v", to, err)
		}
		if got.Status != to || loadMember(t, st, m.ID).Status != to {
			t.Fatalf("status = %s, want %s", got.Status, to)
		}
	}
	t.Run("alumni to active by hand", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{Status: status(domain.MemberActive)}, domain.CodeInvalidInput, "status")
	})
	t.Run("alumni to preadmission", func(t *testing.T) {
		refusedUpdate(t, domain.MemberFields{Status: status(domain.MemberPreadmission)}, domain.CodeInvalidInput, "status")
	})
	if n := len(strings.TrimSpace(loadMember(t, st, m.ID).DisplayName())); n == 0 {
		t.Error("empty display name")
	}
}
