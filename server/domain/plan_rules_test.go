package domain_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

func planDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestCheckPlanStatusChange(t *testing.T) {
	const (
		draft     = domain.PlanDraft
		active    = domain.PlanActive
		completed = domain.PlanCompleted
		cancelled = domain.PlanCancelled
	)
	allowed := map[[2]domain.PlanStatus]bool{
		{draft, active}: true, {draft, cancelled}: true, {active, completed}: true, {active, cancelled}: true,
	}
	all := []domain.PlanStatus{draft, active, completed, cancelled}
	for _, from := range all {
		for _, to := range all {
			t.Run(string(from)+"->"+string(to), func(t *testing.T) {
				err := domain.CheckPlanStatusChange(from, to)
				if allowed[[2]domain.PlanStatus{from, to}] {
					wantErr(t, err, "", "")
				} else {
					wantErr(t, err, domain.CodeInvalidStatusChange, "aftercarePlanId")
				}
			})
		}
	}
}

func TestPlanClosedAndOpen(t *testing.T) {
	for _, tt := range []struct {
		status domain.PlanStatus
		closed bool
	}{
		{domain.PlanDraft, false}, {domain.PlanActive, false}, {domain.PlanCompleted, true}, {domain.PlanCancelled, true},
	} {
		p := &domain.AftercarePlan{Status: tt.status}
		if p.Closed() != tt.closed {
			t.Errorf("%s: Closed() = %v", tt.status, p.Closed())
		}
		if tt.closed {
			wantErr(t, domain.CheckPlanOpen(p, "aftercareGoalId"), domain.CodePlanClosed, "aftercareGoalId")
		} else {
			wantErr(t, domain.CheckPlanOpen(p, "aftercareGoalId"), "", "")
		}
	}
}

func TestPlanDatesApply(t *testing.T) {
	start, review := planDate(2025, 6, 1), planDate(2025, 9, 1)
	tests := []struct {
		name      string
		status    domain.PlanStatus
		dates     domain.PlanDates
		code      domain.Code
		field     string
		wantStart time.Time
		wantRev   time.Time
	}{
		{"nothing", domain.PlanDraft, domain.PlanDates{}, "", "", start, review},
		{"new review", domain.PlanActive, domain.PlanDates{ReviewOn: ptr(planDate(2025, 12, 1))}, "", "", start, planDate(2025, 12, 1)},
		{"review on the start day", domain.PlanDraft, domain.PlanDates{ReviewOn: ptr(start)}, "", "", start, start},
		{"both", domain.PlanDraft, domain.PlanDates{StartsOn: ptr(planDate(2025, 7, 1)), ReviewOn: ptr(planDate(2025, 7, 2))}, "", "",
			planDate(2025, 7, 1), planDate(2025, 7, 2)},
		{"review before start", domain.PlanDraft, domain.PlanDates{ReviewOn: ptr(planDate(2025, 5, 31))}, domain.CodeInvalidInput, "reviewOn", start, review},
		{"start after review", domain.PlanDraft, domain.PlanDates{StartsOn: ptr(planDate(2025, 9, 2))}, domain.CodeInvalidInput, "startsOn", start, review},
		{"completed", domain.PlanCompleted, domain.PlanDates{ReviewOn: ptr(review)}, domain.CodePlanClosed, "aftercarePlanId", start, review},
		{"cancelled", domain.PlanCancelled, domain.PlanDates{}, domain.CodePlanClosed, "aftercarePlanId", start, review},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &domain.AftercarePlan{Status: tt.status, StartsOn: start, ReviewOn: review}
			wantErr(t, tt.dates.Apply(p), tt.code, tt.field)
			if !p.StartsOn.Equal(tt.wantStart) || !p.ReviewOn.Equal(tt.wantRev) {
				t.Errorf("dates = %v %v, want %v %v", p.StartsOn, p.ReviewOn, tt.wantStart, tt.wantRev)
			}
		})
	}
}

func TestPlanReviewDue(t *testing.T) {
	today := planDate(2025, 6, 15)
	for _, tt := range []struct {
		status   domain.PlanStatus
		reviewOn time.Time
		want     bool
	}{
		{domain.PlanActive, today, true},
		{domain.PlanActive, today.AddDate(0, 0, -1), true},
		{domain.PlanActive, today.AddDate(0, 0, 1), false},
		{domain.PlanDraft, today.AddDate(0, 0, -1), false},
		{domain.PlanCompleted, today.AddDate(0, 0, -1), false},
		{domain.PlanCancelled, today, false},
	} {
		p := &domain.AftercarePlan{Status: tt.status, ReviewOn: tt.reviewOn}
		if got := p.ReviewDue(today); got != tt.want {
			t.Errorf("%s review %s: ReviewDue = %v, want %v", tt.status, tt.reviewOn.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestGoalFieldsApply(t *testing.T) {
	cat := domain.GoalEmployment
	tests := []struct {
		name   string
		goal   domain.AftercareGoal
		fields domain.GoalFields
		code   domain.Code
		field  string
		want   domain.AftercareGoal
	}{
		{"new goal defaults to not started", domain.AftercareGoal{},
			domain.GoalFields{Category: &cat, Description: ptr("  Find a job  ")}, "", "",
			domain.AftercareGoal{Category: cat, Description: "Find a job", Status: domain.GoalNotStarted}},
		{"new goal needs a category", domain.AftercareGoal{},
			domain.GoalFields{Description: ptr("x")}, domain.CodeInvalidInput, "category", domain.AftercareGoal{}},
		{"new goal needs a description", domain.AftercareGoal{},
			domain.GoalFields{Category: &cat}, domain.CodeInvalidInput, "description", domain.AftercareGoal{}},
		{"blank description", domain.AftercareGoal{Category: cat, Description: "x", Status: domain.GoalInProgress},
			domain.GoalFields{Description: ptr("   ")}, domain.CodeInvalidInput, "description", domain.AftercareGoal{}},
		{"too long", domain.AftercareGoal{Category: cat, Description: "x", Status: domain.GoalInProgress},
			domain.GoalFields{Description: ptr(strings.Repeat("a", 2001))}, domain.CodeInvalidInput, "description", domain.AftercareGoal{}},
		{"unknown category", domain.AftercareGoal{},
			domain.GoalFields{Category: ptr(domain.GoalCategory("NAPPING")), Description: ptr("x")}, domain.CodeInvalidInput, "category", domain.AftercareGoal{}},
		{"unknown status", domain.AftercareGoal{Category: cat, Description: "x", Status: domain.GoalInProgress},
			domain.GoalFields{Status: ptr(domain.GoalStatus("DONE"))}, domain.CodeInvalidInput, "status", domain.AftercareGoal{}},
		{"status and target date change", domain.AftercareGoal{Category: cat, Description: "x", Status: domain.GoalInProgress},
			domain.GoalFields{Status: ptr(domain.GoalAchieved), TargetDate: ptr(planDate(2025, 8, 1))}, "", "",
			domain.AftercareGoal{Category: cat, Description: "x", Status: domain.GoalAchieved, TargetDate: ptr(planDate(2025, 8, 1))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.goal
			err := tt.fields.Apply(&g)
			wantErr(t, err, tt.code, tt.field)
			if err != nil {
				return
			}
			if g.Category != tt.want.Category || g.Description != tt.want.Description || g.Status != tt.want.Status ||
				(g.TargetDate == nil) != (tt.want.TargetDate == nil) || (g.TargetDate != nil && !g.TargetDate.Equal(*tt.want.TargetDate)) {
				t.Errorf("goal = %+v, want %+v", g, tt.want)
			}
		})
	}
}

func TestNewCommitment(t *testing.T) {
	id := ptr(int64(7))
	tests := []struct {
		name                  string
		kind                  domain.CommitmentKind
		description           string
		group, house, peer    *int64
		target                *int
		code                  domain.Code
		field                 string
		wantDescription       string
		wantTarget, wantGroup bool
	}{
		{"group with target", domain.CommitmentMutualSupportGroup, " Tuesday SMART ", id, nil, nil, ptr(3), "", "", "Tuesday SMART", true, true},
		{"nothing attached", domain.CommitmentMedication, "", nil, nil, nil, nil, "", "", "", false, false},
		{"house", domain.CommitmentRecoveryHousing, "", nil, id, nil, nil, "", "", "", false, false},
		{"target 21", domain.CommitmentTherapy, "", nil, nil, id, ptr(21), "", "", "", true, false},
		{"group and house", domain.CommitmentOther, "", id, id, nil, nil, domain.CodeInvalidInput, "houseId", "", false, false},
		{"house and peer", domain.CommitmentOther, "", nil, id, id, nil, domain.CodeInvalidInput, "peerId", "", false, false},
		{"target 0", domain.CommitmentOther, "", id, nil, nil, ptr(0), domain.CodeInvalidInput, "targetPerWeek", "", false, false},
		{"target 22", domain.CommitmentOther, "", id, nil, nil, ptr(22), domain.CodeInvalidInput, "targetPerWeek", "", false, false},
		{"unknown kind", domain.CommitmentKind("YOGA"), "", nil, nil, nil, nil, domain.CodeInvalidInput, "kind", "", false, false},
		{"long description", domain.CommitmentOther, strings.Repeat("é", 2001), nil, nil, nil, nil, domain.CodeInvalidInput, "description", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := domain.NewCommitment(tt.kind, tt.description, tt.group, tt.house, tt.peer, tt.target)
			wantErr(t, err, tt.code, tt.field)
			if err != nil {
				return
			}
			if c.Kind != tt.kind || c.Description != tt.wantDescription || (c.TargetPerWeek != nil) != tt.wantTarget ||
				(c.GroupID != nil) != tt.wantGroup {
				t.Errorf("commitment = %+v", c)
			}
		})
	}
}

func TestCommitmentChangeApply(t *testing.T) {
	removed := now
	tests := []struct {
		name       string
		removed    bool
		change     domain.CommitmentChange
		code       domain.Code
		field      string
		wantTarget *int
		wantDesc   string
	}{
		{"new target", false, domain.CommitmentChange{TargetPerWeek: ptr(5)}, "", "", ptr(5), "old"},
		{"clear target", false, domain.CommitmentChange{ClearTarget: true}, "", "", nil, "old"},
		{"description only", false, domain.CommitmentChange{Description: ptr(" new ")}, "", "", ptr(2), "new"},
		{"clear and set", false, domain.CommitmentChange{ClearTarget: true, TargetPerWeek: ptr(3)}, domain.CodeInvalidInput, "clearTarget", nil, ""},
		{"target out of range", false, domain.CommitmentChange{TargetPerWeek: ptr(30)}, domain.CodeInvalidInput, "targetPerWeek", nil, ""},
		{"removed", true, domain.CommitmentChange{TargetPerWeek: ptr(3)}, domain.CodeInvalidInput, "aftercareCommitmentId", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &domain.AftercareCommitment{Kind: domain.CommitmentOther, Description: "old", TargetPerWeek: ptr(2)}
			if tt.removed {
				c.RemovedAt = &removed
			}
			err := tt.change.Apply(c)
			wantErr(t, err, tt.code, tt.field)
			if err != nil {
				return
			}
			if c.Description != tt.wantDesc || (c.TargetPerWeek == nil) != (tt.wantTarget == nil) ||
				(c.TargetPerWeek != nil && *c.TargetPerWeek != *tt.wantTarget) {
				t.Errorf("commitment = %+v", c)
			}
		})
	}
}

func TestNewCheckIn(t *testing.T) {
	today := planDate(2025, 6, 15)
	active := &domain.AftercarePlan{ID: 4, Status: domain.PlanActive, StartsOn: planDate(2025, 6, 1), ReviewOn: planDate(2025, 9, 1)}
	ok := domain.CheckInFields{OccurredOn: today, Abstinent: true, Craving: 3,
		CopingSkills: []string{" Called sponsor ", "", "walk", "called sponsor"}, Note: " fine "}
	with := func(change func(f *domain.CheckInFields)) domain.CheckInFields {
		f := ok
		change(&f)
		return f
	}
	tests := []struct {
		name   string
		status domain.PlanStatus
		fields domain.CheckInFields
		code   domain.Code
		field  string
	}{
		{"ok", domain.PlanActive, ok, "", ""},
		{"on the first day", domain.PlanActive, with(func(f *domain.CheckInFields) { f.OccurredOn = active.StartsOn }), "", ""},
		{"draft", domain.PlanDraft, ok, domain.CodeInvalidInput, "aftercarePlanId"},
		{"completed", domain.PlanCompleted, ok, domain.CodePlanClosed, "aftercarePlanId"},
		{"cancelled", domain.PlanCancelled, ok, domain.CodePlanClosed, "aftercarePlanId"},
		{"tomorrow", domain.PlanActive, with(func(f *domain.CheckInFields) { f.OccurredOn = today.AddDate(0, 0, 1) }), domain.CodeInFuture, "occurredOn"},
		{"before the plan", domain.PlanActive, with(func(f *domain.CheckInFields) { f.OccurredOn = planDate(2025, 5, 31) }), domain.CodeInvalidInput, "occurredOn"},
		{"craving -1", domain.PlanActive, with(func(f *domain.CheckInFields) { f.Craving = -1 }), domain.CodeInvalidInput, "craving"},
		{"craving 11", domain.PlanActive, with(func(f *domain.CheckInFields) { f.Craving = 11 }), domain.CodeInvalidInput, "craving"},
		{"craving 10", domain.PlanActive, with(func(f *domain.CheckInFields) { f.Craving = 10 }), "", ""},
		{"long skill", domain.PlanActive, with(func(f *domain.CheckInFields) { f.CopingSkills = []string{strings.Repeat("x", 101)} }), domain.CodeInvalidInput, "copingSkills"},
		{"long note", domain.PlanActive, with(func(f *domain.CheckInFields) { f.Note = strings.Repeat("x", 2001) }), domain.CodeInvalidInput, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := *active
			p.Status = tt.status
			c, err := domain.NewCheckIn(&p, tt.fields, today)
			wantErr(t, err, tt.code, tt.field)
			if err != nil {
				return
			}
			if c.PlanID != p.ID || !c.OccurredOn.Equal(tt.fields.OccurredOn) || c.Craving != tt.fields.Craving {
				t.Errorf("check-in = %+v", c)
			}
		})
	}
	c, _ := domain.NewCheckIn(active, ok, today)
	if strings.Join(c.CopingSkills, "|") != "Called sponsor|walk" || c.Note != "fine" {
		t.Errorf("cleaned = %q %q", c.CopingSkills, c.Note)
	}
	many := make([]string, 31)
	for i := range many {
		many[i] = strings.Repeat("s", i+1)
	}
	_, err := domain.NewCheckIn(active, with(func(f *domain.CheckInFields) { f.CopingSkills = many }), today)
	wantErr(t, err, domain.CodeInvalidInput, "copingSkills")
}
