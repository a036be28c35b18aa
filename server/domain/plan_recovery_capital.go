package domain

import (
	"fmt"
	"time"
)

// BARC-10 (Brief Assessment of Recovery Capital): ten items scored 1
// (strongly disagree) to 6 (strongly agree).
const (
	BARC10Items     = 10
	BARC10MinAnswer = 1
	BARC10MaxAnswer = 6
	// SustainedRemissionTotal is the total from which the BARC-10 predicted
	// sustained remission.
	SustainedRemissionTotal = 47
)

// CheckBARC10Answers requires exactly ten answers, each 1-6.
func CheckBARC10Answers(answers []int) error {
	if len(answers) != BARC10Items {
		return FieldError(CodeInvalidInput, "answers", fmt.Sprintf("The BARC-10 has exactly 10 answers; %d were given.", len(answers)))
	}
	for i, a := range answers {
		if a < BARC10MinAnswer || a > BARC10MaxAnswer {
			return FieldError(CodeInvalidInput, "answers", fmt.Sprintf("Answer %d is %d; each answer is 1-6.", i+1, a))
		}
	}
	return nil
}

// BARC10Total adds up the answers (10-60 for a valid assessment).
func BARC10Total(answers []int) int {
	total := 0
	for _, a := range answers {
		total += a
	}
	return total
}

// SustainedRemissionLikely reports whether a BARC-10 total predicted
// sustained remission.
func SustainedRemissionLikely(total int) bool { return total >= SustainedRemissionTotal }

// NewRecoveryCapitalAssessment validates a BARC-10 assessment of a member
// taken at assessedAt (now when nil), which cannot lie in the future.
func NewRecoveryCapitalAssessment(memberID int64, answers []int, assessedAt *time.Time, now time.Time) (*RecoveryCapitalAssessment, error) {
	if err := CheckBARC10Answers(answers); err != nil {
		return nil, err
	}
	at := now
	if assessedAt != nil {
		at = *assessedAt
	}
	if err := notInFuture("assessedAt", at, now); err != nil {
		return nil, err
	}
	return &RecoveryCapitalAssessment{MemberID: memberID, Answers: append([]int(nil), answers...), AssessedAt: at}, nil
}
