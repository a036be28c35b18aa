package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the peer inputs.
const (
	maxPeerBioLength           = 2000
	maxPeerCertKindLength      = 40
	maxPeerCertNumberLength    = 100
	maxPeerTagLength           = 60
	maxPeerTags                = 30
	maxPeerFocusLength         = 200
	maxPeerNoteLength          = 2000
	maxPeerCaseloadLimit       = 200
	maxPeerConversationMinutes = 600
)

// CertificationFields is a certification as entered.
type CertificationFields struct {
	Kind      string
	Number    *string
	ExpiresOn *time.Time
}

// PeerFields are the editable fields of a peer; nil means "unchanged" on update.
type PeerFields struct {
	Name               *string
	Bio                *string
	Certification      *CertificationFields
	ClearCertification bool
	RecoveryStartDate  *time.Time
	// Languages and Specialties replace the lists when not nil.
	Languages     []string
	Specialties   []string
	CaseloadLimit *int
	Active        *bool
}

// Apply validates fields against today (the provider's calendar date) and
// writes them into p. A new peer must have a name.
func (f PeerFields) Apply(p *Peer, today time.Time) error {
	if f.Name != nil {
		name, err := cleanName("name", *f.Name)
		if err != nil {
			return err
		}
		p.Name = name
	}
	if p.Name == "" {
		return FieldError(CodeInvalidInput, "name", "Name is required.")
	}
	if f.Bio != nil {
		bio := strings.TrimSpace(*f.Bio)
		if utf8.RuneCountInString(bio) > maxPeerBioLength {
			return FieldError(CodeInvalidInput, "bio", "Bio is too long (2000 characters at most).")
		}
		p.Bio = bio
	}
	if err := f.applyCertification(p); err != nil {
		return err
	}
	if f.RecoveryStartDate != nil {
		if err := ValidateRecoveryStartDate("recoveryStartedOn", *f.RecoveryStartDate, nil, today); err != nil {
			return err
		}
		d := *f.RecoveryStartDate
		p.RecoveryStartDate = &d
	}
	if f.Languages != nil {
		langs, err := CleanPeerTags("languages", f.Languages)
		if err != nil {
			return err
		}
		p.Languages = langs
	}
	if f.Specialties != nil {
		specs, err := CleanPeerTags("specialties", f.Specialties)
		if err != nil {
			return err
		}
		p.Specialties = specs
	}
	if f.CaseloadLimit != nil {
		if *f.CaseloadLimit < 0 || *f.CaseloadLimit > maxPeerCaseloadLimit {
			return FieldError(CodeInvalidInput, "caseloadLimit", "Caseload limit must be between 0 and 200.")
		}
		p.CaseloadLimit = *f.CaseloadLimit
	}
	if f.Active != nil {
		p.Active = *f.Active
	}
	return nil
}

func (f PeerFields) applyCertification(p *Peer) error {
	if f.ClearCertification && f.Certification != nil {
		return FieldError(CodeInvalidInput, "clearCertification", "Either give a certification or clear it, not both.")
	}
	if f.ClearCertification {
		p.CertificationKind, p.CertificationNumber, p.CertificationExpiresOn = nil, nil, nil
		return nil
	}
	if f.Certification == nil {
		return nil
	}
	c := f.Certification
	kind := strings.TrimSpace(c.Kind)
	if kind == "" {
		return peerCertError("kind", "The kind of certification (e.g. CPRS) is required.")
	}
	if utf8.RuneCountInString(kind) > maxPeerCertKindLength {
		return peerCertError("kind", "The kind of certification is too long (40 characters at most).")
	}
	var number *string
	if c.Number != nil {
		n := strings.TrimSpace(*c.Number)
		if utf8.RuneCountInString(n) > maxPeerCertNumberLength {
			return peerCertError("number", "The certificate number is too long (100 characters at most).")
		}
		if n != "" {
			number = &n
		}
	}
	var expires *time.Time
	if c.ExpiresOn != nil {
		d := *c.ExpiresOn
		expires = &d
	}
	p.CertificationKind, p.CertificationNumber, p.CertificationExpiresOn = &kind, number, expires
	return nil
}

func peerCertError(field, message string) *Error {
	return &Error{Code: CodeInvalidInput, Field: []string{"input", "certification", field}, Message: message}
}

// CleanPeerTags tidies a list of short labels (languages, specialties): each is
// trimmed, blanks are dropped, and a label repeated in any case is kept once,
// as first written.
func CleanPeerTags(field string, tags []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) > maxPeerTagLength {
			return nil, FieldError(CodeInvalidInput, field, "Each entry must be 60 characters at most.")
		}
		key := strings.ToLower(t)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	if len(out) > maxPeerTags {
		return nil, FieldError(CodeInvalidInput, field, "Give 30 entries at most.")
	}
	return out, nil
}

// CertificationExpired reports whether the certification has expired by
// today: it is valid through its expiry date.
func (p *Peer) CertificationExpired(today time.Time) bool {
	return p.CertificationExpiresOn != nil && peerDateOf(today).After(peerDateOf(*p.CertificationExpiresOn))
}

func peerDateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// HasCapacity reports whether the peer can take another member while
// caseload members are assigned to them now.
func (p *Peer) HasCapacity(caseload int) bool {
	return p.Active && caseload < p.CaseloadLimit
}

// CheckCaseloadLimit refuses a limit below the peer's current caseload: the
// peer would be over it at once.
func CheckCaseloadLimit(limit, caseload int) error {
	if limit < caseload {
		return FieldError(CodeInvalidInput, "caseloadLimit",
			"The peer supports more members than that now; end some assignments first.")
	}
	return nil
}

// CleanPeerFocus trims what a peer helps a member with and checks its length.
func CleanPeerFocus(focus string) (string, error) {
	focus = strings.TrimSpace(focus)
	if utf8.RuneCountInString(focus) > maxPeerFocusLength {
		return "", FieldError(CodeInvalidInput, "focus", "Focus is too long (200 characters at most).")
	}
	return focus, nil
}

// CheckPeerAssignment validates pairing a member with peer at startedAt. caseload
// is how many members the peer supports now; latest is the member's latest
// assignment (nil when none), which ends at startedAt when it is current.
func CheckPeerAssignment(peer *Peer, caseload int, latest *PeerAssignment, startedAt, now time.Time) error {
	if err := notInFuture("startedAt", startedAt, now); err != nil {
		return err
	}
	if latest != nil && latest.Current() && latest.PeerID == peer.ID {
		return FieldError(CodeDuplicate, "peerId", "The member is already paired with this peer.")
	}
	if !peer.Active {
		return FieldError(CodePeerInactive, "peerId", "The peer no longer supports members.")
	}
	if latest != nil {
		if latest.Current() && !startedAt.After(latest.StartedAt) {
			return FieldError(CodeInvalidInput, "startedAt",
				"The new pairing must start after the member's current pairing began.")
		}
		if !latest.Current() && startedAt.Before(*latest.EndedAt) {
			return FieldError(CodeInvalidInput, "startedAt",
				"The member had another peer at that time; start the pairing after it ended.")
		}
	}
	if caseload >= peer.CaseloadLimit {
		return FieldError(CodeCaseloadFull, "peerId", "The peer's caseload is full.")
	}
	return nil
}

// CheckPeerAssignmentEnd validates ending an assignment at endedAt.
func CheckPeerAssignmentEnd(a *PeerAssignment, endedAt, now time.Time) error {
	if !a.Current() {
		return FieldError(CodeConflict, "peerAssignmentId", "The pairing has ended already.")
	}
	if err := notInFuture("endedAt", endedAt, now); err != nil {
		return err
	}
	if !endedAt.After(a.StartedAt) {
		return FieldError(CodeInvalidInput, "endedAt", "The pairing must end after it began.")
	}
	return nil
}

// CheckPeerConversation validates a one-on-one conversation as logged and
// returns its trimmed note.
func CheckPeerConversation(occurredAt time.Time, durationMinutes int, channel ConversationChannel, note string, now time.Time) (string, error) {
	if err := notInFuture("occurredAt", occurredAt, now); err != nil {
		return "", err
	}
	if durationMinutes < 1 || durationMinutes > maxPeerConversationMinutes {
		return "", FieldError(CodeInvalidInput, "durationMinutes", "Duration must be between 1 and 600 minutes.")
	}
	if !channel.Valid() {
		return "", FieldError(CodeInvalidInput, "channel", "Unknown channel; use IN_PERSON, PHONE, VIDEO or TEXT.")
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > maxPeerNoteLength {
		return "", FieldError(CodeInvalidInput, "note", "Note is too long (2000 characters at most).")
	}
	return note, nil
}

// Valid reports whether c is one of the channels.
func (c ConversationChannel) Valid() bool {
	switch c {
	case ChannelInPerson, ChannelPhone, ChannelVideo, ChannelText:
		return true
	}
	return false
}
