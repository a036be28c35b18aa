package domain_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests must not depend on the machine's zoneinfo

	"carejourney/server/domain"
)

func TestGroupFieldsApply(t *testing.T) {
	house := int64(7)
	peerSupport, houseMeeting, bogusKind := domain.GroupPeerSupport, domain.GroupHouseMeeting, domain.GroupKind("CHOIR")
	virtual, bogusModality := domain.ModalityVirtual, domain.Modality("CARRIER_PIGEON")
	valid := func() domain.GroupFields {
		return domain.GroupFields{Name: ptr("  Tuesday Night Alumni "), Kind: &peerSupport, Modality: &virtual,
			Description: ptr(" Alumni speak. "), Location: ptr("https://video.example/alumni"), TimeZone: ptr("America/New_York")}
	}
	tests := []struct {
		name   string
		change func(f *domain.GroupFields)
		code   domain.Code
		field  string
	}{
		{"valid", func(f *domain.GroupFields) {}, "", ""},
		{"blank name", func(f *domain.GroupFields) { f.Name = ptr("   ") }, domain.CodeInvalidInput, "name"},
		{"no name", func(f *domain.GroupFields) { f.Name = nil }, domain.CodeInvalidInput, "name"},
		{"name too long", func(f *domain.GroupFields) { f.Name = ptr(strings.Repeat("n", 201)) }, domain.CodeInvalidInput, "name"},
		{"name of 200", func(f *domain.GroupFields) { f.Name = ptr(strings.Repeat("n", 200)) }, "", ""},
		{"unknown kind", func(f *domain.GroupFields) { f.Kind = &bogusKind }, domain.CodeInvalidInput, "kind"},
		{"unknown modality", func(f *domain.GroupFields) { f.Modality = &bogusModality }, domain.CodeInvalidInput, "modality"},
		{"description too long", func(f *domain.GroupFields) { f.Description = ptr(strings.Repeat("d", 4001)) }, domain.CodeInvalidInput, "description"},
		{"location too long", func(f *domain.GroupFields) { f.Location = ptr(strings.Repeat("l", 1001)) }, domain.CodeInvalidInput, "location"},
		{"unknown zone", func(f *domain.GroupFields) { f.TimeZone = ptr("Mars/Olympus_Mons") }, domain.CodeInvalidInput, "timeZone"},
		{"empty zone", func(f *domain.GroupFields) { f.TimeZone = ptr(" ") }, domain.CodeInvalidInput, "timeZone"},
		{"server-local zone", func(f *domain.GroupFields) { f.TimeZone = ptr("Local") }, domain.CodeInvalidInput, "timeZone"},
		{"house for a peer group", func(f *domain.GroupFields) { f.HouseID = &house }, domain.CodeInvalidInput, "houseId"},
		{"house meeting without house", func(f *domain.GroupFields) { f.Kind = &houseMeeting }, domain.CodeInvalidInput, "houseId"},
		{"house meeting with house", func(f *domain.GroupFields) { f.Kind, f.HouseID = &houseMeeting, &house }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := valid()
			tt.change(&f)
			g := &domain.Group{}
			wantErr(t, f.Apply(g), tt.code, tt.field)
		})
	}

	g := &domain.Group{}
	if err := valid().Apply(g); err != nil {
		t.Fatal(err)
	}
	if g.Name != "Tuesday Night Alumni" || g.Description != "Alumni speak." || g.TimeZone != "America/New_York" ||
		g.Kind != domain.GroupPeerSupport || g.Modality != domain.ModalityVirtual {
		t.Errorf("applied %+v", g)
	}
	// An update leaves what it does not name, but the house rule still holds.
	if err := (domain.GroupFields{Location: ptr("Room 2")}).Apply(g); err != nil || g.Name != "Tuesday Night Alumni" || g.Location != "Room 2" {
		t.Errorf("partial update: %v, %+v", err, g)
	}
}

func TestLoadTimeZone(t *testing.T) {
	for _, name := range []string{"America/New_York", "UTC", "Europe/Berlin", " Australia/Lord_Howe "} {
		loc, err := domain.LoadTimeZone("timeZone", name)
		if err != nil || loc.String() != strings.TrimSpace(name) {
			t.Errorf("%q: %v, %v", name, loc, err)
		}
	}
	for _, name := range []string{"", "Local", "EST5EDT/Nowhere", "../../etc/passwd", strings.Repeat("A", 65)} {
		_, err := domain.LoadTimeZone("timeZone", name)
		wantErr(t, err, domain.CodeInvalidInput, "timeZone")
	}
}

func TestCheckFacilitatorIDs(t *testing.T) {
	if err := domain.CheckFacilitatorIDs("facilitatorPeerIds", []int64{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	err := domain.CheckFacilitatorIDs("facilitatorPeerIds", []int64{4, 5, 4})
	if e := domain.AsError(err); e == nil || e.Code != domain.CodeDuplicate ||
		!slices.Equal(e.Field, []string{"input", "facilitatorPeerIds", "2"}) {
		t.Errorf("duplicate: %v", err)
	}
	many := make([]int64, domain.MaxGroupFacilitators+1)
	for i := range many {
		many[i] = int64(i + 1)
	}
	wantErr(t, domain.CheckFacilitatorIDs("facilitatorUserIds", many), domain.CodeInvalidInput, "facilitatorUserIds")
}

func TestCleanMeetingTopic(t *testing.T) {
	if topic, err := domain.CleanMeetingTopic("  Gratitude  "); err != nil || topic != "Gratitude" {
		t.Errorf("topic %q, %v", topic, err)
	}
	_, err := domain.CleanMeetingTopic(strings.Repeat("t", 501))
	wantErr(t, err, domain.CodeInvalidInput, "topic")
}

func TestCheckGroupJoinAndLeave(t *testing.T) {
	active, stopped := &domain.Group{Active: true}, &domain.Group{Active: false}
	left := now.AddDate(0, 0, -10)
	current := &domain.GroupMembership{JoinedAt: now.AddDate(0, -1, 0)}
	past := &domain.GroupMembership{JoinedAt: now.AddDate(0, -2, 0), LeftAt: &left}
	joins := []struct {
		name     string
		g        *domain.Group
		last     *domain.GroupMembership
		joinedAt time.Time
		code     domain.Code
		field    string
	}{
		{"first join", active, nil, now, "", ""},
		{"joined in the future", active, nil, now.Add(time.Hour), domain.CodeInFuture, "joinedAt"},
		{"group stopped meeting", stopped, nil, now, domain.CodeInvalidInput, "groupId"},
		{"belongs already", active, current, now, domain.CodeDuplicate, "memberId"},
		{"rejoin after leaving", active, past, left, "", ""},
		{"rejoin before having left", active, past, left.Add(-time.Minute), domain.CodeInvalidInput, "joinedAt"},
	}
	for _, tt := range joins {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckGroupJoin(tt.g, tt.last, tt.joinedAt, now), tt.code, tt.field)
		})
	}
	leaves := []struct {
		name    string
		current *domain.GroupMembership
		leftAt  time.Time
		code    domain.Code
		field   string
	}{
		{"leave", current, now, "", ""},
		{"never belonged", nil, now, domain.CodeNotFound, "memberId"},
		{"left already", past, now, domain.CodeNotFound, "memberId"},
		{"leaves in the future", current, now.Add(time.Hour), domain.CodeInFuture, "leftAt"},
		{"leaves when joining", current, current.JoinedAt, domain.CodeInvalidInput, "leftAt"},
	}
	for _, tt := range leaves {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckGroupLeave(tt.current, tt.leftAt, now), tt.code, tt.field)
		})
	}
}
