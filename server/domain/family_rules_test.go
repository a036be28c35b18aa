package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestNewFamilyContact(t *testing.T) {
	tests := []struct {
		name, contact, relationship, email string
		code                               domain.Code
		field                              string
	}{
		{"valid", " Elena Marsh ", "Mother", " Elena.Marsh@Example.org ", "", ""},
		{"no name", " ", "Mother", "e@example.org", domain.CodeInvalidInput, "name"},
		{"no relationship", "Elena", "", "e@example.org", domain.CodeInvalidInput, "relationship"},
		{"bad email", "Elena", "Mother", "not an address", domain.CodeInvalidInput, "email"},
		{"name too long", string(make([]rune, 201)), "Mother", "e@example.org", domain.CodeInvalidInput, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := domain.NewFamilyContact(4, tt.contact, tt.relationship, tt.email)
			wantErr(t, err, tt.code, tt.field)
			if err == nil && (c.MemberID != 4 || c.Name != "Elena Marsh" || c.Email != "elena.marsh@example.org" || c.Relationship != "Mother") {
				t.Errorf("contact %+v", c)
			}
		})
	}
}

func TestCheckInvitation(t *testing.T) {
	used := now.Add(-time.Hour)
	tests := []struct {
		name string
		inv  *domain.FamilyInvitation
		code domain.Code
	}{
		{"open", &domain.FamilyInvitation{ExpiresAt: now.Add(time.Hour)}, ""},
		{"unknown", nil, domain.CodeInvitationInvalid},
		{"used", &domain.FamilyInvitation{ExpiresAt: now.Add(time.Hour), AcceptedAt: &used}, domain.CodeInvitationInvalid},
		{"expired", &domain.FamilyInvitation{ExpiresAt: now.Add(-time.Second)}, domain.CodeInvitationInvalid},
		{"at expiry", &domain.FamilyInvitation{ExpiresAt: now}, domain.CodeInvitationInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			field := ""
			if tt.code != "" {
				field = "token"
			}
			wantErr(t, domain.CheckInvitation(tt.inv, now), tt.code, field)
		})
	}
}

func TestCheckInviteContact(t *testing.T) {
	wantErr(t, domain.CheckInviteContact(&domain.FamilyContact{}), "", "")
	wantErr(t, domain.CheckInviteContact(&domain.FamilyContact{UserID: ptr(int64(3))}), domain.CodeHasAccount, "familyContactId")
}

func TestCheckLinkAccount(t *testing.T) {
	family := &domain.User{Role: domain.RoleFamily, Active: true}
	tests := []struct {
		name  string
		user  *domain.User
		match bool
		code  domain.Code
		field string
	}{
		{"family account, its password", family, true, "", ""},
		{"family account, wrong password", family, false, domain.CodeHasAccount, "password"},
		{"deactivated family account", &domain.User{Role: domain.RoleFamily}, true, domain.CodeHasAccount, "token"},
		{"staff account", &domain.User{Role: domain.RoleClinician, Active: true}, true, domain.CodeDuplicate, "token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckLinkAccount(tt.user, tt.match), tt.code, tt.field)
		})
	}
}

func TestCheckFamilyAttendance(t *testing.T) {
	family := &domain.Group{Kind: domain.GroupFamily}
	started, ahead := now.Add(-time.Hour), now.Add(time.Hour)
	line := func(id int64, s domain.AttendanceStatus) domain.FamilyAttendanceEntry {
		return domain.FamilyAttendanceEntry{FamilyContactID: id, Status: s}
	}
	tests := []struct {
		name     string
		group    *domain.Group
		entries  []domain.FamilyAttendanceEntry
		startsAt time.Time
		code     domain.Code
		field    []string
	}{
		{"present", family, []domain.FamilyAttendanceEntry{line(1, domain.AttendancePresent), line(2, domain.AttendanceAbsent)}, started, "", nil},
		{"not a family group", &domain.Group{Kind: domain.GroupAftercare}, []domain.FamilyAttendanceEntry{line(1, domain.AttendancePresent)}, started, domain.CodeInvalidInput, []string{"input", "meetingId"}},
		{"no lines", family, nil, started, domain.CodeInvalidInput, []string{"input", "entries"}},
		{"twice", family, []domain.FamilyAttendanceEntry{line(1, domain.AttendancePresent), line(1, domain.AttendanceLate)}, started, domain.CodeInvalidInput, []string{"input", "entries", "1", "familyContactId"}},
		{"not started", family, []domain.FamilyAttendanceEntry{line(1, domain.AttendancePresent)}, ahead, domain.CodeMeetingNotStarted, []string{"input", "entries", "0", "status"}},
		{"excused ahead", family, []domain.FamilyAttendanceEntry{line(1, domain.AttendanceExcused)}, ahead, "", nil},
		{"unknown status", family, []domain.FamilyAttendanceEntry{line(1, "MAYBE")}, started, domain.CodeInvalidInput, []string{"input", "entries", "0", "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckFamilyAttendance(tt.group, tt.entries, tt.startsAt, now)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e := domain.AsError(err)
			if e == nil {
				t.Fatalf("error %v, want %s", err, tt.code)
			}
			if e.Code != tt.code || !slices.Equal(e.Field, tt.field) {
				t.Fatalf("error %v (field %v), want %s at %v", err, e.Field, tt.code, tt.field)
			}
		})
	}
}
