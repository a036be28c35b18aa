package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// plansSQL runs a statement straight against the server's database, for
// the rows of areas built in parallel (groups, meetings, attendance,
// houses, peers), and returns the new row's id.
func plansSQL(t *testing.T, s *server, query string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := s.Store.DB().QueryRowContext(context.Background(), query+" RETURNING id", args...).Scan(&id); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return id
}

func plansGroupID(t *testing.T, s *server, name string) string {
	t.Helper()
	id := plansSQL(t, s, `INSERT INTO groups (name, kind, modality, time_zone) VALUES (?, 'MUTUAL_SUPPORT', 'IN_PERSON', 'UTC')`, name)
	return globalid.EncodeInt(globalid.TypeGroup, id)
}

// plansAttended records that a member was present at a new meeting of a group.
func plansAttended(t *testing.T, s *server, groupID, memberID string, at time.Time) {
	t.Helper()
	g, _ := globalid.DecodeInt(groupID, globalid.TypeGroup)
	m, _ := globalid.DecodeInt(memberID, globalid.TypeMember)
	meeting := plansSQL(t, s, `INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, ?, ?)`, g, at, at.Add(time.Hour))
	if _, err := s.Store.DB().ExecContext(context.Background(),
		`INSERT INTO attendance_records (meeting_id, member_id, status) VALUES (?, ?, 'PRESENT')`, meeting, m); err != nil {
		t.Fatal(err)
	}
}

func plansMember(t *testing.T, c *client, first, last string) string {
	t.Helper()
	r := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": first, "lastName": last}})
	r.noErrors(t)
	return r.str(t, "createMember.member.id")
}

const plansPlanFields = `id status startsOn reviewOn isReviewDue activatedAt closedAt createdAt author { name } member { id }`

func plansCreate(t *testing.T, c *client, memberID, startsOn, reviewOn string) *response {
	t.Helper()
	return c.do(`mutation($in: CreateAftercarePlanInput!) { createAftercarePlan(input: $in) { aftercarePlan { `+plansPlanFields+` } userErrors { code field message } } }`,
		vars{"in": vars{"memberId": memberID, "startsOn": startsOn, "reviewOn": reviewOn}})
}

func plansStatus(t *testing.T, c *client, mutation, planID string) *response {
	t.Helper()
	// Each status mutation takes its own input type: activateAftercarePlan takes ActivateAftercarePlanInput.
	input := strings.ToUpper(mutation[:1]) + mutation[1:] + "Input"
	return c.do(`mutation($in: `+input+`!) { `+mutation+`(input: $in) { aftercarePlan { `+plansPlanFields+` } userErrors { code field message } } }`,
		vars{"in": vars{"aftercarePlanId": planID}})
}

// plansWantUserError checks a payload's single userError.
func plansWantUserError(t *testing.T, r *response, payload, code, field string) {
	t.Helper()
	var path []string
	if field != "" {
		path = []string{field}
	}
	r.wantOneUserError(t, payload, code, path...)
	if r.get(t, payload) == nil {
		t.Fatalf("%s: no payload", payload)
	}
}

func plansNoUserErrors(t *testing.T, r *response, payload string) {
	t.Helper()
	r.noErrors(t)
	if errs := r.list(t, payload+".userErrors"); len(errs) != 0 {
		t.Fatalf("%s: userErrors %v", payload, errs)
	}
}

func plansDay(t time.Time) string { return t.Format(time.DateOnly) }

// TestAftercarePlanFlow writes a plan as staff would: a draft with goals and
// commitments, activation (one active plan per member), check-ins,
// adherence from attendance, completion; and the errors on the way.
func TestAftercarePlanFlow(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	today := s.Store.Today()
	memberID := plansMember(t, c, "Avery", "Stone")

	plansWantUserError(t, plansCreate(t, c, memberID, plansDay(today), plansDay(today.AddDate(0, 0, -1))), "createAftercarePlan", "INVALID_INPUT", "reviewOn")
	plansWantUserError(t, plansCreate(t, c, globalid.EncodeInt(globalid.TypeMember, 999), plansDay(today), plansDay(today)), "createAftercarePlan", "NOT_FOUND", "memberId")

	startsOn := today.AddDate(0, 0, -20)
	created := plansCreate(t, c, memberID, plansDay(startsOn), plansDay(today.AddDate(0, 0, 70)))
	plansNoUserErrors(t, created, "createAftercarePlan")
	planID := created.str(t, "createAftercarePlan.aftercarePlan.id")
	if created.str(t, "createAftercarePlan.aftercarePlan.status") != "DRAFT" || created.str(t, "createAftercarePlan.aftercarePlan.author.name") != "Test CASE_MANAGER" ||
		created.str(t, "createAftercarePlan.aftercarePlan.member.id") != memberID || created.get(t, "createAftercarePlan.aftercarePlan.activatedAt") != nil {
		t.Fatalf("created = %v", created.get(t, "createAftercarePlan.aftercarePlan"))
	}
	updated := c.do(`mutation($in: UpdateAftercarePlanInput!) { updateAftercarePlan(input: $in) { aftercarePlan { reviewOn startsOn } userErrors { code } } }`,
		vars{"in": vars{"aftercarePlanId": planID, "reviewOn": plansDay(today.AddDate(0, 0, 80))}})
	plansNoUserErrors(t, updated, "updateAftercarePlan")
	if updated.str(t, "updateAftercarePlan.aftercarePlan.reviewOn") != plansDay(today.AddDate(0, 0, 80)) || updated.str(t, "updateAftercarePlan.aftercarePlan.startsOn") != plansDay(startsOn) {
		t.Fatalf("updated = %v", updated.get(t, "updateAftercarePlan.aftercarePlan"))
	}

	// Goals.
	goal := c.do(`mutation($in: AddAftercareGoalInput!) { addAftercareGoal(input: $in) { aftercareGoal { id category description status targetOn plan { id } } userErrors { code field } } }`,
		vars{"in": vars{"aftercarePlanId": planID, "category": "EMPLOYMENT", "description": "Find part-time work", "targetOn": plansDay(today.AddDate(0, 2, 0))}})
	plansNoUserErrors(t, goal, "addAftercareGoal")
	goalID := goal.str(t, "addAftercareGoal.aftercareGoal.id")
	if goal.str(t, "addAftercareGoal.aftercareGoal.status") != "NOT_STARTED" || goal.str(t, "addAftercareGoal.aftercareGoal.plan.id") != planID {
		t.Fatalf("goal = %v", goal.get(t, "addAftercareGoal.aftercareGoal"))
	}
	plansWantUserError(t, c.do(`mutation($in: AddAftercareGoalInput!) { addAftercareGoal(input: $in) { aftercareGoal { id } userErrors { code field } } }`,
		vars{"in": vars{"aftercarePlanId": planID, "category": "HOUSING", "description": "  "}}), "addAftercareGoal", "INVALID_INPUT", "description")
	goalUpdate := c.do(`mutation($in: UpdateAftercareGoalInput!) { updateAftercareGoal(input: $in) { aftercareGoal { status description } userErrors { code } } }`,
		vars{"in": vars{"aftercareGoalId": goalID, "status": "IN_PROGRESS"}})
	plansNoUserErrors(t, goalUpdate, "updateAftercareGoal")
	if goalUpdate.str(t, "updateAftercareGoal.aftercareGoal.status") != "IN_PROGRESS" || goalUpdate.str(t, "updateAftercareGoal.aftercareGoal.description") != "Find part-time work" {
		t.Fatalf("goal update = %v", goalUpdate.get(t, "updateAftercareGoal.aftercareGoal"))
	}

	// Commitments: one at a group with a weekly target, one at a house.
	groupID := plansGroupID(t, s, "Thursday SMART")
	houseID := globalid.EncodeInt(globalid.TypeHouse, plansSQL(t, s, `INSERT INTO houses (name, capacity, gender_designation, narr_level) VALUES ('Cedar House', 8, 'WOMEN', 'III')`))
	addCommitment := func(in vars) *response {
		in["aftercarePlanId"] = planID
		return c.do(`mutation($in: AddAftercareCommitmentInput!) { addAftercareCommitment(input: $in) {
			aftercareCommitment { id kind description targetPerWeek removedAt group { id name } house { name } peer { id } plan { id } } userErrors { code field message } } }`, vars{"in": in})
	}
	smart := addCommitment(vars{"kind": "MUTUAL_SUPPORT_GROUP", "description": "SMART", "groupId": groupID, "targetPerWeek": 2})
	plansNoUserErrors(t, smart, "addAftercareCommitment")
	smartID := smart.str(t, "addAftercareCommitment.aftercareCommitment.id")
	if smart.str(t, "addAftercareCommitment.aftercareCommitment.group.name") != "Thursday SMART" || smart.get(t, "addAftercareCommitment.aftercareCommitment.house") != nil {
		t.Fatalf("commitment = %v", smart.get(t, "addAftercareCommitment.aftercareCommitment"))
	}
	housing := addCommitment(vars{"kind": "RECOVERY_HOUSING", "houseId": houseID})
	plansNoUserErrors(t, housing, "addAftercareCommitment")
	if housing.str(t, "addAftercareCommitment.aftercareCommitment.house.name") != "Cedar House" {
		t.Fatalf("commitment = %v", housing.get(t, "addAftercareCommitment.aftercareCommitment"))
	}
	plansWantUserError(t, addCommitment(vars{"kind": "OTHER", "groupId": globalid.EncodeInt(globalid.TypeGroup, 999)}), "addAftercareCommitment", "NOT_FOUND", "groupId")
	plansWantUserError(t, addCommitment(vars{"kind": "OTHER", "peerId": memberID}), "addAftercareCommitment", "NOT_FOUND", "peerId")
	plansWantUserError(t, addCommitment(vars{"kind": "OTHER", "groupId": groupID, "houseId": houseID}), "addAftercareCommitment", "INVALID_INPUT", "houseId")
	plansWantUserError(t, addCommitment(vars{"kind": "OTHER", "targetPerWeek": 22}), "addAftercareCommitment", "INVALID_INPUT", "targetPerWeek")

	checkIn := func(occurredOn time.Time, craving int) *response {
		return c.do(`mutation($in: RecordCheckInInput!) { recordCheckIn(input: $in) { checkIn { id occurredOn craving isAbstinent copingSkills note recordedBy { name } plan { id } } userErrors { code field message } } }`,
			vars{"in": vars{"aftercarePlanId": planID, "occurredOn": plansDay(occurredOn), "isAbstinent": true, "craving": craving, "copingSkills": []string{"called sponsor"}, "note": "steady"}})
	}
	plansWantUserError(t, checkIn(today, 2), "recordCheckIn", "INVALID_INPUT", "aftercarePlanId")

	// Activation, and one active plan per member.
	activated := plansStatus(t, c, "activateAftercarePlan", planID)
	plansNoUserErrors(t, activated, "activateAftercarePlan")
	if activated.str(t, "activateAftercarePlan.aftercarePlan.status") != "ACTIVE" || activated.get(t, "activateAftercarePlan.aftercarePlan.activatedAt") == nil {
		t.Fatalf("activated = %v", activated.get(t, "activateAftercarePlan.aftercarePlan"))
	}
	var notes int
	if err := s.Store.DB().QueryRowContext(context.Background(), `SELECT count(*) FROM updates WHERE kind = 'NOTE' AND body = 'Aftercare plan started' AND NOT shareable`).Scan(&notes); err != nil || notes != 1 {
		t.Fatalf("journey notes = %d, %v", notes, err)
	}
	second := plansCreate(t, c, memberID, plansDay(today), plansDay(today))
	secondID := second.str(t, "createAftercarePlan.aftercarePlan.id")
	plansWantUserError(t, plansStatus(t, c, "activateAftercarePlan", secondID), "activateAftercarePlan", "ACTIVE_PLAN_EXISTS", "aftercarePlanId")
	plansWantUserError(t, plansStatus(t, c, "completeAftercarePlan", secondID), "completeAftercarePlan", "INVALID_STATUS_CHANGE", "aftercarePlanId")

	// Check-ins, newest first.
	plansWantUserError(t, checkIn(today.AddDate(0, 0, 1), 2), "recordCheckIn", "IN_FUTURE", "occurredOn")
	plansWantUserError(t, checkIn(today, 11), "recordCheckIn", "INVALID_INPUT", "craving")
	for i, ago := range []int{14, 7, 0} {
		r := checkIn(today.AddDate(0, 0, -ago), i+3)
		plansNoUserErrors(t, r, "recordCheckIn")
		if r.str(t, "recordCheckIn.checkIn.recordedBy.name") != "Test CASE_MANAGER" || r.str(t, "recordCheckIn.checkIn.note") != "steady" {
			t.Fatalf("check-in = %v", r.get(t, "recordCheckIn.checkIn"))
		}
	}
	page := c.do(`query($id: ID!) { aftercarePlan(id: $id) { checkIns(first: 2) { totalCount nodes { craving } pageInfo { hasNextPage endCursor } } } }`, vars{"id": planID})
	page.noErrors(t)
	if got := plansCravings(t, page, "aftercarePlan.checkIns.nodes"); !slices.Equal(got, []float64{5, 4}) || page.get(t, "aftercarePlan.checkIns.totalCount") != 3.0 {
		t.Fatalf("first page = %v", page.get(t, "aftercarePlan.checkIns"))
	}
	rest := c.do(`query($id: ID!, $after: String) { aftercarePlan(id: $id) { checkIns(first: 2, after: $after) { nodes { craving } pageInfo { hasNextPage } } } }`,
		vars{"id": planID, "after": page.str(t, "aftercarePlan.checkIns.pageInfo.endCursor")})
	rest.noErrors(t)
	if got := plansCravings(t, rest, "aftercarePlan.checkIns.nodes"); !slices.Equal(got, []float64{3}) || rest.get(t, "aftercarePlan.checkIns.pageInfo.hasNextPage") != false {
		t.Fatalf("second page = %v", rest.get(t, "aftercarePlan.checkIns"))
	}

	// Adherence: two meetings this week (target met), one last week.
	thisWeek := domain.WeekStart(today)
	plansAttended(t, s, groupID, memberID, thisWeek.Add(10*time.Hour))
	plansAttended(t, s, groupID, memberID, thisWeek.Add(12*time.Hour))
	plansAttended(t, s, groupID, memberID, thisWeek.AddDate(0, 0, -7).Add(10*time.Hour))
	adherence := c.do(`query($id: ID!) { aftercarePlan(id: $id) { adherence(weeks: 2) { commitment { id } weeks { weekStartsOn attended target isMet } } } }`, vars{"id": planID})
	adherence.noErrors(t)
	entries := adherence.list(t, "aftercarePlan.adherence")
	if len(entries) != 1 || adherence.str(t, "aftercarePlan.adherence.0.commitment.id") != smartID {
		t.Fatalf("adherence = %v", entries)
	}
	wantWeeks := []any{
		map[string]any{"weekStartsOn": plansDay(thisWeek.AddDate(0, 0, -7)), "attended": 1.0, "target": 2.0, "isMet": false},
		map[string]any{"weekStartsOn": plansDay(thisWeek), "attended": 2.0, "target": 2.0, "isMet": true},
	}
	if got := adherence.list(t, "aftercarePlan.adherence.0.weeks"); fmt.Sprint(got) != fmt.Sprint(wantWeeks) {
		t.Fatalf("weeks = %v, want %v", got, wantWeeks)
	}
	if codes := c.do(`query($id: ID!) { aftercarePlan(id: $id) { adherence(weeks: 53) { commitment { id } } } }`, vars{"id": planID}).errorCodes(); !slices.Equal(codes, []string{"BAD_USER_INPUT"}) {
		t.Fatalf("53 weeks: %v", codes)
	}

	// Removing a commitment keeps it readable by id.
	removed := c.do(`mutation($in: RemoveAftercareCommitmentInput!) { removeAftercareCommitment(input: $in) { aftercareCommitment { removedAt } userErrors { code } } }`,
		vars{"in": vars{"aftercareCommitmentId": housing.str(t, "addAftercareCommitment.aftercareCommitment.id")}})
	plansNoUserErrors(t, removed, "removeAftercareCommitment")
	if removed.get(t, "removeAftercareCommitment.aftercareCommitment.removedAt") == nil {
		t.Fatal("removedAt not set")
	}
	view := c.do(`query($m: ID!, $h: ID!) { member(id: $m) { activeAftercarePlan { id commitments { nodes { id } } goals { nodes { id } } isReviewDue } aftercarePlans { nodes { id status } } }
		node(id: $h) { ... on AftercareCommitment { kind removedAt house { name } } } }`,
		vars{"m": memberID, "h": housing.str(t, "addAftercareCommitment.aftercareCommitment.id")})
	view.noErrors(t)
	if view.str(t, "member.activeAftercarePlan.id") != planID || len(view.list(t, "member.activeAftercarePlan.commitments.nodes")) != 1 ||
		len(view.list(t, "member.activeAftercarePlan.goals.nodes")) != 1 || view.get(t, "member.activeAftercarePlan.isReviewDue") != false {
		t.Fatalf("member view = %v", view.get(t, "member"))
	}
	if plans := view.list(t, "member.aftercarePlans.nodes"); len(plans) != 2 || view.str(t, "member.aftercarePlans.nodes.0.id") != secondID {
		t.Fatalf("plans, newest first = %v", plans)
	}
	if view.str(t, "node.kind") != "RECOVERY_HOUSING" || view.get(t, "node.removedAt") == nil || view.str(t, "node.house.name") != "Cedar House" {
		t.Fatalf("removed commitment by id = %v", view.get(t, "node"))
	}

	// Completion closes the plan to edits.
	done := plansStatus(t, c, "completeAftercarePlan", planID)
	plansNoUserErrors(t, done, "completeAftercarePlan")
	if done.str(t, "completeAftercarePlan.aftercarePlan.status") != "COMPLETED" || done.get(t, "completeAftercarePlan.aftercarePlan.closedAt") == nil {
		t.Fatalf("completed = %v", done.get(t, "completeAftercarePlan.aftercarePlan"))
	}
	plansWantUserError(t, checkIn(today, 1), "recordCheckIn", "PLAN_CLOSED", "aftercarePlanId")
	plansWantUserError(t, c.do(`mutation($in: UpdateAftercareGoalInput!) { updateAftercareGoal(input: $in) { aftercareGoal { id } userErrors { code field } } }`,
		vars{"in": vars{"aftercareGoalId": goalID, "status": "ACHIEVED"}}), "updateAftercareGoal", "PLAN_CLOSED", "aftercareGoalId")
	plansWantUserError(t, c.do(`mutation($in: UpdateAftercareCommitmentInput!) { updateAftercareCommitment(input: $in) { aftercareCommitment { id } userErrors { code field } } }`,
		vars{"in": vars{"aftercareCommitmentId": smartID, "clearTarget": true}}), "updateAftercareCommitment", "PLAN_CLOSED", "aftercareCommitmentId")
	plansWantUserError(t, plansStatus(t, c, "activateAftercarePlan", planID), "activateAftercarePlan", "INVALID_STATUS_CHANGE", "aftercarePlanId")
	plansWantUserError(t, plansStatus(t, c, "cancelAftercarePlan", "bm90LWFuLWlk"), "cancelAftercarePlan", "INVALID_INPUT", "aftercarePlanId")
	plansWantUserError(t, plansStatus(t, c, "cancelAftercarePlan", memberID), "cancelAftercarePlan", "NOT_FOUND", "aftercarePlanId")

	// With the first plan closed the second can start.
	plansNoUserErrors(t, plansStatus(t, c, "activateAftercarePlan", secondID), "activateAftercarePlan")
	if r := c.do(`query($m: ID!) { member(id: $m) { activeAftercarePlan { id } } }`, vars{"m": memberID}); r.str(t, "member.activeAftercarePlan.id") != secondID {
		t.Fatalf("active plan = %v", r.get(t, "member"))
	}
}

func plansCravings(t *testing.T, r *response, path string) []float64 {
	t.Helper()
	var out []float64
	for _, n := range r.list(t, path) {
		out = append(out, n.(map[string]any)["craving"].(float64))
	}
	return out
}

func TestRecoveryCapitalAndReviews(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleClinician)
	memberID := plansMember(t, c, "Robin", "Hale")
	record := func(answers []int, assessedAt any) *response {
		in := vars{"memberId": memberID, "answers": answers}
		if assessedAt != nil {
			in["assessedAt"] = assessedAt
		}
		return c.do(`mutation($in: RecordRecoveryCapitalInput!) { recordRecoveryCapital(input: $in) {
			recoveryCapitalAssessment { id answers total isSustainedRemissionLikely assessedAt recordedBy { name } member { id } } userErrors { code field message } } }`, vars{"in": in})
	}
	high := record([]int{5, 5, 5, 5, 5, 5, 5, 4, 4, 4}, nil)
	plansNoUserErrors(t, high, "recordRecoveryCapital")
	if high.get(t, "recordRecoveryCapital.recoveryCapitalAssessment.total") != 47.0 || high.get(t, "recordRecoveryCapital.recoveryCapitalAssessment.isSustainedRemissionLikely") != true ||
		high.str(t, "recordRecoveryCapital.recoveryCapitalAssessment.member.id") != memberID {
		t.Fatalf("assessment = %v", high.get(t, "recordRecoveryCapital.recoveryCapitalAssessment"))
	}
	earlier := time.Now().Add(-60 * 24 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	low := record([]int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, earlier)
	plansNoUserErrors(t, low, "recordRecoveryCapital")
	if low.get(t, "recordRecoveryCapital.recoveryCapitalAssessment.total") != 40.0 || low.get(t, "recordRecoveryCapital.recoveryCapitalAssessment.isSustainedRemissionLikely") != false {
		t.Fatalf("assessment = %v", low.get(t, "recordRecoveryCapital.recoveryCapitalAssessment"))
	}
	plansWantUserError(t, record([]int{5, 5, 5, 5, 5, 5, 5, 5, 5}, nil), "recordRecoveryCapital", "INVALID_INPUT", "answers")
	plansWantUserError(t, record([]int{5, 5, 5, 5, 5, 5, 5, 5, 5, 9}, nil), "recordRecoveryCapital", "INVALID_INPUT", "answers")
	plansWantUserError(t, record([]int{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339)), "recordRecoveryCapital", "IN_FUTURE", "assessedAt")

	history := c.do(`query($m: ID!) { member(id: $m) { recoveryCapital { nodes { total } } } }`, vars{"m": memberID})
	history.noErrors(t)
	if got := fmt.Sprint(history.list(t, "member.recoveryCapital.nodes")); got != "[map[total:40] map[total:47]]" {
		t.Fatalf("history, oldest first = %s", got)
	}

	// Plans due for review: active ones whose review date has come.
	today := s.Store.Today()
	var due []string
	for i, reviewIn := range []int{-5, 0, 10, -30} {
		m := plansMember(t, c, "Review", fmt.Sprint("Member", i))
		r := plansCreate(t, c, m, plansDay(today.AddDate(0, -3, 0)), plansDay(today.AddDate(0, 0, reviewIn)))
		id := r.str(t, "createAftercarePlan.aftercarePlan.id")
		plansNoUserErrors(t, plansStatus(t, c, "activateAftercarePlan", id), "activateAftercarePlan")
		if reviewIn <= 0 {
			due = append(due, id)
		}
	}
	list := c.do(`{ aftercarePlansDueForReview { totalCount nodes { id isReviewDue } } }`, nil)
	list.noErrors(t)
	if n := list.get(t, "aftercarePlansDueForReview.totalCount"); n != float64(3) {
		t.Errorf("totalCount %v, want 3", n)
	}
	var got []string
	for _, p := range list.list(t, "aftercarePlansDueForReview.nodes") {
		got = append(got, p.(map[string]any)["id"].(string))
		if p.(map[string]any)["isReviewDue"] != true {
			t.Errorf("listed plan not due: %v", p)
		}
	}
	if want := []string{due[2], due[0], due[1]}; !slices.Equal(got, want) {
		t.Fatalf("due = %v, want %v", got, want)
	}
	later := c.do(`query($on: Date) { aftercarePlansDueForReview(first: 1, filter: {dueOn: $on}) { nodes { id } pageInfo { hasNextPage } } }`, vars{"on": plansDay(today.AddDate(0, 0, 10))})
	if later.noErrors(t); len(later.list(t, "aftercarePlansDueForReview.nodes")) != 1 || later.get(t, "aftercarePlansDueForReview.pageInfo.hasNextPage") != true {
		t.Fatalf("first: 1 = %v", later.get(t, "aftercarePlansDueForReview"))
	}
}

// Ten staff activate ten different drafts of one member at the same moment
// over HTTP: exactly one plan becomes active.
func TestConcurrentPlanActivationOverHTTP(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	memberID := plansMember(t, c, "Casey", "Race")
	today := plansDay(s.Store.Today())
	const drafts = 10
	ids := make([]string, drafts)
	for i := range ids {
		ids[i] = plansCreate(t, c, memberID, today, today).str(t, "createAftercarePlan.aftercarePlan.id")
	}
	codes := make([][]string, drafts)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range drafts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r := c.do(`mutation($in: ActivateAftercarePlanInput!) { activateAftercarePlan(input: $in) { aftercarePlan { status } userErrors { code } } }`,
				vars{"in": vars{"aftercarePlanId": ids[i]}})
			if len(r.Errors) > 0 {
				codes[i] = []string{fmt.Sprint(r.Errors)}
				return
			}
			codes[i] = r.userErrorCodes(t, "activateAftercarePlan")
		}()
	}
	close(start)
	wg.Wait()
	wins, exists := 0, 0
	for i, cs := range codes {
		switch {
		case len(cs) == 0:
			wins++
		case slices.Equal(cs, []string{"ACTIVE_PLAN_EXISTS"}):
			exists++
		default:
			t.Errorf("activation %d: %v", i, cs)
		}
	}
	t.Logf("%d activations: %d succeeded, %d ACTIVE_PLAN_EXISTS", drafts, wins, exists)
	if wins != 1 || exists != drafts-1 {
		t.Fatalf("%d succeeded and %d were told ACTIVE_PLAN_EXISTS", wins, exists)
	}
	r := c.do(`query($m: ID!) { member(id: $m) { aftercarePlans { nodes { status } } activeAftercarePlan { id } } }`, vars{"m": memberID})
	r.noErrors(t)
	active := 0
	for _, p := range r.list(t, "member.aftercarePlans.nodes") {
		if p.(map[string]any)["status"] == "ACTIVE" {
			active++
		}
	}
	if active != 1 || r.get(t, "member.activeAftercarePlan") == nil {
		t.Fatalf("%d active plans", active)
	}
}
