package graph

import (
	"context"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

func createHouseFields(in model.CreateHouseInput) (domain.HouseFields, error) {
	manager, err := globalid.DecodeOptionalField(in.ManagerUserID, globalid.TypeUser, "managerUserId")
	return domain.HouseFields{Name: &in.Name, Address: in.Address, Capacity: &in.Capacity,
		GenderDesignation: &in.GenderDesignation, NarrLevel: &in.NarrLevel, Phone: in.Phone,
		ManagerUserID: manager}, err
}

func updateHouseFields(in model.UpdateHouseInput) (domain.HouseFields, error) {
	manager, err := globalid.DecodeOptionalField(in.ManagerUserID, globalid.TypeUser, "managerUserId")
	return domain.HouseFields{Name: in.Name, Address: in.Address, Capacity: in.Capacity,
		GenderDesignation: in.GenderDesignation, NarrLevel: in.NarrLevel, Phone: in.Phone,
		ManagerUserID: manager}, err
}

func houseFilter(f *model.HouseFilter) store.HouseFilter {
	if f == nil {
		return store.HouseFilter{}
	}
	return store.HouseFilter{HasOpenBeds: f.HasOpenBeds, GenderDesignation: f.GenderDesignation}
}

// houseResidents loads a house's residents through the request's loader.
func houseResidents(ctx context.Context, houseID int64) ([]*domain.Residency, error) {
	residents, err := loaders.For(ctx).Houses.CurrentResidents.Load(ctx, houseID)
	if residents == nil {
		residents = []*domain.Residency{}
	}
	return residents, err
}

// memberResidencies loads a member's residencies, oldest first.
func memberResidencies(ctx context.Context, memberID int64) ([]*domain.Residency, error) {
	all, err := loaders.For(ctx).Houses.ByMember.Load(ctx, memberID)
	if err != nil {
		return nil, err
	}
	return append([]*domain.Residency{}, all...), nil
}

// houseOccupancy derives how full a house is from its current residents.
func houseOccupancy(h *domain.House, residents []*domain.Residency) *model.Occupancy {
	occupied := len(residents)
	return &model.Occupancy{Capacity: h.Capacity, Occupied: occupied, Available: h.OpenBeds(occupied)}
}
