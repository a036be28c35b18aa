package access_test

import (
	"testing"

	"carejourney/graph/access"
	"carejourney/server/auth"
	"carejourney/server/domain"
)

func TestAudienceOf(t *testing.T) {
	user := func(r domain.Role) auth.Actor {
		return auth.Actor{Viewer: &auth.Viewer{User: &domain.User{ID: 1, Role: r}}}
	}
	key := func(scopes ...domain.Scope) auth.Actor { return auth.Actor{Key: &domain.APIKey{ID: 1, Scopes: scopes}} }
	cases := []struct {
		actor auth.Actor
		in    access.Audience
		notIn access.Audience
	}{
		{auth.Actor{}, access.Anonymous, access.SignedIn},
		{user(domain.RoleAdmin), access.Admin, access.CaseManager | access.Keys | access.Family},
		{user(domain.RoleClinician), access.Care, access.Admin},
		{user(domain.RolePeerSupporter), access.Staff, access.Care},
		{user(domain.RoleHouseManager), access.HouseManager, access.Care | access.PeerSupporter},
		{user(domain.RoleFamily), access.Family, access.Staff | access.Keys},
		{key(domain.ScopeDirectoryRead), access.DirectoryKey, access.Users | access.OutcomesKey | access.MembersKey},
		{key(domain.ScopeOutcomesRead, domain.ScopeMembersRead), access.OutcomesKey, access.Users | access.DirectoryKey},
		{key(domain.ScopeOutcomesRead, domain.ScopeMembersRead), access.MembersKey, 0},
	}
	for _, c := range cases {
		got := access.AudienceOf(c.actor)
		if !c.in.Admits(got) {
			t.Errorf("%s: audience %b not in %b", c.actor.Ref(), got, c.in)
		}
		if c.notIn.Admits(got) {
			t.Errorf("%s: audience %b wrongly in %b", c.actor.Ref(), got, c.notIn)
		}
	}
}

// TestClinicalDetailStaysWithTheCareTeam pins the rules the issue names:
// no check-ins, BARC-10 or clinical notes for peer supporters and house
// managers, user and key management for admins only.
func TestClinicalDetailStaysWithTheCareTeam(t *testing.T) {
	for _, f := range [][2]string{{"Member", "recoveryCapital"}, {"AftercarePlan", "checkIns"}, {"CheckIn", "note"},
		{"RecoveryCapitalAssessment", "total"}, {"CareEpisode", "reason"}, {"CareEpisode", "dischargeReason"}} {
		aud, known := access.FieldAudience(f[0], f[1])
		if !known || aud.Admits(access.PeerSupporter|access.HouseManager|access.Family|access.Keys) || !aud.Admits(access.Clinician) {
			t.Errorf("%s.%s: audience %b", f[0], f[1], aud)
		}
	}
	if aud, _ := access.FieldAudience("AftercarePlan", "goals"); !aud.Admits(access.PeerSupporter) || aud.Admits(access.HouseManager) {
		t.Errorf("plan goals: audience %b", aud)
	}
	for _, m := range []string{"createUser", "createApiKey"} {
		if rule, ok := access.Mutations[m]; ok && rule.Audience != access.Admin {
			t.Errorf("%s: audience %b", m, rule.Audience)
		}
	}
	if _, known := access.FieldAudience("NoSuchType", "id"); known {
		t.Error("an unknown type must be closed")
	}
}
