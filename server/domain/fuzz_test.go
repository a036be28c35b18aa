package domain_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"carejourney/server/domain"
)

// FuzzInputRules feeds the validators of the inputs people type (a
// member's names and dates, a house, a group's weekly schedule) anything:
// each answers with a clean value or a domain error pointing at a field,
// never a panic, and what it accepts keeps the rules it promises.
func FuzzInputRules(f *testing.F) {
	f.Add("Rosa", "Vega", "", -12000, -100, "Hope House", "1 Main St", "555-0100", 8, 1, "19:00", 60)
	f.Add("  ", "\u00e9", "Ro", 1, 2, "", "", "", 0, 7, "24:00", 721)
	f.Add(strings.Repeat("é", 101), "x", strings.Repeat(" ", 200), -50000, -60000, "\x00", "\xff\xfe", "+1", 201, 0, "9:5", 4)
	f.Add("a", "b", "c", 0, 0, "h", "a", "p", 1, 7, "23:59", 720)
	f.Fuzz(func(t *testing.T, first, last, preferred string, dobDays, recoveryDays int, houseName, address, phone string,
		capacity, day int, start string, minutes int) {
		today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
		fieldOf := func(err error, allowed ...string) {
			t.Helper()
			e := domain.AsError(err)
			if e == nil || e.Code == "" || e.Message == "" {
				t.Fatalf("%v is not a domain error with a code and a message", err)
			}
			if len(e.Field) > 0 && !strings.Contains(strings.Join(allowed, " "), e.Field[len(e.Field)-1]) {
				t.Fatalf("error %v points at %v, not one of %v", e, e.Field, allowed)
			}
		}
		clean := func(what, s string, max int) {
			t.Helper()
			if s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > max {
				t.Fatalf("%s accepted as %q", what, s)
			}
		}

		// A member.
		dob, recovery := today.AddDate(0, 0, dobDays%100000), today.AddDate(0, 0, recoveryDays%100000)
		var m domain.Member
		err := domain.MemberFields{FirstName: &first, LastName: &last, PreferredName: &preferred, DateOfBirth: &dob,
			RecoveryStartDate: &recovery}.Apply(&m, today)
		if err != nil {
			fieldOf(err, "firstName", "lastName", "preferredName", "bornOn", "recoveryStartedOn")
		} else {
			clean("first name", m.FirstName, 100)
			clean("last name", m.LastName, 100)
			if m.FirstName == "" || m.LastName == "" || (m.PreferredName != nil && (*m.PreferredName == "" || utf8.RuneCountInString(*m.PreferredName) > 100)) {
				t.Fatalf("member accepted as %+v", m)
			}
			if m.DateOfBirth.After(today) || m.DateOfBirth.Before(today.AddDate(-120, 0, 0)) ||
				m.RecoveryStartDate.After(today) || m.RecoveryStartDate.Before(*m.DateOfBirth) {
				t.Fatalf("dates accepted: born %v, recovery from %v", m.DateOfBirth, m.RecoveryStartDate)
			}
		}

		// A house.
		var h domain.House
		gender, narr := domain.GenderCoEd, domain.NarrII
		err = domain.HouseFields{Name: &houseName, Address: &address, Phone: &phone, Capacity: &capacity,
			GenderDesignation: &gender, NarrLevel: &narr}.Apply(&h)
		if err != nil {
			fieldOf(err, "name", "address", "phone", "capacity")
		} else {
			clean("house name", h.Name, 100)
			clean("address", h.Address, 300)
			if h.Name == "" || h.Capacity < domain.MinHouseCapacity || h.Capacity > domain.MaxHouseCapacity ||
				(h.Phone != nil && (*h.Phone == "" || utf8.RuneCountInString(*h.Phone) > 40)) {
				t.Fatalf("house accepted as %+v", h)
			}
		}

		// A weekly schedule: the slot, and the slot twice (always overlapping).
		slot := domain.ScheduleSlotInput{DayOfWeek: day, StartTime: start, DurationMinutes: minutes}
		slots, err := domain.ParseSchedule([]domain.ScheduleSlotInput{slot})
		if err != nil {
			fieldOf(err, "schedule", "dayOfWeek", "startTime", "durationMinutes")
			return
		}
		s := slots[0]
		if s.DayOfWeek < 1 || s.DayOfWeek > 7 || s.DurationMinutes < 5 || s.DurationMinutes > 720 {
			t.Fatalf("slot accepted as %+v", s)
		}
		if _, err := time.Parse("15:04", s.StartTime); err != nil {
			t.Fatalf("start %q accepted as %q", start, s.StartTime)
		}
		if _, err := domain.ParseSchedule([]domain.ScheduleSlotInput{slot, slot}); err == nil {
			t.Fatalf("the same slot twice was accepted: %+v", slot)
		}
	})
}
