package audit

import (
	"strconv"
	"time"
	"unicode/utf8"

	"carejourney/server/pgcopy"
)

// copyQuery names the columns in the order appendCopyRow writes them. The
// id is left to the identity column.
const copyQuery = "COPY audit_events (occurred_at, actor_kind, actor_user_id, actor_role, actor_key_id, action, " +
	"operation_name, field, member_id, object_type, object_id, matched_count, request_id, client_address) FROM STDIN"

// appendCopyRow appends e as one line of COPY's text format. Zero ids and
// empty strings are written as NULL, as the nullzero tags of Event say.
func appendCopyRow(buf []byte, e *Event) []byte {
	buf = e.OccurredAt.UTC().AppendFormat(buf, pgcopy.Timestamp)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, string(e.ActorKind))
	buf = append(buf, '\t')
	buf = appendCopyID(buf, e.ActorUserID)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, string(e.ActorRole))
	buf = append(buf, '\t')
	buf = appendCopyID(buf, e.ActorKeyID)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, string(e.Action))
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, e.OperationName)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, e.Field)
	buf = append(buf, '\t')
	buf = appendCopyID(buf, e.MemberID)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, e.ObjectType)
	buf = append(buf, '\t')
	buf = appendCopyID(buf, e.ObjectID)
	buf = append(buf, '\t')
	if e.MatchedCount == nil {
		buf = append(buf, pgcopy.Null...)
	} else {
		buf = strconv.AppendInt(buf, int64(*e.MatchedCount), 10)
	}
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, e.RequestID)
	buf = append(buf, '\t')
	buf = pgcopy.AppendText(buf, e.ClientAddress)
	return append(buf, '\n')
}

func appendCopyID(buf []byte, id int64) []byte {
	if id == 0 {
		return append(buf, pgcopy.Null...)
	}
	return strconv.AppendInt(buf, id, 10)
}

// storableText reports whether PostgreSQL takes s as text: the database
// refuses invalid UTF-8 and NUL, and would refuse the whole batch with it.
func storableText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return false
		}
	}
	return utf8.ValidString(s)
}

// storable reports whether every text of e is storableText, and its time
// is one PostgreSQL's timestamptz holds.
func (e *Event) storable() bool {
	return storableText(e.OperationName) && storableText(e.Field) && storableText(e.ObjectType) &&
		storableText(e.RequestID) && storableText(e.ClientAddress) && storableText(string(e.ActorRole)) &&
		e.OccurredAt.Year() > 0 && e.OccurredAt.Before(maxTimestamp)
}

// maxTimestamp is past any time an event can have, well inside
// timestamptz's range.
var maxTimestamp = time.Date(100000, 1, 1, 0, 0, 0, 0, time.UTC)
