package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/middleware"
	"carejourney/graph/model"
	"carejourney/server/auth"
	"carejourney/server/domain"
)

// node fetches any object by global ID. Unknown objects are NOT_FOUND
// errors, malformed IDs BAD_USER_INPUT.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	typeName, _, err := globalid.Decode(id)
	if err != nil {
		return nil, err
	}
	l := loaders.For(ctx)
	var n model.Node
	switch typeName {
	case globalid.TypeMember:
		n, err = loadByID(ctx, id, typeName, l.Member.Load)
	case globalid.TypeCareEpisode:
		n, err = loadByID(ctx, id, typeName, l.Episode.Load)
	case globalid.TypeUser:
		n, err = loadByID(ctx, id, typeName, l.User.Load)
	case globalid.TypeCareLevel:
		n, err = careLevelByID(l, id)
	case globalid.TypePeer:
		n, err = loadByID(ctx, id, typeName, l.Peers.Peer.Load)
	case globalid.TypePeerAssignment:
		n, err = loadByID(ctx, id, typeName, l.Peers.Assignment.Load)
	case globalid.TypePeerConversation:
		n, err = loadByID(ctx, id, typeName, l.Peers.Conversation.Load)
	case globalid.TypeHouse:
		n, err = loadByID(ctx, id, typeName, l.Houses.House.Load)
	case globalid.TypeResidency:
		n, err = loadByID(ctx, id, typeName, l.Houses.Residency.Load)
	case globalid.TypeGroup:
		n, err = loadByID(ctx, id, typeName, l.Groups.Group.Load)
	case globalid.TypeMeeting:
		n, err = loadByID(ctx, id, typeName, l.Groups.Meeting.Load)
	case globalid.TypeAftercarePlan:
		n, err = loadByID(ctx, id, typeName, l.Plans.Plan.Load)
	case globalid.TypeAftercareGoal:
		n, err = loadByID(ctx, id, typeName, l.Plans.Goal.Load)
	case globalid.TypeAftercareCommitment:
		n, err = loadByID(ctx, id, typeName, l.Plans.Commitment.Load)
	case globalid.TypeCheckIn:
		n, err = loadByID(ctx, id, typeName, l.Plans.CheckIn.Load)
	case globalid.TypeRecoveryCapitalAssessment:
		n, err = loadByID(ctx, id, typeName, l.Plans.RecoveryCapital.Load)
	case globalid.TypeUpdate:
		n, err = loadByID(ctx, id, typeName, l.Updates.Update.Load)
	case globalid.TypeFamilyContact:
		n, err = loadByID(ctx, id, typeName, l.Family.Contact.Load)
	case globalid.TypeConsent:
		n, err = loadByID(ctx, id, typeName, l.Family.Consent.Load)
	case globalid.TypeSharedMember:
		n, err = familySharedMemberNode(ctx, viewerUser(ctx), id)
	case globalid.TypeSharedUpdate:
		n, err = familySharedUpdateNode(ctx, viewerUser(ctx), id)
	case globalid.TypeApiKey:
		n, err = loadByID(ctx, id, typeName, l.Partners.APIKey.Load)
	case globalid.TypePartner:
		n, err = loadByID(ctx, id, typeName, l.Partners.Partner.Load)
	case globalid.TypeAuditEvent:
		n, err = loadByID(ctx, id, typeName, l.Audit.Event.Load)
	default:
		err = notFound(id)
	}
	return n, err
}

// maxNodes bounds one nodes() call, like a connection page.
const maxNodes = 100

// nodes fetches several objects; each failure is reported at its index.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if len(ids) > maxNodes {
		return nil, domain.Errorf(domain.CodeInvalidInput, "Ask for at most %d IDs at once.", maxNodes)
	}
	// Each lookup runs in its own goroutine so that the loaders batch them
	// into one statement per type instead of one per ID.
	out := make([]model.Node, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = r.node(ctx, id)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			graphql.AddError(graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i)), err)
		}
	}
	return out, nil
}

// viewerUser is the signed-in user, nil for nobody.
func viewerUser(ctx context.Context) *domain.User {
	if v := auth.ViewerFrom(ctx); v != nil {
		return v.User
	}
	return nil
}

func notFound(id string) error { return middleware.NotFound(id) }

// loadByID decodes id and loads it, turning "none" into NOT_FOUND. The
// result is returned as a Node only when found: a typed nil pointer inside
// an interface would not read as null.
func loadByID[T any](ctx context.Context, id, typeName string, load func(context.Context, int64) (*T, error)) (model.Node, error) {
	key, err := globalid.DecodeInt(id, typeName)
	if err != nil {
		return nil, err
	}
	v, err := load(ctx, key)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, notFound(id)
	}
	return v, nil
}

func careLevelByID(l *loaders.Loaders, id string) (model.Node, error) {
	_, code, _ := globalid.Decode(id)
	levels, err := l.CareLevelsByCode()
	if err != nil {
		return nil, err
	}
	level, ok := levels[code]
	if !ok {
		return nil, notFound(id)
	}
	return &level, nil
}

// lookup is loadByID for a query that returns one type: a missing object is
// NOT_FOUND, never a typed nil.
func lookup[T any](ctx context.Context, id, typeName string, load func(context.Context, int64) (*T, error)) (*T, error) {
	n, err := loadByID(ctx, id, typeName, load)
	if err != nil {
		return nil, err
	}
	return n.(*T), nil
}
