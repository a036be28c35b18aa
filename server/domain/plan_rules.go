package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// PlanStartedUpdateBody is the text of the journey update an activation writes.
const PlanStartedUpdateBody = "Aftercare plan started"

// Closed reports whether the plan was completed or cancelled: nothing of it
// changes any more.
func (p *AftercarePlan) Closed() bool {
	return p.Status == PlanCompleted || p.Status == PlanCancelled
}

// planTransitions is the plan's life: a draft is put in force or dropped, a
// plan in force is finished or dropped, and a closed plan stays closed.
var planTransitions = map[PlanStatus][]PlanStatus{
	PlanDraft:  {PlanActive, PlanCancelled},
	PlanActive: {PlanCompleted, PlanCancelled},
}

// CheckPlanStatusChange allows only the moves of the plan's life.
func CheckPlanStatusChange(from, to PlanStatus) error {
	for _, allowed := range planTransitions[from] {
		if allowed == to {
			return nil
		}
	}
	return FieldError(CodeInvalidStatusChange, "aftercarePlanId",
		"The plan is "+strings.ToLower(string(from))+"; it cannot become "+strings.ToLower(string(to))+".")
}

// CheckPlanOpen refuses changes to the parts of a completed or cancelled plan.
func CheckPlanOpen(p *AftercarePlan, field string) error {
	if p.Closed() {
		return FieldError(CodePlanClosed, field,
			"The plan is "+strings.ToLower(string(p.Status))+"; its goals, commitments and check-ins can no longer change.")
	}
	return nil
}

// CheckPlanDates checks that the review is not before the start. field is
// the input that moved the dates apart.
func CheckPlanDates(startsOn, reviewOn time.Time, field string) error {
	if reviewOn.Before(startsOn) {
		return FieldError(CodeInvalidInput, field, "The review date cannot be before the plan starts.")
	}
	return nil
}

// PlanDates are the dates of a plan to change; nil means unchanged.
type PlanDates struct {
	StartsOn *time.Time
	ReviewOn *time.Time
}

// Apply validates the new dates against the plan and writes them into it.
func (d PlanDates) Apply(p *AftercarePlan) error {
	if err := CheckPlanOpen(p, "aftercarePlanId"); err != nil {
		return err
	}
	startsOn, reviewOn := p.StartsOn, p.ReviewOn
	field := "startsOn"
	if d.StartsOn != nil {
		startsOn = *d.StartsOn
	}
	if d.ReviewOn != nil {
		reviewOn, field = *d.ReviewOn, "reviewOn"
	}
	if err := CheckPlanDates(startsOn, reviewOn, field); err != nil {
		return err
	}
	p.StartsOn, p.ReviewOn = startsOn, reviewOn
	return nil
}

// ReviewDue reports whether the review date of a plan in force has come.
func (p *AftercarePlan) ReviewDue(today time.Time) bool {
	return p.Status == PlanActive && !p.ReviewOn.After(today)
}

const (
	maxPlanTextLength  = 2000
	maxCopingSkills    = 30
	maxCopingSkillSize = 100
)

var goalCategories = map[GoalCategory]bool{
	GoalRelapsePrevention: true, GoalContinuingRecovery: true, GoalHealthyBehaviors: true, GoalSupportSystems: true,
	GoalHousing: true, GoalEmployment: true, GoalRelationships: true,
}

var goalStatuses = map[GoalStatus]bool{GoalNotStarted: true, GoalInProgress: true, GoalAchieved: true, GoalDeferred: true}

// GoalFields are the editable fields of a goal; nil means unchanged.
type GoalFields struct {
	Category    *GoalCategory
	Description *string
	TargetDate  *time.Time
	Status      *GoalStatus
}

// Apply validates the fields and writes them into g. A new goal needs a
// category and a description and starts NOT_STARTED.
func (f GoalFields) Apply(g *AftercareGoal) error {
	if f.Category != nil {
		if !goalCategories[*f.Category] {
			return FieldError(CodeInvalidInput, "category", "Unknown goal category.")
		}
		g.Category = *f.Category
	}
	if g.Category == "" {
		return FieldError(CodeInvalidInput, "category", "A category is required.")
	}
	if f.Description != nil {
		d, err := cleanText("description", *f.Description, maxPlanTextLength, true)
		if err != nil {
			return err
		}
		g.Description = d
	}
	if g.Description == "" {
		return FieldError(CodeInvalidInput, "description", "This cannot be blank.")
	}
	if f.TargetDate != nil {
		d := *f.TargetDate
		g.TargetDate = &d
	}
	if f.Status != nil {
		if !goalStatuses[*f.Status] {
			return FieldError(CodeInvalidInput, "status", "Unknown goal status.")
		}
		g.Status = *f.Status
	}
	if g.Status == "" {
		g.Status = GoalNotStarted
	}
	return nil
}

var commitmentKinds = map[CommitmentKind]bool{
	CommitmentInpatient: true, CommitmentOutpatient: true, CommitmentMutualSupportGroup: true,
	CommitmentPeerMentoring: true, CommitmentMedication: true, CommitmentTherapy: true,
	CommitmentRecoveryHousing: true, CommitmentOther: true,
}

// Bounds of a commitment's weekly target.
const (
	MinTargetPerWeek = 1
	MaxTargetPerWeek = 21
)

// NewCommitment validates a new commitment: a known kind, at most one of
// group, house and peer, and a weekly target of 1-21 when there is one.
func NewCommitment(kind CommitmentKind, description string, groupID, houseID, peerID *int64, targetPerWeek *int) (*AftercareCommitment, error) {
	if !commitmentKinds[kind] {
		return nil, FieldError(CodeInvalidInput, "kind", "Unknown commitment kind.")
	}
	d, err := cleanText("description", description, maxPlanTextLength, false)
	if err != nil {
		return nil, err
	}
	seen := 0
	for _, ref := range []struct {
		field string
		id    *int64
	}{{"groupId", groupID}, {"houseId", houseID}, {"peerId", peerID}} {
		if ref.id == nil {
			continue
		}
		if seen++; seen > 1 {
			return nil, FieldError(CodeInvalidInput, ref.field, "A commitment points at one group, house or peer at most.")
		}
	}
	if err := checkTarget(targetPerWeek); err != nil {
		return nil, err
	}
	return &AftercareCommitment{Kind: kind, Description: d, GroupID: groupID, HouseID: houseID, PeerID: peerID,
		TargetPerWeek: targetPerWeek}, nil
}

func checkTarget(target *int) error {
	if target != nil && (*target < MinTargetPerWeek || *target > MaxTargetPerWeek) {
		return FieldError(CodeInvalidInput, "targetPerWeek", "The weekly target must be 1-21.")
	}
	return nil
}

// CommitmentChange is an edit of a commitment; nil means unchanged, and
// ClearTarget removes the weekly target.
type CommitmentChange struct {
	Description   *string
	TargetPerWeek *int
	ClearTarget   bool
}

// Apply validates the change and writes it into c. A commitment taken out
// of the plan stays as it was when removed.
func (ch CommitmentChange) Apply(c *AftercareCommitment) error {
	if c.RemovedAt != nil {
		return FieldError(CodeInvalidInput, "aftercareCommitmentId", "The commitment was taken out of the plan.")
	}
	if ch.ClearTarget && ch.TargetPerWeek != nil {
		return FieldError(CodeInvalidInput, "clearTarget", "Give a new target or clear it, not both.")
	}
	if ch.Description != nil {
		d, err := cleanText("description", *ch.Description, maxPlanTextLength, false)
		if err != nil {
			return err
		}
		c.Description = d
	}
	if err := checkTarget(ch.TargetPerWeek); err != nil {
		return err
	}
	if ch.TargetPerWeek != nil {
		t := *ch.TargetPerWeek
		c.TargetPerWeek = &t
	}
	if ch.ClearTarget {
		c.TargetPerWeek = nil
	}
	return nil
}

// CheckInFields are what a check-in records.
type CheckInFields struct {
	OccurredOn   time.Time
	Abstinent    bool
	Craving      int
	CopingSkills []string
	Note         string
}

// NewCheckIn validates a check-in against its plan, which must be in force,
// and today (the provider's calendar date).
func NewCheckIn(p *AftercarePlan, f CheckInFields, today time.Time) (*CheckIn, error) {
	switch {
	case p.Status == PlanDraft:
		return nil, FieldError(CodeInvalidInput, "aftercarePlanId", "The plan is a draft; activate first.")
	case p.Closed():
		return nil, CheckPlanOpen(p, "aftercarePlanId")
	}
	if f.OccurredOn.After(today) {
		return nil, FieldError(CodeInFuture, "occurredOn", "The check-in cannot be in the future.")
	}
	if f.OccurredOn.Before(p.StartsOn) {
		return nil, FieldError(CodeInvalidInput, "occurredOn", "The check-in cannot be before the plan starts.")
	}
	if f.Craving < 0 || f.Craving > 10 {
		return nil, FieldError(CodeInvalidInput, "craving", "Craving must be 0-10.")
	}
	skills, err := cleanCopingSkills(f.CopingSkills)
	if err != nil {
		return nil, err
	}
	note, err := cleanText("note", f.Note, maxPlanTextLength, false)
	if err != nil {
		return nil, err
	}
	return &CheckIn{PlanID: p.ID, OccurredOn: f.OccurredOn, Abstinent: f.Abstinent, Craving: f.Craving,
		CopingSkills: skills, Note: note}, nil
}

// cleanCopingSkills trims the skills and drops blanks and repeats, keeping
// the order they were given in.
func cleanCopingSkills(skills []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range skills {
		s = strings.TrimSpace(s)
		if s == "" || seen[strings.ToLower(s)] {
			continue
		}
		if utf8.RuneCountInString(s) > maxCopingSkillSize {
			return nil, FieldError(CodeInvalidInput, "copingSkills", "A coping skill is too long (100 characters at most).")
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
	}
	if len(out) > maxCopingSkills {
		return nil, FieldError(CodeInvalidInput, "copingSkills", "List 30 coping skills at most.")
	}
	return out, nil
}
