package store_test

import (
	"strings"
	"testing"

	"carejourney/server/store"
)

// TestOptionalTextIsNull: absent optional text is stored as NULL, never as
// an empty string (migration 0008): a house created without an address
// keeps NULL and reads back as "", and an empty or blank address written
// straight in SQL is refused by the CHECK that names the column.
func TestOptionalTextIsNull(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	h := housesNew(t, st, "", 4)

	var isNull bool
	if err := db.NewRaw(`SELECT address IS NULL FROM houses WHERE id = ?`, h.ID).Scan(ctx, &isNull); err != nil {
		t.Fatal(err)
	}
	if !isNull {
		t.Error("a house created without an address stores something: want NULL")
	}
	got, err := st.HousesByID(ctx, []int64{h.ID})
	if err != nil || got[h.ID] == nil || got[h.ID].Address != "" {
		t.Fatalf("house read back: %+v, %v; want an empty address", got[h.ID], err)
	}

	for _, blank := range []string{"", "   "} {
		_, err := db.ExecContext(ctx, `UPDATE houses SET address = ? WHERE id = ?`, blank, h.ID)
		pgErr := pgError(t, err)
		if pgErr.Field('C') != "23514" || pgErr.Field('n') != "houses_address_not_blank" {
			t.Errorf("address %q: %v, want check_violation of houses_address_not_blank", blank, err)
		}
	}
}

// TestAbsentReasonsAreNull: an admission and a step with no reason keep
// NULL (migration 0009), and a correction's reason is kept as given.
func TestAbsentReasonsAreNull(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Ada", "Reason")
	admitted, err := st.AdmitMember(ctx, by, store.AdmitInput{MemberID: m.ID, CareLevelCode: "RESIDENTIAL", StartedAt: days(-10)})
	if err != nil {
		t.Fatal(err)
	}
	stepped, err := st.ChangeCareLevel(ctx, by, store.ChangeLevelInput{MemberID: m.ID, CareLevelCode: "IOP", EffectiveAt: days(-2), Reason: "  "})
	if err != nil {
		t.Fatal(err)
	}
	var nulls int
	if err := st.DB().NewRaw(`SELECT count(*) FROM care_episodes WHERE id IN (?, ?) AND reason IS NULL`,
		admitted.Episode.ID, stepped.Episode.ID).Scan(ctx, &nulls); err != nil {
		t.Fatal(err)
	}
	if nulls != 2 {
		t.Errorf("%d of the 2 episodes without a reason keep NULL", nulls)
	}
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO recovery_start_dates (member_id, start_date, reason) VALUES (?, ?, '')`,
		m.ID, days(-1)); pgError(t, err).Field('n') != "recovery_start_dates_reason_not_blank" {
		t.Errorf("a blank recovery-date reason: %v, want recovery_start_dates_reason_not_blank", err)
	}
}

// TestEveryOptionalTextRefusesBlanks reads the catalogue, so a text column
// added next month is covered: every nullable text column of the schema
// keeps "absent" as NULL by a CHECK that refuses a blank value (or lists
// the values it may hold), or is listed in blankAllowed with why not.
func TestEveryOptionalTextRefusesBlanks(t *testing.T) {
	st := newStore(t)
	var columns []string
	err := st.DB().NewRaw(`
		SELECT c.table_name || '.' || c.column_name
		FROM information_schema.columns c
		JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
		  AND c.data_type = 'text' AND c.is_nullable = 'YES'
		  AND c.is_generated = 'NEVER'
		  AND NOT EXISTS (
		    SELECT 1 FROM pg_constraint k
		    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
		    WHERE k.contype = 'c' AND k.conrelid = (quote_ident(c.table_name))::regclass
		      AND a.attname = c.column_name
		      AND pg_get_constraintdef(k.oid) ~ ('btrim\(\(?' || c.column_name || '\M|\m'
		                                         || c.column_name || ' = ANY \(ARRAY\['))
		ORDER BY 1`).Scan(ctx, &columns)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, col := range columns {
		found[col] = true
		if blankAllowed[col] == "" {
			t.Errorf("%s is optional text with no CHECK (btrim(%s) <> ''): absent text must be NULL, never ''",
				col, col[strings.IndexByte(col, '.')+1:])
		}
	}
	for col := range blankAllowed {
		if !found[col] {
			t.Errorf("%s is in blankAllowed but is no unchecked optional text column (any more): remove it", col)
		}
	}
}

// blankAllowed are the optional text columns without a not-blank CHECK,
// each with why: none today.
var blankAllowed = map[string]string{}
