package store_test

import (
	"testing"
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
