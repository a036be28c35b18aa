package domain_test

import (
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
