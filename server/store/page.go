package store

import (
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"
)

// Cursor is a position in a keyset-ordered list: the sort value of an item
// and its id, which breaks ties.
type Cursor struct {
	Value string `json:"v"`
	ID    int64  `json:"i"`
}

// timeCursor is the cursor of a row ordered by an instant (ties by id).
func timeCursor(at time.Time, id int64) Cursor {
	return Cursor{Value: at.UTC().Format(time.RFC3339Nano), ID: id}
}

// idCursor is the cursor of a row ordered by its id alone.
func idCursor(id int64) Cursor { return Cursor{Value: strconv.FormatInt(id, 10), ID: id} }

// PageRequest asks for Limit items after After (forward) or, when Backward,
// the Limit items before Before.
type PageRequest struct {
	Limit    int
	Backward bool
	After    *Cursor
	Before   *Cursor
}

// Page is one page of a keyset-paginated list, in list order.
type Page[T any] struct {
	Items           []T
	Cursors         []Cursor
	HasNextPage     bool
	HasPreviousPage bool
	// Total counts the items across all pages, when it was asked for.
	Total int
}

// keyset describes how a list is ordered: an SQL expression for the sort
// value, the type its cursor value is cast to, and the id column.
type keyset struct {
	expr     string
	castType string
	idColumn string
	desc     bool
}

// apply adds the cursor conditions, the order and the limit (one more than
// asked, to learn whether another page follows) to q.
func (k keyset) apply(q *bun.SelectQuery, page PageRequest) *bun.SelectQuery {
	return k.where(q, page).OrderExpr(k.order(page)).Limit(int64(page.Limit + 1))
}

// where adds the cursor conditions of page to q.
func (k keyset) where(q *bun.SelectQuery, page PageRequest) *bun.SelectQuery {
	after := func(c *Cursor, forwardDesc bool) {
		op := ">"
		if forwardDesc {
			op = "<"
		}
		q.Where(fmt.Sprintf("(%s, %s) %s (?::%s, ?)", k.expr, k.idColumn, op, k.castType), c.Value, c.ID)
	}
	if page.After != nil {
		after(page.After, k.desc)
	}
	if page.Before != nil {
		after(page.Before, !k.desc)
	}
	return q
}

// order is the ORDER BY of the list; walking backward reads the list in
// reverse, and finish flips it back.
func (k keyset) order(page PageRequest) string {
	dir := "ASC"
	if k.desc != page.Backward {
		dir = "DESC"
	}
	return fmt.Sprintf("%s %s, %s %s", k.expr, dir, k.idColumn, dir)
}

// finish trims the extra row, restores list order for a backward walk and
// fills in the page flags.
func finish[T any](rows []T, cursors []Cursor, page PageRequest) Page[T] {
	more := len(rows) > page.Limit
	if more {
		rows, cursors = rows[:page.Limit], cursors[:page.Limit]
	}
	if page.Backward {
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
			cursors[i], cursors[j] = cursors[j], cursors[i]
		}
	}
	p := Page[T]{Items: rows, Cursors: cursors}
	if page.Backward {
		p.HasPreviousPage = more
		p.HasNextPage = page.Before != nil
	} else {
		p.HasNextPage = more
		p.HasPreviousPage = page.After != nil
	}
	return p
}
