package middleware

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/globalid"
	"carejourney/graph/model"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/requestinfo"
)

func auditTestOwners(v any) []string {
	var out []string
	auditOwners(v, func(member, plan int64) { out = append(out, fmt.Sprintf("m%d/p%d", member, plan)) })
	return out
}

func TestAuditOwners(t *testing.T) {
	conn := newConnectionOf([]*domain.Member{{ID: 4}, {ID: 5}})
	for _, c := range []struct {
		name string
		v    any
		want []string
	}{
		{"a member", &domain.Member{ID: 1}, []string{"m1/p0"}},
		{"a typed nil", (*domain.Member)(nil), nil},
		{"an episode", &domain.CareEpisode{ID: 9, MemberID: 2}, []string{"m2/p0"}},
		{"attendance", []*domain.AttendanceRecord{{MemberID: 3}, {MemberID: 4}}, []string{"m3/p0", "m4/p0"}},
		{"a plan names its member", &domain.AftercarePlan{ID: 7, MemberID: 3}, []string{"m3/p7"}},
		{"a goal names its plan", &domain.AftercareGoal{ID: 1, PlanID: 7}, []string{"m0/p7"}},
		{"check-ins", []*domain.CheckIn{{PlanID: 7}, {PlanID: 8}}, []string{"m0/p7", "m0/p8"}},
		{"edges", conn.Edges, []string{"m4/p0", "m5/p0"}},
		{"nodes(ids)", []model.Node{&domain.House{ID: 1}, &domain.Member{ID: 6}, nil}, []string{"m6/p0"}},
		{"a house", &domain.House{ID: 1}, nil},
		{"strings", []string{"a"}, nil},
		{"a connection itself (totalCount only reads no record)", conn, nil},
	} {
		if got := auditTestOwners(c.v); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func newConnectionOf(members []*domain.Member) *model.Connection[*domain.Member] {
	conn := &model.Connection[*domain.Member]{Nodes: members}
	for _, m := range members {
		conn.Edges = append(conn.Edges, &model.Edge[*domain.Member]{Node: m})
	}
	return conn
}

// auditField is the context of a field at a path (names only).
func auditField(object string, parent *graphql.FieldContext, name string) *graphql.FieldContext {
	return &graphql.FieldContext{Object: object, Parent: parent, Field: graphql.CollectedField{Field: &ast.Field{Name: name, Alias: name}}}
}

func auditTestSummary(events []audit.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, fmt.Sprintf("%s %s u%d k%d m%d %s:%d %s %s %s", e.Action, e.ActorKind, e.ActorUserID, e.ActorKeyID,
			e.MemberID, e.ObjectType, e.ObjectID, e.OperationName, e.Field, e.RequestID))
	}
	return out
}

func TestAuditTrail(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	viewer := &auth.Viewer{User: &domain.User{ID: 8, Role: domain.RoleClinician}}
	ctx := auditRequest(auth.WithViewer(context.Background(), viewer), "req-1", "10.0.0.1")

	trail := newAuditTrail()
	members := auditField("Query", nil, "members")
	nodes := auditField("MemberConnection", members, "nodes")
	trail.noteRead(nodes, []*domain.Member{{ID: 1}, {ID: 2}})
	idx := 0
	member := &graphql.FieldContext{Parent: nodes, Index: &idx, Result: &domain.Member{ID: 1}}
	episodes := auditField("Member", member, "careEpisodes")
	trail.noteRead(episodes, []*domain.CareEpisode{{ID: 5, MemberID: 1}, {ID: 6, MemberID: 3}})
	// A refused field of member 1's record.
	trail.noteDenied(auditField("Member", member, "checkIns"), domain.Errorf(domain.CodeForbidden, "no"))
	trail.noteDenied(auditField("Member", member, "checkIns"), domain.Errorf(domain.CodeForbidden, "no"))
	// Other errors are no denials.
	trail.noteDenied(auditField("Member", member, "updates"), domain.Errorf(domain.CodeNotFound, "no"))

	got := auditTestSummary(trail.finish(ctx, logger))
	want := []string{
		"READ USER u8 k0 m1 Member:1  members.nodes req-1",
		"READ USER u8 k0 m2 Member:2  members.nodes req-1",
		"READ USER u8 k0 m3 Member:3  members.nodes.careEpisodes req-1",
		"DENIED USER u8 k0 m1 :0  members.nodes.checkIns req-1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reads:\n got %q\nwant %q", got, want)
	}

	// A partner key's mutation: the payload's member, the input's members,
	// one WRITE each; the member it wrote is not read as well.
	keyCtx := auditRequest(auth.WithKey(context.Background(), &domain.APIKey{ID: 3}), "req-2", "10.0.0.2")
	trail = newAuditTrail()
	mutation := auditField("Mutation", nil, "recordAttendance")
	mutation.Args = map[string]any{"input": model.RecordAttendanceInput{
		MeetingID: globalid.EncodeInt(globalid.TypeMeeting, 4),
		Entries: []*model.AttendanceEntryInput{
			{MemberID: globalid.EncodeInt(globalid.TypeMember, 1)},
			{MemberID: globalid.EncodeInt(globalid.TypeMember, 2)},
			{MemberID: "not an id"},
		},
	}}
	trail.noteMutation(mutation, &model.RecordAttendancePayload{Meeting: &domain.Meeting{ID: 4}}, nil)
	trail.noteRead(auditField("Meeting", mutation, "attendance"), []*domain.AttendanceRecord{{MemberID: 1}, {MemberID: 9}})
	got = auditTestSummary(trail.finish(keyCtx, logger))
	want = []string{
		"READ API_KEY u0 k3 m9 Member:9  recordAttendance.attendance req-2",
		"WRITE API_KEY u0 k3 m1 Meeting:4 recordAttendance recordAttendance req-2",
		"WRITE API_KEY u0 k3 m2 Meeting:4 recordAttendance recordAttendance req-2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("writes:\n got %q\nwant %q", got, want)
	}

	// A refused mutation: an attempt without an object; a denied one: DENIED.
	trail = newAuditTrail()
	in := map[string]any{"input": model.PostUpdateInput{MemberID: globalid.EncodeInt(globalid.TypeMember, 5)}}
	failed := auditField("Mutation", nil, "postUpdate")
	failed.Args = in
	trail.noteMutation(failed, &model.PostUpdatePayload{UserErrors: []*model.UserError{{Code: domain.CodeInvalidInput}}}, nil)
	denied := auditField("Mutation", nil, "createHouse")
	trail.noteMutation(denied, nil, domain.Errorf(domain.CodeForbidden, "no"))
	got = auditTestSummary(trail.finish(context.Background(), logger))
	want = []string{
		"WRITE ANONYMOUS u0 k0 m5 :0 postUpdate postUpdate ",
		"DENIED ANONYMOUS u0 k0 m0 :0 createHouse createHouse ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("attempts:\n got %q\nwant %q", got, want)
	}
}

func auditRequest(ctx context.Context, id, addr string) context.Context {
	return requestinfo.WithClientAddress(requestinfo.WithRequestID(ctx, id), addr)
}

func TestAuditClip(t *testing.T) {
	if got := auditClip("ééé", 3); got != "é" {
		t.Errorf("clip = %q", got)
	}
	if got := auditClip("abc", 5); got != "abc" {
		t.Errorf("clip = %q", got)
	}
}
