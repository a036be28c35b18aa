package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

const peersFields = `id name bio recoveryStartedOn daysInRecovery languages specialties caseloadLimit caseloadCount
	hasCapacity isActive isAlumnus alumnusOf { id displayName } user { id name } createdAt updatedAt
	certification { kind number expiresOn isExpired }`

// peersAt is a time the given number of days ago, as an API DateTime.
func peersAt(daysAgo int) string {
	return time.Now().UTC().Add(-time.Duration(daysAgo) * 24 * time.Hour).Truncate(time.Second).Format(time.RFC3339)
}

// peersDate is a date the given number of days from today, as an API Date.
func peersDate(days int) string {
	return time.Now().UTC().AddDate(0, 0, days).Format(time.DateOnly)
}

func peersCreateMember(t *testing.T, c *client, first, last string) string {
	t.Helper()
	r := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": first, "lastName": last, "recoveryStartedOn": peersDate(-500)}})
	r.noErrors(t)
	return r.str(t, "createMember.member.id")
}

func peersCreate(t *testing.T, c *client, in vars) *response {
	t.Helper()
	r := c.do(`mutation($in: CreatePeerInput!) { createPeer(input: $in) { peer { `+peersFields+` } userErrors { code field message } } }`,
		vars{"in": in})
	r.noErrors(t)
	return r
}

func peersAssign(t *testing.T, c *client, memberID, peerID string, daysAgo int) *response {
	t.Helper()
	r := c.do(`mutation($in: AssignPeerInput!) { assignPeer(input: $in) {
		peerAssignment { id isCurrent focus startedAt endedAt endReason member { id } peer { id name } assignedBy { name } }
		userErrors { code field message } } }`,
		vars{"in": vars{"memberId": memberID, "peerId": peerID, "startedAt": peersAt(daysAgo), "focus": "staying employed"}})
	r.noErrors(t)
	return r
}

func peersWantUserError(t *testing.T, r *response, payload, code string) {
	t.Helper()
	if codes := r.userErrorCodes(t, payload); !slices.Equal(codes, []string{code}) {
		t.Errorf("%s: userErrors %v, want [%s]", payload, codes, code)
	}
	if r.get(t, payload+"."+peersPayloadObject[payload]) != nil {
		t.Errorf("%s returned an object beside its userError", payload)
	}
}

var peersPayloadObject = map[string]string{
	"createPeer": "peer", "updatePeer": "peer", "assignPeer": "peerAssignment",
	"endPeerAssignment": "peerAssignment", "logPeerConversation": "peerConversation",
}

func peersNoUserErrors(t *testing.T, r *response, payload string) {
	t.Helper()
	if codes := r.userErrorCodes(t, payload); len(codes) > 0 {
		t.Fatalf("%s: userErrors %v (%v)", payload, codes, r.get(t, payload+".userErrors"))
	}
}

// TestPeersLifecycle creates peers, pairs members with them, changes a
// member's peer, logs conversations and reads it all back over GraphQL.
func TestPeersLifecycle(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	s.createUser(t, "peer.account@test.example", "correct horse battery", domain.RolePeerSupporter)
	account, err := s.Store.UserByEmail(context.Background(), "peer.account@test.example")
	if err != nil || account == nil {
		t.Fatalf("peer account: %v", err)
	}
	peerUserID := globalid.EncodeInt(globalid.TypeUser, account.ID)
	alumnusID := peersCreateMember(t, c, "Rosa", "Diaz")

	created := peersCreate(t, c, vars{"name": " Rosa Diaz ", "bio": "Eight years sober.", "memberId": alumnusID, "userId": peerUserID,
		"certification": vars{"kind": "CPRS", "number": "NY-123", "expiresOn": peersDate(-1)},
		"languages":     []string{"English", " spanish", "ENGLISH", ""}, "specialties": []string{"opioids"}, "caseloadLimit": 2})
	peersNoUserErrors(t, created, "createPeer")
	rosa := created.get(t, "createPeer.peer").(map[string]any)
	if rosa["name"] != "Rosa Diaz" || rosa["isAlumnus"] != true || rosa["recoveryStartedOn"] != peersDate(-500) ||
		rosa["daysInRecovery"] != float64(500) || rosa["caseloadCount"] != float64(0) || rosa["hasCapacity"] != true ||
		rosa["isActive"] != true || fmt.Sprint(rosa["languages"]) != "[English spanish]" {
		t.Errorf("created %v", rosa)
	}
	if created.str(t, "createPeer.peer.alumnusOf.id") != alumnusID || created.str(t, "createPeer.peer.user.name") != "Test PEER_SUPPORTER" {
		t.Errorf("links %v %v", rosa["alumnusOf"], rosa["user"])
	}
	if cert := created.get(t, "createPeer.peer.certification").(map[string]any); cert["kind"] != "CPRS" || cert["isExpired"] != true ||
		cert["number"] != "NY-123" || cert["expiresOn"] != peersDate(-1) {
		t.Errorf("certification %v", cert)
	}
	rosaID := rosa["id"].(string)
	sam := peersCreate(t, c, vars{"name": "Sam Okafor", "caseloadLimit": 5}).str(t, "createPeer.peer.id")

	t.Run("createPeer refusals", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			in   vars
			code string
		}{
			{"blank name", vars{"name": "  ", "caseloadLimit": 1}, "INVALID_INPUT"},
			{"limit over 200", vars{"name": "X", "caseloadLimit": 201}, "INVALID_INPUT"},
			{"member linked already", vars{"name": "X", "caseloadLimit": 1, "memberId": alumnusID}, "DUPLICATE"},
			{"a peer ID as member", vars{"name": "X", "caseloadLimit": 1, "memberId": rosaID}, "NOT_FOUND"},
			{"future recovery date", vars{"name": "X", "caseloadLimit": 1, "recoveryStartedOn": peersDate(2)}, "IN_FUTURE"},
			{"blank certification kind", vars{"name": "X", "caseloadLimit": 1, "certification": vars{"kind": " "}}, "INVALID_INPUT"},
		} {
			peersWantUserError(t, peersCreate(t, c, tt.in), "createPeer", tt.code)
		}
	})

	// Two members for Rosa fill her caseload.
	m1 := peersCreateMember(t, c, "Ada", "One")
	m2 := peersCreateMember(t, c, "Ben", "Two")
	m3 := peersCreateMember(t, c, "Cy", "Three")
	a1 := peersAssign(t, c, m1, rosaID, 20)
	peersNoUserErrors(t, a1, "assignPeer")
	if got := a1.get(t, "assignPeer.peerAssignment").(map[string]any); got["isCurrent"] != true || got["focus"] != "staying employed" ||
		a1.str(t, "assignPeer.peerAssignment.assignedBy.name") != "Test CASE_MANAGER" || a1.str(t, "assignPeer.peerAssignment.peer.id") != rosaID {
		t.Errorf("assignment %v", got)
	}
	peersNoUserErrors(t, peersAssign(t, c, m2, rosaID, 10), "assignPeer")
	peersWantUserError(t, peersAssign(t, c, m3, rosaID, 1), "assignPeer", "CASELOAD_FULL")
	peersWantUserError(t, peersAssign(t, c, m1, rosaID, 1), "assignPeer", "DUPLICATE")
	peersWantUserError(t, peersAssign(t, c, m3, sam, -2), "assignPeer", "IN_FUTURE")

	lower := c.do(`mutation($in: UpdatePeerInput!) { updatePeer(input: $in) { peer { caseloadLimit } userErrors { code field } } }`,
		vars{"in": vars{"peerId": rosaID, "caseloadLimit": 1}})
	lower.noErrors(t)
	peersWantUserError(t, lower, "updatePeer", "INVALID_INPUT")
	if f := lower.list(t, "updatePeer.userErrors")[0].(map[string]any)["field"]; fmt.Sprint(f) != "[input caseloadLimit]" {
		t.Errorf("field %v", f)
	}

	// A change of peer: Ada moves from Rosa to Sam; Rosa has room again.
	changed := peersAssign(t, c, m1, sam, 5)
	peersNoUserErrors(t, changed, "assignPeer")
	member := c.do(`query($id: ID!) { member(id: $id) { currentPeer { id } peerAssignments { nodes { id isCurrent startedAt endedAt endReason peer { id } } } } }`,
		vars{"id": m1})
	member.noErrors(t)
	history := member.list(t, "member.peerAssignments.nodes")
	if len(history) != 2 || member.str(t, "member.currentPeer.id") != sam {
		t.Fatalf("history %v, current %v", history, member.get(t, "member.currentPeer"))
	}
	first := history[0].(map[string]any)
	if first["isCurrent"] != false || first["endedAt"] != peersAt(5) || first["endReason"] == nil ||
		member.str(t, "member.peerAssignments.nodes.0.peer.id") != rosaID || member.str(t, "member.peerAssignments.nodes.1.peer.id") != sam {
		t.Errorf("history %v", history)
	}

	// endPeerAssignment, and its refusals.
	ben := peersAssign(t, c, m3, rosaID, 3)
	peersNoUserErrors(t, ben, "assignPeer")
	benAssignment := ben.str(t, "assignPeer.peerAssignment.id")
	end := func(id string, daysAgo int) *response {
		r := c.do(`mutation($in: EndPeerAssignmentInput!) { endPeerAssignment(input: $in) { peerAssignment { id isCurrent endedAt endReason } userErrors { code field } } }`,
			vars{"in": vars{"peerAssignmentId": id, "endedAt": peersAt(daysAgo), "reason": "Moved away"}})
		r.noErrors(t)
		return r
	}
	peersWantUserError(t, end(benAssignment, -1), "endPeerAssignment", "IN_FUTURE")
	peersWantUserError(t, end(benAssignment, 4), "endPeerAssignment", "INVALID_INPUT")
	peersWantUserError(t, end(rosaID, 1), "endPeerAssignment", "NOT_FOUND")
	ended := end(benAssignment, 1)
	peersNoUserErrors(t, ended, "endPeerAssignment")
	if ended.get(t, "endPeerAssignment.peerAssignment.isCurrent") != false || ended.str(t, "endPeerAssignment.peerAssignment.endReason") != "Moved away" {
		t.Errorf("ended %v", ended.get(t, "endPeerAssignment.peerAssignment"))
	}
	peersWantUserError(t, end(benAssignment, 0), "endPeerAssignment", "CONFLICT")

	// Deactivate Sam: new pairings are refused, current ones stay.
	deactivated := c.do(`mutation($in: UpdatePeerInput!) { updatePeer(input: $in) { peer { isActive caseloadCount hasCapacity certification { kind } languages } userErrors { code } } }`,
		vars{"in": vars{"peerId": sam, "isActive": false, "languages": []string{"French", "french "}}})
	peersNoUserErrors(t, deactivated, "updatePeer")
	if p := deactivated.get(t, "updatePeer.peer").(map[string]any); p["isActive"] != false || p["caseloadCount"] != float64(1) ||
		p["hasCapacity"] != false || fmt.Sprint(p["languages"]) != "[French]" {
		t.Errorf("deactivated %v", p)
	}
	peersWantUserError(t, peersAssign(t, c, m3, sam, 0), "assignPeer", "PEER_INACTIVE")
	cleared := c.do(`mutation($in: UpdatePeerInput!) { updatePeer(input: $in) { peer { certification { kind } } userErrors { code } } }`,
		vars{"in": vars{"peerId": rosaID, "clearCertification": true}})
	peersNoUserErrors(t, cleared, "updatePeer")
	if cleared.get(t, "updatePeer.peer.certification") != nil {
		t.Errorf("certification not cleared")
	}

	// Conversations, newest first, on both sides.
	logConversationRaw := func(peerID, memberID string, daysAgo, minutes int, channel string) *response {
		return c.do(`mutation($in: LogPeerConversationInput!) { logPeerConversation(input: $in) {
			peerConversation { id occurredAt durationMinutes channel note recordedBy { name } peer { id } member { id } recordedAt }
			userErrors { code field } } }`,
			vars{"in": vars{"peerId": peerID, "memberId": memberID, "occurredAt": peersAt(daysAgo), "durationMinutes": minutes,
				"channel": channel, "note": " Talked about the weekend. "}})
	}
	logConversation := func(peerID, memberID string, daysAgo, minutes int, channel string) *response {
		r := logConversationRaw(peerID, memberID, daysAgo, minutes, channel)
		r.noErrors(t)
		return r
	}
	older := logConversation(rosaID, m2, 6, 45, "PHONE")
	peersNoUserErrors(t, older, "logPeerConversation")
	if got := older.get(t, "logPeerConversation.peerConversation").(map[string]any); got["note"] != "Talked about the weekend." ||
		got["channel"] != "PHONE" || got["durationMinutes"] != float64(45) || older.str(t, "logPeerConversation.peerConversation.recordedBy.name") == "" {
		t.Errorf("conversation %v", got)
	}
	peersNoUserErrors(t, logConversation(rosaID, m2, 2, 20, "VIDEO"), "logPeerConversation")
	peersNoUserErrors(t, logConversation(sam, m2, 1, 10, "TEXT"), "logPeerConversation")
	peersWantUserError(t, logConversation(rosaID, m2, 1, 0, "TEXT"), "logPeerConversation", "INVALID_INPUT")
	peersWantUserError(t, logConversation(rosaID, m2, 1, 601, "TEXT"), "logPeerConversation", "INVALID_INPUT")
	peersWantUserError(t, logConversation(rosaID, m2, -1, 10, "TEXT"), "logPeerConversation", "IN_FUTURE")
	peersWantUserError(t, logConversation(rosaID, sam, 1, 10, "TEXT"), "logPeerConversation", "NOT_FOUND")
	if r := logConversationRaw(rosaID, m2, 1, 10, "SMOKE_SIGNAL"); !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("unknown channel: %v", r.errorCodes())
	}

	read := c.do(`query($peer: ID!, $member: ID!) {
		peer(id: $peer) { caseloadCount hasCapacity
			caseload(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { member { id } startedAt } }
			conversations(first: 5) { totalCount nodes { channel durationMinutes } } }
		member(id: $member) { peerConversations(first: 1) { totalCount edges { cursor node { channel peer { id } } } } } }`,
		vars{"peer": rosaID, "member": m2})
	read.noErrors(t)
	if read.get(t, "peer.caseloadCount") != float64(1) || read.get(t, "peer.hasCapacity") != true ||
		read.get(t, "peer.caseload.totalCount") != float64(1) || read.str(t, "peer.caseload.nodes.0.member.id") != m2 {
		t.Errorf("caseload %v", read.get(t, "peer"))
	}
	if got := read.list(t, "peer.conversations.nodes"); len(got) != 2 || read.str(t, "peer.conversations.nodes.0.channel") != "VIDEO" ||
		read.get(t, "peer.conversations.totalCount") != float64(2) {
		t.Errorf("peer conversations %v", got)
	}
	if read.get(t, "member.peerConversations.totalCount") != float64(3) || read.str(t, "member.peerConversations.edges.0.node.channel") != "TEXT" {
		t.Errorf("member conversations %v", read.get(t, "member.peerConversations"))
	}
	cursor := read.str(t, "member.peerConversations.edges.0.cursor")
	next := c.do(`query($member: ID!, $after: String) { member(id: $member) { peerConversations(first: 5, after: $after) {
		nodes { channel } pageInfo { hasNextPage hasPreviousPage } } } }`, vars{"member": m2, "after": cursor})
	next.noErrors(t)
	if got := next.list(t, "member.peerConversations.nodes"); len(got) != 2 || next.str(t, "member.peerConversations.nodes.0.channel") != "VIDEO" ||
		next.get(t, "member.peerConversations.pageInfo.hasPreviousPage") != true {
		t.Errorf("second page %v", next.Data)
	}

	// Every peer object is a Node.
	for _, id := range []string{rosaID, ben.str(t, "assignPeer.peerAssignment.id"), older.str(t, "logPeerConversation.peerConversation.id")} {
		r := c.do(`query($id: ID!) { node(id: $id) { id } }`, vars{"id": id})
		r.noErrors(t)
		if r.str(t, "node.id") != id {
			t.Errorf("node(%s) = %v", id, r.Data)
		}
	}
}
