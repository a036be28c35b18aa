package domain_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestActivePlan(t *testing.T) {
	done := &domain.AftercarePlan{ID: 1, Status: domain.PlanCompleted}
	active := &domain.AftercarePlan{ID: 2, Status: domain.PlanActive}
	draft := &domain.AftercarePlan{ID: 3, Status: domain.PlanDraft}
	if got := domain.ActivePlan([]*domain.AftercarePlan{draft, active, done}); got != active {
		t.Errorf("ActivePlan = %v, want plan 2", got)
	}
	if got := domain.ActivePlan([]*domain.AftercarePlan{draft, done}); got != nil {
		t.Errorf("ActivePlan without an active plan = %v", got)
	}
}

func TestCurrentAssignment(t *testing.T) {
	ended := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	past := &domain.PeerAssignment{ID: 1, EndedAt: &ended}
	now := &domain.PeerAssignment{ID: 2}
	if got := domain.CurrentAssignment([]*domain.PeerAssignment{past, now}); got != now {
		t.Errorf("CurrentAssignment = %v, want pairing 2", got)
	}
	if got := domain.CurrentAssignment([]*domain.PeerAssignment{past}); got != nil {
		t.Errorf("CurrentAssignment with only past pairings = %v", got)
	}
}

func TestOpenBeds(t *testing.T) {
	h := &domain.House{Capacity: 8}
	for occupied, want := range map[int]int{0: 8, 5: 3, 8: 0, 9: 0} {
		if got := h.OpenBeds(occupied); got != want {
			t.Errorf("OpenBeds(%d) = %d, want %d", occupied, got, want)
		}
	}
}
