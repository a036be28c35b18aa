package model

import (
	"context"

	"carejourney/server/domain"
)

// MemberConnection is a page of members. Count runs only when a client asks
// for totalCount, because counting a large filtered list is not free.
type MemberConnection struct {
	Edges    []*MemberEdge
	Nodes    []*domain.Member
	PageInfo *PageInfo
	Count    func(ctx context.Context) (int, error)
}

// MemberEdge is a member with its cursor.
type MemberEdge struct {
	Cursor string
	Node   *domain.Member
}
