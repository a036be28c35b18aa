package e2e

import (
	"fmt"
	"testing"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// TestFamilyListsNoNPlusOne: the consents naming each of a page of
// members' contacts, and the family attendance of many meetings, load in
// one statement per relation however many parents there are.
func TestFamilyListsNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	group := familySQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone) VALUES ('Family Night', 'FAMILY', 'HYBRID', 'UTC') RETURNING id`)
	var meetings []string
	added := 0
	add := func(n int) {
		for range n {
			added++
			memberID, _ := familyMember(t, s, "Member", fmt.Sprintf("L%03d", added))
			r := staff.do(familyAddContact, vars{"in": vars{"memberId": memberID, "name": "Pat Parent", "relationship": "Mother",
				"email": fmt.Sprintf("pat%d@example.org", added)}})
			familyNoUserErrors(t, r, "addFamilyContact")
			contactID := r.str(t, "addFamilyContact.familyContact.id")
			familyConsent(t, staff, memberID, contactID, "MILESTONES")
			familyConsent(t, staff, memberID, contactID, "CARE_LEVEL")
			meeting := familySQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, now() - interval '2 days', now() - interval '2 days' + interval '1 hour') RETURNING id`, group)
			familySQL(t, s, `INSERT INTO family_attendance (meeting_id, family_contact_id, status) VALUES (?, ?, 'PRESENT') RETURNING meeting_id`,
				meeting, decodeID(t, contactID))
			meetings = append(meetings, globalid.EncodeInt(globalid.TypeMeeting, meeting))
		}
	}
	const query = `query($ids: [ID!]!) {
		members(first: 100) { nodes { familyContacts(first: 5) { nodes { consents(first: 5) { totalCount nodes { id status } } } } } }
		nodes(ids: $ids) { ... on Meeting { familyAttendance(first: 5) { totalCount nodes { status familyContact { name } } } } } }`
	measure := func(n int, floor int64) int64 {
		add(n)
		statements, r := s.fewestStatements(t, staff, query, vars{"ids": meetings}, floor)
		for _, m := range r.list(t, "members.nodes") {
			contacts := groupsField(groupsField(m, "familyContacts"), "nodes").([]any)
			if len(contacts) != 1 || groupsField(groupsField(contacts[0], "consents"), "totalCount") != float64(2) {
				t.Fatalf("contacts %v", contacts)
			}
		}
		for _, m := range r.list(t, "nodes") {
			if att := groupsField(m, "familyAttendance"); groupsField(att, "totalCount") != float64(1) ||
				groupsField(groupsField(att, "nodes").([]any)[0], "status") != "PRESENT" {
				t.Fatalf("family attendance %v", att)
			}
		}
		return statements
	}
	small := measure(2, 0)
	large := measure(8, small)
	fmt.Printf("N+1 check (family lists): 2 members -> %d statements, 10 -> %d statements\n", small, large)
	if grows(small, large) {
		t.Errorf("statements grow with the members: %d for 2, %d for 10", small, large)
	}
}
