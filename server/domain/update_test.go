package domain_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestUpdateBodies(t *testing.T) {
	iop := domain.CareLevel{Code: "IOP", ShortName: "IOP"}
	for _, tc := range []struct {
		got, want string
	}{
		{domain.CareLevelUpdateBody(domain.TransitionStepDown, iop), "Stepped down to IOP"},
		{domain.CareLevelUpdateBody(domain.TransitionStepUp, iop), "Stepped up to IOP"},
		{domain.CareLevelUpdateBody(domain.TransitionLateral, iop), "Moved to IOP"},
		{domain.CareLevelUpdateBody(domain.TransitionAdmission, iop), "Admitted to IOP"},
		{domain.CareLevelUpdateBody(domain.TransitionReadmission, iop), "Readmitted to IOP"},
		{domain.DischargeUpdateBody(iop), "Discharged from IOP"},
		{domain.HousingUpdateBody(true, "Cedar House"), "Moved into Cedar House"},
		{domain.HousingUpdateBody(false, "Cedar House"), "Moved out of Cedar House"},
		{domain.MilestoneUpdateBody(domain.MilestoneAt(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 3)), "Reached 90 days in recovery"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestShareableByDefault(t *testing.T) {
	for kind, want := range map[domain.UpdateKind]bool{
		domain.UpdateMilestone: true, domain.UpdateCareLevelChange: true,
		domain.UpdateHousingChange: true, domain.UpdateNote: false,
	} {
		if got := domain.ShareableByDefault(kind); got != want {
			t.Errorf("ShareableByDefault(%s) = %v, want %v", kind, got, want)
		}
	}
}

func TestCheckNote(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	if body, err := domain.CheckNote("  Started a new job  ", now.Add(-time.Hour), now); err != nil || body != "Started a new job" {
		t.Errorf("CheckNote = %q, %v", body, err)
	}
	for name, tc := range map[string]struct {
		body  string
		at    time.Time
		code  domain.Code
		field string
	}{
		"empty":     {"   ", now, domain.CodeInvalidInput, "body"},
		"too long":  {strings.Repeat("x", 5001), now, domain.CodeInvalidInput, "body"},
		"in future": {"ok", now.Add(time.Hour), domain.CodeInFuture, "occurredAt"},
	} {
		_, err := domain.CheckNote(tc.body, tc.at, now)
		e := domain.AsError(err)
		if e == nil || e.Code != tc.code || e.Field[1] != tc.field {
			t.Errorf("%s: err = %v, want %s on %s", name, err, tc.code, tc.field)
		}
	}
}

func TestMilestonesToAnnounce(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	today := time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC) // 94 days: 24h, 30, 60, 90 days reached
	keys := func(ms []domain.Milestone) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Key)
		}
		return out
	}
	if got := keys(domain.MilestonesToAnnounce(start, today, 0)); strings.Join(got, ",") != "HOURS_24,DAYS_30,DAYS_60,DAYS_90" {
		t.Errorf("none announced: %v", got)
	}
	if got := keys(domain.MilestonesToAnnounce(start, today, 3)); strings.Join(got, ",") != "DAYS_90" {
		t.Errorf("three announced: %v", got)
	}
	if got := domain.MilestonesToAnnounce(start, today, 4); got != nil {
		t.Errorf("all announced: %v", got)
	}
	if got := domain.MilestonesToAnnounce(start, start, 0); got != nil {
		t.Errorf("on the start date: %v", got)
	}
}
