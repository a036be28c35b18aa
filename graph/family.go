package graph

import (
	"context"
	"strings"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// familyUserID is the id of a FAMILY user; false for anyone else. A family
// viewer sees only what consents naming their own contacts disclose, so the
// result of these fields is tied to the viewer itself.
func familyUserID(u *domain.User) (int64, bool) {
	if u == nil || u.Role != domain.RoleFamily {
		return 0, false
	}
	return u.ID, true
}

// familyDisclosures are what the active consents naming the user's contacts
// disclose now, member by member; none for anyone but a FAMILY user.
func familyDisclosures(ctx context.Context, u *domain.User) ([]domain.Disclosure, error) {
	id, ok := familyUserID(u)
	if !ok {
		return nil, nil
	}
	return loaders.For(ctx).Family.Disclosures.Load(ctx, id)
}

// familyDisclosure is what the user may see of one member now; nil when
// nothing (no active consent names them, or they are not family).
func familyDisclosure(ctx context.Context, u *domain.User, memberID int64) (*domain.Disclosure, error) {
	all, err := familyDisclosures(ctx, u)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].MemberID == memberID {
			return &all[i], nil
		}
	}
	return nil, nil
}

// familySharedMemberNode resolves a SharedMember ID: only for the family
// viewer a member shares with now; anyone else gets NOT_FOUND, as for an
// unknown ID, so the answer tells nothing about who shares what.
func familySharedMemberNode(ctx context.Context, u *domain.User, id string) (model.Node, error) {
	memberID, err := globalid.DecodeInt(id, globalid.TypeSharedMember)
	if err != nil {
		return nil, err
	}
	d, err := familyDisclosure(ctx, u, memberID)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, notFound(id)
	}
	return &model.SharedMember{Disclosure: *d}, nil
}

// familySharedUpdateNode resolves a SharedUpdate ID: a shareable update of
// a member who shares its kind with the family viewer now; NOT_FOUND for
// anything else.
func familySharedUpdateNode(ctx context.Context, u *domain.User, id string) (model.Node, error) {
	updateID, err := globalid.DecodeInt(id, globalid.TypeSharedUpdate)
	if err != nil {
		return nil, err
	}
	if _, ok := familyUserID(u); !ok {
		return nil, notFound(id)
	}
	up, err := loaders.For(ctx).Updates.Update.Load(ctx, updateID)
	if err != nil {
		return nil, err
	}
	if up == nil {
		return nil, notFound(id)
	}
	d, err := familyDisclosure(ctx, u, up.MemberID)
	if err != nil {
		return nil, err
	}
	if d == nil || !domain.SharesUpdate(d.Kinds, up) {
		return nil, notFound(id)
	}
	return model.NewSharedUpdate(up), nil
}

// familyInvitationURL is the link a contact opens: the token rides in the
// fragment, which browsers never send to a server, so it stays out of logs
// and Referer headers.
func familyInvitationURL(publicURL, token string) string {
	return strings.TrimSuffix(publicURL, "/") + "/invitation#token=" + token
}

// familySharedUpdates pages a shared member's updates that
// domain.SharesUpdate lets the viewer see (in SQL: shareable, of the
// update kinds the consents cover); no covered kind is an empty page
// without a query.
func familySharedUpdates(ctx context.Context, d domain.Disclosure, first *int, after *string, last *int, before *string) (*model.Connection[*model.SharedUpdate], error) {
	kinds := domain.SharedUpdateKinds(d.Kinds)
	if len(kinds) == 0 {
		if _, err := pageRequest(first, after, last, before); err != nil {
			return nil, err
		}
		return newConnection(store.Page[*model.SharedUpdate]{}, func(context.Context) (int, error) { return 0, nil }), nil
	}
	conn, err := nestedConnection(ctx, loaders.For(ctx).Family.SharedUpdates, d.MemberID, store.NewUpdateKinds(kinds), first, after, last, before)
	if err != nil {
		return nil, err
	}
	out := &model.Connection[*model.SharedUpdate]{
		Edges:    make([]*model.Edge[*model.SharedUpdate], len(conn.Edges)),
		Nodes:    make([]*model.SharedUpdate, len(conn.Nodes)),
		PageInfo: conn.PageInfo, Count: conn.Count,
	}
	for i, u := range conn.Nodes {
		out.Nodes[i] = model.NewSharedUpdate(u)
		out.Edges[i] = &model.Edge[*model.SharedUpdate]{Cursor: conn.Edges[i].Cursor, Node: out.Nodes[i]}
	}
	return out, nil
}

// familyConsentInput decodes grantConsent's input.
func familyConsentInput(in model.GrantConsentInput) (domain.ConsentInput, error) {
	out := domain.ConsentInput{PartnerName: in.PartnerName, Purpose: in.Purpose, InformationKinds: in.InformationKinds,
		ExpiresAt: in.ExpiresAt, ExpiresOnEvent: in.ExpiresOnEvent, SignatureName: in.SignatureName, SignedAt: in.SignedAt}
	var err error
	if out.MemberID, err = globalid.DecodeField(in.MemberID, globalid.TypeMember, "memberId"); err != nil {
		return out, err
	}
	if out.FamilyContactID, err = globalid.DecodeOptionalField(in.FamilyContactID, globalid.TypeFamilyContact, "familyContactId"); err != nil {
		return out, err
	}
	if out.PartnerID, err = globalid.DecodeOptionalField(in.PartnerID, globalid.TypePartner, "partnerId"); err != nil {
		return out, err
	}
	out.APIKeyID, err = globalid.DecodeOptionalField(in.APIKeyID, globalid.TypeApiKey, "apiKeyId")
	return out, err
}

// familyAttendanceEntries decodes recordFamilyAttendance's lines; an error
// points at the line.
func familyAttendanceEntries(in []*model.FamilyAttendanceEntryInput) ([]domain.FamilyAttendanceEntry, error) {
	out := make([]domain.FamilyAttendanceEntry, len(in))
	for i, e := range in {
		id, err := globalid.DecodeInt(e.FamilyContactID, globalid.TypeFamilyContact)
		if ue := domain.AsError(err); ue != nil {
			return nil, domain.GroupLineError(ue.Code, "entries", i, "familyContactId", ue.Message)
		} else if err != nil {
			return nil, err
		}
		out[i] = domain.FamilyAttendanceEntry{FamilyContactID: id, Status: e.Status}
	}
	return out, nil
}

// familySharedMembers pages the members who share with a FAMILY user now
// (store.SharedMemberPagesByUserID, in SQL), each with what its consents
// disclose (familyDisclosures, read once per request). Anyone else gets an
// empty page without a query.
func familySharedMembers(ctx context.Context, u *domain.User, first *int, after *string, last *int, before *string) (*model.Connection[*model.SharedMember], error) {
	userID, ok := familyUserID(u)
	if !ok {
		return listConnection(first, after, last, before, func(store.PageRequest) (store.Page[*model.SharedMember], error) {
			return store.Page[*model.SharedMember]{}, nil
		}, func(context.Context) (int, error) { return 0, nil })
	}
	ids, err := nestedPage(ctx, loaders.For(ctx).Family.SharedMemberPages, userID, loaders.NoFilter{}, first, after, last, before)
	if err != nil {
		return nil, err
	}
	all, err := familyDisclosures(ctx, u)
	if err != nil {
		return nil, err
	}
	byMember := make(map[int64]domain.Disclosure, len(all))
	for _, d := range all {
		byMember[d.MemberID] = d
	}
	page := store.Page[*model.SharedMember]{HasNextPage: ids.HasNextPage, HasPreviousPage: ids.HasPreviousPage, Total: ids.Total}
	for i, id := range ids.Items {
		// The page and the disclosures are read at two instants: a consent
		// that ended in between discloses nothing, so its member is left out.
		d, ok := byMember[id]
		if !ok {
			continue
		}
		page.Items = append(page.Items, &model.SharedMember{Disclosure: d})
		page.Cursors = append(page.Cursors, ids.Cursors[i])
	}
	return pageConnection(page), nil
}
