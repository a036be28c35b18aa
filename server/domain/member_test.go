package domain_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

var today = date(2025, 6, 15)

func TestMemberFieldsApplyNewMember(t *testing.T) {
	long := strings.Repeat("é", 101) // 101 runes, 202 bytes
	maxName := strings.Repeat("é", 100)
	tests := []struct {
		name   string
		fields domain.MemberFields
		code   domain.Code
		field  string
	}{
		{"both names", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez")}, "", ""},
		{"no names", domain.MemberFields{}, domain.CodeInvalidInput, "firstName"},
		{"no last name", domain.MemberFields{FirstName: ptr("Ana")}, domain.CodeInvalidInput, "lastName"},
		{"no first name", domain.MemberFields{LastName: ptr("Lopez")}, domain.CodeInvalidInput, "firstName"},
		{"blank first name", domain.MemberFields{FirstName: ptr(" \t "), LastName: ptr("Lopez")}, domain.CodeInvalidInput, "firstName"},
		{"blank last name", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("   ")}, domain.CodeInvalidInput, "lastName"},
		{"100-rune names", domain.MemberFields{FirstName: ptr(maxName), LastName: ptr(maxName)}, "", ""},
		{"first name too long", domain.MemberFields{FirstName: ptr(long), LastName: ptr("Lopez")}, domain.CodeInvalidInput, "firstName"},
		{"last name too long", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr(long)}, domain.CodeInvalidInput, "lastName"},
		{"preferred name too long", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), PreferredName: ptr(long)}, domain.CodeInvalidInput, "preferredName"},
		{"DOB today", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), DateOfBirth: ptr(today)}, "", ""},
		{"DOB tomorrow", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), DateOfBirth: ptr(today.AddDate(0, 0, 1))}, domain.CodeInvalidInput, "bornOn"},
		{"DOB 120 years ago", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), DateOfBirth: ptr(today.AddDate(-120, 0, 0))}, "", ""},
		{"DOB over 120 years ago", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), DateOfBirth: ptr(today.AddDate(-120, 0, -1))}, domain.CodeInvalidInput, "bornOn"},
		{"recovery today", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), RecoveryStartDate: ptr(today)}, "", ""},
		{"recovery in the future", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"), RecoveryStartDate: ptr(today.AddDate(0, 0, 1))}, domain.CodeInFuture, "recoveryStartedOn"},
		// The date of birth given in the same call is the one checked against.
		{"recovery before DOB", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"),
			DateOfBirth: ptr(date(1990, 5, 1)), RecoveryStartDate: ptr(date(1990, 4, 30))}, domain.CodeInvalidInput, "recoveryStartedOn"},
		{"recovery on DOB", domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Lopez"),
			DateOfBirth: ptr(date(1990, 5, 1)), RecoveryStartDate: ptr(date(1990, 5, 1))}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &domain.Member{Status: domain.MemberPreadmission}
			wantErr(t, tt.fields.Apply(m, today), tt.code, tt.field)
		})
	}
}

func TestMemberFieldsApplyWritesFields(t *testing.T) {
	m := &domain.Member{Status: domain.MemberPreadmission}
	dob := date(1990, 5, 1)
	rsd := date(2024, 1, 2)
	f := domain.MemberFields{
		FirstName: ptr("  Ana  "), LastName: ptr(" Lopez"), PreferredName: ptr("  Annie "),
		DateOfBirth: &dob, RecoveryStartDate: &rsd,
	}
	if err := f.Apply(m, today); err != nil {
		t.Fatal(err)
	}
	if m.FirstName != "Ana" || m.LastName != "Lopez" || m.PreferredName == nil || *m.PreferredName != "Annie" {
		t.Errorf("names not trimmed: %q %q %v", m.FirstName, m.LastName, m.PreferredName)
	}
	if m.DisplayName() != "Annie Lopez" {
		t.Errorf("DisplayName = %q", m.DisplayName())
	}
	if !m.DateOfBirth.Equal(dob) || !m.RecoveryStartDate.Equal(rsd) {
		t.Errorf("dates = %v %v", m.DateOfBirth, m.RecoveryStartDate)
	}
	// The member keeps its own copies: changing the inputs later changes nothing.
	dob, rsd = dob.AddDate(1, 0, 0), rsd.AddDate(1, 0, 0)
	if m.DateOfBirth.Equal(dob) || m.RecoveryStartDate.Equal(rsd) {
		t.Error("member aliases the caller's dates")
	}

	// nil fields leave the member as it is.
	before := *m
	if err := (domain.MemberFields{}).Apply(m, today); err != nil {
		t.Fatal(err)
	}
	if m.FirstName != before.FirstName || m.PreferredName != before.PreferredName || m.DateOfBirth != before.DateOfBirth {
		t.Error("empty MemberFields changed the member")
	}

	// An empty (or blank) preferred name clears it.
	for _, blank := range []string{"", "   "} {
		m.PreferredName = ptr("Annie")
		if err := (domain.MemberFields{PreferredName: ptr(blank)}).Apply(m, today); err != nil {
			t.Fatal(err)
		}
		if m.PreferredName != nil {
			t.Errorf("preferred name %q did not clear: %q", blank, *m.PreferredName)
		}
		if m.DisplayName() != "Ana Lopez" {
			t.Errorf("DisplayName = %q", m.DisplayName())
		}
	}
}

// An update checks a new recovery date against the date of birth the member
// already has.
func TestMemberFieldsApplyRecoveryAgainstStoredDOB(t *testing.T) {
	dob := date(2000, 1, 1)
	m := &domain.Member{FirstName: "Ana", LastName: "Lopez", Status: domain.MemberActive, DateOfBirth: &dob}
	err := domain.MemberFields{RecoveryStartDate: ptr(date(1999, 12, 31))}.Apply(m, today)
	wantErr(t, err, domain.CodeInvalidInput, "recoveryStartedOn")
	if m.RecoveryStartDate != nil {
		t.Error("refused recovery date was written")
	}
}

func TestValidateRecoveryStartDate(t *testing.T) {
	dob := date(1990, 5, 1)
	tests := []struct {
		name string
		d    time.Time
		dob  *time.Time
		code domain.Code
	}{
		{"today", today, &dob, ""},
		{"yesterday without DOB", today.AddDate(0, 0, -1), nil, ""},
		{"tomorrow", today.AddDate(0, 0, 1), &dob, domain.CodeInFuture},
		{"before birth", dob.AddDate(0, 0, -1), &dob, domain.CodeInvalidInput},
		{"on birth", dob, &dob, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			field := ""
			if tt.code != "" {
				field = "recoveryStartedOn"
			}
			wantErr(t, domain.ValidateRecoveryStartDate("recoveryStartedOn", tt.d, tt.dob, today), tt.code, field)
		})
	}
}

// Status follows admissions and discharges; staff may only move a
// discharged member to alumni and back. Every pair of statuses is checked.
func TestMemberFieldsApplyStatusChanges(t *testing.T) {
	statuses := []domain.MemberStatus{domain.MemberPreadmission, domain.MemberActive, domain.MemberDischarged, domain.MemberAlumni}
	allowed := map[[2]domain.MemberStatus]bool{
		{domain.MemberDischarged, domain.MemberAlumni}: true,
		{domain.MemberAlumni, domain.MemberDischarged}: true,
	}
	for _, from := range statuses {
		for _, to := range statuses {
			t.Run(string(from)+"->"+string(to), func(t *testing.T) {
				m := &domain.Member{FirstName: "Ana", LastName: "Lopez", Status: from}
				err := domain.MemberFields{Status: &to}.Apply(m, today)
				if from == to || allowed[[2]domain.MemberStatus{from, to}] {
					wantErr(t, err, "", "")
					if m.Status != to {
						t.Errorf("status = %s, want %s", m.Status, to)
					}
					return
				}
				wantErr(t, err, domain.CodeInvalidInput, "status")
				if m.Status != from {
					t.Errorf("refused status change wrote %s", m.Status)
				}
			})
		}
	}
}

// A member's sobriety date may not lie before their birth; the rule must hold
// whichever of the two dates an update changes.
func TestMemberFieldsApplyBirthAfterRecoveryDate(t *testing.T) {
	rsd := date(2024, 1, 1)
	m := &domain.Member{FirstName: "Ana", LastName: "Lopez", Status: domain.MemberActive, RecoveryStartDate: &rsd}
	err := domain.MemberFields{DateOfBirth: ptr(date(2024, 6, 1))}.Apply(m, today)
	wantErr(t, err, domain.CodeInvalidInput, "bornOn")
}
