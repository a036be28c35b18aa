package store_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// partnerKey makes a key for partner with scopes and returns it with its secret.
func partnerKey(t *testing.T, st *store.Store, by int64, partner string, scopes ...domain.Scope) (*domain.APIKey, string) {
	t.Helper()
	secret, hash, prefix := auth.NewKeySecret()
	k, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerName: &partner, Scopes: scopes},
		SecretHash: hash, SecretPrefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	return k, secret
}

func TestAPIKeyLifecycle(t *testing.T) {
	st := newStore(t)
	admin := newUser(t, st)

	k, secret := partnerKey(t, st, admin.ID, "  Outcomes Lab  ", domain.ScopeOutcomesRead, domain.ScopeDirectoryRead)
	if k.ID == 0 || k.PartnerName != "Outcomes Lab" || len(k.Scopes) != 2 || k.Scopes[0] != domain.ScopeOutcomesRead ||
		k.CreatedByUserID == nil || *k.CreatedByUserID != admin.ID || !k.CreatedAt.Equal(clock) || !k.Active() {
		t.Fatalf("created %+v", k)
	}
	if !strings.HasPrefix(secret, "cjk_") || k.SecretPrefix != secret[4:12] || len(k.SecretPrefix) != 8 {
		t.Fatalf("secret %q, prefix %q", secret, k.SecretPrefix)
	}
	// Only the hash is stored: no column holds the secret.
	var stored []byte
	var columns string
	if err := st.DB().NewRaw(`SELECT secret_hash, row_to_json(k)::text FROM api_keys AS k WHERE id = ?`, k.ID).
		Scan(ctx, &stored, &columns); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, auth.HashToken(secret)) || strings.Contains(columns, secret[4:]) {
		t.Fatalf("stored row %s", columns)
	}

	found, err := st.ActiveAPIKeyBySecretHash(ctx, auth.HashToken(secret))
	if err != nil || found == nil || found.ID != k.ID {
		t.Fatalf("lookup = %+v, %v", found, err)
	}
	if none, err := st.ActiveAPIKeyBySecretHash(ctx, auth.HashToken(secret+"x")); err != nil || none != nil {
		t.Fatalf("a wrong secret finds %+v, %v", none, err)
	}

	revoked, err := st.RevokeAPIKey(ctx, admin.ID, k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revoked.Active() || !revoked.RevokedAt.Equal(clock) || *revoked.RevokedByUserID != admin.ID || revoked.PartnerName != "Outcomes Lab" {
		t.Fatalf("revoked %+v", revoked)
	}
	if none, err := st.ActiveAPIKeyBySecretHash(ctx, auth.HashToken(secret)); err != nil || none != nil {
		t.Fatalf("a revoked key is found: %+v, %v", none, err)
	}
	_, err = st.RevokeAPIKey(ctx, admin.ID, k.ID)
	wantCode(t, err, domain.CodeAlreadyRevoked, "apiKeyId")
	_, err = st.RevokeAPIKey(ctx, admin.ID, k.ID+1000)
	wantCode(t, err, domain.CodeNotFound, "apiKeyId")
}

func TestCreateAPIKeyValidates(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	_, hash, prefix := auth.NewKeySecret()
	for _, tt := range []struct {
		fields domain.APIKeyFields
		field  string
	}{
		{domain.APIKeyFields{PartnerName: ptr(" "), Scopes: []domain.Scope{domain.ScopeDirectoryRead}}, "partnerName"},
		{domain.APIKeyFields{PartnerName: ptr(strings.Repeat("x", 201)), Scopes: []domain.Scope{domain.ScopeDirectoryRead}}, "partnerName"},
		{domain.APIKeyFields{PartnerName: ptr("Referral site")}, "scopes"},
	} {
		_, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{Fields: tt.fields, SecretHash: hash, SecretPrefix: prefix})
		wantCode(t, err, domain.CodeInvalidInput, tt.field)
	}
	if n, err := st.CountAPIKeys(ctx, store.APIKeyFilter{IncludeRevoked: true}); err != nil || n != 0 {
		t.Fatalf("%d keys written, %v", n, err)
	}
}

// Twenty admins revoke one key at once: the row lock lets one win and tells
// every other one ALREADY_REVOKED, never an internal error.
func TestConcurrentRevokeAPIKey(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	k, _ := partnerKey(t, st, by, "Referral site", domain.ScopeDirectoryRead)
	wins, codes := tally(t, race(func(int) error {
		_, err := st.RevokeAPIKey(ctx, by, k.ID)
		return err
	}))
	if wins != 1 || codes[domain.CodeAlreadyRevoked] != racers-1 {
		t.Fatalf("%d wins, %s", wins, formatCodes(codes))
	}
}

func TestListAPIKeys(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	var keys []*domain.APIKey
	for i := range 5 {
		st.Now = func() time.Time { return clock.Add(time.Duration(i) * time.Hour) }
		k, _ := partnerKey(t, st, by, "Partner "+string(rune('A'+i)), domain.ScopeDirectoryRead)
		keys = append(keys, k)
	}
	// Two keys made at the same moment are ordered by id, newest first.
	// The partner is named by ID, as an admin picks an existing one.
	f := mustPartner(t, st, by, "Partner F")
	same, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerID: &f.ID, Scopes: []domain.Scope{domain.ScopeOutcomesRead}},
		SecretHash: auth.HashToken("f"), SecretPrefix: "ffffffff"})
	if err != nil || same.PartnerName != "Partner F" {
		t.Fatalf("a key of an existing partner: %+v, %v", same, err)
	}
	keys = append(keys, same)
	if _, err := st.RevokeAPIKey(ctx, by, keys[1].ID); err != nil {
		t.Fatal(err)
	}

	names := func(p store.Page[*domain.APIKey]) string {
		var out []string
		for _, k := range p.Items {
			out = append(out, k.PartnerName[len("Partner "):])
		}
		return strings.Join(out, "")
	}
	walk := func(filter store.APIKeyFilter) string {
		var all string
		page := store.PageRequest{Limit: 2}
		for {
			p, err := st.ListAPIKeys(ctx, filter, page)
			if err != nil {
				t.Fatal(err)
			}
			all += names(p)
			if !p.HasNextPage {
				return all
			}
			last := p.Cursors[len(p.Cursors)-1]
			page.After = &last
		}
	}
	if got := walk(store.APIKeyFilter{}); got != "FEDCA" {
		t.Errorf("active keys = %s, want FEDCA", got)
	}
	if got := walk(store.APIKeyFilter{IncludeRevoked: true}); got != "FEDCBA" {
		t.Errorf("all keys = %s, want FEDCBA", got)
	}
	for filter, want := range map[store.APIKeyFilter]int{{}: 5, {IncludeRevoked: true}: 6} {
		if n, err := st.CountAPIKeys(ctx, filter); err != nil || n != want {
			t.Errorf("count %+v = %d, %v; want %d", filter, n, err, want)
		}
	}
}

// The last use is written at most once a minute, whoever asks.
func TestTouchAPIKey(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	k, _ := partnerKey(t, st, by, "Referral site", domain.ScopeDirectoryRead)
	lastUsed := func() *time.Time {
		t.Helper()
		keys, err := st.APIKeysByID(ctx, []int64{k.ID})
		if err != nil {
			t.Fatal(err)
		}
		return keys[k.ID].LastUsedAt
	}
	if lastUsed() != nil {
		t.Fatal("a new key was used")
	}
	touch := func(at time.Time) {
		t.Helper()
		if err := st.TouchAPIKey(ctx, k.ID, at); err != nil {
			t.Fatal(err)
		}
	}
	touch(clock)
	touch(clock.Add(30 * time.Second))
	if got := lastUsed(); got == nil || !got.Equal(clock) {
		t.Fatalf("last used %v, want %v (the second use is within a minute)", got, clock)
	}
	touch(clock.Add(time.Minute))
	if got := lastUsed(); got == nil || !got.Equal(clock.Add(time.Minute)) {
		t.Fatalf("last used %v, want a minute later", got)
	}
}
