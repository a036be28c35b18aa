package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// The authorization matrix: every root query and mutation of the schema,
// run by every kind of actor, with the expected allow or deny written out
// here, apart from the policy it checks. Relation-bound actors run each
// operation twice: on records their relation reaches (a peer supporter's
// caseload and group, a house manager's house and resident, a consent that
// names the family viewer or partner) and on records it does not.
//
// Mutations are given inputs that the business rules refuse after the gate
// (an empty name, a date in the future, an unknown level), so the matrix
// proves who gets past the gate without changing the fixture for the next
// actor. "Allowed" is a non-null root field; "denied" is a null root field
// with FORBIDDEN, UNAUTHENTICATED or NOT_FOUND (a target out of reach is
// reported like an unknown ID).

// matrixWorld is one side of the fixture: the records an actor's relation
// reaches ("related") or does not ("unrelated").
type matrixWorld struct {
	member, episode, plan, goal, commitment, checkIn, assessment, update string
	house, residency, group, meeting, peer, assignment, conversation     string
	user, contact, consent, sharedMember, apiKey                         string
}

func (w matrixWorld) vars() vars {
	return vars{
		"member": w.member, "episode": w.episode, "plan": w.plan, "goal": w.goal, "commitment": w.commitment,
		"checkIn": w.checkIn, "assessment": w.assessment, "update": w.update, "house": w.house,
		"residency": w.residency, "group": w.group, "meeting": w.meeting, "peer": w.peer,
		"assignment": w.assignment, "conversation": w.conversation, "user": w.user,
		"contact": w.contact, "consent": w.consent, "sharedMember": w.sharedMember, "apiKey": w.apiKey,
	}
}

// matrixActor is one column of the matrix.
type matrixActor struct {
	name  string
	c     *client
	world matrixWorld
}

// matrixOp is one row: an operation and the actors allowed to run it.
type matrixOp struct {
	name  string
	doc   string
	root  string // the path whose value says allowed (non-null) or denied
	allow []string
	// quiet: a denial is an empty list, not an error (the family viewer's
	// own lists hold only what is shared with them).
	quiet bool
}

// The actor names used in allow lists.
const (
	anon     = "anonymous"
	admin    = "admin"
	cm       = "case-manager"
	clin     = "clinician"
	peerRel  = "peer+caseload"
	peerNo   = "peer-unrelated"
	hmRel    = "house-manager+resident"
	hmNo     = "house-manager-unrelated"
	famLive  = "family+active-consent"
	famExp   = "family+expired-consent"
	famRev   = "family+revoked-consent"
	keyDir   = "key:directory"
	keyOut   = "key:outcomes"
	keyMem   = "key:members+consent"
	keyMemNo = "key:members-unrelated"
)

func union(sets ...[]string) []string {
	var out []string
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}

var (
	careTeam  = []string{admin, cm, clin}
	staffAll  = []string{admin, cm, clin, peerRel, peerNo, hmRel, hmNo}
	staffRel  = []string{admin, cm, clin, peerRel, hmRel}
	familyAll = []string{famLive, famExp, famRev}
	usersAll  = union(staffAll, familyAll)
	keysAll   = []string{keyDir, keyOut, keyMem, keyMemNo}
	signedIn  = union(usersAll, keysAll)
	everyone  = union(signedIn, []string{anon})
)

// future is a time the business rules refuse for events that happened.
var future = time.Now().Add(400 * 24 * time.Hour)

func matrixOps() []matrixOp {
	f := future.UTC().Format(time.RFC3339)
	fd := future.UTC().Format(time.DateOnly)
	past := time.Now().Add(-2 * time.Hour).UTC().Format(time.RFC3339)
	m := func(name, input string, allow ...[]string) matrixOp {
		return matrixOp{name: name, doc: fmt.Sprintf(`mutation(%s) { %s(input: %s) { __typename userErrors { code } } }`,
			matrixParams, name, input), root: name, allow: union(allow...)}
	}
	q := func(name, doc string, allow ...[]string) matrixOp {
		return matrixOp{name: name, doc: fmt.Sprintf("query(%s) { %s }", matrixParams, doc), root: name, allow: union(allow...)}
	}
	return []matrixOp{
		q("viewer", `viewer { __typename }`, signedIn),
		q("careLevels", `careLevels { __typename }`, signedIn),
		q("careLevelTransition", `careLevelTransition(fromCareLevelCode: "IOP", toCareLevelCode: "OUTPATIENT")`, signedIn),
		q("upcomingMilestones", `upcomingMilestones(first: 5) { __typename }`, staffAll),
		q("recentCareLevelChanges", `recentCareLevelChanges(first: 5) { __typename }`, staffAll),
		q("node", `node(id: $member) { __typename }`, staffRel, []string{keyMem}),
		{name: "nodes", doc: fmt.Sprintf(`query(%s) { nodes(ids: [$member]) { __typename } }`, matrixParams), root: "nodes.0",
			allow: union(staffRel, []string{keyMem})},
		q("member", `member(id: $member) { __typename }`, staffRel, []string{keyMem}),
		{name: "members", doc: fmt.Sprintf(`query(%s) { members(first: 100) { nodes { id } } }`, matrixParams), root: "members:contains-member",
			allow: union(staffRel, []string{keyMem})},
		q("house", `house(id: $house) { __typename }`, staffAll, []string{keyDir}),
		q("houses", `houses(first: 5) { __typename }`, staffAll, []string{keyDir}),
		q("group", `group(id: $group) { __typename }`, staffAll, []string{keyDir}),
		q("groups", `groups(first: 5) { __typename }`, staffAll, []string{keyDir}),
		q("meeting", `meeting(id: $meeting) { __typename }`, staffAll, []string{keyDir}),
		q("meetings", `meetings(first: 5, filter: {startsWithin: {startAt: "2026-01-01T00:00:00Z", endAt: "2026-12-31T00:00:00Z"}}) { __typename }`, staffAll, []string{keyDir}),
		q("peer", `peer(id: $peer) { __typename }`, staffAll),
		q("peers", `peers(first: 5) { __typename }`, staffAll),
		q("aftercarePlan", `aftercarePlan(id: $plan) { __typename }`, careTeam, []string{peerRel}),
		q("aftercarePlansDueForReview", `aftercarePlansDueForReview { __typename }`, careTeam, []string{peerRel, peerNo}),

		// Fields narrower than their type: clinical detail, and what a
		// partner's consent covers.
		{name: "Member.recoveryCapital", doc: fmt.Sprintf(`query(%s) { member(id: $member) { recoveryCapital { __typename } } }`, matrixParams),
			root: "member.recoveryCapital", allow: careTeam},
		{name: "AftercarePlan.checkIns", doc: fmt.Sprintf(`query(%s) { aftercarePlan(id: $plan) { checkIns { __typename } } }`, matrixParams),
			root: "aftercarePlan.checkIns", allow: careTeam},
		// A refused reason is null with FORBIDDEN; the episodes stay.
		{name: "CareEpisode.reason", doc: fmt.Sprintf(`query(%s) { member(id: $member) { careEpisodes { nodes { reason } } } }`, matrixParams),
			root: "member.careEpisodes.nodes.0.reason", allow: careTeam},
		{name: "Member.activeAftercarePlan", doc: fmt.Sprintf(`query(%s) { member(id: $member) { activeAftercarePlan { __typename } } }`, matrixParams),
			root: "member.activeAftercarePlan", allow: union(careTeam, []string{peerRel})},
		{name: "Member.peerConversations", doc: fmt.Sprintf(`query(%s) { member(id: $member) { peerConversations(first: 5) { __typename } } }`, matrixParams),
			root: "member.peerConversations", allow: union(careTeam, []string{peerRel})},
		{name: "Member.currentCareLevel", doc: fmt.Sprintf(`query(%s) { member(id: $member) { currentCareLevel { __typename } } }`, matrixParams),
			root: "member.currentCareLevel", allow: union(staffRel, []string{keyMem})},
		{name: "Member.updates", doc: fmt.Sprintf(`query(%s) { member(id: $member) { updates(first: 5) { __typename } } }`, matrixParams),
			root: "member.updates", allow: staffRel},
		{name: "internal note by someone else", doc: fmt.Sprintf(`query(%s) { node(id: $update) { __typename } }`, matrixParams),
			root: "node", allow: careTeam},
		{name: "House.residents", doc: fmt.Sprintf(`query(%s) { house(id: $house) { residents { __typename } } }`, matrixParams),
			root: "house.residents", allow: staffAll},
		{name: "Meeting.attendance", doc: fmt.Sprintf(`query(%s) { meeting(id: $meeting) { attendance { nodes { __typename } } } }`, matrixParams),
			root: "meeting.attendance", allow: staffAll},

		m("createMember", `{firstName: "", lastName: ""}`, careTeam),
		m("updateMember", `{memberId: $member, firstName: ""}`, careTeam),
		m("resetRecoveryStartDate", fmt.Sprintf(`{memberId: $member, recoveryStartedOn: "%s", reason: "matrix"}`, fd), careTeam),
		m("admitMember", fmt.Sprintf(`{memberId: $member, careLevelCode: "NOPE", startedAt: "%s"}`, past), careTeam),
		m("changeCareLevel", fmt.Sprintf(`{memberId: $member, careLevelCode: "NOPE", effectiveAt: "%s"}`, past), careTeam),
		m("dischargeMember", fmt.Sprintf(`{memberId: $member, endedAt: "%s", reason: "matrix"}`, f), careTeam),
		m("correctCareEpisode", fmt.Sprintf(`{careEpisodeId: $episode, careLevelCode: "NOPE", startedAt: "%s", reason: "matrix"}`, past), careTeam),

		m("createHouse", `{name: "", capacity: 0, genderDesignation: CO_ED, narrLevel: II}`, careTeam),
		m("updateHouse", `{houseId: $house, capacity: -1}`, careTeam, []string{hmRel}),
		m("moveIntoHouse", fmt.Sprintf(`{memberId: $member, houseId: $house, moveInAt: "%s"}`, f), careTeam, []string{hmRel}),
		m("moveOutOfHouse", fmt.Sprintf(`{memberId: $member, moveOutAt: "%s", reason: OTHER}`, f), careTeam, []string{hmRel}),

		m("createPeer", `{name: "", caseloadLimit: -1}`, careTeam),
		m("updatePeer", `{peerId: $peer, caseloadLimit: -1}`, careTeam),
		m("assignPeer", fmt.Sprintf(`{memberId: $member, peerId: $peer, startedAt: "%s"}`, f), careTeam),
		m("endPeerAssignment", fmt.Sprintf(`{peerAssignmentId: $assignment, endedAt: "%s"}`, f), careTeam),
		m("logPeerConversation", fmt.Sprintf(`{peerId: $peer, memberId: $member, occurredAt: "%s", durationMinutes: 30, channel: PHONE}`, f),
			careTeam, []string{peerRel}),

		m("createGroup", `{name: "", kind: AFTERCARE, modality: IN_PERSON}`, careTeam),
		m("updateGroup", `{groupId: $group, name: " "}`, careTeam),
		m("joinGroup", fmt.Sprintf(`{groupId: $group, memberId: $member, joinedAt: "%s"}`, f), careTeam, []string{peerRel}),
		m("leaveGroup", fmt.Sprintf(`{groupId: $group, memberId: $member, leftAt: "%s"}`, f), careTeam, []string{peerRel}),
		m("scheduleMeetings", `{groupId: $group, period: {startOn: "2026-02-01", endOn: "2026-01-01"}}`, careTeam, []string{peerRel, hmRel}),
		m("updateMeeting", `{meetingId: $meeting, topic: "Matrix"}`, careTeam, []string{peerRel, hmRel}),
		m("recordAttendance", `{meetingId: $meeting, entries: [{memberId: $member, status: PRESENT}]}`, staffRel),

		m("createAftercarePlan", `{memberId: $member, startsOn: "2026-02-01", reviewOn: "2026-01-01"}`, careTeam),
		m("updateAftercarePlan", `{aftercarePlanId: $plan, startsOn: "2026-02-01", reviewOn: "2026-01-01"}`, careTeam),
		m("activateAftercarePlan", `{aftercarePlanId: $plan}`, careTeam),
		m("completeAftercarePlan", `{aftercarePlanId: $plan}`, careTeam),
		m("cancelAftercarePlan", `{aftercarePlanId: $plan}`, careTeam),
		m("addAftercareGoal", `{aftercarePlanId: $plan, category: RELAPSE_PREVENTION, description: ""}`, careTeam),
		m("updateAftercareGoal", `{aftercareGoalId: $goal, description: ""}`, careTeam),
		m("addAftercareCommitment", `{aftercarePlanId: $plan, kind: OUTPATIENT, targetPerWeek: -1}`, careTeam),
		m("updateAftercareCommitment", `{aftercareCommitmentId: $commitment, targetPerWeek: -1}`, careTeam),
		m("removeAftercareCommitment", `{aftercareCommitmentId: $commitment}`, careTeam),
		m("recordCheckIn", fmt.Sprintf(`{aftercarePlanId: $plan, occurredOn: "%s", isAbstinent: true, craving: 11}`, fd), careTeam),
		m("recordRecoveryCapital", `{memberId: $member, answers: [1]}`, careTeam),
		m("postUpdate", `{memberId: $member, body: ""}`, staffRel),

		m("addFamilyContact", `{memberId: $member, name: "", relationship: "Sister", email: "not an address"}`, careTeam),
		m("inviteFamilyContact", `{familyContactId: $contact}`, careTeam),
		m("grantConsent", fmt.Sprintf(`{memberId: $member, familyContactId: $contact, purpose: "", informationKinds: [MILESTONES],
			expiresOnEvent: END_OF_TREATMENT, signatureName: "M", signedAt: "%s"}`, past), careTeam),
		m("revokeConsent", `{consentId: $consent, reason: ""}`, careTeam),
		m("recordFamilyAttendance", `{meetingId: $meeting, entries: [{familyContactId: $contact, status: PRESENT}]}`, careTeam),
		{name: "viewer.sharedMembers", doc: `{ viewer { sharedMembers { nodes { displayName } } } }`, root: "viewer.sharedMembers.nodes.0",
			allow: []string{famLive}, quiet: true},
		{name: "SharedMember by node", doc: fmt.Sprintf(`query(%s) { node(id: $sharedMember) { __typename } }`, matrixParams),
			root: "node", allow: []string{famLive}},

		q("outcomes", `outcomes(period: {startOn: "2026-01-01", endOn: "2026-04-01"}) { __typename }`, careTeam, []string{keyOut}),
		q("apiKeys", `apiKeys(first: 5) { __typename }`, []string{admin}),
		q("partners", `partners(first: 5) { __typename }`, careTeam),
		m("createPartner", `{name: ""}`, []string{admin}),
		{name: "viewer.apiKey", doc: `{ viewer { apiKey { partner { name } } } }`, root: "viewer.apiKey", allow: keysAll, quiet: true},
		// Consent scope on every record, and on what a list is narrowed by:
		// the members:read key's consent covers CARE_LEVEL only.
		{name: "CareEpisode by node (consent covers CARE_LEVEL)", doc: fmt.Sprintf(`query(%s) { node(id: $episode) { __typename } }`, matrixParams),
			root: "node", allow: union(staffRel, []string{keyMem})},
		{name: "Residency by node (consent lacks HOUSING)", doc: fmt.Sprintf(`query(%s) { node(id: $residency) { __typename } }`, matrixParams),
			root: "node", allow: staffRel},
		{name: "Member.displayName (consent lacks IDENTITY)", doc: fmt.Sprintf(`query(%s) { member(id: $member) { displayName } }`, matrixParams),
			root: "member.displayName", allow: staffRel},
		{name: "members by level (consent covers CARE_LEVEL)", doc: fmt.Sprintf(`query(%s) { members(first: 100, filter: {careLevelCodes: ["RESIDENTIAL"]}) { nodes { id } } }`, matrixParams),
			root: "members:contains-member", allow: union(staffRel, []string{keyMem})},
		{name: "members by house (consent lacks HOUSING)", doc: fmt.Sprintf(`query(%s) { members(first: 100, filter: {houseId: $house}) { nodes { id } } }`, matrixParams),
			root: "members:contains-member", allow: staffRel},
		{name: "members by name (consent lacks IDENTITY)", doc: fmt.Sprintf(`query(%s) { members(first: 100, orderBy: {field: NAME}) { nodes { id } } }`, matrixParams),
			root: "members:contains-member", allow: staffRel},
		// Accounts are not a directory: emails are for admins and the owner
		// (the peer supporter's related world names their own account, the
		// unrelated one the house manager's).
		{name: "User.email", doc: fmt.Sprintf(`query(%s) { node(id: $user) { ... on User { email } } }`, matrixParams),
			root: "node.email", allow: []string{admin, peerRel, hmNo}},
		m("createApiKey", `{partnerName: "", scopes: []}`, []string{admin}),
		m("revokeApiKey", `{apiKeyId: $apiKey}`, []string{admin}),
		{name: "Member.residencies (consent lacks HOUSING)", doc: fmt.Sprintf(`query(%s) { member(id: $member) { residencies { nodes { __typename } } } }`, matrixParams),
			root: "member.residencies", allow: staffRel},
		{name: "House.residents (directory key)", doc: fmt.Sprintf(`query(%s) { house(id: $house) { occupancy { available } residents { __typename } } }`, matrixParams),
			root: "house.residents", allow: staffAll},

		// User administration and the audit log: admins only. An unknown
		// user is refused by the store, so nothing changes.
		q("users", `users(first: 5) { __typename }`, []string{admin}),
		q("auditEvents", `auditEvents(first: 5) { __typename }`, []string{admin}),
		{name: "Member.disclosures", doc: fmt.Sprintf(`query(%s) { member(id: $member) { disclosures(first: 5) { __typename } } }`, matrixParams),
			root: "member.disclosures", allow: careTeam},
		m("createUser", `{email: "", name: "", role: CLINICIAN, password: ""}`, []string{admin}),
		m("updateUserRole", `{userId: $user, role: FAMILY}`, []string{admin}),
		m("deactivateUser", `{userId: "VXNlcjo5OTk5OTk5OTk"}`, []string{admin}),
		// Accounts: inputs the rules refuse after the gate (a password
		// against the policy, an unknown user or token, a code of the wrong
		// form), so no password, link or second factor changes.
		m("changePassword", `{currentPassword: "not checked", newPassword: "short"}`, usersAll),
		m("issuePasswordReset", `{userId: "VXNlcjo5OTk5OTk5OTk"}`, []string{admin}),
		m("resetPassword", `{token: "not a token", newPassword: "correct horse battery"}`, []string{anon}, usersAll),
		m("beginTotpEnrollment", `{}`, staffAll),
		m("confirmTotpEnrollment", `{code: "abc"}`, staffAll),
		m("disableTotp", `{code: "abc"}`, staffAll),
		{name: "User.isTotpEnabled", doc: `{ viewer { user { isTotpEnabled } } }`, root: "viewer.user.isTotpEnabled", allow: []string{admin}, quiet: true},

		m("signIn", `{email: "nobody@test.example", password: "not the password"}`, []string{anon}, usersAll),
		m("acceptInvitation", `{token: "not a token", password: "correct horse battery"}`, []string{anon}, usersAll),
		// signOut runs last: it ends the session the other rows use.
		m("signOut", `{}`, usersAll),
	}
}

// matrixParams declares every fixture variable; each operation uses some.
const matrixParams = `$member: ID!, $episode: ID!, $plan: ID!, $goal: ID!, $commitment: ID!, $checkIn: ID!,
	$assessment: ID!, $update: ID!, $house: ID!, $residency: ID!, $group: ID!, $meeting: ID!, $peer: ID!,
	$assignment: ID!, $conversation: ID!, $user: ID!, $contact: ID!, $consent: ID!, $sharedMember: ID!, $apiKey: ID!`

// matrixOutcome runs op as actor and says whether it got past the gate.
func matrixOutcome(t *testing.T, a matrixActor, op matrixOp) (allowed bool, detail string) {
	t.Helper()
	doc := op.doc
	// Operations declare every variable; GraphQL refuses unused ones.
	doc = strings.Replace(doc, "("+matrixParams+")", "("+usedParams(doc)+")", 1)
	doc = strings.Replace(doc, "query() ", "query ", 1)
	doc = strings.Replace(doc, "mutation() ", "mutation ", 1)
	v := vars{}
	for k, val := range a.world.vars() {
		if strings.Contains(doc, "$"+k) {
			v[k] = val
		}
	}
	r := a.c.do(doc, v)
	codes := r.errorCodes()
	for _, code := range codes {
		if code == "INTERNAL" || code == "BAD_USER_INPUT" {
			t.Errorf("%s as %s: unexpected %s: %+v", op.name, a.name, code, r.Errors)
		}
	}
	if r.Status >= 500 {
		t.Errorf("%s as %s: status %d", op.name, a.name, r.Status)
	}
	path, contains := strings.CutSuffix(op.root, ":contains-member")
	val := lookupPath(r.Data, path)
	if contains {
		found := false
		if m, ok := val.(map[string]any); ok {
			nodes, _ := m["nodes"].([]any)
			for _, n := range nodes {
				found = found || n.(map[string]any)["id"] == a.world.member
			}
		}
		return found, fmt.Sprintf("codes %v", codes)
	}
	if val != nil {
		return true, fmt.Sprintf("codes %v", codes)
	}
	denied := false
	for _, code := range codes {
		denied = denied || code == "FORBIDDEN" || code == "UNAUTHENTICATED" || code == "NOT_FOUND"
	}
	if !denied && !op.quiet {
		t.Errorf("%s as %s: null without an access error: %+v", op.name, a.name, r.Errors)
	}
	return false, fmt.Sprintf("codes %v", codes)
}

var variableRef = regexp.MustCompile(`\$([a-zA-Z]+)\b`)

// usedParams declares the fixture variables the body of doc uses.
func usedParams(doc string) string {
	body := doc[strings.Index(doc, "{"):]
	var used []string
	for _, m := range variableRef.FindAllStringSubmatch(body, -1) {
		if p := "$" + m[1] + ": ID!"; !slices.Contains(used, p) {
			used = append(used, p)
		}
	}
	return strings.Join(used, ", ")
}

func lookupPath(data map[string]any, path string) any {
	var cur any = data
	for _, part := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[part]
		case []any:
			var i int
			fmt.Sscan(part, &i)
			if i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

func TestAuthorizationMatrix(t *testing.T) {
	s := startServer(t, nil)
	actors := matrixFixture(t, s)
	ops := matrixOps()
	names := map[string]bool{}
	for _, a := range actors {
		names[a.name] = true
	}
	cells, mismatches := 0, 0
	for _, op := range ops {
		for _, name := range op.allow {
			if !names[name] && !pendingActors[name] {
				t.Fatalf("%s: unknown actor %q", op.name, name)
			}
		}
		for _, a := range actors {
			want := slices.Contains(op.allow, a.name)
			got, detail := matrixOutcome(t, a, op)
			cells++
			if got != want {
				mismatches++
				t.Errorf("%-28s as %-26s: allowed=%v, want %v (%s)", op.name, a.name, got, want, detail)
			}
		}
	}
	t.Logf("authorization matrix: %d operations × %d actors = %d cells, %d mismatches", len(ops), len(actors), cells, mismatches)
	matrixCoversSchema(t, s, ops)
}

// pendingActors are named in allow lists before their kind of actor exists
// in the fixture.
var pendingActors = map[string]bool{}

// matrixCoversSchema fails when a root query or mutation of the live schema
// has no row in the matrix, so new operations cannot slip past it.
func matrixCoversSchema(t *testing.T, s *server, ops []matrixOp) {
	admin := s.adminClient(t)
	r := admin.do(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`, nil)
	r.noErrors(t)
	have := map[string]bool{}
	for _, op := range ops {
		have[op.name] = true
	}
	var missing []string
	for _, kind := range []string{"queryType", "mutationType"} {
		for _, f := range r.list(t, "__schema."+kind+".fields") {
			name := f.(map[string]any)["name"].(string)
			if !have[name] {
				missing = append(missing, name)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("operations missing from the matrix: %v", missing)
	}
}

// adminClient signs in as the matrix fixture's admin.
func (s *server) adminClient(t *testing.T) *client {
	return s.signIn(t, "admin@test.example")
}

// signIn signs in an existing user with the test password.
func (s *server) signIn(t testing.TB, email string) *client {
	t.Helper()
	return s.signInAs(t, email, "correct horse battery")
}

// signInAs signs in an existing user.
func (s *server) signInAs(t testing.TB, email, password string) *client {
	t.Helper()
	c := s.client(t)
	resp := c.do(`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } } userErrors { code } } }`,
		vars{"in": vars{"email": email, "password": password}})
	resp.noErrors(t)
	if got := resp.str(t, "signIn.viewer.user.email"); got != email {
		t.Fatalf("signed in as %q", got)
	}
	return c
}

// matrixFixture builds two worlds through the API as an admin: one that the
// peer supporter's and house manager's relations reach (member R on the
// peer's caseload and in the peer's group, living in the manager's house,
// member of its house meeting) and one they do not (member U elsewhere).
func matrixFixture(t *testing.T, s *server) []matrixActor {
	t.Helper()
	for _, role := range []domain.Role{domain.RoleAdmin, domain.RoleCaseManager, domain.RoleClinician,
		domain.RolePeerSupporter, domain.RoleHouseManager} {
		s.createUser(t, strings.ToLower(string(role))+"@test.example", "correct horse battery", role)
	}
	ad := s.adminClient(t)
	userID := func(email string) string {
		c := s.signIn(t, email)
		return c.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	}
	peerUser, hmUser := userID("peer_supporter@test.example"), userID("house_manager@test.example")

	do := func(doc string, v vars, path string) string {
		t.Helper()
		r := ad.do(doc, v)
		r.noErrors(t)
		return r.str(t, path)
	}
	start := time.Now().Add(-60 * 24 * time.Hour).UTC().Format(time.RFC3339)
	grant := func(member, contact string, expires time.Time) string {
		return do(`mutation($m: ID!, $c: ID!, $at: DateTime!, $exp: DateTime!) { grantConsent(input: {memberId: $m, familyContactId: $c,
			purpose: "Family support", informationKinds: [MILESTONES, CARE_LEVEL], expiresAt: $exp, signatureName: "Member", signedAt: $at}) { consent { id } } }`,
			vars{"m": member, "c": contact, "at": start, "exp": expires.UTC().Format(time.RFC3339Nano)}, "grantConsent.consent.id")
	}
	world := func(label, peerUserID, managerUserID string) matrixWorld {
		var w matrixWorld
		w.member = do(`mutation($n: String!) { createMember(input: {firstName: $n, lastName: "Matrix"}) { member { id } } }`,
			vars{"n": label}, "createMember.member.id")
		w.episode = do(`mutation($m: ID!, $at: DateTime!) { admitMember(input: {memberId: $m, careLevelCode: "RESIDENTIAL", startedAt: $at, reason: "Referred after detox"}) { careEpisode { id } } }`,
			vars{"m": w.member, "at": start}, "admitMember.careEpisode.id")
		peerInput := vars{"name": "Peer " + label, "caseloadLimit": 10}
		if peerUserID != "" {
			peerInput["userId"] = peerUserID
		}
		w.peer = do(`mutation($in: CreatePeerInput!) { createPeer(input: $in) { peer { id } } }`, vars{"in": peerInput}, "createPeer.peer.id")
		w.assignment = do(`mutation($m: ID!, $p: ID!, $at: DateTime!) { assignPeer(input: {memberId: $m, peerId: $p, startedAt: $at}) { peerAssignment { id } } }`,
			vars{"m": w.member, "p": w.peer, "at": start}, "assignPeer.peerAssignment.id")
		w.conversation = do(`mutation($m: ID!, $p: ID!, $at: DateTime!) { logPeerConversation(input: {peerId: $p, memberId: $m, occurredAt: $at, durationMinutes: 20, channel: PHONE}) { peerConversation { id } } }`,
			vars{"m": w.member, "p": w.peer, "at": start}, "logPeerConversation.peerConversation.id")
		houseInput := vars{"name": "House " + label, "capacity": 6, "genderDesignation": "CO_ED", "narrLevel": "II"}
		if managerUserID != "" {
			houseInput["managerUserId"] = managerUserID
		}
		w.house = do(`mutation($in: CreateHouseInput!) { createHouse(input: $in) { house { id } } }`, vars{"in": houseInput}, "createHouse.house.id")
		w.residency = do(`mutation($m: ID!, $h: ID!, $at: DateTime!) { moveIntoHouse(input: {memberId: $m, houseId: $h, moveInAt: $at}) { residency { id } } }`,
			vars{"m": w.member, "h": w.house, "at": start}, "moveIntoHouse.residency.id")
		w.group = do(`mutation($n: String!, $p: [ID!]) { createGroup(input: {name: $n, kind: PEER_SUPPORT, modality: IN_PERSON, facilitatorPeerIds: $p}) { group { id } } }`,
			vars{"n": "Group " + label, "p": []string{w.peer}}, "createGroup.group.id")
		do(`mutation($g: ID!, $m: ID!, $at: DateTime!) { joinGroup(input: {groupId: $g, memberId: $m, joinedAt: $at}) { groupMembership { joinedAt } } }`,
			vars{"g": w.group, "m": w.member, "at": start}, "joinGroup.groupMembership.joinedAt")
		w.plan = do(`mutation($m: ID!) { createAftercarePlan(input: {memberId: $m, startsOn: "2026-01-01", reviewOn: "2026-12-01"}) { aftercarePlan { id } } }`,
			vars{"m": w.member}, "createAftercarePlan.aftercarePlan.id")
		w.goal = do(`mutation($p: ID!) { addAftercareGoal(input: {aftercarePlanId: $p, category: RELAPSE_PREVENTION, description: "Matrix goal"}) { aftercareGoal { id } } }`,
			vars{"p": w.plan}, "addAftercareGoal.aftercareGoal.id")
		w.commitment = do(`mutation($p: ID!, $g: ID!) { addAftercareCommitment(input: {aftercarePlanId: $p, kind: MUTUAL_SUPPORT_GROUP, groupId: $g, targetPerWeek: 2}) { aftercareCommitment { id } } }`,
			vars{"p": w.plan, "g": w.group}, "addAftercareCommitment.aftercareCommitment.id")
		do(`mutation($p: ID!) { activateAftercarePlan(input: {aftercarePlanId: $p}) { aftercarePlan { status } } }`, vars{"p": w.plan}, "activateAftercarePlan.aftercarePlan.status")
		w.checkIn = do(`mutation($p: ID!, $on: Date!) { recordCheckIn(input: {aftercarePlanId: $p, occurredOn: $on, isAbstinent: true, craving: 2}) { checkIn { id } } }`,
			vars{"p": w.plan, "on": time.Now().Format(time.DateOnly)}, "recordCheckIn.checkIn.id")
		w.assessment = do(`mutation($m: ID!) { recordRecoveryCapital(input: {memberId: $m, answers: [5,5,5,5,5,5,5,5,5,5]}) { recoveryCapitalAssessment { id } } }`,
			vars{"m": w.member}, "recordRecoveryCapital.recoveryCapitalAssessment.id")
		w.update = do(`mutation($m: ID!) { postUpdate(input: {memberId: $m, body: "Matrix note"}) { update { id } } }`,
			vars{"m": w.member}, "postUpdate.update.id")
		// The last 14 days up to yesterday: today, the end, is excluded.
		from := time.Now().AddDate(0, 0, -14).Format(time.DateOnly)
		to := time.Now().Format(time.DateOnly)
		do(`mutation($g: ID!, $s: [ScheduleSlotInput!]) { updateGroup(input: {groupId: $g, schedule: $s}) { group { id } } }`,
			vars{"g": w.group, "s": []vars{{"dayOfWeek": "MONDAY", "startTime": "10:00", "durationMinutes": 60},
				{"dayOfWeek": "THURSDAY", "startTime": "10:00", "durationMinutes": 60}}}, "updateGroup.group.id")
		w.meeting = do(`mutation($g: ID!, $from: Date!, $to: Date!) { scheduleMeetings(input: {groupId: $g, period: {startOn: $from, endOn: $to}}) { meetings { id } } }`,
			vars{"g": w.group, "from": from, "to": to}, "scheduleMeetings.meetings.0.id")
		w.user = peerUserID
		w.contact = do(`mutation($m: ID!, $e: String!) { addFamilyContact(input: {memberId: $m, name: "Contact", relationship: "Parent", email: $e}) { familyContact { id } } }`,
			vars{"m": w.member, "e": strings.ToLower(label) + "@family.example"}, "addFamilyContact.familyContact.id")
		w.consent = grant(w.member, w.contact, time.Now().Add(365*24*time.Hour))
		return w
	}
	related := world("Rel", peerUser, hmUser)
	unrelated := world("Unrel", "", "")
	// Staff and keys ask for the related member's shared view: nobody but
	// the family viewer it is shared with may have it.
	related.sharedMember = globalid.EncodeInt(globalid.TypeSharedMember, decodeID(t, related.member))
	unrelated.sharedMember = related.sharedMember
	related.apiKey = do(`mutation { createApiKey(input: {partnerName: "Spare", scopes: [DIRECTORY_READ]}) { apiKey { id } } }`, nil,
		"createApiKey.apiKey.id")
	unrelated.apiKey = related.apiKey
	unrelated.user = hmUser

	// The house manager's related world uses their house meeting.
	hmRelated := related
	hmRelated.group = do(`mutation($h: ID!) { createGroup(input: {name: "House meeting", kind: HOUSE_MEETING, modality: IN_PERSON, houseId: $h,
		schedule: [{dayOfWeek: TUESDAY, startTime: "19:00", durationMinutes: 60}]}) { group { id } } }`,
		vars{"h": related.house}, "createGroup.group.id")
	do(`mutation($g: ID!, $m: ID!) { joinGroup(input: {groupId: $g, memberId: $m}) { groupMembership { joinedAt } } }`,
		vars{"g": hmRelated.group, "m": related.member}, "joinGroup.groupMembership.joinedAt")
	hmRelated.meeting = do(`mutation($g: ID!, $from: Date!, $to: Date!) { scheduleMeetings(input: {groupId: $g, period: {startOn: $from, endOn: $to}}) { meetings { id } } }`,
		vars{"g": hmRelated.group, "from": time.Now().AddDate(0, 0, -14).Format(time.DateOnly), "to": time.Now().Format(time.DateOnly)},
		"scheduleMeetings.meetings.0.id")

	// Three family viewers of the related member: one whose consent is
	// active, one whose consent expired, one whose consent was revoked.
	family := func(name string) (*client, string) {
		contact := do(`mutation($m: ID!, $n: String!, $e: String!) { addFamilyContact(input: {memberId: $m, name: $n, relationship: "Sibling", email: $e}) { familyContact { id } } }`,
			vars{"m": related.member, "n": name, "e": name + "@family.example"}, "addFamilyContact.familyContact.id")
		token := do(`mutation($c: ID!) { inviteFamilyContact(input: {familyContactId: $c}) { invitationToken } }`,
			vars{"c": contact}, "inviteFamilyContact.invitationToken")
		c := s.client(t)
		r := c.do(`mutation($t: String!) { acceptInvitation(input: {token: $t, password: "correct horse battery"}) { viewer { user { role } } userErrors { code } } }`,
			vars{"t": token})
		if r.str(t, "acceptInvitation.viewer.user.role") != "FAMILY" {
			t.Fatalf("accepting the invitation: %+v %+v", r.Data, r.Errors)
		}
		return c, contact
	}
	famLiveClient, liveContact := family("live")
	grant(related.member, liveContact, time.Now().Add(365*24*time.Hour))
	famExpClient, expContact := family("expired")
	grant(related.member, expContact, time.Now().Add(1500*time.Millisecond))
	famRevClient, revContact := family("revoked")
	revoked := grant(related.member, revContact, time.Now().Add(365*24*time.Hour))
	do(`mutation($c: ID!) { revokeConsent(input: {consentId: $c, reason: "Asked in writing"}) { consent { status } } }`,
		vars{"c": revoked}, "revokeConsent.consent.status")
	time.Sleep(1600 * time.Millisecond) // the expiring consent lapses
	familyWorld := related
	familyWorld.sharedMember = globalid.EncodeInt(globalid.TypeSharedMember, decodeID(t, related.member))

	// Partner keys: one per scope; the members:read key's partner is named
	// by a consent of the related member, covering CARE_LEVEL.
	key := func(partner, scope string) string {
		return do(`mutation($p: String!, $s: [ApiScope!]!) { createApiKey(input: {partnerName: $p, scopes: $s}) { secret } }`,
			vars{"p": partner, "s": []string{scope}}, "createApiKey.secret")
	}
	dirKey, outKey, memKey := key("Referral Site", "DIRECTORY_READ"), key("Outcomes Lab", "OUTCOMES_READ"), key("Matrix EHR", "MEMBERS_READ")
	do(`mutation($m: ID!, $at: DateTime!) { grantConsent(input: {memberId: $m, partnerName: "Matrix EHR", purpose: "Care coordination",
		informationKinds: [CARE_LEVEL], expiresOnEvent: END_OF_TREATMENT, signatureName: "Member", signedAt: $at}) { consent { id } } }`,
		vars{"m": related.member, "at": start}, "grantConsent.consent.id")

	// Each actor has its own session: signOut, the last row, ends it.
	peer := func() *client { return s.signIn(t, "peer_supporter@test.example") }
	hm := func() *client { return s.signIn(t, "house_manager@test.example") }
	return []matrixActor{
		{name: anon, c: s.client(t), world: unrelated},
		{name: admin, c: s.adminClient(t), world: unrelated},
		{name: cm, c: s.signIn(t, "case_manager@test.example"), world: unrelated},
		{name: clin, c: s.signIn(t, "clinician@test.example"), world: unrelated},
		{name: peerRel, c: peer(), world: related},
		{name: peerNo, c: peer(), world: unrelated},
		{name: hmRel, c: hm(), world: hmRelated},
		{name: hmNo, c: hm(), world: unrelated},
		{name: famLive, c: famLiveClient, world: familyWorld},
		{name: famExp, c: famExpClient, world: familyWorld},
		{name: famRev, c: famRevClient, world: familyWorld},
		{name: keyDir, c: s.keyClient(t, dirKey), world: unrelated},
		{name: keyOut, c: s.keyClient(t, outKey), world: unrelated},
		{name: keyMem, c: s.keyClient(t, memKey), world: related},
		{name: keyMemNo, c: s.keyClient(t, memKey), world: unrelated},
	}
}
