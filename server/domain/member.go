package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MemberStatus is where a member stands with the provider.
type MemberStatus string

// The member statuses. ACTIVE and DISCHARGED follow admissions and
// discharges; ALUMNI is set by staff for a discharged member who completed
// the program and stays connected.
const (
	MemberPreadmission MemberStatus = "PREADMISSION"
	MemberActive       MemberStatus = "ACTIVE"
	MemberDischarged   MemberStatus = "DISCHARGED"
	MemberAlumni       MemberStatus = "ALUMNI"
)

// Member is a person in the provider's care, from admission through aftercare.
type Member struct {
	ID                int64        `bun:"id,pk,autoincrement"`
	FirstName         string       `bun:"first_name"`
	LastName          string       `bun:"last_name"`
	PreferredName     *string      `bun:"preferred_name"`
	DateOfBirth       *time.Time   `bun:"date_of_birth,type:date"`
	Status            MemberStatus `bun:"status"`
	RecoveryStartDate *time.Time   `bun:"recovery_start_date,type:date"`
	CreatedAt         time.Time    `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt         time.Time    `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// DisplayName is the name staff and family see: the preferred first name when
// there is one.
func (m *Member) DisplayName() string {
	first := m.FirstName
	if m.PreferredName != nil && *m.PreferredName != "" {
		first = *m.PreferredName
	}
	return first + " " + m.LastName
}

// MemberFields are the editable fields of a member; nil means "unchanged" on update.
type MemberFields struct {
	FirstName         *string
	LastName          *string
	PreferredName     *string
	DateOfBirth       *time.Time
	RecoveryStartDate *time.Time
	Status            *MemberStatus
}

const maxNameLength = 100

// Apply validates fields against today (the provider's calendar date) and
// writes them into m. A new member must have both names.
func (f MemberFields) Apply(m *Member, today time.Time) error {
	if f.FirstName != nil {
		name, err := cleanName("firstName", *f.FirstName)
		if err != nil {
			return err
		}
		m.FirstName = name
	}
	if f.LastName != nil {
		name, err := cleanName("lastName", *f.LastName)
		if err != nil {
			return err
		}
		m.LastName = name
	}
	if m.FirstName == "" {
		return FieldError(CodeInvalidInput, "firstName", "First name is required.")
	}
	if m.LastName == "" {
		return FieldError(CodeInvalidInput, "lastName", "Last name is required.")
	}
	if f.PreferredName != nil {
		name := strings.TrimSpace(*f.PreferredName)
		if utf8.RuneCountInString(name) > maxNameLength {
			return FieldError(CodeInvalidInput, "preferredName", "Preferred name is too long (100 characters at most).")
		}
		if name == "" {
			m.PreferredName = nil
		} else {
			m.PreferredName = &name
		}
	}
	if f.DateOfBirth != nil {
		dob := *f.DateOfBirth
		if dob.After(today) {
			return FieldError(CodeInvalidInput, "bornOn", "Date of birth cannot be in the future.")
		}
		if dob.Before(today.AddDate(-120, 0, 0)) {
			return FieldError(CodeInvalidInput, "bornOn", "Date of birth is more than 120 years ago.")
		}
		m.DateOfBirth = &dob
	}
	// Either date may be the one that changes; the pair must still agree.
	recovery, field := m.RecoveryStartDate, "bornOn"
	if f.RecoveryStartDate != nil {
		d := *f.RecoveryStartDate
		recovery, field = &d, "recoveryStartedOn"
	}
	if recovery != nil && (f.RecoveryStartDate != nil || f.DateOfBirth != nil) {
		if err := ValidateRecoveryStartDate(field, *recovery, m.DateOfBirth, today); err != nil {
			return err
		}
	}
	m.RecoveryStartDate = recovery
	if f.Status != nil {
		if err := checkStatusChange(m.Status, *f.Status); err != nil {
			return err
		}
		m.Status = *f.Status
	}
	return nil
}

// ValidateRecoveryStartDate checks a sobriety date: not in the future and not
// before birth. field names the input field an error points at.
func ValidateRecoveryStartDate(field string, date time.Time, dateOfBirth *time.Time, today time.Time) error {
	if date.After(today) {
		return FieldError(CodeInFuture, field, "Recovery start date cannot be in the future.")
	}
	if dateOfBirth != nil && date.Before(*dateOfBirth) {
		return FieldError(CodeInvalidInput, field, "Recovery start date cannot be before the date of birth.")
	}
	return nil
}

// checkStatusChange allows staff only the status moves that admissions and
// discharges do not make themselves: marking a discharged member as an
// alumnus, and back.
func checkStatusChange(from, to MemberStatus) error {
	if from == to {
		return nil
	}
	if (from == MemberDischarged && to == MemberAlumni) || (from == MemberAlumni && to == MemberDischarged) {
		return nil
	}
	return FieldError(CodeInvalidInput, "status",
		"Status changes with admissions and discharges; staff can only mark a discharged member as an alumnus (or back).")
}

func cleanName(field, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", FieldError(CodeInvalidInput, field, "Name cannot be blank.")
	}
	if utf8.RuneCountInString(name) > maxNameLength {
		return "", FieldError(CodeInvalidInput, field, "Name is too long (100 characters at most).")
	}
	return name, nil
}

// RecoveryStartDateChange is one entry in the append-only history of a
// member's sobriety date; the newest one is the current date.
type RecoveryStartDateChange struct {
	ID               int64     `bun:"id,pk,autoincrement"`
	MemberID         int64     `bun:"member_id"`
	StartDate        time.Time `bun:"start_date,type:date"`
	Reason           string    `bun:"reason,nullzero"`
	RecordedByUserID *int64    `bun:"recorded_by_user_id"`
	RecordedAt       time.Time `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}
