package store_test

import (
	"fmt"
	"io/fs"
	"sort"
	"testing"

	"github.com/uptrace/bun"

	"carejourney/migrations"
	"carejourney/server/domain"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func mustPartner(t *testing.T, st *store.Store, by int64, name string) *domain.Partner {
	t.Helper()
	p, err := st.CreatePartner(ctx, by, name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPartners(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	lab := mustPartner(t, st, by, "  Outcomes Lab ")
	if lab.ID == 0 || lab.Name != "Outcomes Lab" {
		t.Fatalf("created %+v", lab)
	}
	_, err := st.CreatePartner(ctx, by, "outcomes LAB")
	wantCode(t, err, domain.CodeDuplicate, "name")
	_, err = st.CreatePartner(ctx, by, "  ")
	wantCode(t, err, domain.CodeInvalidInput, "name")

	// A key joins a partner by ID only; a new partner's name that a partner
	// has already is refused, so no key inherits another's consents by name.
	k, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerID: &lab.ID, Scopes: []domain.Scope{domain.ScopeMembersRead}},
		SecretHash: []byte("h1"), SecretPrefix: "h1h1h1h1"})
	if err != nil || k.PartnerID != lab.ID || k.PartnerName != "Outcomes Lab" {
		t.Fatalf("a key of the partner: %+v, %v", k, err)
	}
	_, err = st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerName: ptr("OUTCOMES lab"), Scopes: []domain.Scope{domain.ScopeMembersRead}},
		SecretHash: []byte("h2"), SecretPrefix: "h2h2h2h2"})
	wantCode(t, err, domain.CodeDuplicate, "partnerName")
	_, err = st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerID: ptr(lab.ID + 100), Scopes: []domain.Scope{domain.ScopeMembersRead}},
		SecretHash: []byte("h3"), SecretPrefix: "h3h3h3h3"})
	wantCode(t, err, domain.CodeNotFound, "partnerId")

	keys, err := st.APIKeyPagesByPartnerID(ctx, []int64{lab.ID}, store.PageRequest{Limit: 20})
	if got := keys[lab.ID].Items; err != nil || len(got) != 1 || got[0].ID != k.ID || got[0].PartnerName != "Outcomes Lab" {
		t.Fatalf("the partner's keys: %v, %v", keys, err)
	}
	mustPartner(t, st, by, "Alpha Referrals")
	page, err := st.ListPartners(ctx, store.PageRequest{Limit: 1})
	if err != nil || len(page.Items) != 1 || page.Items[0].Name != "Alpha Referrals" || !page.HasNextPage {
		t.Fatalf("first page %+v, %v", page, err)
	}
	next, err := st.ListPartners(ctx, store.PageRequest{Limit: 1, After: &page.Cursors[0]})
	if err != nil || len(next.Items) != 1 || next.Items[0].ID != lab.ID || next.HasNextPage {
		t.Fatalf("second page %+v, %v", next, err)
	}
}

// TestPartnerMigration applies the migrations before partners became
// records, writes keys and consents naming partners by free text (in
// varying case and spacing), applies the partner migration and checks that
// each name became one partner, every key and consent names it by ID, and
// the consents are otherwise as they were.
func TestPartnerMigration(t *testing.T) {
	db := openRaw(t)
	files, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	run := func(file string) {
		t.Helper()
		body, err := fs.ReadFile(migrations.FS, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	for _, f := range files {
		if f >= "0005" {
			break
		}
		run(f)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO members (first_name, last_name) VALUES ('Ana', 'Ruiz'), ('Ben', 'Cole')`)
	for i, name := range []string{"Recovery Outcomes Lab", "recovery outcomes lab ", "Sober Living Finder"} {
		exec(`INSERT INTO api_keys (partner_name, scopes, secret_hash, secret_prefix) VALUES (?, '{members:read}', ?, 'abcdefgh')`,
			name, []byte(fmt.Sprint("hash", i)))
	}
	consent := `INSERT INTO consents (member_id, partner_name, purpose, information_kinds, expires_on_event, signature_name, signed_at)
		VALUES ((SELECT id FROM members WHERE first_name = ?), ?, 'Research', '{CARE_LEVEL}', 'END_OF_TREATMENT', 'Signed', now())`
	exec(consent, "Ana", "RECOVERY OUTCOMES LAB")
	exec(consent, "Ben", "EHR Partner")
	exec(`UPDATE consents SET revoked_at = now(), revocation_reason = 'Withdrawn' WHERE partner_name = 'EHR Partner'`)

	run(files[4]) // 0005

	var partners []string
	if err := db.NewSelect().Table("partners").Column("name").Order("name").Scan(ctx, &partners); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(partners) != "[EHR Partner Recovery Outcomes Lab Sober Living Finder]" {
		t.Fatalf("partners after the migration: %v", partners)
	}
	var rows []struct {
		Kind, Name string
		Revoked    bool
	}
	err = db.NewRaw(`SELECT 'key' AS kind, p.name, false AS revoked FROM api_keys k JOIN partners p ON p.id = k.partner_id
		UNION ALL SELECT 'consent', p.name, c.revoked_at IS NOT NULL FROM consents c JOIN partners p ON p.id = c.partner_id
		ORDER BY 1, 2`).Scan(ctx, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rows) != "[{consent EHR Partner true} {consent Recovery Outcomes Lab false} {key Recovery Outcomes Lab false} {key Recovery Outcomes Lab false} {key Sober Living Finder false}]" {
		t.Fatalf("recipients after the migration: %v", rows)
	}
	// Still append-only, and a consent names exactly one recipient.
	if _, err := db.ExecContext(ctx, `UPDATE consents SET purpose = 'Other'`); err == nil {
		t.Error("a consent was edited after the migration")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO consents (member_id, purpose, information_kinds, expires_on_event, signature_name, signed_at)
		VALUES ((SELECT min(id) FROM members), 'X', '{IDENTITY}', 'END_OF_TREATMENT', 'S', now())`); err == nil {
		t.Error("a consent without a recipient was written")
	}
}

// openRaw opens a fresh, empty database without migrating it.
func openRaw(t *testing.T) *bun.DB {
	t.Helper()
	db, err := store.Open(ctx, testdb.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
