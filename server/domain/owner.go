package domain

// MemberOwned is a record that belongs to one member's record: reading or
// writing it is reading or writing that member's record, which the audit
// log notes.
type MemberOwned interface {
	// OwnerMemberID is the id of the member whose record this is.
	OwnerMemberID() int64
}

// PlanOwned is a part of an aftercare plan (a goal, a commitment, a
// check-in). It names only its plan; the plan names the member.
type PlanOwned interface {
	// OwnerPlanID is the id of the aftercare plan this belongs to.
	OwnerPlanID() int64
}

// OwnerMemberID implements MemberOwned: a member owns their own record.
func (m *Member) OwnerMemberID() int64 { return m.ID }

// OwnerMemberID implements MemberOwned.
func (e *CareEpisode) OwnerMemberID() int64 { return e.MemberID }

// OwnerMemberID implements MemberOwned.
func (r *Residency) OwnerMemberID() int64 { return r.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *PeerAssignment) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *PeerConversation) OwnerMemberID() int64 { return c.MemberID }

// OwnerMemberID implements MemberOwned.
func (g *GroupMembership) OwnerMemberID() int64 { return g.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *AttendanceRecord) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (p *AftercarePlan) OwnerMemberID() int64 { return p.MemberID }

// OwnerMemberID implements MemberOwned.
func (a *RecoveryCapitalAssessment) OwnerMemberID() int64 { return a.MemberID }

// OwnerMemberID implements MemberOwned.
func (u *Update) OwnerMemberID() int64 { return u.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *RecoveryStartDateChange) OwnerMemberID() int64 { return c.MemberID }

// OwnerMemberID implements MemberOwned.
func (f *FamilyContact) OwnerMemberID() int64 { return f.MemberID }

// OwnerMemberID implements MemberOwned.
func (c *Consent) OwnerMemberID() int64 { return c.MemberID }

// OwnerPlanID implements PlanOwned.
func (g *AftercareGoal) OwnerPlanID() int64 { return g.PlanID }

// OwnerPlanID implements PlanOwned.
func (c *AftercareCommitment) OwnerPlanID() int64 { return c.PlanID }

// OwnerPlanID implements PlanOwned.
func (c *CheckIn) OwnerPlanID() int64 { return c.PlanID }
