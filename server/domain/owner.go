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
