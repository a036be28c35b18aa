package e2e

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/audit"
	"carejourney/server/domain"
)

// refusedAsServing runs each statement as the server's own database role,
// each in a transaction rolled back whatever happens, and reports those not
// refused with insufficient_privilege (42501).
func refusedAsServing(t *testing.T, db *bun.DB, stmts []string) {
	t.Helper()
	ctx := context.Background()
	for _, stmt := range stmts {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = tx.ExecContext(ctx, stmt)
		_ = tx.Rollback()
		var pgErr pgdriver.Error
		if !errors.As(err, &pgErr) || pgErr.Field('C') != "42501" {
			t.Errorf("the serving role ran %s: %v (want insufficient_privilege)", stmt, err)
		}
	}
}

// servingRoleRefusals lists, from the catalog, a statement per table,
// trigger and constraint of the schema that would change the rules, and
// the writes of the audit log that are not appends: whatever a migration
// adds later is covered.
func servingRoleRefusals(t *testing.T, db *bun.DB) []string {
	t.Helper()
	ctx := context.Background()
	var stmts []string
	var tables []string
	if err := db.NewRaw(`SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`).Scan(ctx, &tables); err != nil {
		t.Fatal(err)
	}
	for _, tbl := range tables {
		stmts = append(stmts, "DROP TABLE "+tbl+" CASCADE", "ALTER TABLE "+tbl+" ADD COLUMN serving_test int",
			"ALTER TABLE "+tbl+" DISABLE TRIGGER ALL", "TRUNCATE "+tbl+" CASCADE")
	}
	var triggers []struct {
		Name  string `bun:"name"`
		Table string `bun:"tbl"`
	}
	if err := db.NewRaw(`SELECT quote_ident(t.tgname) AS name, quote_ident(c.relname) AS tbl FROM pg_trigger t
		JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`).Scan(ctx, &triggers); err != nil {
		t.Fatal(err)
	}
	for _, tr := range triggers {
		stmts = append(stmts, "DROP TRIGGER "+tr.Name+" ON "+tr.Table)
	}
	var constraints []struct {
		Name  string `bun:"name"`
		Table string `bun:"tbl"`
	}
	if err := db.NewRaw(`SELECT quote_ident(k.conname) AS name, quote_ident(c.relname) AS tbl FROM pg_constraint k
		JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' ORDER BY 1`).Scan(ctx, &constraints); err != nil {
		t.Fatal(err)
	}
	for _, k := range constraints {
		stmts = append(stmts, "ALTER TABLE "+k.Table+" DROP CONSTRAINT "+k.Name+" CASCADE")
	}
	var functions []string
	if err := db.NewRaw(`SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype ORDER BY 1`).Scan(ctx, &functions); err != nil {
		t.Fatal(err)
	}
	for _, f := range functions {
		stmts = append(stmts, "CREATE OR REPLACE FUNCTION "+strings.TrimSuffix(f, "()")+
			"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$", "DROP FUNCTION "+f+" CASCADE")
	}
	stmts = append(stmts,
		"UPDATE audit_events SET field = 'rewritten'",
		"DELETE FROM audit_events",
		"TRUNCATE audit_events",
		"UPDATE bun_migrations SET name = name",
		"CREATE TABLE serving_test (id int)",
	)
	if len(triggers) < 5 || len(constraints) < 20 {
		t.Fatalf("only %d triggers and %d constraints in the catalog: the listing is broken", len(triggers), len(constraints))
	}
	t.Logf("%d tables, %d triggers, %d constraints, %d trigger functions: %d statements refused",
		len(tables), len(triggers), len(constraints), len(functions), len(stmts))
	return stmts
}

// servingRoleWorks runs real requests: sign-in, a write, a read, the audit
// log's own query; it returns the admin it signed in.
func servingRoleWorks(t *testing.T, s *server) *client {
	t.Helper()
	var user string
	if err := s.Store.DB().NewRaw("SELECT current_user").Scan(context.Background(), &user); err != nil {
		t.Fatal(err)
	}
	c := s.signedIn(t, domain.RoleAdmin)
	r := c.do(`mutation { createMember(input: {firstName: "Serving", lastName: "Role"}) { member { id } userErrors { code } } }`, nil)
	r.noErrors(t)
	id := r.str(t, "createMember.member.id")
	read := c.do(`query($id: ID!) { member(id: $id) { displayName } auditEvents(first: 5) { totalCount } }`, vars{"id": id})
	read.noErrors(t)
	if got := read.str(t, "member.displayName"); got == "" {
		t.Errorf("member read as %s: %q", user, got)
	}
	if events := auditOf(t, s, read); len(events) == 0 || events[0].Action != audit.ActionRead {
		t.Errorf("read as %s left %v", user, auditSummary(events))
	}
	t.Logf("the server ran as %s", user)
	return c
}

// TestServingRoleCannotAlterTheRules: the e2e server's role (a serving role
// of its own test database) reads and writes rows, and is refused every
// change to the tables, triggers, constraints and the audit log's rows.
func TestServingRoleCannotAlterTheRules(t *testing.T) {
	s := startServer(t, nil)
	servingRoleWorks(t, s)
	refusedAsServing(t, s.Store.DB(), servingRoleRefusals(t, s.Store.DB()))
	// Appends and reads of the audit log are the server's.
	ctx := context.Background()
	if _, err := s.Store.DB().ExecContext(ctx, `INSERT INTO audit_events (occurred_at, actor_kind, action) VALUES (now(), 'SYSTEM', 'READ')`); err != nil {
		t.Errorf("the serving role cannot append to the audit log: %v", err)
	}
}

// TestEmbeddedDefaultRolesAndQuietLog starts the program as `make run`
// does without DATABASE_URL: a private cluster whose owner migrates and a
// serving role that serves. Constraint violations of the serving role carry
// personal values that must not reach PostgreSQL's server log (bun inlines
// values into the statement, and a DETAIL names the key or the row).
func TestEmbeddedDefaultRolesAndQuietLog(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	base, err := os.MkdirTemp("", "e2e-embedded-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	// PostgreSQL runs as another user when the tests run as root.
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, map[string]string{"DATABASE_URL": "", "DATA_DIR": base})
	db := s.Store.DB()
	ctx := context.Background()
	var user string
	if err := db.NewRaw("SELECT current_user").Scan(ctx, &user); err != nil || user != "carejourney_app" {
		t.Fatalf("the embedded default serves as %q (%v), want carejourney_app", user, err)
	}
	admin := servingRoleWorks(t, s)
	refusedAsServing(t, db, servingRoleRefusals(t, db))

	// The violations the store translates into domain errors, with values
	// found nowhere else: unique keys, and checks (whose DETAIL is the row).
	const (
		email   = "quillan.piisecret@example.test"
		name    = "Quillan Piisecretname"
		contact = "marisol.piisecret@example.test"
	)
	var memberID int64
	if err := db.NewRaw(`INSERT INTO members (first_name, last_name) VALUES ('Orsolya', 'Piisecretmember') RETURNING id`).Scan(ctx, &memberID); err != nil {
		t.Fatal(err)
	}
	type row = map[string]any
	user1 := row{"email": email, "name": name, "role": "CLINICIAN", "password_hash": "x"}
	contact1 := row{"member_id": memberID, "name": "Marisol Piisecretcontact", "relationship": "sister", "email": contact}
	inserts := []struct {
		table string
		row   row
		fails string // the constraint it must hit, "" when it must succeed
	}{
		{"users", user1, ""},
		{"users", user1, "users_email_key"},
		{"users", row{"email": "Quillan.PIIsecret@Example.test", "name": name, "role": "CLINICIAN", "password_hash": "x"}, "users_email_check"},
		{"members", row{"first_name": "Orsolya", "last_name": "Piisecretmember", "status": "PIISECRETSTATUS"}, "members_status_check"},
		{"family_contacts", contact1, ""},
		{"family_contacts", contact1, "family_contacts_member_email_key"},
	}
	for _, in := range inserts {
		_, err := db.NewInsert().Model(&in.row).TableExpr(in.table).Exec(ctx)
		var pgErr pgdriver.Error
		switch {
		case in.fails == "" && err != nil:
			t.Fatalf("insert into %s: %v", in.table, err)
		case in.fails != "" && (!errors.As(err, &pgErr) || pgErr.Field('n') != in.fails):
			t.Fatalf("insert into %s: %v, want a violation of %s", in.table, err, in.fails)
		}
	}
	// A GraphQL mutation that hits a unique key too.
	r := admin.do(`mutation($in: CreateUserInput!) { createUser(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"email": email, "name": name, "role": "CLINICIAN", "password": "correct horse battery"}})
	r.noErrors(t)
	if codes := r.list(t, "createUser.userErrors"); len(codes) != 1 {
		t.Errorf("createUser with a taken email: %v", codes)
	}
	logPath := filepath.Join(base, "postgres", "server.log")
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	if !strings.Contains(log, "users_email_key") || !strings.Contains(log, "members_status_check") {
		t.Fatalf("the violations are not in the server log at all, so its absence of values proves nothing:\n%s", log)
	}
	for _, secret := range []string{"piisecret", "PIIsecret", "Piisecret", "PIISECRET", "Quillan", "Orsolya", "Marisol"} {
		if strings.Contains(log, secret) {
			t.Errorf("PostgreSQL's log holds %q:\n%s", secret, excerpt(log, secret))
		}
	}
}

func excerpt(s, needle string) string {
	i := strings.Index(s, needle)
	return s[max(0, i-300):min(len(s), i+300)]
}
