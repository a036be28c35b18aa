package domain

import "time"

// Bounds of a family contact's fields.
const (
	maxFamilyNameLength         = 200
	maxFamilyRelationshipLength = 100
)

// NewFamilyContact validates a family contact of a member: a name, a
// relationship ("mother", "friend") and an email address, stored lower case.
func NewFamilyContact(memberID int64, name, relationship, email string) (*FamilyContact, error) {
	name, err := cleanText("name", name, maxFamilyNameLength, true)
	if err != nil {
		return nil, err
	}
	relationship, err = cleanText("relationship", relationship, maxFamilyRelationshipLength, true)
	if err != nil {
		return nil, err
	}
	email, err = NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	return &FamilyContact{MemberID: memberID, Name: name, Relationship: relationship, Email: email}, nil
}

// errInvitationInvalid is one answer for every unusable invitation, so the
// answer tells nothing about which tokens exist.
var errInvitationInvalid = FieldError(CodeInvitationInvalid, "token",
	"The invitation is unknown, used already or expired; ask for a new one.")

// CheckInvitation checks that an invitation (nil when the token matches
// none) can still be accepted at now: it exists, was not used and has not
// expired.
func CheckInvitation(inv *FamilyInvitation, now time.Time) error {
	if inv == nil || inv.AcceptedAt != nil || !inv.ExpiresAt.After(now) {
		return errInvitationInvalid
	}
	return nil
}

// CheckInviteContact refuses to invite a contact who has an account already:
// they sign in with it.
func CheckInviteContact(c *FamilyContact) error {
	if c.UserID != nil {
		return FieldError(CodeHasAccount, "familyContactId",
			"The family contact has an account already; they sign in with it.")
	}
	return nil
}

// CheckLinkAccount decides whether accepting an invitation may link the
// contact to the existing account u with the contact's email: only a
// FAMILY account whose password was given (passwordMatches), so one person
// can be the contact of several members with one account. Staff accounts
// are never family accounts.
func CheckLinkAccount(u *User, passwordMatches bool) error {
	switch {
	case u.Role != RoleFamily:
		return FieldError(CodeDuplicate, "token",
			"A staff account uses this email address; family contacts need an address of their own.")
	case !u.Active:
		return FieldError(CodeHasAccount, "token",
			"The family account with this email address was deactivated; ask the provider to restore it.")
	case !passwordMatches:
		return FieldError(CodeHasAccount, "password",
			"A family account with this email address exists; enter its password to add this invitation to it.")
	}
	return nil
}

// CheckFamilyAttendance validates family contacts' attendance at a meeting
// of g starting at startsAt: only FAMILY groups, and the rules of member
// attendance (each contact once, only EXCUSED before the start).
func CheckFamilyAttendance(g *Group, entries []FamilyAttendanceEntry, startsAt, now time.Time) error {
	if g.Kind != GroupFamily {
		return FieldError(CodeInvalidInput, "meetingId", "Family contacts attend meetings of FAMILY groups only.")
	}
	lines := make([]attendanceLine, len(entries))
	for i, e := range entries {
		lines[i] = attendanceLine{who: e.FamilyContactID, status: e.Status}
	}
	return checkAttendanceLines(lines, "familyContactId", "family contact", startsAt, now)
}
