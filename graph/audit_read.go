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

// optionalID turns a stored id where 0 means none into an optional one.
func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// optionalString turns a stored text where "" means none into a nullable one.
func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// optionalGlobalID is the global ID of an object of typeName, nil when id is 0.
func optionalGlobalID(typeName string, id int64) *string {
	if id == 0 {
		return nil
	}
	s := globalid.EncodeInt(typeName, id)
	return &s
}
