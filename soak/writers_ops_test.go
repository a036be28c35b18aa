//go:build soak

package soak

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"carejourney/graph/globalid"
)

// The mutations and the read of TestConcurrentWriters, each asking for the
// ids and values the ledger checks afterwards.
const (
	admitMutation = `mutation($in: AdmitMemberInput!) { admitMember(input: $in) {
		careEpisode { id } userErrors { code } } }`
	changeLevelMutation = `mutation($in: ChangeCareLevelInput!) { changeCareLevel(input: $in) {
		careEpisode { id } userErrors { code } } }`
	dischargeMutation = `mutation($in: DischargeMemberInput!) { dischargeMember(input: $in) {
		careEpisode { id } userErrors { code } } }`
	moveInMutation = `mutation($in: MoveIntoHouseInput!) { moveIntoHouse(input: $in) {
		residency { id } userErrors { code } } }`
	moveOutMutation = `mutation($in: MoveOutOfHouseInput!) { moveOutOfHouse(input: $in) {
		residency { id } userErrors { code } } }`
	attendanceMutation = `mutation($in: RecordAttendanceInput!) { recordAttendance(input: $in) {
		meeting { id } userErrors { code } } }`
	createPlanMutation = `mutation($in: CreateAftercarePlanInput!) { createAftercarePlan(input: $in) {
		aftercarePlan { id } userErrors { code } } }`
	activatePlanMutation = `mutation($in: ActivateAftercarePlanInput!) { activateAftercarePlan(input: $in) {
		aftercarePlan { id } userErrors { code } } }`
	completePlanMutation = `mutation($in: CompleteAftercarePlanInput!) { completeAftercarePlan(input: $in) {
		aftercarePlan { id } userErrors { code } } }`
	cancelPlanMutation = `mutation($in: CancelAftercarePlanInput!) { cancelAftercarePlan(input: $in) {
		aftercarePlan { id } userErrors { code } } }`
	checkInMutation = `mutation($in: RecordCheckInInput!) { recordCheckIn(input: $in) {
		checkIn { id } userErrors { code } } }`
	grantMutation = `mutation($in: GrantConsentInput!) { grantConsent(input: $in) {
		consent { id } userErrors { code } } }`
	revokeMutation = `mutation($in: RevokeConsentInput!) { revokeConsent(input: $in) {
		consent { id } userErrors { code } } }`
)

// target is the small set every client writes to, so that they race.
type target struct {
	members  []int64
	contacts map[int64]int64 // member → a family contact of theirs
	houses   []int64
	meetings []int64 // started meetings, and one that has not started
	levels   []string
	today    time.Time // the provider's today, for plan dates
	beds     int       // the houses' capacity, for the figures
}

// pool holds what the clients created and share: every client may pick
// any plan or consent, so activations, closings, check-ins and
// revocations race on the same rows.
type pool struct {
	mu       sync.Mutex
	plans    []int64
	active   []int64 // plans whose activation was acknowledged
	consents []int64
}

func (p *pool) add(list *[]int64, id int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*list = append(*list, id)
}

func (p *pool) pick(rng *rand.Rand, list *[]int64) (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(*list) == 0 {
		return 0, false
	}
	// The newest are picked most: they are the ones still open.
	n := len(*list)
	return (*list)[n-1-rng.IntN(min(n, 8))], true
}

// now is a timestamp as PostgreSQL keeps it (microseconds), so the one
// sent and the one stored compare equal.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// writer is one client of TestConcurrentWriters.
type writer struct {
	c      *client
	userID int64
	rng    *rand.Rand
	t      *target
	p      *pool
	l      *writersLedger
}

// kinds are the operations of a writer and their weights.
var writerOps = []struct {
	name   string
	weight int
	run    func(w *writer)
}{
	{"changeCareLevel", 4, (*writer).changeLevel},
	{"admitMember", 2, (*writer).admit},
	{"dischargeMember", 1, (*writer).discharge},
	{"moveIntoHouse", 3, (*writer).moveIn},
	{"moveOutOfHouse", 2, (*writer).moveOut},
	{"recordAttendance", 3, (*writer).attendance},
	{"createAftercarePlan", 1, (*writer).createPlan},
	{"activateAftercarePlan", 1, (*writer).activatePlan},
	{"closeAftercarePlan", 1, (*writer).closePlan},
	{"recordCheckIn", 3, (*writer).checkIn},
	{"grantConsent", 2, (*writer).grant},
	{"revokeConsent", 2, (*writer).revoke},
	{"read", 5, (*writer).read},
}

func (w *writer) step() {
	total := 0
	for _, k := range writerOps {
		total += k.weight
	}
	n := w.rng.IntN(total)
	for _, k := range writerOps {
		if n < k.weight {
			k.run(w)
			return
		}
		n -= k.weight
	}
}

func (w *writer) member() int64 { return w.t.members[w.rng.IntN(len(w.t.members))] }

func (w *writer) level() string { return w.t.levels[w.rng.IntN(len(w.t.levels))] }

func memberID(id int64) string { return globalid.EncodeInt("Member", id) }

// mutate sends one mutation and returns its result and the id of the
// object it returned (0 when refused).
func (w *writer) mutate(kind, query, field, object, typeName string, in map[string]any) (*result, int64) {
	r := w.c.do(context.Background(), query, map[string]any{"in": in})
	codes := userCodes(r, field)
	var id int64
	if r.ok() && len(codes) == 0 {
		var err error
		if id, err = globalid.DecodeInt(r.str(field+"."+object+".id"), typeName); err != nil {
			r.err = fmt.Errorf("%s acknowledged without its %s: %s", field, object, r.raw)
		}
	}
	w.l.record(kind, r, codes)
	return r, id
}

func (w *writer) admit() {
	m, at, code := w.member(), now(), w.level()
	_, id := w.mutate("admitMember", admitMutation, "admitMember", "careEpisode", "CareEpisode", map[string]any{
		"memberId": memberID(m), "careLevelCode": code, "startedAt": at, "reason": "soak admission"})
	if id != 0 {
		record(w.l, &w.l.episodes, episodeWrite{id: id, member: m, level: code, startedAt: at})
	}
}

func (w *writer) changeLevel() {
	m, at, code := w.member(), now(), w.level()
	_, id := w.mutate("changeCareLevel", changeLevelMutation, "changeCareLevel", "careEpisode", "CareEpisode", map[string]any{
		"memberId": memberID(m), "careLevelCode": code, "effectiveAt": at, "reason": "soak step"})
	if id != 0 {
		record(w.l, &w.l.episodes, episodeWrite{id: id, member: m, level: code, startedAt: at})
	}
}

func (w *writer) discharge() {
	m, at := w.member(), now()
	_, id := w.mutate("dischargeMember", dischargeMutation, "dischargeMember", "careEpisode", "CareEpisode", map[string]any{
		"memberId": memberID(m), "endedAt": at, "reason": "soak discharge"})
	if id != 0 {
		record(w.l, &w.l.discharges, dischargeWrite{episode: id, member: m, endedAt: at, reason: "soak discharge"})
	}
}

func (w *writer) moveIn() {
	m, h, at := w.member(), w.t.houses[w.rng.IntN(len(w.t.houses))], now()
	_, id := w.mutate("moveIntoHouse", moveInMutation, "moveIntoHouse", "residency", "Residency", map[string]any{
		"memberId": memberID(m), "houseId": globalid.EncodeInt("House", h), "moveInAt": at})
	if id != 0 {
		record(w.l, &w.l.moveIns, moveInWrite{id: id, member: m, house: h, at: at})
	}
}

func (w *writer) moveOut() {
	m, at := w.member(), now()
	reason := []string{"COMPLETED", "TRANSFERRED", "RULE_VIOLATION"}[w.rng.IntN(3)]
	_, id := w.mutate("moveOutOfHouse", moveOutMutation, "moveOutOfHouse", "residency", "Residency", map[string]any{
		"memberId": memberID(m), "moveOutAt": at, "reason": reason})
	if id != 0 {
		record(w.l, &w.l.moveOuts, moveOutWrite{id: id, member: m, at: at, reason: reason})
	}
}

func (w *writer) attendance() {
	meeting := w.t.meetings[w.rng.IntN(len(w.t.meetings))]
	statuses := []string{"PRESENT", "LATE", "EXCUSED", "ABSENT"}
	var entries []map[string]any
	var lines []attendanceWrite
	sent := time.Now()
	for _, i := range w.rng.Perm(len(w.t.members))[:1+w.rng.IntN(3)] {
		m, s := w.t.members[i], statuses[w.rng.IntN(len(statuses))]
		entries = append(entries, map[string]any{"memberId": memberID(m), "status": s})
		lines = append(lines, attendanceWrite{meeting: meeting, member: m, status: s, by: w.userID, sent: sent})
	}
	r := w.c.do(context.Background(), attendanceMutation, map[string]any{"in": map[string]any{
		"meetingId": globalid.EncodeInt("Meeting", meeting), "entries": entries}})
	codes := userCodes(r, "recordAttendance")
	if r.ok() && len(codes) == 0 && r.str("recordAttendance.meeting.id") == "" {
		r.err = fmt.Errorf("recordAttendance acknowledged without its meeting: %s", r.raw)
	}
	w.l.record("recordAttendance", r, codes)
	if r.ok() && len(codes) == 0 {
		for i := range lines {
			lines[i].received = time.Now()
		}
		record(w.l, &w.l.attendance, lines...)
	}
}

func (w *writer) createPlan() {
	m := w.member()
	_, id := w.mutate("createAftercarePlan", createPlanMutation, "createAftercarePlan", "aftercarePlan", "AftercarePlan", map[string]any{
		"memberId": memberID(m), "startsOn": w.t.today.AddDate(0, 0, -7).Format(time.DateOnly),
		"reviewOn": w.t.today.AddDate(0, 0, 30).Format(time.DateOnly)})
	if id != 0 {
		record(w.l, &w.l.plans, planWrite{id: id, member: m, status: "DRAFT"})
		w.p.add(&w.p.plans, id)
	}
}

func (w *writer) activatePlan() {
	plan, ok := w.p.pick(w.rng, &w.p.plans)
	if !ok {
		w.createPlan()
		return
	}
	_, id := w.mutate("activateAftercarePlan", activatePlanMutation, "activateAftercarePlan", "aftercarePlan", "AftercarePlan",
		map[string]any{"aftercarePlanId": globalid.EncodeInt("AftercarePlan", plan)})
	if id != 0 {
		record(w.l, &w.l.plans, planWrite{id: id, status: "ACTIVE"})
		w.p.add(&w.p.active, id)
	}
}

func (w *writer) closePlan() {
	list := &w.p.plans
	if w.rng.IntN(2) == 0 {
		list = &w.p.active
	}
	plan, ok := w.p.pick(w.rng, list)
	if !ok {
		w.createPlan()
		return
	}
	kind, query, field, status := "completeAftercarePlan", completePlanMutation, "completeAftercarePlan", "COMPLETED"
	if w.rng.IntN(2) == 0 {
		kind, query, field, status = "cancelAftercarePlan", cancelPlanMutation, "cancelAftercarePlan", "CANCELLED"
	}
	_, id := w.mutate(kind, query, field, "aftercarePlan", "AftercarePlan",
		map[string]any{"aftercarePlanId": globalid.EncodeInt("AftercarePlan", plan)})
	if id != 0 {
		record(w.l, &w.l.plans, planWrite{id: id, status: status})
	}
}

func (w *writer) checkIn() {
	plan, ok := w.p.pick(w.rng, &w.p.active)
	if !ok {
		w.activatePlan()
		return
	}
	on := w.t.today.AddDate(0, 0, -w.rng.IntN(5)).Format(time.DateOnly)
	craving, note := w.rng.IntN(11), fmt.Sprintf("soak check-in %d", w.rng.Int64())
	_, id := w.mutate("recordCheckIn", checkInMutation, "recordCheckIn", "checkIn", "CheckIn", map[string]any{
		"aftercarePlanId": globalid.EncodeInt("AftercarePlan", plan), "occurredOn": on,
		"isAbstinent": craving < 5, "craving": craving, "note": note})
	if id != 0 {
		record(w.l, &w.l.checkIns, checkInWrite{id: id, plan: plan, on: on, craving: craving, note: note})
	}
}

func (w *writer) grant() {
	m, at := w.member(), now()
	all := []string{"MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY", "NOTES"}
	var kinds []string
	for _, i := range w.rng.Perm(len(all))[:1+w.rng.IntN(len(all))] {
		kinds = append(kinds, all[i])
	}
	expires := at.Add(30 * 24 * time.Hour)
	purpose := fmt.Sprintf("soak purpose %d", w.rng.Int64())
	_, id := w.mutate("grantConsent", grantMutation, "grantConsent", "consent", "Consent", map[string]any{
		"memberId": memberID(m), "familyContactId": globalid.EncodeInt("FamilyContact", w.t.contacts[m]),
		"purpose": purpose, "informationKinds": kinds, "expiresAt": expires,
		"signatureName": "Soak Signature", "signedAt": at})
	if id != 0 {
		record(w.l, &w.l.grants, grantWrite{id: id, member: m, contact: w.t.contacts[m], purpose: purpose, kinds: kinds,
			expiresAt: expires, signedAt: at})
		w.p.add(&w.p.consents, id)
	}
}

func (w *writer) revoke() {
	consent, ok := w.p.pick(w.rng, &w.p.consents)
	if !ok {
		w.grant()
		return
	}
	at, reason := now(), fmt.Sprintf("soak revocation %d", w.rng.Int64())
	_, id := w.mutate("revokeConsent", revokeMutation, "revokeConsent", "consent", "Consent", map[string]any{
		"consentId": globalid.EncodeInt("Consent", consent), "revokedAt": at, "reason": reason})
	if id != 0 {
		record(w.l, &w.l.revocations, revokeWrite{id: id, at: at, reason: reason})
	}
}

func (w *writer) read() {
	r := w.c.do(context.Background(), readMember, map[string]any{"id": memberID(w.member())})
	if r.ok() && r.str("member.id") == "" {
		r.err = fmt.Errorf("member read acknowledged without the member: %s", r.raw)
	}
	w.l.record("read", r, nil)
}

// userCodes are the codes of the payload's userErrors at field.
func userCodes(r *result, field string) []string {
	payload, _ := r.Data[field].(map[string]any)
	list, _ := payload["userErrors"].([]any)
	var out []string
	for _, e := range list {
		m, _ := e.(map[string]any)
		code, _ := m["code"].(string)
		out = append(out, code)
	}
	return out
}
