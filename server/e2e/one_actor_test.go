package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"carejourney/server/audit"
	"carejourney/server/domain"
)

// One operation acts as one actor: signIn, acceptInvitation and signOut run
// alone in their operation, the payload of a sign-in is read as the account
// signed in, and every audit event of a request names one actor.

const (
	oneActorSignIn = `signIn(input: {email: "kim@test.example", password: "correct horse battery"}) { viewer { user { id name role } } userErrors { code } }`
	oneActorCreate = `createMember(input: {firstName: "Beside", lastName: "SignIn"}) { member { id } userErrors { code } }`
)

// oneActorRefused fails unless r is the refusal of a whole operation: no
// data, one BAD_USER_INPUT error naming the field that must run alone.
func oneActorRefused(t *testing.T, name string, r *response, field string) {
	t.Helper()
	if len(r.Data) != 0 || len(r.Errors) != 1 || r.errorCodes()[0] != "BAD_USER_INPUT" || r.Status != 200 {
		t.Errorf("%s: status %d, data %v, errors %+v: want the operation refused with BAD_USER_INPUT", name, r.Status, r.Data, r.Errors)
		return
	}
	if want := field + " must be the only field of its operation"; !strings.Contains(r.Errors[0].Message, want) {
		t.Errorf("%s: message %q, want it to say %q", name, r.Errors[0].Message, want)
	}
}

func TestOneActorPerOperation(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "kim@test.example", "correct horse battery", domain.RoleClinician)
	s.createUser(t, "lee@test.example", "correct horse battery", domain.RoleAdmin)
	admin := s.signIn(t, "lee@test.example")
	members := func() float64 {
		return admin.do(`{ members(first: 1) { totalCount } }`, nil).get(t, "members.totalCount").(float64)
	}
	before := members()

	anon := s.client(t)
	for _, c := range []struct{ name, doc, field string }{
		{"a mutation after signIn", `mutation { ` + oneActorSignIn + ` ` + oneActorCreate + ` }`, "signIn"},
		{"a mutation before signIn", `mutation { ` + oneActorCreate + ` ` + oneActorSignIn + ` }`, "signIn"},
		{"two signIns under aliases", `mutation { a: ` + oneActorSignIn + ` b: signIn(input: {email: "lee@test.example", password: "correct horse battery"}) { viewer { user { id } } } }`, "signIn"},
		{"signIn through a fragment", `mutation { ...F } fragment F on Mutation { ` + oneActorSignIn + ` ` + oneActorCreate + ` }`, "signIn"},
		{"signIn beside signOut", `mutation { ` + oneActorSignIn + ` signOut { userErrors { code } } }`, "signIn"},
		{"acceptInvitation beside a mutation", `mutation { acceptInvitation(input: {token: "not a token", password: "correct horse battery"}) { userErrors { code } } ` + oneActorCreate + ` }`, "acceptInvitation"},
	} {
		r := anon.do(c.doc, nil)
		oneActorRefused(t, c.name, r, c.field)
		if events := auditOf(t, s, r); len(events) != 0 {
			t.Errorf("%s: a refused operation left %d audit events", c.name, len(events))
		}
	}
	// Nothing ran: no member was created, nobody is signed in.
	if after := members(); after != before {
		t.Errorf("members went from %v to %v: a field beside signIn ran", before, after)
	}
	if codes := anon.do(`{ viewer { user { id } } }`, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
		t.Errorf("after the refused sign-ins the client is signed in: %v", codes)
	}
	// A skipped field does not run, so it does not count.
	skipped := anon.do(`mutation { `+oneActorSignIn+` createMember(input: {firstName: "X", lastName: "Y"}) @skip(if: true) { member { id } } }`, nil)
	skipped.noErrors(t)
	// signOut beside a mutation, signed in: refused, still signed in.
	kim := s.signIn(t, "kim@test.example")
	oneActorRefused(t, "signOut beside a mutation", kim.do(`mutation { signOut { userErrors { code } } `+oneActorCreate+` }`, nil), "signOut")
	if kim.do(`{ viewer { user { id } } }`, nil).errorCodes() != nil {
		t.Error("the refused signOut signed kim out")
	}
	if after := members(); after != before {
		t.Errorf("members went from %v to %v", before, after)
	}

	// A document with a query beside the signIn mutation runs the operation
	// chosen, each as the actor of its request.
	doc := `query Who { viewer { user { id } } } mutation In { ` + oneActorSignIn + ` }`
	fresh := s.client(t)
	who := fresh.doOperation(doc, "Who", nil)
	if !slices.Equal(who.errorCodes(), []string{"UNAUTHENTICATED"}) {
		t.Errorf("the query of the document ran as someone: %+v", who.Errors)
	}
	in := fresh.doOperation(doc, "In", nil)
	in.noErrors(t)
	kimID := in.str(t, "signIn.viewer.user.id")
	if in.str(t, "signIn.viewer.user.role") != "CLINICIAN" {
		t.Errorf("signIn's viewer: %v", in.get(t, "signIn.viewer"))
	}
	// Every event of the sign-in names the account signed in.
	for _, e := range auditOf(t, s, in) {
		if e.ActorKind != audit.ActorUser || e.ActorUserID != decodeID(t, kimID) {
			t.Errorf("sign-in event %s names %s %d, want user %d", e.Action, e.ActorKind, e.ActorUserID, decodeID(t, kimID))
		}
	}
	if again := fresh.doOperation(doc, "Who", nil); again.str(t, "viewer.user.id") != kimID {
		t.Errorf("after signIn the query runs as %v", again.Data)
	}
}

// TestOneActorAcceptInvitation: the payload of acceptInvitation shows the
// new family account what is shared with it, and every event of the
// request, the reads of the shared member included, names that account.
func TestOneActorAcceptInvitation(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleAdmin)
	memberID, member := familyMember(t, s, "Rosa", "Vega")
	contactID, token := familyAddAndInvite(t, staff, memberID, "Elena Vega", "elena.vega@example.org")
	familyConsent(t, staff, memberID, contactID, "MILESTONES")

	family := s.client(t)
	r := family.do(`mutation($in: AcceptInvitationInput!) { acceptInvitation(input: $in) {
		viewer { user { id role } sharedMembers { nodes { id displayName sharedKinds milestones { next { label } } } } } userErrors { code } } }`,
		vars{"in": vars{"token": token, "password": familyPassword}})
	familyNoUserErrors(t, r, "acceptInvitation")
	if got := r.list(t, "acceptInvitation.viewer.sharedMembers.nodes"); len(got) != 1 || r.str(t, "acceptInvitation.viewer.sharedMembers.nodes.0.displayName") == "" {
		t.Fatalf("shared members in the payload: %v", got)
	}
	user := decodeID(t, r.str(t, "acceptInvitation.viewer.user.id"))
	events := auditOf(t, s, r)
	var actions []string
	readMember := false
	for _, e := range events {
		actions = append(actions, string(e.Action))
		if e.ActorKind != audit.ActorUser || e.ActorUserID != user || e.ActorRole != domain.RoleFamily {
			t.Errorf("event %s names %s %d %s, want the family user %d", e.Action, e.ActorKind, e.ActorUserID, e.ActorRole, user)
		}
		readMember = readMember || e.MemberID == member
	}
	if !slices.Contains(actions, string(audit.ActionSignIn)) || !readMember {
		t.Errorf("events %v: want a SIGN_IN and the shared member %d noted", actions, member)
	}
	t.Logf("acceptInvitation left %s", fmt.Sprint(actions))
}

// doOperation runs the operation named op of a document holding several.
func (c *client) doOperation(query, op string, variables vars) *response {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "operationName": op, "variables": variables})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return c.send(req)
}
