package graph

import (
	"context"
	"time"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// defaultAdherenceWeeks is the schema's default for adherence(weeks:).
const defaultAdherenceWeeks = 8

// planAdherence derives a plan's adherence from attendance: the weeks and
// the "met" rule are the domain's, the meetings come through a loader, so a
// list of plans costs one statement.
func planAdherence(ctx context.Context, p *domain.AftercarePlan, weeks *int, today time.Time) ([]*model.CommitmentAdherence, error) {
	n := defaultAdherenceWeeks
	if weeks != nil {
		n = *weeks
	}
	mondays, err := domain.AdherenceWeeks(p.StartsOn, today, n)
	if err != nil {
		return nil, err
	}
	// Both loads are queued before either is awaited, so that the plans of
	// a list join the same batches.
	l := loaders.For(ctx).Plans
	attendance := func() ([]domain.AttendedMeeting, error) { return nil, nil }
	if len(mondays) > 0 {
		window := store.AttendanceWindow{PlanID: p.ID, From: mondays[0], To: mondays[len(mondays)-1].AddDate(0, 0, 7)}
		attendance = l.Attendance.LoadThunk(ctx, window)
	}
	commitments, err := l.CommitmentsByPlan.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	attended, err := attendance()
	if err != nil {
		return nil, err
	}
	out := []*model.CommitmentAdherence{}
	for _, c := range domain.Adherence(commitments, mondays, attended) {
		entry := &model.CommitmentAdherence{Commitment: c.Commitment, Weeks: make([]*model.AdherenceWeek, len(c.Weeks))}
		for i, w := range c.Weeks {
			entry.Weeks[i] = &model.AdherenceWeek{WeekStart: w.WeekStart, Attended: w.Attended, Target: w.Target, IsMet: w.Met}
		}
		out = append(out, entry)
	}
	return out, nil
}

// changePlanStatus decodes the plan of a status mutation and applies change.
func changePlanStatus(planID string, change func(planID int64) (*domain.AftercarePlan, error)) (*domain.AftercarePlan, error) {
	id, err := globalid.DecodeField(planID, globalid.TypeAftercarePlan, "aftercarePlanId")
	if err != nil {
		return nil, err
	}
	return change(id)
}
