package domain

import "time"

// PlanStatus is where an aftercare plan is in its life.
type PlanStatus string

// The plan statuses.
const (
	PlanDraft     PlanStatus = "DRAFT"
	PlanActive    PlanStatus = "ACTIVE"
	PlanCompleted PlanStatus = "COMPLETED"
	PlanCancelled PlanStatus = "CANCELLED"
)

// AftercarePlan is a member's continuing-care plan (FHIR CarePlan): goals,
// commitments and check-ins. A member has at most one active plan.
type AftercarePlan struct {
	ID           int64      `bun:"id,pk,autoincrement"`
	MemberID     int64      `bun:"member_id"`
	Status       PlanStatus `bun:"status"`
	StartsOn     time.Time  `bun:"starts_on,type:date"`
	ReviewOn     time.Time  `bun:"review_on,type:date"`
	AuthorUserID *int64     `bun:"author_user_id"`
	CreatedAt    time.Time  `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt    time.Time  `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	ActivatedAt  *time.Time `bun:"activated_at"`
	ClosedAt     *time.Time `bun:"closed_at"`
}

// GoalCategory is the provider's list of aftercare goal categories.
type GoalCategory string

// The goal categories.
const (
	GoalRelapsePrevention  GoalCategory = "RELAPSE_PREVENTION"
	GoalContinuingRecovery GoalCategory = "CONTINUING_RECOVERY"
	GoalHealthyBehaviors   GoalCategory = "HEALTHY_BEHAVIORS"
	GoalSupportSystems     GoalCategory = "SUPPORT_SYSTEMS"
	GoalHousing            GoalCategory = "HOUSING"
	GoalEmployment         GoalCategory = "EMPLOYMENT"
	GoalRelationships      GoalCategory = "RELATIONSHIPS"
)

// GoalStatus is how far a goal got.
type GoalStatus string

// The goal statuses.
const (
	GoalNotStarted GoalStatus = "NOT_STARTED"
	GoalInProgress GoalStatus = "IN_PROGRESS"
	GoalAchieved   GoalStatus = "ACHIEVED"
	GoalDeferred   GoalStatus = "DEFERRED"
)

// AftercareGoal is one goal of a plan.
type AftercareGoal struct {
	ID          int64        `bun:"id,pk,autoincrement"`
	PlanID      int64        `bun:"plan_id"`
	Category    GoalCategory `bun:"category"`
	Description string       `bun:"description"`
	TargetDate  *time.Time   `bun:"target_date,type:date"`
	Status      GoalStatus   `bun:"status"`
	CreatedAt   time.Time    `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt   time.Time    `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// CommitmentKind is a component of an aftercare plan.
type CommitmentKind string

// The commitment kinds.
const (
	CommitmentInpatient          CommitmentKind = "INPATIENT"
	CommitmentOutpatient         CommitmentKind = "OUTPATIENT"
	CommitmentMutualSupportGroup CommitmentKind = "MUTUAL_SUPPORT_GROUP"
	CommitmentPeerMentoring      CommitmentKind = "PEER_MENTORING"
	CommitmentMedication         CommitmentKind = "MEDICATION"
	CommitmentTherapy            CommitmentKind = "THERAPY"
	CommitmentRecoveryHousing    CommitmentKind = "RECOVERY_HOUSING"
	CommitmentOther              CommitmentKind = "OTHER"
)

// AftercareCommitment is one component of a plan, optionally pointing at a
// group, a house or a peer, with an optional weekly target. Removing one
// keeps the row (RemovedAt), so the plan's history stays readable.
type AftercareCommitment struct {
	ID            int64          `bun:"id,pk,autoincrement"`
	PlanID        int64          `bun:"plan_id"`
	Kind          CommitmentKind `bun:"kind"`
	Description   string         `bun:"description,nullzero"`
	GroupID       *int64         `bun:"group_id"`
	HouseID       *int64         `bun:"house_id"`
	PeerID        *int64         `bun:"peer_id"`
	TargetPerWeek *int           `bun:"target_per_week"`
	CreatedAt     time.Time      `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt     time.Time      `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
	RemovedAt     *time.Time     `bun:"removed_at"`
}

// CheckIn is a recovery check-in recorded against a plan.
type CheckIn struct {
	ID               int64     `bun:"id,pk,autoincrement"`
	PlanID           int64     `bun:"plan_id"`
	OccurredOn       time.Time `bun:"occurred_on,type:date"`
	Abstinent        bool      `bun:"abstinent"`
	Craving          int       `bun:"craving"`
	CopingSkills     []string  `bun:"coping_skills,array"`
	Note             string    `bun:"note,nullzero"`
	RecordedByUserID *int64    `bun:"recorded_by_user_id"`
	RecordedAt       time.Time `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}

// RecoveryCapitalAssessment is one BARC-10 assessment: ten answers of 1-6 and their
// total (10-60), which the database derives.
type RecoveryCapitalAssessment struct {
	ID               int64     `bun:"id,pk,autoincrement"`
	MemberID         int64     `bun:"member_id"`
	Answers          []int     `bun:"answers,array"`
	Total            int       `bun:"total,scanonly"`
	AssessedAt       time.Time `bun:"assessed_at"`
	RecordedByUserID *int64    `bun:"recorded_by_user_id"`
	RecordedAt       time.Time `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}

// ActivePlan picks the plan in force among a member's plans; nil when none is.
func ActivePlan(plans []*AftercarePlan) *AftercarePlan {
	for _, p := range plans {
		if p.Status == PlanActive {
			return p
		}
	}
	return nil
}
