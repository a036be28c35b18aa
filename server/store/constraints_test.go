package store_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// The journey invariants are database constraints too, so that a bug in
// the Go code, a script or a console session cannot break them. These
// tests go around the store with raw SQL.
func TestDatabaseGuarantees(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Raw", "Sql")
	other := newMember(t, st, by, "Other", "Member") // the newest member: max(id)
	// Journey: PHP [-30d, -20d), IOP [-20d, open).
	php := mustAdmit(t, st, by, m.ID, "PHP", days(-30))
	iop := mustChange(t, st, by, m.ID, "IOP", days(-20))
	if _, err := st.ResetRecoveryStartDate(ctx, by, m.ID, days(-40), "first date"); err != nil {
		t.Fatal(err)
	}

	count := func(t *testing.T) int {
		t.Helper()
		n, err := db.NewSelect().Table("care_episodes").Where("member_id = ?", m.ID).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	// refused runs one statement and checks the SQLSTATE and (when given)
	// the constraint PostgreSQL names, and that nothing changed.
	refused := func(t *testing.T, wantState, wantConstraint, query string, args ...any) {
		t.Helper()
		before := count(t)
		_, err := db.ExecContext(ctx, query, args...)
		pgErr := pgError(t, err)
		if got := pgErr.Field('C'); got != wantState {
			t.Fatalf("SQLSTATE = %s (%v), want %s", got, err, wantState)
		}
		if wantConstraint != "" && pgErr.Field('n') != wantConstraint {
			t.Fatalf("constraint = %q (%v), want %q", pgErr.Field('n'), err, wantConstraint)
		}
		if after := count(t); after != before {
			t.Fatalf("episodes %d -> %d", before, after)
		}
	}
	// inRollback runs fn in a transaction that is always rolled back, for
	// statements that are allowed but must not change the fixture.
	inRollback := func(t *testing.T, fn func(tx bun.Tx) error) {
		t.Helper()
		tx, err := db.BeginTx(ctx, &sql.TxOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback() //nolint:errcheck
		if err := fn(tx); err != nil {
			t.Fatal(err)
		}
	}
	const insert = `INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at) VALUES (?, ?, ?, ?)`

	t.Run("overlapping episode", func(t *testing.T) {
		refused(t, "23P01", "care_episodes_no_overlap", insert, m.ID, "DETOX", days(-25), days(-22))
	})
	t.Run("overlap by one microsecond", func(t *testing.T) {
		// Periods are half-open: ending one microsecond after the next
		// start overlaps, ending exactly at it does not (checked below).
		refused(t, "23P01", "care_episodes_no_overlap", insert, m.ID, "DETOX", days(-35), days(-30).Add(1000))
	})
	t.Run("adjacent episode is allowed", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, insert, m.ID, "DETOX", days(-35), days(-30))
			return err
		})
	})
	t.Run("another member may overlap", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, insert, other.ID, "DETOX", days(-25), nil)
			return err
		})
	})
	t.Run("second open episode", func(t *testing.T) {
		// Two open periods [a, ∞) always overlap, so the exclusion
		// constraint (created with the table, before the unique index)
		// reports it; either constraint is a refusal the store translates.
		before := count(t)
		_, err := db.ExecContext(ctx, insert, m.ID, "OUTPATIENT", days(-5), nil)
		pgErr := pgError(t, err)
		name := pgErr.Field('n')
		if name != "care_episodes_no_overlap" && name != "care_episodes_one_open_idx" {
			t.Fatalf("constraint = %q (%v)", name, err)
		}
		t.Logf("second open episode refused by %s (%s)", name, pgErr.Field('C'))
		if count(t) != before {
			t.Fatal("row written")
		}
	})
	t.Run("end before start", func(t *testing.T) {
		refused(t, "23514", "care_episodes_ends_after_start", insert, m.ID, "DETOX", days(-50), days(-50))
	})
	t.Run("discharge reason on an open episode", func(t *testing.T) {
		refused(t, "23514", "care_episodes_discharge_closes",
			`INSERT INTO care_episodes (member_id, care_level_code, started_at, discharge_reason) VALUES (?, 'DETOX', ?, 'x')`,
			m.ID, days(-60))
	})
	t.Run("unknown care level", func(t *testing.T) {
		refused(t, "23503", "", insert, m.ID, "SPA", days(-60), days(-55))
	})
	t.Run("superseded episode may overlap current ones", func(t *testing.T) {
		before := count(t)
		var id int64
		err := db.NewRaw(`INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, superseded_at, supersede_reason)
			VALUES (?, 'DETOX', ?, ?, now(), 'history') RETURNING id`, m.ID, days(-25), days(-15)).Scan(ctx, &id)
		if err != nil {
			t.Fatalf("superseded overlapping episode refused: %v", err)
		}
		// Even an open superseded one: it is history, not current care.
		err = db.NewRaw(`INSERT INTO care_episodes (member_id, care_level_code, started_at, superseded_at, supersede_reason)
			VALUES (?, 'OUTPATIENT', ?, now(), 'history') RETURNING id`, m.ID, days(-10)).Scan(ctx, &id)
		if err != nil {
			t.Fatalf("superseded open episode refused: %v", err)
		}
		if count(t) != before+2 {
			t.Fatal("rows not written")
		}
		checkNoOverlap(t, st)
	})
	t.Run("supersession needs a reason", func(t *testing.T) {
		refused(t, "23514", "care_episodes_supersession_complete",
			`INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, superseded_at)
			VALUES (?, 'DETOX', ?, ?, now())`, m.ID, days(-60), days(-55))
	})
	t.Run("an episode is superseded at most once", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, supersedes_episode_id, superseded_at, supersede_reason)
				VALUES (?, 'DETOX', ?, ?, ?, now(), 'a')`, m.ID, days(-70), days(-65), php.ID)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, supersedes_episode_id, superseded_at, supersede_reason)
				VALUES (?, 'DETOX', ?, ?, ?, now(), 'b')`, m.ID, days(-70), days(-65), php.ID)
			if pgErr := pgError(t, err); pgErr.Field('n') != "care_episodes_supersedes_episode_id_key" {
				t.Errorf("constraint = %q", pgErr.Field('n'))
			}
			return nil
		})
	})

	// The append-only trigger.
	for _, tt := range []struct{ name, query string }{
		{"delete", `DELETE FROM care_episodes WHERE id = ?`},
		{"update started_at", `UPDATE care_episodes SET started_at = started_at - interval '1 day' WHERE id = ?`},
		{"update care level", `UPDATE care_episodes SET care_level_code = 'DETOX' WHERE id = ?`},
		{"move to another member", `UPDATE care_episodes SET member_id = (SELECT max(id) FROM members) WHERE id = ?`},
		{"update reason", `UPDATE care_episodes SET reason = 'rewritten' WHERE id = ?`},
		{"update recorded_at", `UPDATE care_episodes SET recorded_at = now() - interval '1 year' WHERE id = ?`},
		{"move a closed end", `UPDATE care_episodes SET ended_at = ended_at - interval '1 hour' WHERE id = ?`},
		{"reopen a closed episode", `UPDATE care_episodes SET ended_at = NULL WHERE id = ?`},
		{"point at another original", `UPDATE care_episodes SET supersedes_episode_id = id WHERE id = ?`},
	} {
		t.Run("trigger: "+tt.name, func(t *testing.T) {
			refused(t, "23001", "", tt.query, php.ID)
		})
	}
	t.Run("trigger: delete every episode", func(t *testing.T) {
		refused(t, "23001", "", `DELETE FROM care_episodes`)
	})
	t.Run("trigger: closing the open episode is allowed", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			res, err := tx.ExecContext(ctx, `UPDATE care_episodes SET ended_at = ?, discharge_reason = 'left' WHERE id = ?`, days(-1), iop.ID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				t.Errorf("%d rows closed", n)
			}
			return nil
		})
	})
	t.Run("trigger: superseding once is allowed, changing it is not", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE care_episodes SET superseded_at = now(), supersede_reason = 'typo', superseded_by_user_id = ? WHERE id = ?`, by, php.ID); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE care_episodes SET supersede_reason = 'another' WHERE id = ?`, php.ID)
			if pgErr := pgError(t, err); pgErr.Field('C') != "23001" {
				t.Errorf("SQLSTATE = %s", pgErr.Field('C'))
			}
			return nil
		})
	})
	t.Run("trigger: discharge reason of a discharged episode is fixed", func(t *testing.T) {
		inRollback(t, func(tx bun.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE care_episodes SET ended_at = ?, discharge_reason = 'left' WHERE id = ?`, days(-1), iop.ID); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE care_episodes SET discharge_reason = 'rewritten' WHERE id = ?`, iop.ID)
			if pgErr := pgError(t, err); pgErr.Field('C') != "23001" {
				t.Errorf("SQLSTATE = %s", pgErr.Field('C'))
			}
			return nil
		})
	})

	// Who recorded an episode, and whether a closed level change was a
	// discharge, are history too: rewriting either would rewrite the audit
	// trail, or the READMISSION the next episode derives from it.
	t.Run("trigger: audit fields of a written episode", func(t *testing.T) {
		refused(t, "23001", "", `UPDATE care_episodes SET recorded_by_user_id = NULL WHERE id = ?`, php.ID)
		refused(t, "23001", "", `UPDATE care_episodes SET discharge_reason = 'late discharge' WHERE id = ?`, php.ID)
	})

	t.Run("recovery start dates are append-only", func(t *testing.T) {
		histCount := func() int {
			n, err := db.NewSelect().Table("recovery_start_dates").Where("member_id = ?", m.ID).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return int(n)
		}
		before := histCount()
		if before == 0 {
			t.Fatal("no history to protect")
		}
		for _, q := range []string{
			`UPDATE recovery_start_dates SET start_date = start_date + 1 WHERE member_id = ?`,
			`UPDATE recovery_start_dates SET reason = 'rewritten' WHERE member_id = ?`,
			`DELETE FROM recovery_start_dates WHERE member_id = ?`,
		} {
			_, err := db.ExecContext(ctx, q, m.ID)
			if pgErr := pgError(t, err); pgErr.Field('C') != "23001" {
				t.Errorf("%s: SQLSTATE = %s", q, pgErr.Field('C'))
			}
		}
		if histCount() != before {
			t.Error("history changed")
		}
	})

	// Nothing the refused statements tried is visible afterwards.
	eps := episodes(t, st, m.ID)
	if eps[0].ID != php.ID || !eps[0].StartedAt.Equal(days(-30)) || eps[0].CareLevelCode != "PHP" {
		t.Errorf("PHP episode changed: %+v", eps[0])
	}
	if n := len(openEpisodes(eps)); n != 1 {
		t.Errorf("%d open episodes", n)
	}
}

// The store turns the constraint violations a caller can act on into domain
// errors (translate), e.g. a duplicate email.
func TestDuplicateEmail(t *testing.T) {
	st := newStore(t)
	u := newUser(t, st)
	_, err := st.CreateUser(ctx, store.NewUser{Email: u.Email, Name: "Twin", Role: domain.RoleClinician, Password: "a long test password"}, cheapPasswords)
	wantCode(t, err, domain.CodeDuplicate, "email")
	n, err := st.CountUsers(ctx)
	if err != nil || n != 1 {
		t.Fatalf("CountUsers = %d, %v", n, err)
	}
	got, err := st.UserByEmail(ctx, u.Email)
	if err != nil || got == nil || got.ID != u.ID || got.Role != domain.RoleCaseManager {
		t.Fatalf("UserByEmail = %+v, %v", got, err)
	}
	if got, err := st.UserByEmail(ctx, "nobody@example.org"); got != nil || err != nil {
		t.Fatalf("UserByEmail(unknown) = %+v, %v", got, err)
	}
	byID, err := st.UsersByID(ctx, []int64{u.ID, u.ID + 99})
	if err != nil || len(byID) != 1 || byID[u.ID].Email != u.Email {
		t.Fatalf("UsersByID = %v, %v", byID, err)
	}
	// An address that was not normalised never reaches the table
	// (CHECK email = lower(email)), which keeps the unique index honest:
	// written past CreateUser, which normalises it.
	_, err = st.DB().NewInsert().Model(&domain.User{Email: "Upper@Example.org", Name: "U", Role: domain.RoleAdmin, PasswordHash: "x", Active: true}).
		ExcludeColumn("id", "created_at").Exec(context.Background())
	if err == nil {
		t.Fatal("upper-case email stored")
	}
	if n, _ := st.CountUsers(ctx); n != 1 {
		t.Fatalf("%d users after a refused insert", n)
	}
}
