// Package pgcopy writes values in the text format of PostgreSQL's COPY, for
// the bulk writers that bypass bun's INSERT (the audit log, the seed).
package pgcopy

// Null is how COPY's text format writes NULL.
const Null = `\N`

// Timestamp keeps microseconds, all PostgreSQL stores.
const Timestamp = "2006-01-02 15:04:05.999999Z07:00"

// AppendText appends s escaped for COPY's text format. "" is written as
// NULL: absent text is NULL in this database, never an empty string
// (migration 0008).
func AppendText(buf []byte, s string) []byte {
	if s == "" {
		return append(buf, Null...)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			buf = append(buf, `\\`...)
		case '\t':
			buf = append(buf, `\t`...)
		case '\n':
			buf = append(buf, `\n`...)
		case '\r':
			buf = append(buf, `\r`...)
		default:
			buf = append(buf, c)
		}
	}
	return buf
}
