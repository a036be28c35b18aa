package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/loaders"
	"carejourney/server/domain"
)

// groupsConnectionSelects reports whether the connection being resolved asks
// for field on its nodes (through nodes or edges.node).
func groupsConnectionSelects(ctx context.Context, field string) bool {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return false
	}
	op := graphql.GetOperationContext(ctx)
	selects := func(sel []graphql.CollectedField) bool {
		for _, f := range sel {
			for _, sub := range graphql.CollectFields(op, f.Selections, nil) {
				if sub.Name == field {
					return true
				}
			}
		}
		return false
	}
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		switch f.Name {
		case "nodes":
			if selects([]graphql.CollectedField{f}) {
				return true
			}
		case "edges":
			var nodes []graphql.CollectedField
			for _, e := range graphql.CollectFields(op, f.Selections, nil) {
				if e.Name == "node" {
					nodes = append(nodes, e)
				}
			}
			if selects(nodes) {
				return true
			}
		}
	}
	return false
}

// groupsPrefetchAttendance starts loading the attendance of a page of
// meetings when the query asks for it. The pages of all groups arrive
// together, so their prefetches join one batch, where the attendance field
// of every meeting, each resolved in its own goroutine, could straggle past
// the loader's wait and cost a second statement.
func groupsPrefetchAttendance(ctx context.Context, meetings []*domain.Meeting) {
	if len(meetings) == 0 || !groupsConnectionSelects(ctx, "attendance") {
		return
	}
	ids := make([]int64, len(meetings))
	for i, m := range meetings {
		ids[i] = m.ID
	}
	loaders.For(ctx).Groups.Attendance.LoadAllThunk(ctx, ids)
}

// groupsPrefetchMeetings does the same for the meetings of a page of a
// member's attendance.
func groupsPrefetchMeetings(ctx context.Context, records []*domain.AttendanceRecord) {
	if len(records) == 0 || !groupsConnectionSelects(ctx, "meeting") {
		return
	}
	ids := make([]int64, len(records))
	for i, r := range records {
		ids[i] = r.MeetingID
	}
	loaders.For(ctx).Groups.Meeting.LoadAllThunk(ctx, ids)
}
