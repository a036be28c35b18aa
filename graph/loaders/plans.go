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
	// GoalsByPlan and CommitmentsByPlan (those still in the plan) keep the
	// order they were added in.
	GoalsByPlan       *dataloadgen.Loader[int64, []*domain.AftercareGoal]
	CommitmentsByPlan *dataloadgen.Loader[int64, []*domain.AftercareCommitment]
	CheckIns          *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.CheckIn]]
	// RecoveryCapitalByMember is a member's BARC-10 history, oldest first.
	RecoveryCapitalByMember *dataloadgen.Loader[int64, []*domain.RecoveryCapitalAssessment]
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
		GoalsByPlan:             dataloadgen.NewLoader(fromMap(st.AftercareGoalsByPlanID), opts...),
		CommitmentsByPlan:       dataloadgen.NewLoader(fromMap(st.AftercareCommitmentsByPlanID), opts...),
		CheckIns:                childPageLoader(unfiltered(st.CheckInPages), unfilteredCount(st.CountCheckIns), opts...),
		RecoveryCapitalByMember: dataloadgen.NewLoader(fromMap(st.RecoveryCapitalByMemberID), opts...),
		Attendance:              dataloadgen.NewLoader(fromMap(st.PlanAttendance), opts...),
	}
}
