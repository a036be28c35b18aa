package domain_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

var peersToday = time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)

func peersDate(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

func TestPeerFieldsApplyNewPeer(t *testing.T) {
	p := &domain.Peer{Active: true}
	err := domain.PeerFields{
		Name:              ptr("  Rosa Diaz "),
		Bio:               ptr("  Ten years in recovery.  "),
		Certification:     &domain.CertificationFields{Kind: " CPRS ", Number: ptr("  "), ExpiresOn: peersDate(2026, 1, 31)},
		RecoveryStartDate: peersDate(2015, 3, 1),
		Languages:         []string{" English", "spanish", "", "ENGLISH ", "Spanish"},
		Specialties:       []string{"opioids", " Opioids", "young adults"},
		CaseloadLimit:     ptr(12),
	}.Apply(p, peersToday)
	wantErr(t, err, "", "")
	if p.Name != "Rosa Diaz" || p.Bio != "Ten years in recovery." {
		t.Errorf("name %q bio %q", p.Name, p.Bio)
	}
	if p.CertificationKind == nil || *p.CertificationKind != "CPRS" || p.CertificationNumber != nil ||
		!p.CertificationExpiresOn.Equal(*peersDate(2026, 1, 31)) {
		t.Errorf("certification %v %v %v", p.CertificationKind, p.CertificationNumber, p.CertificationExpiresOn)
	}
	if !slices.Equal(p.Languages, []string{"English", "spanish"}) {
		t.Errorf("languages %q", p.Languages)
	}
	if !slices.Equal(p.Specialties, []string{"opioids", "young adults"}) {
		t.Errorf("specialties %q", p.Specialties)
	}
	if p.CaseloadLimit != 12 || !p.Active || !p.RecoveryStartDate.Equal(*peersDate(2015, 3, 1)) {
		t.Errorf("limit %d active %v recovery %v", p.CaseloadLimit, p.Active, p.RecoveryStartDate)
	}
}

func TestPeerFieldsApplyRefusals(t *testing.T) {
	tests := []struct {
		name   string
		fields domain.PeerFields
		code   domain.Code
		field  string
	}{
		{"no name", domain.PeerFields{CaseloadLimit: ptr(1)}, domain.CodeInvalidInput, "name"},
		{"blank name", domain.PeerFields{Name: ptr("   ")}, domain.CodeInvalidInput, "name"},
		{"long name", domain.PeerFields{Name: ptr(strings.Repeat("a", 101))}, domain.CodeInvalidInput, "name"},
		{"long bio", domain.PeerFields{Name: ptr("A"), Bio: ptr(strings.Repeat("b", 2001))}, domain.CodeInvalidInput, "bio"},
		{"future recovery", domain.PeerFields{Name: ptr("A"), RecoveryStartDate: peersDate(2025, 6, 16)}, domain.CodeInFuture, "recoveryStartedOn"},
		{"negative limit", domain.PeerFields{Name: ptr("A"), CaseloadLimit: ptr(-1)}, domain.CodeInvalidInput, "caseloadLimit"},
		{"limit over 200", domain.PeerFields{Name: ptr("A"), CaseloadLimit: ptr(201)}, domain.CodeInvalidInput, "caseloadLimit"},
		{"long language", domain.PeerFields{Name: ptr("A"), Languages: []string{strings.Repeat("x", 61)}}, domain.CodeInvalidInput, "languages"},
		{"too many specialties", domain.PeerFields{Name: ptr("A"), Specialties: peersManyTags(31)}, domain.CodeInvalidInput, "specialties"},
		{"clear and set certification", domain.PeerFields{Name: ptr("A"), ClearCertification: true,
			Certification: &domain.CertificationFields{Kind: "CPRS"}}, domain.CodeInvalidInput, "clearCertification"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, tt.fields.Apply(&domain.Peer{}, peersToday), tt.code, tt.field)
		})
	}
}

func peersManyTags(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat("t", i+1)
	}
	return out
}

func TestPeerFieldsApplyCertificationErrorsPointInside(t *testing.T) {
	tests := []struct {
		cert  domain.CertificationFields
		field string
	}{
		{domain.CertificationFields{Kind: "  "}, "kind"},
		{domain.CertificationFields{Kind: strings.Repeat("K", 41)}, "kind"},
		{domain.CertificationFields{Kind: "CPRS", Number: ptr(strings.Repeat("9", 101))}, "number"},
	}
	for _, tt := range tests {
		err := domain.PeerFields{Name: ptr("A"), Certification: &tt.cert}.Apply(&domain.Peer{}, peersToday)
		e := domain.AsError(err)
		if e == nil || e.Code != domain.CodeInvalidInput || !slices.Equal(e.Field, []string{"input", "certification", tt.field}) {
			t.Errorf("%+v: error %v", tt.cert, err)
		}
	}
}

func TestPeerFieldsApplyUpdateKeepsOmittedFields(t *testing.T) {
	kind, number := "CPRS", "123"
	p := &domain.Peer{Name: "Sam Lee", Bio: "Hi", CertificationKind: &kind, CertificationNumber: &number,
		Languages: []string{"English"}, Specialties: []string{"alcohol"}, CaseloadLimit: 5, Active: true}
	wantErr(t, domain.PeerFields{Active: ptr(false)}.Apply(p, peersToday), "", "")
	if p.Name != "Sam Lee" || p.Bio != "Hi" || *p.CertificationNumber != "123" || p.CaseloadLimit != 5 ||
		!slices.Equal(p.Languages, []string{"English"}) || p.Active {
		t.Errorf("peer after update %+v", p)
	}
	wantErr(t, domain.PeerFields{Languages: []string{}, ClearCertification: true}.Apply(p, peersToday), "", "")
	if p.CertificationKind != nil || p.CertificationNumber != nil || len(p.Languages) != 0 || p.Languages == nil {
		t.Errorf("cleared: kind %v number %v languages %#v", p.CertificationKind, p.CertificationNumber, p.Languages)
	}
}

func TestCleanPeerTags(t *testing.T) {
	got, err := domain.CleanPeerTags("languages", []string{"  ", "ASL", "asl", " Français ", "français", "Tagalog"})
	wantErr(t, err, "", "")
	if !slices.Equal(got, []string{"ASL", "Français", "Tagalog"}) {
		t.Errorf("CleanPeerTags = %q", got)
	}
	got, _ = domain.CleanPeerTags("languages", []string{"", " "})
	if got == nil || len(got) != 0 {
		t.Errorf("blank tags = %#v, want an empty list", got)
	}
	// Duplicates and blanks do not count towards the limit.
	tags := append(peersManyTags(30), "t", "T", "", " ")
	if _, err := domain.CleanPeerTags("languages", tags); err != nil {
		t.Errorf("30 distinct tags with repeats: %v", err)
	}
}

func TestPeerCertificationExpired(t *testing.T) {
	tests := []struct {
		expires *time.Time
		want    bool
	}{
		{nil, false},
		{peersDate(2025, 6, 14), true},
		{peersDate(2025, 6, 15), false}, // valid through its expiry date
		{peersDate(2025, 6, 16), false},
	}
	for _, tt := range tests {
		p := &domain.Peer{CertificationExpiresOn: tt.expires}
		if got := p.CertificationExpired(peersToday.Add(23 * time.Hour)); got != tt.want {
			t.Errorf("expires %v: expired = %v", tt.expires, got)
		}
	}
}

func TestPeerHasCapacity(t *testing.T) {
	tests := []struct {
		active          bool
		limit, caseload int
		want            bool
	}{
		{true, 3, 2, true},
		{true, 3, 3, false},
		{true, 0, 0, false},
		{false, 3, 0, false},
	}
	for _, tt := range tests {
		p := &domain.Peer{Active: tt.active, CaseloadLimit: tt.limit}
		if got := p.HasCapacity(tt.caseload); got != tt.want {
			t.Errorf("%+v: HasCapacity = %v", tt, got)
		}
	}
}

func TestCheckCaseloadLimit(t *testing.T) {
	wantErr(t, domain.CheckCaseloadLimit(3, 3), "", "")
	wantErr(t, domain.CheckCaseloadLimit(4, 3), "", "")
	wantErr(t, domain.CheckCaseloadLimit(2, 3), domain.CodeInvalidInput, "caseloadLimit")
}

func TestCleanPeerFocus(t *testing.T) {
	got, err := domain.CleanPeerFocus("  opioids, work  ")
	wantErr(t, err, "", "")
	if got != "opioids, work" {
		t.Errorf("focus %q", got)
	}
	_, err = domain.CleanPeerFocus(strings.Repeat("f", 201))
	wantErr(t, err, domain.CodeInvalidInput, "focus")
}

func TestCheckPeerAssignment(t *testing.T) {
	peer := &domain.Peer{ID: 7, Active: true, CaseloadLimit: 3}
	inactive := &domain.Peer{ID: 7, Active: false, CaseloadLimit: 3}
	ended := now.AddDate(0, 0, -10)
	currentOther := &domain.PeerAssignment{PeerID: 8, StartedAt: now.AddDate(0, -1, 0)}
	currentSame := &domain.PeerAssignment{PeerID: 7, StartedAt: now.AddDate(0, -1, 0)}
	past := &domain.PeerAssignment{PeerID: 8, StartedAt: now.AddDate(0, -2, 0), EndedAt: &ended}
	tests := []struct {
		name      string
		peer      *domain.Peer
		caseload  int
		latest    *domain.PeerAssignment
		startedAt time.Time
		code      domain.Code
		field     string
	}{
		{"first pairing", peer, 0, nil, now.Add(-time.Hour), "", ""},
		{"within clock skew", peer, 0, nil, now.Add(skew), "", ""},
		{"in the future", peer, 0, nil, now.Add(skew + time.Second), domain.CodeInFuture, "startedAt"},
		{"change of peer", peer, 2, currentOther, now, "", ""},
		{"same peer again", peer, 3, currentSame, now, domain.CodeDuplicate, "peerId"},
		{"inactive peer", inactive, 0, nil, now, domain.CodePeerInactive, "peerId"},
		{"full caseload", peer, 3, nil, now, domain.CodeCaseloadFull, "peerId"},
		{"over a lowered limit", peer, 4, nil, now, domain.CodeCaseloadFull, "peerId"},
		{"zero limit", &domain.Peer{ID: 7, Active: true}, 0, nil, now, domain.CodeCaseloadFull, "peerId"},
		{"before current began", peer, 0, currentOther, currentOther.StartedAt, domain.CodeInvalidInput, "startedAt"},
		{"overlaps a past pairing", peer, 0, past, ended.Add(-time.Minute), domain.CodeInvalidInput, "startedAt"},
		{"right after a past pairing", peer, 0, past, ended, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckPeerAssignment(tt.peer, tt.caseload, tt.latest, tt.startedAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckPeerAssignmentEnd(t *testing.T) {
	start := now.AddDate(0, -1, 0)
	ended := now.AddDate(0, 0, -1)
	current := &domain.PeerAssignment{StartedAt: start}
	tests := []struct {
		name    string
		a       *domain.PeerAssignment
		endedAt time.Time
		code    domain.Code
		field   string
	}{
		{"ends now", current, now, "", ""},
		{"already ended", &domain.PeerAssignment{StartedAt: start, EndedAt: &ended}, now, domain.CodeConflict, "peerAssignmentId"},
		{"in the future", current, now.Add(skew + time.Second), domain.CodeInFuture, "endedAt"},
		{"at its start", current, start, domain.CodeInvalidInput, "endedAt"},
		{"before its start", current, start.Add(-time.Hour), domain.CodeInvalidInput, "endedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckPeerAssignmentEnd(tt.a, tt.endedAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckPeerConversation(t *testing.T) {
	tests := []struct {
		name     string
		at       time.Time
		minutes  int
		channel  domain.ConversationChannel
		note     string
		code     domain.Code
		field    string
		wantNote string
	}{
		{"phone call", now.Add(-time.Hour), 30, domain.ChannelPhone, "  Talked about work.  ", "", "", "Talked about work."},
		{"one minute", now, 1, domain.ChannelText, "", "", "", ""},
		{"ten hours", now, 600, domain.ChannelInPerson, "", "", "", ""},
		{"zero minutes", now, 0, domain.ChannelVideo, "", domain.CodeInvalidInput, "durationMinutes", ""},
		{"too long", now, 601, domain.ChannelVideo, "", domain.CodeInvalidInput, "durationMinutes", ""},
		{"future", now.Add(skew + time.Second), 10, domain.ChannelVideo, "", domain.CodeInFuture, "occurredAt", ""},
		{"unknown channel", now, 10, "CARRIER_PIGEON", "", domain.CodeInvalidInput, "channel", ""},
		{"long note", now, 10, domain.ChannelPhone, strings.Repeat("n", 2001), domain.CodeInvalidInput, "note", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			note, err := domain.CheckPeerConversation(tt.at, tt.minutes, tt.channel, tt.note, now)
			wantErr(t, err, tt.code, tt.field)
			if err == nil && note != tt.wantNote {
				t.Errorf("note %q, want %q", note, tt.wantNote)
			}
		})
	}
}
