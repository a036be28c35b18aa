package e2e

import (
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

const memberFields = `id displayName status recoveryStartedOn daysInRecovery
	currentCareLevel { code }
	careEpisodes { nodes { id careLevel { code } transition startedAt endedAt reason dischargeReason recordedBy { name } } }`

// TestCareJourney walks one member through every kind of transition over
// GraphQL, as staff would, and checks the timeline the API derives.
func TestCareJourney(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)

	created := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { `+memberFields+` } userErrors { code field message } } }`,
		vars{"in": vars{"firstName": "Jordan", "lastName": "Rivera", "preferredName": "Jo", "recoveryStartedOn": "2026-01-10"}})
	created.noErrors(t)
	memberID := created.str(t, "createMember.member.id")
	if got := created.str(t, "createMember.member.status"); got != "PREADMISSION" {
		t.Fatalf("status = %s, want PREADMISSION", got)
	}
	if got := created.str(t, "createMember.member.displayName"); got != "Jo Rivera" {
		t.Errorf("displayName = %q", got)
	}

	start := time.Now().Add(-200 * 24 * time.Hour).UTC().Truncate(time.Hour)
	at := func(days int) string { return start.Add(time.Duration(days) * 24 * time.Hour).Format(time.RFC3339) }

	admit := func(level string, day int) *response {
		return c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { careEpisode { transition careLevel { code } } member { status } userErrors { code field message } } }`,
			vars{"in": vars{"memberId": memberID, "careLevelCode": level, "startedAt": at(day), "reason": "Assessment"}})
	}
	change := func(level string, day int) *response {
		return c.do(`mutation($in: ChangeCareLevelInput!) { changeCareLevel(input: $in) { careEpisode { transition careLevel { code } } userErrors { code field message } } }`,
			vars{"in": vars{"memberId": memberID, "careLevelCode": level, "effectiveAt": at(day), "reason": "Clinical review"}})
	}

	steps := []struct {
		name, level string
		day         int
		run         func(string, int) *response
		payload     string
		want        string
	}{
		{"admission to detox", "DETOX", 0, admit, "admitMember", "ADMISSION"},
		{"step down to residential", "RESIDENTIAL", 7, change, "changeCareLevel", "STEP_DOWN"},
		{"step down to IOP", "IOP", 40, change, "changeCareLevel", "STEP_DOWN"},
		{"lateral to virtual IOP", "VIRTUAL_IOP", 60, change, "changeCareLevel", "LATERAL"},
		{"step up to PHP after a relapse", "PHP", 80, change, "changeCareLevel", "STEP_UP"},
		{"step down to outpatient", "OUTPATIENT", 100, change, "changeCareLevel", "STEP_DOWN"},
	}
	for _, step := range steps {
		resp := step.run(step.level, step.day)
		resp.noErrors(t)
		if codes := resp.userErrorCodes(t, step.payload); len(codes) > 0 {
			t.Fatalf("%s: userErrors %v", step.name, codes)
		}
		if got := resp.str(t, step.payload+".careEpisode.transition"); got != step.want {
			t.Errorf("%s: transition %s, want %s", step.name, got, step.want)
		}
	}

	discharged := c.do(`mutation($in: DischargeMemberInput!) { dischargeMember(input: $in) { careEpisode { endedAt dischargeReason } member { status currentCareLevel { code } } userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "endedAt": at(150), "reason": "Completed program"}})
	discharged.noErrors(t)
	if got := discharged.str(t, "dischargeMember.member.status"); got != "DISCHARGED" {
		t.Errorf("status after discharge = %s", got)
	}
	if discharged.get(t, "dischargeMember.member.currentCareLevel") != nil {
		t.Error("a discharged member still has a current care level")
	}
	if got := discharged.str(t, "dischargeMember.careEpisode.dischargeReason"); got != "Completed program" {
		t.Errorf("discharge reason = %q", got)
	}

	readmitted := admit("CONTINUING_CARE", 170)
	readmitted.noErrors(t)
	if got := readmitted.str(t, "admitMember.careEpisode.transition"); got != "READMISSION" {
		t.Errorf("readmission transition = %s", got)
	}
	if got := readmitted.str(t, "admitMember.member.status"); got != "ACTIVE" {
		t.Errorf("status after readmission = %s", got)
	}

	// The timeline, oldest first, with the transitions derived from intensities.
	m := c.do(`query($id: ID!) { member(id: $id) { `+memberFields+` } }`, vars{"id": memberID})
	m.noErrors(t)
	var levels, transitions []string
	for _, e := range m.list(t, "member.careEpisodes.nodes") {
		ep := e.(map[string]any)
		levels = append(levels, ep["careLevel"].(map[string]any)["code"].(string))
		transitions = append(transitions, ep["transition"].(string))
		if by := ep["recordedBy"].(map[string]any)["name"]; by != "Test CASE_MANAGER" {
			t.Errorf("recordedBy = %v", by)
		}
	}
	wantLevels := []string{"DETOX", "RESIDENTIAL", "IOP", "VIRTUAL_IOP", "PHP", "OUTPATIENT", "CONTINUING_CARE"}
	wantTransitions := []string{"ADMISSION", "STEP_DOWN", "STEP_DOWN", "LATERAL", "STEP_UP", "STEP_DOWN", "READMISSION"}
	if !slices.Equal(levels, wantLevels) || !slices.Equal(transitions, wantTransitions) {
		t.Errorf("timeline\n got %v %v\nwant %v %v", levels, transitions, wantLevels, wantTransitions)
	}
	episodes := m.list(t, "member.careEpisodes.nodes")
	for i := 1; i < len(episodes); i++ {
		prev, cur := episodes[i-1].(map[string]any), episodes[i].(map[string]any)
		if prev["endedAt"] == nil {
			t.Fatalf("episode %d is still open after a later one started", i-1)
		}
		if i != 6 && prev["endedAt"] != cur["startedAt"] {
			t.Errorf("episode %d ends at %v but the next starts at %v", i-1, prev["endedAt"], cur["startedAt"])
		}
	}
	if m.str(t, "member.currentCareLevel.code") != "CONTINUING_CARE" {
		t.Errorf("current level = %v", m.get(t, "member.currentCareLevel"))
	}
}

// TestJourneyRulesGiveUserErrors checks that broken rules come back as
// userErrors with codes and fields, and write nothing.
func TestJourneyRulesGiveUserErrors(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleClinician)
	memberID := c.do(`mutation { createMember(input: {firstName: "Sam", lastName: "Okafor"}) { member { id } } }`, nil).
		str(t, "createMember.member.id")
	now := time.Now().UTC()
	ago := func(d time.Duration) string { return now.Add(-d).Format(time.RFC3339) }

	mutate := func(name, input string, in vars) *response {
		return c.do(`mutation($in: `+input+`!) { `+name+`(input: $in) { userErrors { code field message } } }`, vars{"in": in})
	}
	cases := []struct {
		name    string
		payload string
		input   string
		in      vars
		code    string
		field   string
	}{
		{"change before admission", "changeCareLevel", "ChangeCareLevelInput",
			vars{"memberId": memberID, "careLevelCode": "IOP", "effectiveAt": ago(time.Hour)}, "NOT_IN_CARE", "memberId"},
		{"discharge before admission", "dischargeMember", "DischargeMemberInput",
			vars{"memberId": memberID, "endedAt": ago(time.Hour), "reason": "x"}, "NOT_IN_CARE", "memberId"},
		{"unknown level", "admitMember", "AdmitMemberInput",
			vars{"memberId": memberID, "careLevelCode": "SPA_DAY", "startedAt": ago(time.Hour)}, "UNKNOWN_CARE_LEVEL", "careLevelCode"},
		{"admission in the future", "admitMember", "AdmitMemberInput",
			vars{"memberId": memberID, "careLevelCode": "DETOX", "startedAt": now.Add(48 * time.Hour).Format(time.RFC3339)}, "IN_FUTURE", "startedAt"},
		{"malformed member id", "admitMember", "AdmitMemberInput",
			vars{"memberId": "not-an-id", "careLevelCode": "DETOX", "startedAt": ago(time.Hour)}, "INVALID_INPUT", "memberId"},
		{"unknown member", "admitMember", "AdmitMemberInput",
			vars{"memberId": "TWVtYmVyOjk5OTk5OQ", "careLevelCode": "DETOX", "startedAt": ago(time.Hour)}, "NOT_FOUND", "memberId"},
		{"blank first name", "createMember", "CreateMemberInput",
			vars{"firstName": "  ", "lastName": "Okafor"}, "INVALID_INPUT", "firstName"},
		{"future recovery date", "createMember", "CreateMemberInput",
			vars{"firstName": "A", "lastName": "B", "recoveryStartedOn": now.AddDate(0, 0, 3).Format("2006-01-02")}, "IN_FUTURE", "recoveryStartedOn"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := mutate(tc.payload, tc.input, tc.in)
			resp.noErrors(t)
			errs := resp.list(t, tc.payload+".userErrors")
			if len(errs) != 1 {
				t.Fatalf("userErrors = %v", errs)
			}
			e := errs[0].(map[string]any)
			field, _ := e["field"].([]any)
			if e["code"] != tc.code || len(field) != 2 || field[1] != tc.field || e["message"] == "" {
				t.Errorf("got %v, want code %s on field %s", e, tc.code, tc.field)
			}
		})
	}

	// Admit, then the rules that depend on the open episode.
	admitted := mutate("admitMember", "AdmitMemberInput", vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "startedAt": ago(30 * 24 * time.Hour)})
	if codes := admitted.userErrorCodes(t, "admitMember"); len(codes) > 0 {
		t.Fatalf("admission refused: %v", codes)
	}
	for _, tc := range []struct {
		name, payload, input string
		in                   vars
		code                 string
	}{
		{"second admission", "admitMember", "AdmitMemberInput", vars{"memberId": memberID, "careLevelCode": "DETOX", "startedAt": ago(time.Hour)}, "ALREADY_IN_CARE"},
		{"change to the same level", "changeCareLevel", "ChangeCareLevelInput", vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "effectiveAt": ago(time.Hour)}, "SAME_CARE_LEVEL"},
		{"change before the open episode", "changeCareLevel", "ChangeCareLevelInput", vars{"memberId": memberID, "careLevelCode": "PHP", "effectiveAt": ago(40 * 24 * time.Hour)}, "BEFORE_CURRENT_EPISODE"},
		{"discharge without reason", "dischargeMember", "DischargeMemberInput", vars{"memberId": memberID, "endedAt": ago(time.Hour), "reason": " "}, "INVALID_INPUT"},
	} {
		resp := mutate(tc.payload, tc.input, tc.in)
		if codes := resp.userErrorCodes(t, tc.payload); !slices.Equal(codes, []string{tc.code}) {
			t.Errorf("%s: userErrors %v, want [%s]", tc.name, codes, tc.code)
		}
	}
	m := c.do(`query($id: ID!) { member(id: $id) { status careEpisodes { nodes { careLevel { code } endedAt } } } }`, vars{"id": memberID})
	if n := len(m.list(t, "member.careEpisodes.nodes")); n != 1 {
		t.Errorf("refused mutations wrote: %d episodes, want 1", n)
	}

	// A malformed scalar is a GraphQL error, not a userError and not a 500.
	bad := c.do(`mutation { admitMember(input: {memberId: "x", careLevelCode: "IOP", startedAt: "yesterday"}) { userErrors { code } } }`, nil)
	if bad.Status != 200 && bad.Status != 422 || !slices.Contains(bad.errorCodes(), "BAD_USER_INPUT") {
		t.Errorf("bad DateTime: status %d codes %v", bad.Status, bad.errorCodes())
	}
}

// TestCorrectionAndRecoveryHistory checks that corrections and sobriety-date
// resets append history instead of overwriting it.
func TestCorrectionAndRecoveryHistory(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	memberID := c.do(`mutation { createMember(input: {firstName: "Lee", lastName: "Chen", recoveryStartedOn: "2025-06-01"}) { member { id } } }`, nil).
		str(t, "createMember.member.id")
	base := time.Now().UTC().AddDate(0, -3, 0).Truncate(time.Hour)
	c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "startedAt": base.Format(time.RFC3339)}}).noErrors(t)
	c.do(`mutation($in: ChangeCareLevelInput!) { changeCareLevel(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "IOP", "effectiveAt": base.AddDate(0, 0, 30).Format(time.RFC3339)}}).noErrors(t)

	first := c.do(`query($id: ID!) { member(id: $id) { careEpisodes { nodes { id } } } }`, vars{"id": memberID}).str(t, "member.careEpisodes.nodes.0.id")
	corrected := c.do(`mutation($in: CorrectCareEpisodeInput!) { correctCareEpisode(input: $in) {
			careEpisode { id careLevel { code } supersedes { id supersededAt supersedeReason supersededByUser { name } supersededBy { id } } }
			userErrors { code message } } }`,
		vars{"in": vars{"careEpisodeId": first, "careLevelCode": "PHP", "startedAt": base.Format(time.RFC3339),
			"endedAt": base.AddDate(0, 0, 30).Format(time.RFC3339), "reason": "Entered as residential by mistake"}})
	corrected.noErrors(t)
	if codes := corrected.userErrorCodes(t, "correctCareEpisode"); len(codes) > 0 {
		t.Fatalf("correction refused: %v", codes)
	}
	if got := corrected.str(t, "correctCareEpisode.careEpisode.supersedes.supersedeReason"); got != "Entered as residential by mistake" {
		t.Errorf("supersede reason = %q", got)
	}
	if got := corrected.str(t, "correctCareEpisode.careEpisode.supersedes.supersededByUser.name"); got != "Test CASE_MANAGER" {
		t.Errorf("superseded by %q", got)
	}
	if corrected.str(t, "correctCareEpisode.careEpisode.supersedes.supersededBy.id") != corrected.str(t, "correctCareEpisode.careEpisode.id") {
		t.Error("the original does not point at its correction")
	}

	again := c.do(`mutation($in: CorrectCareEpisodeInput!) { correctCareEpisode(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"careEpisodeId": first, "careLevelCode": "DETOX", "startedAt": base.Format(time.RFC3339),
			"endedAt": base.AddDate(0, 0, 30).Format(time.RFC3339), "reason": "again"}})
	if codes := again.userErrorCodes(t, "correctCareEpisode"); !slices.Equal(codes, []string{"ALREADY_SUPERSEDED"}) {
		t.Errorf("second correction of the same episode: %v", codes)
	}

	m := c.do(`query($id: ID!) { member(id: $id) {
			current: careEpisodes { nodes { careLevel { code } transition } }
			all: careEpisodes(includeSuperseded: true) { nodes { careLevel { code } supersededAt } } } }`, vars{"id": memberID})
	m.noErrors(t)
	var current []string
	for _, e := range m.list(t, "member.current.nodes") {
		ep := e.(map[string]any)
		current = append(current, ep["careLevel"].(map[string]any)["code"].(string)+":"+ep["transition"].(string))
	}
	if !slices.Equal(current, []string{"PHP:ADMISSION", "IOP:STEP_DOWN"}) {
		t.Errorf("current timeline = %v", current)
	}
	if n := len(m.list(t, "member.all.nodes")); n != 3 {
		t.Errorf("with superseded: %d episodes, want 3 (nothing is deleted)", n)
	}

	reset := c.do(`mutation($in: ResetRecoveryStartDateInput!) { resetRecoveryStartDate(input: $in) {
			member { recoveryStartedOn recoveryStartDateHistory { totalCount nodes { recoveryStartedOn reason recordedBy { name } } } milestones { reached { key } next { key } } }
			userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "recoveryStartedOn": time.Now().UTC().AddDate(0, 0, -2).Format("2006-01-02"), "reason": "Relapse"}})
	reset.noErrors(t)
	history := reset.list(t, "resetRecoveryStartDate.member.recoveryStartDateHistory.nodes")
	if len(history) != 2 || reset.get(t, "resetRecoveryStartDate.member.recoveryStartDateHistory.totalCount") != 2.0 || history[0].(map[string]any)["recoveryStartedOn"] != "2025-06-01" || history[1].(map[string]any)["reason"] != "Relapse" {
		t.Errorf("history = %v", history)
	}
	if got := reset.str(t, "resetRecoveryStartDate.member.milestones.next.key"); got != "DAYS_30" {
		t.Errorf("next milestone after a reset two days ago = %s", got)
	}
	if reached := reset.list(t, "resetRecoveryStartDate.member.milestones.reached"); len(reached) != 1 {
		t.Errorf("reached = %v, want only 24 hours", reached)
	}
	if !strings.HasPrefix(reset.str(t, "resetRecoveryStartDate.member.recoveryStartedOn"), time.Now().UTC().AddDate(0, 0, -2).Format("2006-01")) {
		t.Errorf("recoveryStartedOn = %v", reset.get(t, "resetRecoveryStartDate.member.recoveryStartedOn"))
	}
}
