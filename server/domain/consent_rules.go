package domain

import "time"

// Status derives a consent's status at now. treatmentEndedAt is when the
// member was first discharged at or after the signature, nil if not since:
// it ends a consent that expires at END_OF_TREATMENT. Revocation wins over
// expiry, and both take effect at once.
func (c *Consent) Status(now time.Time, treatmentEndedAt *time.Time) ConsentStatus {
	switch {
	case c.RevokedAt != nil && !c.RevokedAt.After(now):
		return ConsentRevoked
	case c.ExpiresAt != nil && !c.ExpiresAt.After(now):
		return ConsentExpired
	case c.ExpiresOnEvent != nil && *c.ExpiresOnEvent == EventEndOfTreatment &&
		treatmentEndedAt != nil && !treatmentEndedAt.Before(c.SignedAt) && !treatmentEndedAt.After(now):
		return ConsentExpired
	}
	return ConsentActive
}

// Covers reports whether the consent lets the provider disclose kind.
func (c *Consent) Covers(kind InformationKind) bool {
	for _, k := range c.InformationKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// SharedUpdateKinds are the kinds of updates that information kinds
// disclose; ATTENDANCE_SUMMARY discloses counts, not updates.
func SharedUpdateKinds(kinds []InformationKind) []UpdateKind {
	var out []UpdateKind
	for _, k := range kinds {
		switch k {
		case InfoMilestones:
			out = append(out, UpdateMilestone)
		case InfoCareLevel:
			out = append(out, UpdateCareLevelChange)
		case InfoHousing:
			out = append(out, UpdateHousingChange)
		case InfoNotes:
			out = append(out, UpdateNote)
		}
	}
	return out
}
