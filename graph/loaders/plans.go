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
}

func newPlanLoaders(st *store.Store, opts []dataloadgen.Option) PlanLoaders {
	return PlanLoaders{
		Plan:            dataloadgen.NewLoader(fromMap(st.AftercarePlansByID), opts...),
		Goal:            dataloadgen.NewLoader(fromMap(st.AftercareGoalsByID), opts...),
		Commitment:      dataloadgen.NewLoader(fromMap(st.AftercareCommitmentsByID), opts...),
		CheckIn:         dataloadgen.NewLoader(fromMap(st.CheckInsByID), opts...),
		RecoveryCapital: dataloadgen.NewLoader(fromMap(st.RecoveryCapitalByID), opts...),
	}
}
