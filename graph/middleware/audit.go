package middleware

import (
	"context"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/requestinfo"
)

// The audit of GraphQL activity.
//
// Every operation gets a trail in its context. A field middleware notes on
// it each member whose record a field returns (a member-owned object, or a
// list or connection edges holding some), and each mutation; when the
// operation ends the trail becomes events, committed to the audit log
// before the response is sent (auditOperations). The log writes on a
// connection of its own, in one INSERT shared with concurrent requests, so
// auditing adds no statement to the request's own (except resolving the
// plan of a goal, commitment or check-in read without its plan, through
// the request's loader).
//
// One event per read: a request that shows a member's record, however many
// of its fields, nested lists and objects, leaves one READ event for that
// member, with the operation's name and the response path where the record
// was first reached; listing five members leaves five. A mutation leaves a
// WRITE event per member it touched (from the objects of its payload and
// the memberId and aftercarePlanId fields of its input), with the mutation's name
// and the main object of its payload; when it wrote nothing (userErrors,
// or an error) the event has no object: an attempt. Reads of the members a
// mutation wrote are covered by its WRITE. signIn and signOut leave
// SIGN_IN, SIGN_IN_FAILED and SIGN_OUT instead of WRITE, and a field
// refused with FORBIDDEN, UNAUTHENTICATED or TOTP_ENROLLMENT_REQUIRED
// leaves a DENIED event. A member list searched by name or counted leaves
// a SEARCH event with how many matched, never the search text.

// requestID is the request's id, as in the X-Request-Id header.
func requestID(ctx context.Context) string { return requestinfo.RequestID(ctx) }

// clientAddress is the address the request came from: the one place the
// audit log takes it from.
func clientAddress(ctx context.Context) string { return requestinfo.ClientAddress(ctx) }

// Bounds on text from clients that goes into the log.
const (
	auditMaxOperationName = 200
	auditMaxField         = 500
)

type auditTrailKey struct{}

// auditTrail gathers what one operation read and wrote.
type auditTrail struct {
	mu sync.Mutex
	// reads holds the first access to each member's record, in order.
	reads     map[int64]int
	readOrder []auditAccess
	// planMembers maps the plans seen to their members; planReads holds
	// plan parts read whose plan was not seen.
	planMembers map[int64]int64
	planReads   map[int64]auditAccess
	writes      []auditWrite
	denied      map[string]bool
	events      []audit.Event
	// searches holds the member lists searched or counted, by response path.
	searches    map[string]*auditSearch
	searchOrder []string
	// signedIn is the account a sign-in signed in: the operation did
	// nothing else (oneActorPerOperation), so its events name them.
	signedIn *auth.Viewer
}

// auditAccess is the first access to a record. Fields resolve side by
// side, so "first" is by the document, not the clock: the access whose root
// field comes first in the query, then the shallowest.
type auditAccess struct {
	at     time.Time
	member int64
	plan   int64
	path   string
	rank   [2]int
}

// auditRank orders accesses by the position of their root field in the
// document, then by depth.
func auditRank(fc *graphql.FieldContext) [2]int {
	depth, root := 0, fc
	for f := fc; f != nil; f = f.Parent {
		if f.Field.Field != nil {
			depth++
			root = f
		}
	}
	pos := 0
	if root.Field.Field != nil && root.Field.Position != nil {
		pos = root.Field.Position.Start
	}
	return [2]int{pos, depth}
}

func (a auditAccess) before(b auditAccess) bool {
	return a.rank[0] < b.rank[0] || (a.rank[0] == b.rank[0] && a.rank[1] < b.rank[1])
}

// auditWrite is one mutation.
type auditWrite struct {
	at         time.Time
	name, path string
	members    []int64
	plans      []int64
	objectType string
	objectID   int64
	denied     bool
}

func newAuditTrail() *auditTrail {
	return &auditTrail{reads: map[int64]int{}, planMembers: map[int64]int64{}, planReads: map[int64]auditAccess{}, denied: map[string]bool{},
		searches: map[string]*auditSearch{}}
}

func auditTrailFrom(ctx context.Context) *auditTrail {
	t, _ := ctx.Value(auditTrailKey{}).(*auditTrail)
	return t
}

// auditOperations gives every operation a trail and commits its events
// before the response goes out: the data is marshalled by then (next
// returns it as bytes), but nothing is written to the client until this
// returns. When the events cannot be committed the response is replaced by
// an AUDIT_UNAVAILABLE error without data; while the log is known to fail,
// operations are refused before any field runs, so that no mutation is
// carried out that could not be audited.
func auditOperations(events *audit.Log, logger *slog.Logger) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		if err := events.Check(ctx); err != nil {
			return auditUnavailable()
		}
		trail := newAuditTrail()
		resp := next(context.WithValue(ctx, auditTrailKey{}, trail))
		batch := trail.finish(ctx, logger)
		if len(batch) == 0 {
			return resp
		}
		// Not bound by the request's deadline or its client: a request that
		// ran out of time may have written (a mutation committed before
		// the deadline), and its events must still be committed. The log
		// bounds its own writes.
		if err := events.Write(context.WithoutCancel(ctx), batch...); err != nil {
			logger.ErrorContext(ctx, "audit events not committed: the response is withheld", "events", len(batch), "err", err)
			return auditUnavailable()
		}
		return resp
	}
}

// codeAuditUnavailable is the error of a request refused because its
// audit events could not be committed.
const codeAuditUnavailable = "AUDIT_UNAVAILABLE"

func auditUnavailable() *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{{
		Message:    "the audit log cannot be written, so the response is withheld; try again later",
		Extensions: map[string]any{"code": codeAuditUnavailable},
	}}}
}

// noteField notes what a field returned (res) or why it was refused
// (err), and passes both on.
func noteField(ctx context.Context, fc *graphql.FieldContext, res any, err error) (any, error) {
	if err == nil && fc.Object != "Mutation" && fc.Object != "MemberConnection" && !auditMayHold(res) {
		return res, err // a value, not a record: nothing to note
	}
	trail := auditTrailFrom(ctx)
	if trail == nil {
		return res, err
	}
	switch {
	case err == nil && fc.Object == "MemberConnection" && fc.Field.Name == "totalCount":
		trail.noteCount(fc, res)
	case err == nil && fc.Object == "MemberConnection" && (fc.Field.Name == "nodes" || fc.Field.Name == "edges"):
		trail.noteShown(fc, res)
		trail.noteRead(fc, res)
	case err == nil && fc.Object == "Query" && fc.Field.Name == "members":
		trail.noteSearch(fc, res)
		trail.noteRead(fc, res)
	case fc.Object == "Mutation":
		trail.noteMutation(fc, res, err)
	case err != nil:
		trail.noteDenied(fc, err)
	case res != nil:
		trail.noteRead(fc, res)
	}
	return res, err
}

// noteRead notes the members whose records a field returned.
func (t *auditTrail) noteRead(fc *graphql.FieldContext, res any) {
	// The path is built only for an access that is kept: most records of
	// a large response are noted again by later fields.
	var path string
	pathOf := func() string {
		if path == "" {
			path = auditPath(fc)
		}
		return path
	}
	var rank [2]int
	ranked := false
	auditOwners(res, func(member, plan int64) {
		if !ranked {
			rank, ranked = auditRank(fc), true
		}
		t.mu.Lock()
		defer t.mu.Unlock()
		if member != 0 {
			access := auditAccess{at: time.Now(), member: member, rank: rank}
			if i, seen := t.reads[member]; !seen {
				access.path = pathOf()
				t.reads[member] = len(t.readOrder)
				t.readOrder = append(t.readOrder, access)
			} else if access.before(t.readOrder[i]) {
				access.at, access.path = t.readOrder[i].at, pathOf()
				t.readOrder[i] = access
			}
			if plan != 0 {
				t.planMembers[plan] = member
			}
			return
		}
		if _, seen := t.planReads[plan]; !seen {
			t.planReads[plan] = auditAccess{at: time.Now(), plan: plan, path: pathOf()}
		}
	})
}

// auditSearch is a member list that was searched by name or counted.
type auditSearch struct {
	at       time.Time
	path     string
	searched bool
	// returned is how many members the list showed; shown once its nodes
	// or edges resolved.
	returned int
	shown    bool
	counted  *int
}

// noteSearch notes a member list: a SEARCH event when it was searched by
// name (or, below, counted). The search text is never kept.
func (t *auditTrail) noteSearch(fc *graphql.FieldContext, res any) {
	conn, ok := res.(*model.Connection[*domain.Member])
	if !ok || conn == nil {
		return
	}
	searched := false
	if f, ok := fc.Args["filter"].(*model.MemberFilter); ok && f != nil && f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		searched = true
	}
	key := fc.Path().String()
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.search(key, fc)
	s.searched = searched
	if !s.shown {
		s.returned = len(conn.Nodes) // until nodes or edges say what was shown
	}
}

// noteShown notes how many members a list's nodes or edges showed, after
// the row rules (this middleware runs outside them).
func (t *auditTrail) noteShown(fc *graphql.FieldContext, res any) {
	rv := reflect.ValueOf(res)
	if rv.Kind() != reflect.Slice || fc.Parent == nil {
		return
	}
	key := fc.Parent.Path().String()
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.search(key, fc.Parent)
	if !s.shown || rv.Len() > s.returned {
		s.returned = rv.Len()
	}
	s.shown = true
}

// noteCount notes the totalCount of a member list.
func (t *auditTrail) noteCount(fc *graphql.FieldContext, res any) {
	n, ok := res.(int)
	if !ok || fc.Parent == nil {
		return
	}
	key := fc.Parent.Path().String()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.search(key, fc.Parent).counted = &n
}

// search returns the list's entry, creating it; t.mu is held.
func (t *auditTrail) search(key string, fc *graphql.FieldContext) *auditSearch {
	s, ok := t.searches[key]
	if !ok {
		s = &auditSearch{at: time.Now(), path: auditPath(fc)}
		t.searches[key] = s
		t.searchOrder = append(t.searchOrder, key)
	}
	return s
}

// noteDenied notes a field the access rules refused.
func (t *auditTrail) noteDenied(fc *graphql.FieldContext, err error) {
	switch domain.ErrorCode(err) {
	case domain.CodeForbidden, domain.CodeUnauthenticated, domain.CodeTOTPEnrollmentRequired:
	default:
		return
	}
	path := auditPath(fc)
	e := audit.Event{OccurredAt: time.Now(), Action: audit.ActionDenied, Field: path}
	// A field of a member's record names the member.
	if fc.Parent != nil {
		if owner, ok := fc.Parent.Result.(domain.MemberOwned); ok && !auditNilPointer(owner) {
			e.MemberID = owner.OwnerMemberID()
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.denied[path] {
		t.denied[path] = true
		t.events = append(t.events, e)
	}
}

// noteMutation notes a mutation: signIn and signOut as such, the others as
// writes of the members in their payload and input.
func (t *auditTrail) noteMutation(fc *graphql.FieldContext, res any, err error) {
	switch fc.Field.Name {
	case "signIn":
		return // its resolver notes the outcome: only it knows the account
	case "signOut":
		if err == nil {
			t.add(audit.Event{OccurredAt: time.Now(), Action: audit.ActionSignOut})
		}
		return
	}
	w := auditWrite{at: time.Now(), name: fc.Field.Name, path: auditPath(fc)}
	switch domain.ErrorCode(err) {
	case domain.CodeForbidden, domain.CodeUnauthenticated, domain.CodeTOTPEnrollmentRequired:
		w.denied = true
	}
	note := func(member, plan int64) {
		if member != 0 {
			w.members = append(w.members, member)
		} else {
			w.plans = append(w.plans, plan)
		}
	}
	if err == nil && res != nil {
		w.objectType, w.objectID = auditPayload(res, note)
	}
	if input, ok := fc.Args["input"]; ok {
		auditInputIDs(reflect.ValueOf(input), 0, note)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes = append(t.writes, w)
}

func (t *auditTrail) add(e audit.Event) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.events = append(t.events, e)
}

// AuditSignIn notes the outcome of signIn. A refused sign-in names the
// account only when the email belongs to one; never the email itself.
func AuditSignIn(ctx context.Context, viewer *auth.Viewer, err error) {
	t := auditTrailFrom(ctx)
	if t == nil {
		return
	}
	e := audit.Event{OccurredAt: time.Now(), ActorKind: audit.ActorUser, Action: audit.ActionSignIn}
	switch {
	case err == nil && viewer != nil:
		e.ActorUserID, e.ActorRole = viewer.User.ID, viewer.User.Role
		t.mu.Lock()
		t.signedIn = viewer
		t.mu.Unlock()
	case domain.AsError(err) != nil:
		e.ActorKind, e.Action = audit.ActorAnonymous, audit.ActionSignInFailed
		e.ActorUserID = auth.RefusedAccount(err)
	default:
		return // an internal error: no outcome to record
	}
	t.add(e)
}

// finish turns the trail into events: reads (one per member), then writes,
// then the rest, all with the request's actor, id and address.
func (t *auditTrail) finish(ctx context.Context, logger *slog.Logger) []audit.Event {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.resolvePlans(ctx, logger)
	op := ""
	if graphql.HasOperationContext(ctx) && graphql.GetOperationContext(ctx).Operation != nil {
		oc := graphql.GetOperationContext(ctx)
		// The name in the document: clients need not repeat it as operationName.
		op = auditClip(oc.Operation.Name, auditMaxOperationName)
	}
	written := map[int64]bool{}
	var out []audit.Event
	for _, w := range t.writes {
		action := audit.ActionWrite
		if w.denied {
			action = audit.ActionDenied
		}
		e := audit.Event{OccurredAt: w.at, Action: action, OperationName: w.name, Field: w.path,
			ObjectType: w.objectType, ObjectID: w.objectID}
		members := auditDistinct(w.members)
		for _, plan := range w.plans {
			if m := t.planMembers[plan]; m != 0 {
				members = auditDistinct(append(members, m))
			}
		}
		if len(members) == 0 {
			out = append(out, e)
		}
		for _, m := range members {
			e.MemberID = m
			written[m] = true
			out = append(out, e)
		}
	}
	reads := make([]audit.Event, 0, len(t.readOrder)+len(out)+len(t.searches)+len(t.events))
	for _, r := range t.readOrder {
		if !written[r.member] {
			reads = append(reads, audit.Event{OccurredAt: r.at, Action: audit.ActionRead, OperationName: op,
				Field: r.path, MemberID: r.member, ObjectType: globalid.TypeMember, ObjectID: r.member})
		}
	}
	for _, key := range t.searchOrder {
		s := t.searches[key]
		if !s.searched && s.counted == nil {
			continue // a plain list: its members' READs say what was shown
		}
		matched := s.returned
		if s.counted != nil {
			matched = *s.counted
		}
		out = append(out, audit.Event{OccurredAt: s.at, Action: audit.ActionSearch, OperationName: op,
			Field: s.path, ObjectType: "Member", MatchedCount: &matched})
	}
	for _, e := range t.events {
		if e.Action == audit.ActionDenied || e.Action == audit.ActionRead {
			e.OperationName = op
		}
		out = append(out, e)
	}
	out = append(reads, out...)
	actor := auth.ActorFrom(ctx)
	if t.signedIn != nil {
		actor = auth.Actor{Viewer: t.signedIn}
	}
	stamp(ctx, actor, out)
	return out
}

// resolvePlans finds the members of the plans whose parts were read or
// written without the plan itself: through the request's loader, which
// answers from its cache when the plan was loaded already.
func (t *auditTrail) resolvePlans(ctx context.Context, logger *slog.Logger) {
	var missing []int64
	for plan := range t.planReads {
		if t.planMembers[plan] == 0 {
			missing = append(missing, plan)
		}
	}
	for _, w := range t.writes {
		for _, plan := range w.plans {
			if t.planMembers[plan] == 0 {
				missing = append(missing, plan)
			}
		}
	}
	missing = auditDistinct(missing)
	if len(missing) > 0 {
		plans, err := loaders.For(ctx).Plans.Plan.LoadAll(ctx, missing)
		if err != nil {
			// The events are still written, with the plan as their object.
			logger.ErrorContext(ctx, "audit: unable to find the members of plans", "plans", len(missing), "err", err)
		}
		for _, p := range plans {
			if p != nil {
				t.planMembers[p.ID] = p.MemberID
			}
		}
	}
	for plan, r := range t.planReads {
		member := t.planMembers[plan]
		if member == 0 {
			t.events = append(t.events, audit.Event{OccurredAt: r.at, Action: audit.ActionRead, Field: r.path,
				ObjectType: globalid.TypeAftercarePlan, ObjectID: plan})
			continue
		}
		if _, seen := t.reads[member]; !seen {
			t.reads[member] = len(t.readOrder)
			t.readOrder = append(t.readOrder, auditAccess{at: r.at, member: member, path: r.path})
		}
	}
}

// stamp fills in actor (unless the event names one, as sign-ins do),
// the request id and the client address.
func stamp(ctx context.Context, actor auth.Actor, events []audit.Event) {
	id, addr := requestID(ctx), clientAddress(ctx)
	for i := range events {
		e := &events[i]
		e.RequestID, e.ClientAddress = id, addr
		if e.ActorKind != "" {
			continue
		}
		switch {
		case actor.Viewer != nil:
			e.ActorKind, e.ActorUserID, e.ActorRole = audit.ActorUser, actor.Viewer.User.ID, actor.Viewer.User.Role
		case actor.Key != nil:
			e.ActorKind, e.ActorKeyID = audit.ActorAPIKey, actor.Key.ID
		default:
			e.ActorKind = audit.ActorAnonymous
		}
	}
}

// auditNode is an edge of a connection: reading it reads its node.
type auditNode interface{ AuditNode() any }

var (
	memberOwnedType = reflect.TypeFor[domain.MemberOwned]()
	disclosedType   = reflect.TypeFor[domain.Disclosed]()
	planOwnedType   = reflect.TypeFor[domain.PlanOwned]()
	auditNodeType   = reflect.TypeFor[auditNode]()
	// auditSliceTypes caches whether a slice type can hold records.
	auditSliceTypes sync.Map
)

// auditOwners calls note with the member (and plan, for a plan) of every
// record in v: v itself, the items of a list, the nodes of edges. A part
// of a plan reports only its plan.
// auditMayHold reports whether a field's value can hold records. Leaf
// values (scalars and enums) cannot, and most fields of a response are
// leaves: they skip the trail.
func auditMayHold(v any) bool {
	switch v.(type) {
	case nil, string, *string, bool, *bool, int, *int, int64, *int64, float64, *float64, time.Time, *time.Time:
		return false
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		return false
	}
	return true
}

func auditOwners(v any, note func(member, plan int64)) {
	switch x := v.(type) {
	case nil:
		return
	case *domain.AftercarePlan:
		if x != nil {
			note(x.MemberID, x.ID)
		}
		return
	case domain.Disclosed:
		// A family viewer's view of a member: a disclosure of that member.
		if !auditNilPointer(x) {
			note(x.DisclosedMemberID(), 0)
		}
		return
	case domain.MemberOwned:
		if !auditNilPointer(x) {
			note(x.OwnerMemberID(), 0)
		}
		return
	case domain.PlanOwned:
		if !auditNilPointer(x) {
			note(0, x.OwnerPlanID())
		}
		return
	case auditNode:
		if !auditNilPointer(x) {
			auditOwners(x.AuditNode(), note)
		}
		return
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || !auditSliceMayHold(rv.Type()) {
		return
	}
	for i := range rv.Len() {
		auditOwners(rv.Index(i).Interface(), note)
	}
}

// auditSliceMayHold reports whether a slice's items can be records: typed
// as one, or as an interface (nodes(ids) returns []Node).
func auditSliceMayHold(t reflect.Type) bool {
	if ok, cached := auditSliceTypes.Load(t); cached {
		return ok.(bool)
	}
	elem := t.Elem()
	ok := elem.Kind() == reflect.Interface || elem.Implements(memberOwnedType) || elem.Implements(disclosedType) ||
		elem.Implements(planOwnedType) || elem.Implements(auditNodeType)
	auditSliceTypes.Store(t, ok)
	return ok
}

func auditNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// auditPayload notes the records in a mutation's payload and returns its
// main object: the first field holding an object with an ID.
func auditPayload(payload any, note func(member, plan int64)) (objectType string, objectID int64) {
	rv := reflect.ValueOf(payload)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "", 0
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return "", 0
	}
	for i := range rv.NumField() {
		if !rv.Type().Field(i).IsExported() {
			continue
		}
		field := rv.Field(i)
		if field.Kind() == reflect.Pointer && field.IsNil() {
			continue
		}
		auditOwners(field.Interface(), note)
		if objectType == "" {
			objectType, objectID = auditObject(field)
		}
	}
	return objectType, objectID
}

// auditTypeNames are the GraphQL names of domain types named otherwise.
var auditTypeNames = map[string]string{"AttendanceRecord": "Attendance", "APIKey": globalid.TypeApiKey}

// auditObject names an object by its GraphQL type and id: a pointer to a
// struct with an int64 ID (a list's first item when it is a list).
func auditObject(v reflect.Value) (string, int64) {
	if v.Kind() == reflect.Slice {
		if v.Len() == 0 {
			return "", 0
		}
		v = v.Index(0)
	}
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return "", 0
	}
	s := v.Elem()
	name := s.Type().Name()
	if n, ok := auditTypeNames[name]; ok {
		name = n
	}
	if id := s.FieldByName("ID"); id.IsValid() && id.Kind() == reflect.Int64 {
		return name, id.Int()
	}
	if _, ok := v.Interface().(domain.MemberOwned); ok {
		return name, 0 // a record without an id of its own (attendance)
	}
	return "", 0
}

// auditInputIDs notes the members and plans a mutation's input names in
// fields called MemberID and AftercarePlanID, at any depth (entries of a list
// included). IDs that do not decode are skipped: the mutation refuses them.
func auditInputIDs(v reflect.Value, depth int, note func(member, plan int64)) {
	if depth > 4 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			auditInputIDs(v.Elem(), depth+1, note)
		}
	case reflect.Slice:
		for i := range v.Len() {
			auditInputIDs(v.Index(i), depth+1, note)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			field := v.Field(i)
			switch f.Name {
			case "MemberID":
				if id := auditDecode(field, globalid.TypeMember); id != 0 {
					note(id, 0)
				}
			case "AftercarePlanID":
				if id := auditDecode(field, globalid.TypeAftercarePlan); id != 0 {
					note(0, id)
				}
			default:
				auditInputIDs(field, depth+1, note)
			}
		}
	}
}

func auditDecode(v reflect.Value, typeName string) int64 {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return 0
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.String {
		return 0
	}
	id, err := globalid.DecodeInt(v.String(), typeName)
	if err != nil {
		return 0
	}
	return id
}

// auditPath is the response path of a field without list indexes, e.g.
// members.nodes.currentEpisode.
func auditPath(fc *graphql.FieldContext) string {
	var parts []string
	for _, el := range fc.Path() {
		if name, ok := el.(ast.PathName); ok {
			parts = append(parts, string(name))
		}
	}
	return auditClip(strings.Join(parts, "."), auditMaxField)
}

func auditClip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	// Cut on a rune boundary.
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

func auditDistinct(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
