// Package loaders batches the per-object lookups of one GraphQL request, so
// resolving a list of N objects costs a fixed number of statements, not N.
// A fresh set is made for every request (Middleware): nothing is cached
// across requests, so no one ever sees another request's stale data.
package loaders

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// Loaders are the batch loaders of one request.
type Loaders struct {
	Member           Loader[*domain.Member]
	User             *dataloadgen.Loader[int64, *domain.User]
	Episode          *dataloadgen.Loader[int64, *domain.CareEpisode]
	EpisodesByMember Loader[[]*domain.CareEpisode]
	// EpisodePages backs Member.careEpisodes; the filter is includeSuperseded.
	EpisodePages *dataloadgen.Loader[ChildKey[bool], store.Page[*domain.CareEpisode]]
	// OpenEpisode is a member's open episode alone, nil when not in care.
	OpenEpisode Loader[*domain.CareEpisode]
	// RecoveryHistory backs Member.recoveryStartDateHistory.
	RecoveryHistory  *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.RecoveryStartDateChange]]
	careLevels       func() ([]domain.CareLevel, error)
	careLevelsByCode func() (map[string]domain.CareLevel, error)
	census           census

	// The recovery graph, one set per area.
	Peers   PeerLoaders
	Houses  HouseLoaders
	Groups  GroupLoaders
	Plans   PlanLoaders
	Updates UpdateLoaders

	// Family contacts, consents and the family portal.
	Family FamilyLoaders
	// Partner API keys.
	Partners PartnerLoaders
	Audit    AuditLoaders
}

// batchWait is how long a loader waits to gather keys; resolvers of one list
// run concurrently, so a short wait is enough.
const batchWait = 2 * time.Millisecond

// New returns fresh loaders over st.
func New(ctx context.Context, st *store.Store) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(500)}
	careLevels := sync.OnceValues(func() ([]domain.CareLevel, error) { return st.CareLevels(ctx) })
	return &Loaders{
		careLevels:       careLevels,
		careLevelsByCode: sync.OnceValues(func() (map[string]domain.CareLevel, error) { return byCode(careLevels()) }),
		census:           census{count: st.CountInCareByLevel},
		Member:           newLoader(st.MembersByID, opts),
		User:             dataloadgen.NewLoader(fromMap(st.UsersByID), opts...),
		Episode:          dataloadgen.NewLoader(fromMap(st.EpisodesByID), opts...),
		EpisodesByMember: newLoader(st.EpisodesByMemberID, opts),
		OpenEpisode:      newLoader(st.OpenEpisodesByMemberID, opts),
		EpisodePages:     childPageLoader(st.EpisodePagesByMemberID, st.CountEpisodesByMemberID, opts...),
		RecoveryHistory: childPageLoader(unfiltered(st.RecoveryHistoryPagesByMemberID),
			unfilteredCount(st.CountRecoveryHistoryByMemberID), opts...),
		Peers:   newPeerLoaders(st, opts),
		Houses:  newHouseLoaders(st, opts),
		Groups:  newGroupLoaders(st, opts),
		Plans:   newPlanLoaders(st, opts),
		Updates: newUpdateLoaders(st, opts),
		Family:  newFamilyLoaders(st, opts),

		Partners: newPartnerLoaders(st, opts),
		Audit:    newAuditLoaders(st, opts),
	}
}

// CareLevels returns the catalogue, loaded at most once per request.
func (l *Loaders) CareLevels() ([]domain.CareLevel, error) { return l.careLevels() }

// CareLevelsByCode returns the catalogue keyed by code, built once per
// request: every member of a list looks its level up in it.
func (l *Loaders) CareLevelsByCode() (map[string]domain.CareLevel, error) {
	return l.careLevelsByCode()
}

// census holds the counts in care by level, read once per request.
type census struct {
	count  func(context.Context, []int64) (map[string]int, error)
	once   sync.Once
	counts map[string]int
	err    error
}

// InCareByLevel counts the active members at each level now among within
// (nil: everyone), once per request: every level of a careLevels list
// reads the same counts. The callers of one request pass the same scope
// (the viewer's, which does not change within a request).
func (l *Loaders) InCareByLevel(ctx context.Context, within []int64) (map[string]int, error) {
	l.census.once.Do(func() { l.census.counts, l.census.err = l.census.count(ctx, within) })
	return l.census.counts, l.census.err
}

func byCode(levels []domain.CareLevel, err error) (map[string]domain.CareLevel, error) {
	if err != nil {
		return nil, err
	}
	out := make(map[string]domain.CareLevel, len(levels))
	for _, level := range levels {
		out[level.Code] = level
	}
	return out, nil
}

// fromMap adapts a store lookup that returns a map into a batch function;
// a missing key yields the zero value (nil), which callers read as "none".
func fromMap[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error)) func(context.Context, []K) ([]V, []error) {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		found, err := fetch(ctx, keys)
		values := make([]V, len(keys))
		if err != nil {
			errs := make([]error, len(keys))
			for i := range errs {
				errs[i] = err
			}
			return values, errs
		}
		for i, k := range keys {
			values[i] = found[k]
		}
		return values, nil
	}
}

type key struct{}

// Middleware puts fresh loaders into every request's context.
func Middleware(st *store.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			ctx = context.WithValue(ctx, key{}, New(ctx, st))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders {
	return ctx.Value(key{}).(*Loaders)
}
