package graph

import (
	"carejourney/graph/globalid"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// auditFilter decodes the filter of auditEvents. actorId may name a user
// or a partner's API key.
func auditFilter(f *model.AuditEventFilter) (store.AuditFilter, error) {
	var out store.AuditFilter
	if f == nil {
		return out, nil
	}
	out.From, out.To = rangeEnds(f.OccurredWithin)
	if f.Action != nil {
		out.Action = *f.Action
	}
	if f.MemberID != nil {
		id, err := globalid.DecodeInt(*f.MemberID, globalid.TypeMember)
		if err != nil {
			return out, err
		}
		out.MemberID = id
	}
	if f.ActorID != nil {
		typeName, _, err := globalid.Decode(*f.ActorID)
		if err != nil {
			return out, err
		}
		switch typeName {
		case globalid.TypeApiKey:
			out.ActorKeyID, err = globalid.DecodeInt(*f.ActorID, typeName)
		case globalid.TypeUser:
			out.ActorUserID, err = globalid.DecodeInt(*f.ActorID, typeName)
		default:
			err = domain.Errorf(domain.CodeInvalidInput, "actorId must be the ID of a user or an API key.")
		}
		if err != nil {
			return out, err
		}
	}
	return out, nil
}
