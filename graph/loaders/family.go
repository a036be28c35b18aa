package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// FamilyLoaders batch the lookups of family contacts, consents and what
// consents disclose to a family viewer.
type FamilyLoaders struct {
	Contact *dataloadgen.Loader[int64, *domain.FamilyContact]
	Consent *dataloadgen.Loader[int64, *domain.ConsentRecord]
	// ContactPages and ConsentPages back Member.familyContacts and
	// Member.consents; ContactConsentPages FamilyContact.consents.
	ContactPages        *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.FamilyContact]]
	ConsentPages        *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.ConsentRecord]]
	ContactConsentPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.ConsentRecord]]
	// AttendancePages pages the family attendance of meetings.
	AttendancePages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.FamilyAttendance]]
	// SharedMemberPages pages, by FAMILY user id, the ids of the members
	// with a consent in force naming the user's contacts.
	SharedMemberPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[int64]]
	// ViewerAttendance is a FAMILY account's own attendance (the filter is
	// the user id) at meetings.
	ViewerAttendance *dataloadgen.Loader[FilterKey[int64], *domain.FamilyAttendance]
	// Disclosures are, by FAMILY user id, what the active consents naming
	// the user's contacts disclose now: evaluated once per request, so a
	// revocation or an expiry shows on the next request.
	Disclosures *dataloadgen.Loader[int64, []domain.Disclosure]
	// SharedUpdates pages members' shareable updates of some kinds.
	SharedUpdates *dataloadgen.Loader[ChildKey[store.UpdateKinds], store.Page[*domain.Update]]
}

func newFamilyLoaders(st *store.Store, opts []dataloadgen.Option) FamilyLoaders {
	return FamilyLoaders{
		Contact: dataloadgen.NewLoader(fromMap(st.FamilyContactsByID), opts...),
		Consent: dataloadgen.NewLoader(fromMap(st.ConsentsByID), opts...),
		ContactPages: childPageLoader(unfiltered(st.FamilyContactPagesByMemberID),
			unfilteredCount(st.CountFamilyContactsByMemberID), opts...),
		ConsentPages: childPageLoader(unfiltered(st.ConsentPagesByMemberID),
			unfilteredCount(st.CountConsentsByMemberID), opts...),
		ContactConsentPages: childPageLoader(unfiltered(st.ConsentPagesByFamilyContactID),
			unfilteredCount(st.CountConsentsByFamilyContactID), opts...),
		AttendancePages: childPageLoader(unfiltered(st.FamilyAttendancePagesByMeetingID),
			unfilteredCount(st.CountFamilyAttendanceByMeetingID), opts...),
		SharedMemberPages: childPageLoader(unfiltered(st.SharedMemberPagesByUserID),
			unfilteredCount(st.CountSharedMembersByUserID), opts...),
		ViewerAttendance: filteredLoader(func(ctx context.Context, meetings []int64, userID int64) (map[int64]*domain.FamilyAttendance, error) {
			return st.FamilyAttendanceOfUser(ctx, userID, meetings)
		}, opts...),
		Disclosures:   dataloadgen.NewLoader(fromMap(disclosuresOf(st)), opts...),
		SharedUpdates: childPageLoader(st.SharedUpdatesByMember, st.CountSharedUpdatesByMember, opts...),
	}
}

// disclosuresOf reads the consents naming each FAMILY user's contacts and
// combines the active ones (domain.ActiveDisclosures) at the store's now.
func disclosuresOf(st *store.Store) func(context.Context, []int64) (map[int64][]domain.Disclosure, error) {
	return func(ctx context.Context, userIDs []int64) (map[int64][]domain.Disclosure, error) {
		out := make(map[int64][]domain.Disclosure, len(userIDs))
		for _, id := range userIDs {
			records, err := st.ConsentsNaming(ctx, store.ConsentRecipients{FamilyUserID: &id})
			if err != nil {
				return nil, err
			}
			out[id] = domain.ActiveDisclosures(records, st.Now())
		}
		return out, nil
	}
}
