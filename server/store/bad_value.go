package store

import (
	"errors"

	"github.com/uptrace/bun/driver/pgdriver"
)

// badValueCodes are the PostgreSQL data exceptions that a value of the
// request itself causes: text the database cannot store (a NUL byte, an
// invalid byte sequence), and a cursor's sort value that is not of its
// column's type or range. They are the caller's error, never ours.
var badValueCodes = map[string]bool{
	"22021": true, // character_not_in_repertoire: NUL, invalid UTF-8
	"22P05": true, // untranslatable_character
	"22P02": true, // invalid_text_representation
	"22007": true, // invalid_datetime_format
	"22008": true, // datetime_field_overflow
	"22003": true, // numeric_value_out_of_range
	"22001": true, // string_data_right_truncation
}

// IsBadValue reports whether PostgreSQL refused err's statement for a value
// the request supplied (see badValueCodes).
func IsBadValue(err error) bool {
	var pgErr pgdriver.Error
	return errors.As(err, &pgErr) && badValueCodes[pgErr.Field('C')]
}
