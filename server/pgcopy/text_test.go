package pgcopy

import "testing"

// TestAppendText: the characters COPY's text format gives meaning to are
// escaped, others pass as they are, and "" is NULL.
func TestAppendText(t *testing.T) {
	for in, want := range map[string]string{
		"":             `\N`,
		"plain":        "plain",
		"a\\b":         `a\\b`,
		"tab\there":    `tab\there`,
		"two\nlines\r": `two\nlines\r`,
		"Zoë O'Brien":  "Zoë O'Brien",
		`\N`:           `\\N`,
	} {
		if got := string(AppendText(nil, in)); got != want {
			t.Errorf("AppendText(%q) = %q, want %q", in, got, want)
		}
	}
}
