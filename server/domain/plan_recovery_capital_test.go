package domain_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestBARC10(t *testing.T) {
	tests := []struct {
		name    string
		answers []int
		code    domain.Code
		total   int
		likely  bool
	}{
		{"lowest", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, "", 10, false},
		{"highest", []int{6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, "", 60, true},
		{"46", []int{5, 5, 5, 5, 5, 5, 4, 4, 4, 4}, "", 46, false},
		{"47", []int{5, 5, 5, 5, 5, 5, 5, 4, 4, 4}, "", 47, true},
		{"nine answers", []int{5, 5, 5, 5, 5, 5, 5, 4, 4}, domain.CodeInvalidInput, 0, false},
		{"eleven answers", []int{5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4}, domain.CodeInvalidInput, 0, false},
		{"none", nil, domain.CodeInvalidInput, 0, false},
		{"a zero", []int{5, 5, 5, 5, 0, 5, 5, 4, 4, 4}, domain.CodeInvalidInput, 0, false},
		{"a seven", []int{5, 5, 5, 5, 7, 5, 5, 4, 4, 4}, domain.CodeInvalidInput, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckBARC10Answers(tt.answers)
			if tt.code != "" {
				wantErr(t, err, tt.code, "answers")
				return
			}
			wantErr(t, err, "", "")
			total := domain.BARC10Total(tt.answers)
			if total != tt.total || domain.SustainedRemissionLikely(total) != tt.likely {
				t.Errorf("total %d likely %v, want %d %v", total, domain.SustainedRemissionLikely(total), tt.total, tt.likely)
			}
		})
	}
}

func TestNewRecoveryCapitalAssessment(t *testing.T) {
	answers := []int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}
	a, err := domain.NewRecoveryCapitalAssessment(3, answers, nil, now)
	wantErr(t, err, "", "")
	if a.MemberID != 3 || !a.AssessedAt.Equal(now) || len(a.Answers) != 10 {
		t.Errorf("assessment = %+v", a)
	}
	answers[0] = 6
	if a.Answers[0] != 4 {
		t.Error("the assessment shares the caller's slice")
	}
	earlier := now.Add(-48 * time.Hour)
	if a, err := domain.NewRecoveryCapitalAssessment(3, answers, &earlier, now); err != nil || !a.AssessedAt.Equal(earlier) {
		t.Errorf("earlier: %+v %v", a, err)
	}
	slightlyAhead := now.Add(time.Minute)
	_, err = domain.NewRecoveryCapitalAssessment(3, answers, &slightlyAhead, now)
	wantErr(t, err, "", "")
	tomorrow := now.Add(24 * time.Hour)
	_, err = domain.NewRecoveryCapitalAssessment(3, answers, &tomorrow, now)
	wantErr(t, err, domain.CodeInFuture, "assessedAt")
	_, err = domain.NewRecoveryCapitalAssessment(3, answers[:9], nil, now)
	wantErr(t, err, domain.CodeInvalidInput, "answers")
}
