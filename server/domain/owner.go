package domain

// MemberOwned is a record that belongs to one member's care record: who may
// see it, and what the audit log records, follow that member.
type MemberOwned interface {
	OwnerMemberID() int64
}

// Disclosed is a view of a member's record made for someone outside the
// provider, such as a family viewer's view of a member who consented:
// showing it is a disclosure of that member's record.
type Disclosed interface {
	DisclosedMemberID() int64
}

// PlanOwned is a part of an aftercare plan; it belongs to the plan's member.
type PlanOwned interface {
	OwnerPlanID() int64
}

// OwnerMemberID implements MemberOwned.
func (m *Member) OwnerMemberID() int64 { return m.ID }

// OwnerMemberID implements MemberOwned.
func (e *CareEpisode) OwnerMemberID() int64 { return e.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *RecoveryStartDateChange) OwnerMemberID() int64 { return c.MemberID }

// OwnerMemberID implements MemberOwned.
func (r *Residency) OwnerMemberID() int64 { return r.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *PeerAssignment) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *PeerConversation) OwnerMemberID() int64 { return c.MemberID }

// OwnerMemberID implements MemberOwned.
func (m *GroupMembership) OwnerMemberID() int64 { return m.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *AttendanceRecord) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (p *AftercarePlan) OwnerMemberID() int64 { return p.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *RecoveryCapitalAssessment) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (u *Update) OwnerMemberID() int64 { return u.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *FamilyContact) OwnerMemberID() int64 { return c.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *Consent) OwnerMemberID() int64 { return c.MemberID }

// OwnerPlanID implements PlanOwned.
func (g *AftercareGoal) OwnerPlanID() int64 { return g.PlanID }

// OwnerPlanID implements PlanOwned.
func (c *AftercareCommitment) OwnerPlanID() int64 { return c.PlanID }

// OwnerPlanID implements PlanOwned.
func (c *CheckIn) OwnerPlanID() int64 { return c.PlanID }

// KindOf returns the kind of information a member's record is, as a
// consent names it: care episodes are the care level, residencies housing,
// recovery dates milestones, updates their own kind. Records of no kind
// (plans, check-ins, conversations, attendance lines, contacts, consents)
// are never disclosed under a consent.
func KindOf(record MemberOwned) (InformationKind, bool) {
	switch r := record.(type) {
	case *CareEpisode:
		return InfoCareLevel, true
	case *Residency:
		return InfoHousing, true
	case *RecoveryStartDateChange:
		return InfoMilestones, true
	case *UpcomingMilestone:
		return InfoMilestones, true
	case *CareLevelChange:
		return InfoCareLevel, true
	case *Update:
		return UpdateInformationKind(r.Kind)
	}
	return "", false
}

// UpdateInformationKind is the consent kind that covers updates of kind k.
func UpdateInformationKind(k UpdateKind) (InformationKind, bool) {
	switch k {
	case UpdateMilestone:
		return InfoMilestones, true
	case UpdateCareLevelChange:
		return InfoCareLevel, true
	case UpdateHousingChange:
		return InfoHousing, true
	case UpdateNote:
		return InfoNotes, true
	}
	return "", false
}
