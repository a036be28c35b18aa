package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PlanLoaders batch the lookups of aftercare plans and their parts, and of
// recovery capital assessments.
type PlanLoaders struct {
	Plan            *dataloadgen.Loader[int64, *domain.AftercarePlan]
	Goal            *dataloadgen.Loader[int64, *domain.AftercareGoal]
	Commitment      *dataloadgen.Loader[int64, *domain.AftercareCommitment]
	CheckIn         *dataloadgen.Loader[int64, *domain.CheckIn]
	RecoveryCapital *dataloadgen.Loader[int64, *domain.RecoveryCapitalAssessment]

	// PlansByMember holds every plan of a member, newest first; the active
	// plan is picked from it, so both fields cost one statement.
	PlansByMember *dataloadgen.Loader[int64, []*domain.AftercarePlan]
	// PlanPages backs Member.aftercarePlans.
	PlanPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.AftercarePlan]]
	// GoalPages and CommitmentPages (those still in the plan) back
	// AftercarePlan.goals and commitments, in the order they were added.
	GoalPages       *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.AftercareGoal]]
	CommitmentPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.AftercareCommitment]]
	// CommitmentsByPlan is every commitment still in a plan, for adherence
	// (one entry per commitment).
	CommitmentsByPlan *dataloadgen.Loader[int64, []*domain.AftercareCommitment]
	CheckIns          *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.CheckIn]]
	// RecoveryCapitalPages backs Member.recoveryCapital, oldest first.
	RecoveryCapitalPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.RecoveryCapitalAssessment]]
	// Attendance is what adherence is derived from.
	Attendance *dataloadgen.Loader[store.AttendanceWindow, []domain.AttendedMeeting]
}

func newPlanLoaders(st *store.Store, opts []dataloadgen.Option) PlanLoaders {
	return PlanLoaders{
		Plan:            dataloadgen.NewLoader(fromMap(st.AftercarePlansByID), opts...),
		Goal:            dataloadgen.NewLoader(fromMap(st.AftercareGoalsByID), opts...),
		Commitment:      dataloadgen.NewLoader(fromMap(st.AftercareCommitmentsByID), opts...),
		CheckIn:         dataloadgen.NewLoader(fromMap(st.CheckInsByID), opts...),
		RecoveryCapital: dataloadgen.NewLoader(fromMap(st.RecoveryCapitalByID), opts...),

		PlansByMember: dataloadgen.NewLoader(fromMap(st.AftercarePlansByMemberID), opts...),
		PlanPages: childPageLoader(unfiltered(st.AftercarePlanPagesByMemberID),
			unfilteredCount(st.CountAftercarePlansByMemberID), opts...),
		GoalPages: childPageLoader(unfiltered(st.AftercareGoalPages),
			unfilteredCount(st.CountAftercareGoals), opts...),
		CommitmentPages: childPageLoader(unfiltered(st.AftercareCommitmentPages),
			unfilteredCount(st.CountAftercareCommitments), opts...),
		CommitmentsByPlan: dataloadgen.NewLoader(fromMap(st.AftercareCommitmentsByPlanID), opts...),
		CheckIns:          childPageLoader(unfiltered(st.CheckInPages), unfilteredCount(st.CountCheckIns), opts...),
		RecoveryCapitalPages: childPageLoader(unfiltered(st.RecoveryCapitalPagesByMemberID),
			unfilteredCount(st.CountRecoveryCapitalByMemberID), opts...),
		Attendance: dataloadgen.NewLoader(fromMap(st.PlanAttendance), opts...),
	}
}
