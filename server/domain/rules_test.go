package domain_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

// skew is the tolerated clock skew of journey.go: a time up to five minutes
// ahead of the server clock is "now" on a device with a fast clock.
const skew = 5 * time.Minute

var now = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

// wantErr checks err against a code and the input field it points at; an
// empty code means no error.
func wantErr(t *testing.T, err error, code domain.Code, field string) {
	t.Helper()
	var path []string
	if field != "" {
		// A dotted field is a path into a nested input: "period.endOn".
		path = append([]string{"input"}, strings.Split(field, ".")...)
	}
	wantErrAt(t, err, code, path)
}

// wantErrAt is wantErr with the field's whole path, "input" first, as the
// table tests write it.
func wantErrAt(t *testing.T, err error, code domain.Code, path []string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	e := domain.AsError(err)
	if e == nil {
		t.Fatalf("error = %v, want a *domain.Error with code %s", err, code)
	}
	if e.Code != code {
		t.Fatalf("code = %s (%s), want %s", e.Code, e.Message, code)
	}
	if !slices.Equal(e.Field, path) {
		t.Fatalf("field = %v, want %v", e.Field, path)
	}
	if e.Message == "" {
		t.Fatalf("%s has no message", code)
	}
}

func TestCheckAdmission(t *testing.T) {
	openEp := &domain.CareEpisode{ID: 1, CareLevelCode: "IOP", StartedAt: now.AddDate(0, -1, 0)}
	lastEnd := now.AddDate(0, 0, -10)
	last := &domain.CareEpisode{ID: 1, CareLevelCode: "IOP", StartedAt: now.AddDate(0, -2, 0), EndedAt: &lastEnd, DischargeReason: ptr("done")}
	tests := []struct {
		name       string
		open, last *domain.CareEpisode
		startedAt  time.Time
		code       domain.Code
		field      string
	}{
		{"first admission", nil, nil, now.Add(-time.Hour), "", ""},
		{"first admission now", nil, nil, now, "", ""},
		{"already in care", openEp, openEp, now, domain.CodeAlreadyInCare, "memberId"},
		// ALREADY_IN_CARE wins over a bad time: the member state is the
		// actionable problem.
		{"already in care beats future", openEp, openEp, now.Add(time.Hour), domain.CodeAlreadyInCare, "memberId"},
		{"within the clock skew", nil, nil, now.Add(skew), "", ""},
		{"just past the clock skew", nil, nil, now.Add(skew + time.Nanosecond), domain.CodeInFuture, "startedAt"},
		{"tomorrow", nil, nil, now.AddDate(0, 0, 1), domain.CodeInFuture, "startedAt"},
		{"readmission after the discharge", nil, last, lastEnd.Add(24 * time.Hour), "", ""},
		// Periods are half-open, so readmission may start at the very
		// instant of the discharge.
		{"readmission at the discharge instant", nil, last, lastEnd, "", ""},
		{"readmission before the discharge", nil, last, lastEnd.Add(-time.Second), domain.CodeBeforeCurrentEpisode, "startedAt"},
		{"readmission in the future", nil, last, now.Add(time.Hour), domain.CodeInFuture, "startedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckAdmission(tt.open, tt.last, tt.startedAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckLevelChange(t *testing.T) {
	start := now.AddDate(0, 0, -7)
	openEp := &domain.CareEpisode{ID: 1, CareLevelCode: "PHP", StartedAt: start}
	levels := levelsByCode()
	tests := []struct {
		name        string
		open        *domain.CareEpisode
		to          string
		effectiveAt time.Time
		code        domain.Code
		field       string
	}{
		{"step-down", openEp, "IOP", now, "", ""},
		{"step-up", openEp, "DETOX", now.Add(-time.Hour), "", ""},
		{"one nanosecond after the start", openEp, "IOP", start.Add(time.Nanosecond), "", ""},
		{"not in care", nil, "IOP", now, domain.CodeNotInCare, "memberId"},
		{"same level", openEp, "PHP", now, domain.CodeSameCareLevel, "careLevelCode"},
		// A move to the same level is refused before the time is looked at.
		{"same level beats bad time", openEp, "PHP", start.Add(-time.Hour), domain.CodeSameCareLevel, "careLevelCode"},
		// A change at the very start of the open episode would leave it empty.
		{"at the open start", openEp, "IOP", start, domain.CodeBeforeCurrentEpisode, "effectiveAt"},
		{"before the open start", openEp, "IOP", start.Add(-time.Hour), domain.CodeBeforeCurrentEpisode, "effectiveAt"},
		{"within the clock skew", openEp, "IOP", now.Add(skew), "", ""},
		{"just past the clock skew", openEp, "IOP", now.Add(skew + time.Nanosecond), domain.CodeInFuture, "effectiveAt"},
		{"next week", openEp, "IOP", now.AddDate(0, 0, 7), domain.CodeInFuture, "effectiveAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckLevelChange(tt.open, levels[tt.to], tt.effectiveAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckDischarge(t *testing.T) {
	start := now.AddDate(0, 0, -7)
	openEp := &domain.CareEpisode{ID: 1, CareLevelCode: "OUTPATIENT", StartedAt: start}
	tests := []struct {
		name    string
		open    *domain.CareEpisode
		endedAt time.Time
		code    domain.Code
		field   string
	}{
		{"discharge now", openEp, now, "", ""},
		{"discharge yesterday", openEp, now.AddDate(0, 0, -1), "", ""},
		{"not in care", nil, now, domain.CodeNotInCare, "memberId"},
		{"at the open start", openEp, start, domain.CodeBeforeCurrentEpisode, "endedAt"},
		{"before the open start", openEp, start.AddDate(0, 0, -1), domain.CodeBeforeCurrentEpisode, "endedAt"},
		{"within the clock skew", openEp, now.Add(skew), "", ""},
		{"just past the clock skew", openEp, now.Add(skew + time.Nanosecond), domain.CodeInFuture, "endedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckDischarge(tt.open, tt.endedAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckCorrection(t *testing.T) {
	start := now.AddDate(0, -1, 0)
	end := now.AddDate(0, 0, -10)
	closed := &domain.CareEpisode{ID: 1, CareLevelCode: "PHP", StartedAt: start, EndedAt: &end}
	openEp := &domain.CareEpisode{ID: 2, CareLevelCode: "IOP", StartedAt: end}
	superseded := &domain.CareEpisode{ID: 3, CareLevelCode: "IOP", StartedAt: start, EndedAt: &end,
		SupersededAt: ptr(now.AddDate(0, 0, -1)), SupersedeReason: ptr("typo")}
	supersededOpen := &domain.CareEpisode{ID: 4, CareLevelCode: "IOP", StartedAt: end,
		SupersededAt: ptr(now.AddDate(0, 0, -1)), SupersedeReason: ptr("typo")}
	tests := []struct {
		name      string
		episode   *domain.CareEpisode
		startedAt time.Time
		endedAt   *time.Time
		code      domain.Code
		field     string
	}{
		{"closed stays closed with other dates", closed, start.AddDate(0, 0, 1), ptr(end.AddDate(0, 0, -1)), "", ""},
		{"closed, same dates (level fix)", closed, start, &end, "", ""},
		{"open stays open", openEp, end.Add(time.Hour), nil, "", ""},
		{"open moved earlier", openEp, end.AddDate(0, 0, -3), nil, "", ""},
		{"already superseded", superseded, start, &end, domain.CodeAlreadySuperseded, "careEpisodeId"},
		{"already superseded open", supersededOpen, end, nil, domain.CodeAlreadySuperseded, "careEpisodeId"},
		// ALREADY_SUPERSEDED is reported first, whatever the new dates.
		{"already superseded beats future", superseded, now.AddDate(1, 0, 0), nil, domain.CodeAlreadySuperseded, "careEpisodeId"},
		{"closed cannot be reopened", closed, start, nil, domain.CodeInvalidInput, "endedAt"},
		{"open cannot be closed", openEp, end, ptr(now), domain.CodeInvalidInput, "endedAt"},
		{"end equal to start", closed, start, ptr(start), domain.CodeInvalidInput, "endedAt"},
		{"end before start", closed, start, ptr(start.Add(-time.Minute)), domain.CodeInvalidInput, "endedAt"},
		{"start in the future", openEp, now.AddDate(0, 0, 1), nil, domain.CodeInFuture, "startedAt"},
		{"start within the skew", openEp, now.Add(skew), nil, "", ""},
		{"end in the future", closed, start, ptr(now.Add(skew + time.Second)), domain.CodeInFuture, "endedAt"},
		{"end within the skew", closed, start, ptr(now.Add(skew)), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckCorrection(tt.episode, tt.startedAt, tt.endedAt, now), tt.code, tt.field)
		})
	}
}

func TestCleanReason(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required bool
		want     string
		code     domain.Code
	}{
		{"trimmed", "  relapse after holidays \n", true, "relapse after holidays", ""},
		{"optional blank is empty", "   ", false, "", ""},
		{"optional empty", "", false, "", ""},
		{"required blank", " \t\n", true, "", domain.CodeInvalidInput},
		{"required empty", "", true, "", domain.CodeInvalidInput},
		// The limit counts characters, not bytes: 2000 two-byte runes pass.
		{"2000 runes", strings.Repeat("é", 2000), true, strings.Repeat("é", 2000), ""},
		{"2001 runes", strings.Repeat("a", 2001), false, "", domain.CodeInvalidInput},
		// Surrounding space does not count towards the limit.
		{"2000 runes padded", "  " + strings.Repeat("a", 2000) + "  ", true, strings.Repeat("a", 2000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := domain.CleanReason(tt.in, tt.required)
			if tt.code != "" {
				wantErr(t, err, tt.code, "reason")
				return
			}
			wantErr(t, err, "", "")
			if got != tt.want {
				t.Errorf("CleanReason = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ana@example.org", "ana@example.org", true},
		{"  Ana.Lopez@Example.ORG \n", "ana.lopez@example.org", true},
		{"first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk", true},
		{"", "", false},
		{"   ", "", false},
		{"no-at-sign", "", false},
		{"two@@example.org", "", false},
		{"@example.org", "", false},
		{"ana@", "", false},
		// A display name is not an address, even though net/mail parses it.
		{"Ana <ana@example.org>", "", false},
		{"ana@example.org, bo@example.org", "", false},
		{"ana lopez@example.org", "", false},
	}
	for _, tt := range tests {
		got, err := domain.NormalizeEmail(tt.in)
		if !tt.ok {
			if domain.ErrorCode(err) != domain.CodeInvalidInput {
				t.Errorf("NormalizeEmail(%q) = %q, %v; want INVALID_INPUT", tt.in, got, err)
				continue
			}
			wantErr(t, err, domain.CodeInvalidInput, "email")
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCheckNewPassword(t *testing.T) {
	tests := []struct {
		name string
		pw   string
		ok   bool
	}{
		{"empty", "", false},
		{"11 characters", "abcdefghijk", false},
		{"12 characters", "abcdefghijkl", true},
		// Length counts characters: 11 two-byte runes (22 bytes) are too
		// short, 12 are enough.
		{"11 runes, 22 bytes", strings.Repeat("é", 11), false},
		{"12 runes", strings.Repeat("é", 12), true},
		{"passphrase", "correct horse battery staple", true},
		{"256 bytes", strings.Repeat("a", 256), true},
		{"257 bytes", strings.Repeat("a", 257), false},
		// The upper bound is in bytes (a hashing input limit): 129 two-byte
		// runes are 258 bytes.
		{"129 two-byte runes", strings.Repeat("é", 129), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckNewPassword(tt.pw)
			if tt.ok {
				wantErr(t, err, "", "")
			} else {
				wantErr(t, err, domain.CodeInvalidInput, "password")
			}
		})
	}
	if domain.MinPasswordLength != 12 {
		t.Errorf("MinPasswordLength = %d, want 12 (NIST SP 800-63B)", domain.MinPasswordLength)
	}
}

func TestErrorHelpers(t *testing.T) {
	fe := domain.FieldError(domain.CodeUnknownCareLevel, "careLevelCode", "Unknown level.")
	if !slices.Equal(fe.Field, []string{"input", "careLevelCode"}) {
		t.Errorf("FieldError field = %v", fe.Field)
	}
	if got := fe.Error(); got != "UNKNOWN_CARE_LEVEL: Unknown level." {
		t.Errorf("Error() = %q", got)
	}
	ef := domain.Errorf(domain.CodeNotFound, "%s %d not found.", "Member", 7)
	if ef.Field != nil || ef.Message != "Member 7 not found." || ef.Code != domain.CodeNotFound {
		t.Errorf("Errorf = %+v", ef)
	}

	tests := []struct {
		name string
		err  error
		code domain.Code
	}{
		{"nil", nil, ""},
		{"plain error is internal", errors.New("connection reset"), ""},
		{"domain error", fe, domain.CodeUnknownCareLevel},
		// A domain error wrapped on the way up keeps its code.
		{"wrapped once", fmt.Errorf("admit: %w", ef), domain.CodeNotFound},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", fe)), domain.CodeUnknownCareLevel},
		{"joined", errors.Join(errors.New("x"), fe), domain.CodeUnknownCareLevel},
		// %v drops the chain: the result is an internal error.
		{"formatted without %w", fmt.Errorf("admit: %v", fe), ""},
	}
	for _, tt := range tests {
		if got := domain.ErrorCode(tt.err); got != tt.code {
			t.Errorf("%s: ErrorCode = %q, want %q", tt.name, got, tt.code)
		}
		if (domain.AsError(tt.err) != nil) != (tt.code != "") {
			t.Errorf("%s: AsError = %v", tt.name, domain.AsError(tt.err))
		}
	}
}

// AllCodes feeds the check that the GraphQL enum covers every code; it must
// list each constant once.
func TestAllCodesComplete(t *testing.T) {
	want := []domain.Code{
		domain.CodeInvalidInput, domain.CodeNotFound, domain.CodeConflict, domain.CodeUnauthenticated,
		domain.CodeForbidden, domain.CodeInvalidCredentials, domain.CodeDuplicate, domain.CodeUnknownCareLevel,
		domain.CodeAlreadyInCare, domain.CodeNotInCare, domain.CodeSameCareLevel, domain.CodeBeforeCurrentEpisode,
		domain.CodeEpisodeOverlap, domain.CodeAlreadySuperseded, domain.CodeInFuture,
		domain.CodeHouseFull, domain.CodeBedTaken, domain.CodeAlreadyInHouse, domain.CodeNotInHouse,
		domain.CodeCapacityBelowOccupancy, domain.CodeCaseloadFull, domain.CodePeerInactive,
		domain.CodeMeetingNotStarted, domain.CodeActivePlanExists, domain.CodePlanClosed, domain.CodeInvalidStatusChange,
		domain.CodeTooManyAttempts, domain.CodeInvitationInvalid, domain.CodeAlreadyRevoked, domain.CodeLastAdmin,
		domain.CodeHasAccount,
		domain.CodeResetInvalid, domain.CodeTOTPRequired, domain.CodeTOTPInvalid, domain.CodeTOTPEnrollmentRequired,
		domain.CodeTOTPAlreadyEnabled, domain.CodeTOTPNotEnabled,
	}
	seen := map[domain.Code]bool{}
	for _, c := range domain.AllCodes {
		if seen[c] {
			t.Errorf("%s listed twice", c)
		}
		seen[c] = true
	}
	for _, c := range want {
		if !seen[c] {
			t.Errorf("%s missing from AllCodes", c)
		}
	}
	if len(domain.AllCodes) != len(want) {
		t.Errorf("AllCodes has %d codes, want %d", len(domain.AllCodes), len(want))
	}
}

func TestRoles(t *testing.T) {
	for _, r := range domain.Roles {
		if !r.Valid() {
			t.Errorf("%s not valid", r)
		}
		if got, want := r.IsStaff(), r != domain.RoleFamily; got != want {
			t.Errorf("%s.IsStaff = %v", r, got)
		}
	}
	for _, r := range []domain.Role{"", "admin", "PATIENT"} {
		if r.Valid() || r.IsStaff() {
			t.Errorf("%q accepted", r)
		}
	}
}
