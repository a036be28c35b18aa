package graph

import (
	"context"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

func peerFilter(f *model.PeerFilter) store.PeerFilter {
	if f == nil {
		return store.PeerFilter{}
	}
	return store.PeerFilter{Active: f.IsActive, Language: deref(f.Language), AlumniOnly: f.IsAlumniOnly != nil && *f.IsAlumniOnly,
		HasCapacity: f.HasCapacity, Search: deref(f.Search)}
}

func certificationFields(c *model.CertificationInput) *domain.CertificationFields {
	if c == nil {
		return nil
	}
	return &domain.CertificationFields{Kind: c.Kind, Number: c.Number, ExpiresOn: c.ExpiresOn}
}

func createPeerInput(input model.CreatePeerInput) (store.PeerInput, error) {
	in := store.PeerInput{Fields: domain.PeerFields{
		Name: &input.Name, Bio: input.Bio, Certification: certificationFields(input.Certification),
		RecoveryStartDate: input.RecoveryStartDate, Languages: input.Languages, Specialties: input.Specialties,
		CaseloadLimit: &input.CaseloadLimit,
	}}
	var err error
	if in.MemberID, err = globalid.DecodeOptionalField(input.MemberID, globalid.TypeMember, "memberId"); err != nil {
		return in, err
	}
	in.UserID, err = globalid.DecodeOptionalField(input.UserID, globalid.TypeUser, "userId")
	return in, err
}

func updatePeerFields(input model.UpdatePeerInput) domain.PeerFields {
	return domain.PeerFields{
		Name: input.Name, Bio: input.Bio, Certification: certificationFields(input.Certification),
		ClearCertification: input.ClearCertification != nil && *input.ClearCertification,
		RecoveryStartDate:  input.RecoveryStartDate, Languages: input.Languages, Specialties: input.Specialties,
		CaseloadLimit: input.CaseloadLimit, Active: input.IsActive,
	}
}

func assignPeerInput(input model.AssignPeerInput) (store.AssignPeerInput, error) {
	memberID, err := globalid.DecodeField(input.MemberID, globalid.TypeMember, "memberId")
	if err != nil {
		return store.AssignPeerInput{}, err
	}
	peerID, err := globalid.DecodeField(input.PeerID, globalid.TypePeer, "peerId")
	if err != nil {
		return store.AssignPeerInput{}, err
	}
	return store.AssignPeerInput{MemberID: memberID, PeerID: peerID, StartedAt: input.StartedAt, Focus: deref(input.Focus)}, nil
}

func logPeerConversationInput(input model.LogPeerConversationInput) (store.PeerConversationInput, error) {
	peerID, err := globalid.DecodeField(input.PeerID, globalid.TypePeer, "peerId")
	if err != nil {
		return store.PeerConversationInput{}, err
	}
	memberID, err := globalid.DecodeField(input.MemberID, globalid.TypeMember, "memberId")
	if err != nil {
		return store.PeerConversationInput{}, err
	}
	return store.PeerConversationInput{PeerID: peerID, MemberID: memberID, OccurredAt: input.OccurredAt,
		DurationMinutes: input.DurationMinutes, Channel: input.Channel, Note: deref(input.Note)}, nil
}

// caseloadCount is how many members a peer supports now, batched.
func caseloadCount(ctx context.Context, peerID int64) (int, error) {
	return loaders.For(ctx).Peers.CaseloadCount.Load(ctx, peerID)
}
