package domain

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// cleanText trims free text from an input and checks it: not blank when
// required, at most max characters. field names the input field.
func cleanText(field, s string, max int, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if required && s == "" {
		return "", FieldError(CodeInvalidInput, field, "This cannot be blank.")
	}
	if utf8.RuneCountInString(s) > max {
		return "", FieldError(CodeInvalidInput, field, fmt.Sprintf("This is too long (%d characters at most).", max))
	}
	return s, nil
}
