package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"carejourney/graph"
	"carejourney/graph/generated"
	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// familySQL runs an INSERT … RETURNING id and returns the id.
func familySQL(t testing.TB, s *server, query string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := s.Store.DB().NewRaw(query, args...).Scan(context.Background(), &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// familyMember builds a member with something of every kind to share: a
// recovery start date 100 days ago (milestone updates), an admission to IOP
// (a care-level update), a move into a house (a housing update), a
// shareable and an internal note, and a meeting attended three days ago.
// It returns the member's global ID.
func familyMember(t testing.TB, s *server, first, last string) (string, int64) {
	t.Helper()
	ctx := context.Background()
	st := s.Store
	start := st.Today().AddDate(0, 0, -100)
	m, err := st.CreateMember(ctx, 0, domain.MemberFields{FirstName: &first, LastName: &last, RecoveryStartDate: &start})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AdmitMember(ctx, 0, store.AdmitInput{MemberID: m.ID, CareLevelCode: "IOP", StartedAt: time.Now().AddDate(0, 0, -30)}); err != nil {
		t.Fatal(err)
	}
	house := familySQL(t, s, `INSERT INTO houses (name, capacity, gender_designation, narr_level) VALUES (?, 8, 'CO_ED', 'II') RETURNING id`,
		"House of "+first+" "+last)
	if _, err := st.MoveIntoHouse(ctx, 0, store.MoveInInput{MemberID: m.ID, HouseID: house, MoveInAt: time.Now().AddDate(0, 0, -20)}); err != nil {
		t.Fatal(err)
	}
	for _, shareable := range []bool{true, false} {
		body := "Internal: discussed a lapse risk"
		if shareable {
			body = "Shared: celebrated a sober birthday"
		}
		if _, err := st.PostUpdate(ctx, 0, store.NoteInput{MemberID: m.ID, Body: body, Shareable: shareable}); err != nil {
			t.Fatal(err)
		}
	}
	group := familySQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone) VALUES (?, 'AFTERCARE', 'VIRTUAL', 'UTC') RETURNING id`,
		"Aftercare of "+first+" "+last)
	meeting := familySQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, now() - interval '3 days', now() - interval '3 days' + interval '1 hour') RETURNING id`, group)
	if _, err := st.RecordAttendance(ctx, 0, meeting, []domain.AttendanceEntry{{MemberID: m.ID, Status: domain.AttendancePresent}}); err != nil {
		t.Fatal(err)
	}
	return globalid.EncodeInt(globalid.TypeMember, m.ID), m.ID
}

const (
	familyAddContact = `mutation($in: AddFamilyContactInput!) { addFamilyContact(input: $in) {
		familyContact { id name email hasAccount member { id } } userErrors { code field message } } }`
	familyInviteContact = `mutation($id: ID!) { inviteFamilyContact(input: {familyContactId: $id}) {
		familyContact { id } invitationUrl invitationToken expiresAt userErrors { code field message } } }`
	familyAccept = `mutation($in: AcceptInvitationInput!) { acceptInvitation(input: $in) {
		viewer { user { email role } sharedMembers { nodes { displayName } } } userErrors { code field message } } }`
	familyGrant = `mutation($in: GrantConsentInput!) { grantConsent(input: $in) {
		consent { id status informationKinds expiresAt expiresOnEvent familyContact { id } partnerName partner { id } recordedBy { name } }
		userErrors { code field message } } }`
	familyRevoke = `mutation($in: RevokeConsentInput!) { revokeConsent(input: $in) {
		consent { id status revokedAt revocationReason } userErrors { code field message } } }`
	familyView = `{ viewer { sharedMembers { nodes { id displayName sharedKinds consentExpiresAt consentExpiresOnEvent
		daysInRecovery milestones { next { label } } currentCareLevel { code } houseName attendanceWeeks { weekStartsOn attended }
		sharedUpdates(first: 50) { totalCount nodes { id kind body occurredAt } } } } } }`
	familyPassword = "a long family passphrase"
)

// familyNoUserErrors fails when a payload reports userErrors.
func familyNoUserErrors(t testing.TB, r *response, payload string) {
	t.Helper()
	r.noErrors(t)
	if codes := r.userErrorCodes(t, payload); len(codes) > 0 {
		t.Fatalf("%s: userErrors %v", payload, r.get(t, payload+".userErrors"))
	}
}

// familyAddAndInvite adds a contact of the member over the API, invites
// them and returns the contact's ID and the invitation token.
func familyAddAndInvite(t testing.TB, staff *client, memberID, name, email string) (string, string) {
	t.Helper()
	added := staff.do(familyAddContact, vars{"in": vars{"memberId": memberID, "name": name, "relationship": "Mother", "email": email}})
	familyNoUserErrors(t, added, "addFamilyContact")
	contactID := added.str(t, "addFamilyContact.familyContact.id")
	invited := staff.do(familyInviteContact, vars{"id": contactID})
	familyNoUserErrors(t, invited, "inviteFamilyContact")
	return contactID, invited.str(t, "inviteFamilyContact.invitationToken")
}

// familyConsent grants a consent to a contact, good for a year, over the API.
func familyConsent(t testing.TB, staff *client, memberID, contactID string, kinds ...string) string {
	t.Helper()
	r := staff.do(familyGrant, vars{"in": vars{"memberId": memberID, "familyContactId": contactID, "purpose": "Keep my family informed",
		"informationKinds": kinds, "expiresAt": time.Now().AddDate(1, 0, 0).Format(time.RFC3339),
		"signatureName": "Signed", "signedAt": time.Now().Add(-time.Hour).Format(time.RFC3339)}})
	familyNoUserErrors(t, r, "grantConsent")
	return r.str(t, "grantConsent.consent.id")
}

// familyShared reads the family viewer's shared members.
func familyShared(t testing.TB, c *client) []map[string]any {
	t.Helper()
	r := c.do(familyView, nil)
	r.noErrors(t)
	var out []map[string]any
	for _, m := range r.list(t, "viewer.sharedMembers.nodes") {
		out = append(out, m.(map[string]any))
	}
	return out
}

func familyStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}

// familyUpdateKinds lists the kinds and bodies of a shared member's updates.
func familyUpdateKinds(m map[string]any) (kinds map[string]int, bodies []string) {
	kinds = map[string]int{}
	for _, u := range m["sharedUpdates"].(map[string]any)["nodes"].([]any) {
		kinds[u.(map[string]any)["kind"].(string)]++
		bodies = append(bodies, u.(map[string]any)["body"].(string))
	}
	return kinds, bodies
}

// TestFamilyPortal walks the whole family flow over HTTP: staff add a
// contact, invite them, record a consent; the contact accepts, is signed in
// and sees exactly what the consent covers; a second consent adds its kinds;
// revocation and expiry take effect on the next request.
func TestFamilyPortal(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	memberID, _ := familyMember(t, s, "Rosa", "Vega")
	otherID, _ := familyMember(t, s, "Ana", "Diaz")

	contactID, token := familyAddAndInvite(t, staff, memberID, "Elena Vega", "Elena.Vega@Example.org")
	dup := staff.do(familyAddContact, vars{"in": vars{"memberId": memberID, "name": "E. Vega", "relationship": "Mother", "email": "elena.vega@example.org"}})
	groupsWantUserError(t, dup, "addFamilyContact", "DUPLICATE", "input", "email")
	invited := staff.do(familyInviteContact, vars{"id": contactID})
	familyNoUserErrors(t, invited, "inviteFamilyContact")
	url := invited.str(t, "inviteFamilyContact.invitationUrl")
	newToken := invited.str(t, "inviteFamilyContact.invitationToken")
	if url != "http://localhost:8080/invitation#token="+newToken || len(newToken) < 40 {
		t.Errorf("invitation URL %q, token %q", url, newToken)
	}
	if exp := groupsTime(t, invited.get(t, "inviteFamilyContact.expiresAt")); exp.Sub(time.Now()) < 167*time.Hour || exp.Sub(time.Now()) > 169*time.Hour {
		t.Errorf("invitation expires at %v, want in 7 days", exp)
	}
	// The newer invitation replaced the first.
	family := s.client(t)
	stale := family.do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}})
	groupsWantUserError(t, stale, "acceptInvitation", "INVITATION_INVALID", "input", "token")

	familyConsent(t, staff, memberID, contactID, "MILESTONES", "HOUSING", "ATTENDANCE_SUMMARY")

	weak := family.do(familyAccept, vars{"in": vars{"token": newToken, "password": "short"}})
	groupsWantUserError(t, weak, "acceptInvitation", "INVALID_INPUT", "input", "password")
	accepted := family.do(familyAccept, vars{"in": vars{"token": newToken, "password": familyPassword}})
	familyNoUserErrors(t, accepted, "acceptInvitation")
	if accepted.str(t, "acceptInvitation.viewer.user.role") != "FAMILY" || accepted.str(t, "acceptInvitation.viewer.user.email") != "elena.vega@example.org" ||
		len(accepted.list(t, "acceptInvitation.viewer.sharedMembers.nodes")) != 1 {
		t.Fatalf("accepted: %v", accepted.get(t, "acceptInvitation.viewer"))
	}
	again := s.client(t).do(familyAccept, vars{"in": vars{"token": newToken, "password": familyPassword}})
	groupsWantUserError(t, again, "acceptInvitation", "INVITATION_INVALID", "input", "token")
	contact := staff.do(`query($id: ID!) { node(id: $id) { ... on FamilyContact { hasAccount consents { totalCount nodes { status } } } } }`, vars{"id": contactID})
	contact.noErrors(t)
	if contact.get(t, "node.hasAccount") != true || len(contact.list(t, "node.consents.nodes")) != 1 || contact.get(t, "node.consents.totalCount") != float64(1) {
		t.Errorf("contact after accepting: %v", contact.get(t, "node"))
	}

	// The cookie set by acceptInvitation signs the contact in.
	shared := familyShared(t, family)
	if len(shared) != 1 {
		t.Fatalf("shared members %v, want one", shared)
	}
	m := shared[0]
	if m["displayName"] != "Rosa Vega" || !slices.Equal(familyStrings(m["sharedKinds"]), []string{"MILESTONES", "HOUSING", "ATTENDANCE_SUMMARY"}) {
		t.Errorf("shared member %v", m)
	}
	if m["daysInRecovery"] != float64(100) || m["milestones"] == nil || m["houseName"] != "House of Rosa Vega" || m["currentCareLevel"] != nil {
		t.Errorf("consented fields must show, others be null: %v", m)
	}
	attended := 0.0
	for _, w := range m["attendanceWeeks"].([]any) {
		attended += w.(map[string]any)["attended"].(float64)
	}
	if attended != 1 {
		t.Errorf("attendance weeks count %v meetings, want 1", attended)
	}
	kinds, bodies := familyUpdateKinds(m)
	if kinds["MILESTONE"] == 0 || kinds["HOUSING_CHANGE"] != 1 || kinds["NOTE"] != 0 || kinds["CARE_LEVEL_CHANGE"] != 0 {
		t.Errorf("shared update kinds %v, want milestones and housing only", kinds)
	}
	if n := m["sharedUpdates"].(map[string]any)["totalCount"]; n != float64(len(bodies)) {
		t.Errorf("totalCount %v, %d nodes", n, len(bodies))
	}

	// A second consent from the member adds notes; only shareable ones show.
	notesConsent := familyConsent(t, staff, memberID, contactID, "NOTES", "CARE_LEVEL")
	m = familyShared(t, family)[0]
	if !slices.Equal(familyStrings(m["sharedKinds"]), []string{"MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY", "NOTES"}) ||
		m["currentCareLevel"].(map[string]any)["code"] != "IOP" {
		t.Errorf("two consents combine: %v", m)
	}
	kinds, bodies = familyUpdateKinds(m)
	if kinds["NOTE"] != 1 || kinds["CARE_LEVEL_CHANGE"] != 1 || !slices.Contains(bodies, "Shared: celebrated a sober birthday") {
		t.Errorf("with notes: kinds %v bodies %v", kinds, bodies)
	}
	for _, b := range bodies {
		if strings.HasPrefix(b, "Internal") {
			t.Errorf("an internal note reached family: %q", b)
		}
	}

	// Staff cannot see a shared member: it exists only for the family viewer.
	sharedID := m["id"].(string)
	denied := staff.do(`query($id: ID!) { node(id: $id) { id } }`, vars{"id": sharedID})
	if codes := denied.errorCodes(); !slices.Equal(codes, []string{"NOT_FOUND"}) {
		t.Errorf("staff node(SharedMember): %v", codes)
	}

	// Revocation takes effect on the next request.
	consents := staff.do(`query($id: ID!) { node(id: $id) { ... on Member { consents { nodes { id status } } familyContacts { nodes { name } } } } }`, vars{"id": memberID})
	consents.noErrors(t)
	if len(consents.list(t, "node.consents.nodes")) != 2 || len(consents.list(t, "node.familyContacts.nodes")) != 1 {
		t.Fatalf("member's consents %v", consents.get(t, "node"))
	}
	revoked := staff.do(familyRevoke, vars{"in": vars{"consentId": notesConsent, "reason": "Asked in writing"}})
	familyNoUserErrors(t, revoked, "revokeConsent")
	if revoked.str(t, "revokeConsent.consent.status") != "REVOKED" {
		t.Errorf("revoked consent: %v", revoked.get(t, "revokeConsent.consent"))
	}
	twice := staff.do(familyRevoke, vars{"in": vars{"consentId": notesConsent, "reason": "Again"}})
	groupsWantUserError(t, twice, "revokeConsent", "ALREADY_REVOKED", "input", "consentId")
	m = familyShared(t, family)[0]
	if !slices.Equal(familyStrings(m["sharedKinds"]), []string{"MILESTONES", "HOUSING", "ATTENDANCE_SUMMARY"}) || m["currentCareLevel"] != nil {
		t.Errorf("after revoking the notes consent: %v", m)
	}
	first := consents.list(t, "node.consents.nodes")[1].(map[string]any)["id"].(string)
	familyNoUserErrors(t, staff.do(familyRevoke, vars{"in": vars{"consentId": first, "reason": "Asked in writing"}}), "revokeConsent")
	if shared := familyShared(t, family); len(shared) != 0 {
		t.Fatalf("after revoking every consent: %v", shared)
	}

	// An expired consent shows nothing either: one that runs out in a moment.
	other, otherToken := familyAddAndInvite(t, staff, otherID, "Luis Diaz", "luis.diaz@example.org")
	r := staff.do(familyGrant, vars{"in": vars{"memberId": otherID, "familyContactId": other, "purpose": "Short visit",
		"informationKinds": []string{"MILESTONES"}, "expiresAt": time.Now().Add(1500 * time.Millisecond).Format(time.RFC3339Nano),
		"signatureName": "Ana Diaz", "signedAt": time.Now().Add(-time.Minute).Format(time.RFC3339)}})
	familyNoUserErrors(t, r, "grantConsent")
	luis := s.client(t)
	familyNoUserErrors(t, luis.do(familyAccept, vars{"in": vars{"token": otherToken, "password": familyPassword}}), "acceptInvitation")
	if n := len(familyShared(t, luis)); n != 1 {
		t.Fatalf("before expiry: %d shared members", n)
	}
	time.Sleep(time.Until(groupsTime(t, r.get(t, "grantConsent.consent.expiresAt"))) + 50*time.Millisecond)
	if shared := familyShared(t, luis); len(shared) != 0 {
		t.Fatalf("after expiry: %v", shared)
	}
	status := staff.do(`query($id: ID!) { node(id: $id) { ... on Consent { status } } }`, vars{"id": r.str(t, "grantConsent.consent.id")})
	if status.str(t, "node.status") != "EXPIRED" {
		t.Errorf("status after expiry: %v", status.get(t, "node"))
	}
}

// TestFamilyConsentEndsWithTreatment: a consent until the end of treatment
// stops disclosing with the member's discharge.
func TestFamilyConsentEndsWithTreatment(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleCaseManager)
	memberID, _ := familyMember(t, s, "Rosa", "Vega")
	contactID, token := familyAddAndInvite(t, staff, memberID, "Elena Vega", "elena@example.org")
	r := staff.do(familyGrant, vars{"in": vars{"memberId": memberID, "familyContactId": contactID, "purpose": "While in care",
		"informationKinds": []string{"CARE_LEVEL"}, "expiresOnEvent": "END_OF_TREATMENT",
		"signatureName": "Rosa Vega", "signedAt": time.Now().Add(-time.Hour).Format(time.RFC3339)}})
	familyNoUserErrors(t, r, "grantConsent")
	if r.get(t, "grantConsent.consent.expiresAt") != nil || r.str(t, "grantConsent.consent.expiresOnEvent") != "END_OF_TREATMENT" ||
		r.str(t, "grantConsent.consent.recordedBy.name") != "Test CASE_MANAGER" {
		t.Errorf("consent %v", r.get(t, "grantConsent.consent"))
	}
	family := s.client(t)
	familyNoUserErrors(t, family.do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
	shared := familyShared(t, family)
	if len(shared) != 1 || shared[0]["consentExpiresOnEvent"] != "END_OF_TREATMENT" || shared[0]["daysInRecovery"] != nil {
		t.Fatalf("before discharge: %v", shared)
	}
	d := staff.do(`mutation($in: DischargeMemberInput!) { dischargeMember(input: $in) { userErrors { code message } } }`,
		vars{"in": vars{"memberId": memberID, "endedAt": time.Now().Format(time.RFC3339), "reason": "Completed the program"}})
	familyNoUserErrors(t, d, "dischargeMember")
	if shared := familyShared(t, family); len(shared) != 0 {
		t.Fatalf("after discharge: %v", shared)
	}
}

func TestFamilyConsentRefusals(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	memberID, _ := familyMember(t, s, "Rosa", "Vega")
	otherID, _ := familyMember(t, s, "Ana", "Diaz")
	contactID, _ := familyAddAndInvite(t, staff, memberID, "Elena Vega", "elena@example.org")
	otherContact, _ := familyAddAndInvite(t, staff, otherID, "Luis Diaz", "luis@example.org")
	now := time.Now()
	valid := func() vars {
		return vars{"memberId": memberID, "familyContactId": contactID, "purpose": "Keep informed", "informationKinds": []string{"MILESTONES"},
			"expiresAt": now.AddDate(0, 6, 0).Format(time.RFC3339), "signatureName": "Rosa Vega", "signedAt": now.Add(-time.Hour).Format(time.RFC3339)}
	}
	for name, tc := range map[string]struct {
		change func(in vars)
		code   string
		field  string
	}{
		"contact of another member": {func(in vars) { in["familyContactId"] = otherContact }, "INVALID_INPUT", "familyContactId"},
		"no kinds":                  {func(in vars) { in["informationKinds"] = []string{} }, "INVALID_INPUT", "informationKinds"},
		"no purpose":                {func(in vars) { in["purpose"] = " " }, "INVALID_INPUT", "purpose"},
		"two expiries":              {func(in vars) { in["expiresOnEvent"] = "END_OF_TREATMENT" }, "INVALID_INPUT", "expiresOnEvent"},
		"no expiry":                 {func(in vars) { delete(in, "expiresAt") }, "INVALID_INPUT", "expiresAt"},
		"signed in the future":      {func(in vars) { in["signedAt"] = now.Add(time.Hour).Format(time.RFC3339) }, "IN_FUTURE", "signedAt"},
		"expired already":           {func(in vars) { in["expiresAt"] = now.Add(-time.Minute).Format(time.RFC3339) }, "INVALID_INPUT", "expiresAt"},
		"two recipients":            {func(in vars) { in["partnerName"] = "Recovery Outcomes Lab" }, "INVALID_INPUT", "partnerName"},
		"not a contact ID":          {func(in vars) { in["familyContactId"] = memberID }, "NOT_FOUND", "familyContactId"},
		"unknown key": {func(in vars) {
			delete(in, "familyContactId")
			in["apiKeyId"] = globalid.EncodeInt(globalid.TypeApiKey, 999)
		}, "NOT_FOUND", "apiKeyId"},
	} {
		in := valid()
		tc.change(in)
		r := staff.do(familyGrant, vars{"in": in})
		r.noErrors(t)
		code, field := groupsUserError(t, r, "grantConsent")
		if code != tc.code || !slices.Equal(field, []string{"input", tc.field}) || r.get(t, "grantConsent.consent") != nil {
			t.Errorf("%s: %s at %v, want %s at %s", name, code, field, tc.code, tc.field)
		}
	}
	partner := valid()
	delete(partner, "familyContactId")
	partner["partnerName"] = "Recovery Outcomes Lab"
	r := staff.do(familyGrant, vars{"in": partner})
	groupsWantUserError(t, r, "grantConsent", "NOT_FOUND", "input", "partnerName")
	lab := staff.do(`mutation { createPartner(input: {name: "Recovery Outcomes Lab"}) { partner { id name } } }`, nil)
	lab.noErrors(t)
	partner["partnerName"] = "recovery outcomes lab"
	r = staff.do(familyGrant, vars{"in": partner})
	familyNoUserErrors(t, r, "grantConsent")
	if r.str(t, "grantConsent.consent.partnerName") != "Recovery Outcomes Lab" || r.str(t, "grantConsent.consent.partner.id") != lab.str(t, "createPartner.partner.id") || r.get(t, "grantConsent.consent.familyContact") != nil ||
		r.str(t, "grantConsent.consent.status") != "ACTIVE" {
		t.Errorf("partner consent %v", r.get(t, "grantConsent.consent"))
	}
	future := staff.do(familyRevoke, vars{"in": vars{"consentId": r.str(t, "grantConsent.consent.id"), "reason": "x",
		"revokedAt": now.Add(time.Hour).Format(time.RFC3339)}})
	groupsWantUserError(t, future, "revokeConsent", "IN_FUTURE", "input", "revokedAt")
}

// TestFamilyGroupsAndAttendance: staff record family attendance at a FAMILY
// group meeting; the family viewer sees the family groups and their own
// attendance.
func TestFamilyGroupsAndAttendance(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	memberID, _ := familyMember(t, s, "Rosa", "Vega")
	contactID, token := familyAddAndInvite(t, staff, memberID, "Elena Vega", "elena@example.org")
	familyGroup := familySQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone) VALUES ('Family Night', 'FAMILY', 'HYBRID', 'UTC') RETURNING id`)
	familySQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone, active) VALUES ('Old Family Circle', 'FAMILY', 'HYBRID', 'UTC', false) RETURNING id`)
	past := familySQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, now() - interval '2 days', now() - interval '2 days' + interval '1 hour') RETURNING id`, familyGroup)
	next := familySQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, now() + interval '5 days', now() + interval '5 days' + interval '1 hour') RETURNING id`, familyGroup)
	aftercare := familySQL(t, s, `SELECT id FROM meetings ORDER BY id LIMIT 1`)
	meetingID := func(id int64) string { return globalid.EncodeInt(globalid.TypeMeeting, id) }

	const record = `mutation($in: RecordFamilyAttendanceInput!) { recordFamilyAttendance(input: $in) {
		meeting { id familyAttendance { totalCount nodes { familyContact { name } status recordedBy { name } } } } userErrors { code field message } } }`
	r := staff.do(record, vars{"in": vars{"meetingId": meetingID(past), "entries": []vars{{"familyContactId": contactID, "status": "PRESENT"}}}})
	familyNoUserErrors(t, r, "recordFamilyAttendance")
	if rows := r.list(t, "recordFamilyAttendance.meeting.familyAttendance.nodes"); len(rows) != 1 ||
		groupsField(rows[0], "status") != "PRESENT" || groupsField(groupsField(rows[0], "familyContact"), "name") != "Elena Vega" {
		t.Errorf("family attendance %v", rows)
	}
	notFamily := staff.do(record, vars{"in": vars{"meetingId": meetingID(aftercare), "entries": []vars{{"familyContactId": contactID, "status": "PRESENT"}}}})
	groupsWantUserError(t, notFamily, "recordFamilyAttendance", "INVALID_INPUT", "input", "meetingId")
	early := staff.do(record, vars{"in": vars{"meetingId": meetingID(next), "entries": []vars{{"familyContactId": contactID, "status": "PRESENT"}}}})
	groupsWantUserError(t, early, "recordFamilyAttendance", "MEETING_NOT_STARTED", "input", "entries", "0", "status")
	badLine := staff.do(record, vars{"in": vars{"meetingId": meetingID(past), "entries": []vars{{"familyContactId": memberID, "status": "PRESENT"}}}})
	groupsWantUserError(t, badLine, "recordFamilyAttendance", "NOT_FOUND", "input", "entries", "0", "familyContactId")

	family := s.client(t)
	familyNoUserErrors(t, family.do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
	view := family.do(`query($from: DateTime!) { viewer { familyGroups { nodes { name kind nextMeeting { id }
		meetings(filter: {startsWithin: {startAt: $from}}) { nodes { id viewerAttendance } } } } } }`, vars{"from": time.Now().AddDate(0, 0, -7).Format(time.RFC3339)})
	view.noErrors(t)
	groups := view.list(t, "viewer.familyGroups.nodes")
	if len(groups) != 1 || groupsField(groups[0], "name") != "Family Night" || groupsField(groupsField(groups[0], "nextMeeting"), "id") != meetingID(next) {
		t.Fatalf("family groups %v", groups)
	}
	meetings := groupsField(groupsField(groups[0], "meetings"), "nodes").([]any)
	if len(meetings) != 2 || groupsField(meetings[0], "viewerAttendance") != "PRESENT" || groupsField(meetings[1], "viewerAttendance") != nil {
		t.Errorf("own attendance %v", meetings)
	}
	// Staff see no family groups of their own, and no shared members.
	mine := staff.do(`{ viewer { familyGroups { totalCount nodes { name } } sharedMembers { totalCount nodes { id } } } }`, nil)
	mine.noErrors(t)
	if len(mine.list(t, "viewer.familyGroups.nodes")) != 0 || mine.get(t, "viewer.familyGroups.totalCount") != float64(0) || len(mine.list(t, "viewer.sharedMembers.nodes")) != 0 || mine.get(t, "viewer.sharedMembers.totalCount") != float64(0) {
		t.Errorf("staff viewer: %v", mine.get(t, "viewer"))
	}
}

// TestFamilyNoNPlusOne measures a family viewer's page with every shared
// field and the updates of each member: the statements must not grow with
// the number of members sharing with them.
func TestFamilyNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	family := s.client(t)
	added := 0
	share := func(n int) {
		for range n {
			added++
			memberID, _ := familyMember(t, s, "Member", fmt.Sprintf("N%03d", added))
			contactID, token := familyAddAndInvite(t, staff, memberID, "Pat Parent", "pat@example.org")
			familyConsent(t, staff, memberID, contactID, "MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY", "NOTES")
			// The first invitation creates the account and signs family
			// in; signed in, they accept the others, which link to it.
			familyNoUserErrors(t, family.do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
		}
	}
	const query = `{ viewer { sharedMembers(first: 100) { totalCount nodes { id displayName sharedKinds consentExpiresAt daysInRecovery
		milestones { reached { label } next { label } } currentCareLevel { code name } houseName attendanceWeeks { weekStartsOn attended }
		sharedUpdates(first: 5) { totalCount pageInfo { hasNextPage } nodes { id kind body occurredAt } } } } } }`
	measure := func(members int, floor int64) int64 {
		share(members)
		n, r := s.fewestStatements(t, family, query, nil, floor)
		shared := r.list(t, "viewer.sharedMembers.nodes")
		if len(shared) != added {
			t.Fatalf("%d shared members, want %d", len(shared), added)
		}
		for _, m := range shared {
			if len(groupsField(groupsField(m, "sharedUpdates"), "nodes").([]any)) == 0 || groupsField(m, "houseName") == nil {
				t.Fatalf("shared member without updates or house: %v", m)
			}
		}
		return n
	}
	small := measure(2, 0)
	large := measure(8, small)
	fmt.Printf("N+1 check (family): 2 shared members -> %d statements, 10 -> %d statements\n", small, large)
	if grows(small, large) {
		t.Errorf("statements grow with the members shared: %d for 2, %d for 10", small, large)
	}
}

// familyAsViewer serves the schema to a fixed signed-in user, without the
// session gate of middleware.NewHandler (which lets family users reach only
// viewer until the access model lands), to test what node resolves for them.
func familyAsViewer(s *server, u *domain.User) http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{Store: s.Store}}))
	srv.AddTransport(transport.POST{})
	inner := loaders.Middleware(s.Store)(srv)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := auth.WithViewer(r.Context(), &auth.Viewer{User: u})
		inner.ServeHTTP(w, r.WithContext(ctx))
	})
}

func familyServe(t *testing.T, h http.Handler, query string, v vars) *response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": v})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := &response{Status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), r); err != nil {
		t.Fatalf("not JSON: %s", rec.Body.String())
	}
	return r
}

// TestFamilyNode: node resolves a SharedMember and its SharedUpdates only
// for the family viewer a member shares with now; for anyone else, and
// after revocation, it is NOT_FOUND exactly like an ID nobody has.
func TestFamilyNode(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	memberID, memberKey := familyMember(t, s, "Rosa", "Vega")
	otherID, _ := familyMember(t, s, "Ana", "Diaz")
	contactID, token := familyAddAndInvite(t, staff, memberID, "Elena Vega", "elena@example.org")
	consentID := familyConsent(t, staff, memberID, contactID, "HOUSING")
	otherContact, _ := familyAddAndInvite(t, staff, otherID, "Luis Diaz", "luis@example.org")
	familyConsent(t, staff, otherID, otherContact, "HOUSING")
	familyNoUserErrors(t, s.client(t).do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
	elena, err := s.Store.UserByEmail(context.Background(), "elena@example.org")
	if err != nil || elena == nil {
		t.Fatal(err)
	}
	h := familyAsViewer(s, elena)

	const node = `query($id: ID!) { node(id: $id) { __typename ... on SharedMember { displayName houseName }
		... on SharedUpdate { kind body } } }`
	shared := globalid.EncodeInt(globalid.TypeSharedMember, memberKey)
	r := familyServe(t, h, node, vars{"id": shared})
	r.noErrors(t)
	if r.str(t, "node.displayName") != "Rosa Vega" || r.str(t, "node.houseName") != "House of Rosa Vega" {
		t.Fatalf("node(SharedMember) = %v", r.get(t, "node"))
	}
	view := familyServe(t, h, `{ viewer { sharedMembers { nodes { sharedUpdates { nodes { id kind } } } } } }`, nil)
	view.noErrors(t)
	updateID := view.str(t, "viewer.sharedMembers.nodes.0.sharedUpdates.nodes.0.id")
	if u := familyServe(t, h, node, vars{"id": updateID}); u.str(t, "node.kind") != "HOUSING_CHANGE" {
		t.Errorf("node(SharedUpdate) = %v %v", u.get(t, "node"), u.Errors)
	}

	denied := func(name, id string, h http.Handler) {
		t.Helper()
		r := familyServe(t, h, node, vars{"id": id})
		if r.get(t, "node") != nil || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "NOT_FOUND: Nothing has the ID") {
			t.Errorf("%s: node %v, errors %+v; want the unknown-ID answer", name, r.get(t, "node"), r.Errors)
		}
	}
	_, otherKey, _ := globalid.Decode(otherID)
	denied("a member who shares with someone else", globalid.Encode(globalid.TypeSharedMember, otherKey), h)
	denied("a member who does not exist", globalid.EncodeInt(globalid.TypeSharedMember, 99999), h)
	denied("an update of an unconsented kind", globalid.EncodeInt(globalid.TypeSharedUpdate, familySQL(t, s,
		`SELECT id FROM updates WHERE member_id = ? AND kind = 'MILESTONE' LIMIT 1`, memberKey)), h)
	denied("an internal note", globalid.EncodeInt(globalid.TypeSharedUpdate, familySQL(t, s,
		`SELECT id FROM updates WHERE member_id = ? AND NOT shareable LIMIT 1`, memberKey)), h)
	staffUser, _ := s.Store.UserByEmail(context.Background(), "admin@test.example")
	denied("a staff viewer", shared, familyAsViewer(s, staffUser))

	familyNoUserErrors(t, staff.do(familyRevoke, vars{"in": vars{"consentId": consentID, "reason": "Asked in writing"}}), "revokeConsent")
	denied("after revocation", shared, h)
	denied("an update after revocation", updateID, h)
}

// TestDemoFamilySignIn signs in as the demo's family users: the first sees
// one member with exactly what the consent covers (everything but notes),
// the second, whose consents were revoked and expired, sees nobody.
func TestDemoFamilySignIn(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	signIn := func(email string) *client {
		c := s.client(t)
		r := c.do(`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { role } } userErrors { code } } }`,
			vars{"in": vars{"email": email, "password": "demo-family-2026!"}})
		familyNoUserErrors(t, r, "signIn")
		if r.str(t, "signIn.viewer.user.role") != "FAMILY" {
			t.Fatalf("%s signed in as %v", email, r.get(t, "signIn.viewer"))
		}
		return c
	}
	family := signIn("family@demo.carejourney.test")
	shared := familyShared(t, family)
	if len(shared) != 1 {
		t.Fatalf("demo family user sees %d members", len(shared))
	}
	m := shared[0]
	if !slices.Equal(familyStrings(m["sharedKinds"]), []string{"MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY"}) ||
		m["daysInRecovery"] == nil || m["milestones"] == nil || m["currentCareLevel"] == nil || m["houseName"] == nil || m["attendanceWeeks"] == nil {
		t.Errorf("demo shared member %v", m)
	}
	kinds, _ := familyUpdateKinds(m)
	if kinds["NOTE"] != 0 || kinds["MILESTONE"]+kinds["CARE_LEVEL_CHANGE"]+kinds["HOUSING_CHANGE"] == 0 {
		t.Errorf("demo shared update kinds %v", kinds)
	}
	groups := family.do(`{ viewer { familyGroups { nodes { name nextMeeting { startsAt } } } } }`, nil)
	groups.noErrors(t)
	if len(groups.list(t, "viewer.familyGroups.nodes")) == 0 {
		t.Error("the demo family user sees no family group")
	}
	if shared := familyShared(t, signIn("family.revoked@demo.carejourney.test")); len(shared) != 0 {
		t.Errorf("the revoked demo family user sees %v", shared)
	}
}
