package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
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
	default:
		err = notFound(id)
	}
	return n, err
}

// nodes fetches several objects; each failure is reported at its index.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	out := make([]model.Node, len(ids))
	for i, id := range ids {
		n, err := r.node(ctx, id)
		if err != nil {
			pathCtx := graphql.WithPathContext(ctx, graphql.NewPathWithIndex(i))
			graphql.AddError(pathCtx, err)
			continue
		}
		out[i] = n
	}
	return out, nil
}

func notFound(id string) error {
	return domain.Errorf(domain.CodeNotFound, "Nothing has the ID %q.", id)
}

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
