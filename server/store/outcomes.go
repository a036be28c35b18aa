package store

import (
	"context"
	"fmt"
	"time"

	"carejourney/server/domain"
)

// Outcomes computes the aggregate outcomes of the calendar days of period
// (start included, end excluded)
// (in the provider's zone) and suppresses every cell under
// domain.MinCellPeople people; levels is the catalogue, in display order.
func (s *Store) Outcomes(ctx context.Context, period domain.DateRange, levels []domain.CareLevel) (*domain.Outcomes, error) {
	t, err := s.OutcomeTallies(ctx, period)
	if err != nil {
		return nil, err
	}
	o := domain.BuildOutcomes(period, t, levels)
	return &o, nil
}

// outcomesSQL aggregates a period in one statement. It returns narrow rows
// (metric, key, a, b, c, d) whose numbers each metric reads its own way;
// nothing in them identifies anyone, and no row per member leaves the
// database. The parameters (?0–?6, inlined as constants so the planner sees
// the period) are the instants [start, end), the first and last calendar days,
// the provider zone and the two cohort thresholds.
const outcomesSQL = `
WITH
-- Current (not superseded) episodes that began before the end, each with the
-- transition it began with, as domain.TransitionOf derives it: none before is
-- an admission, a discharge before a readmission, else the intensities decide.
episodes AS (
    SELECT e.member_id, e.care_level_code, e.started_at, e.ended_at,
           e.discharge_reason IS NOT NULL AS discharged,
           CASE
               WHEN lag(e.id) OVER w IS NULL THEN 'ADMISSION'
               WHEN lag(e.discharge_reason IS NOT NULL) OVER w THEN 'READMISSION'
               WHEN l.intensity < lag(l.intensity) OVER w THEN 'STEP_DOWN'
               WHEN l.intensity > lag(l.intensity) OVER w THEN 'STEP_UP'
               ELSE 'LATERAL'
           END AS transition
    FROM care_episodes AS e
    JOIN care_levels AS l ON l.code = e.care_level_code
    WHERE e.superseded_at IS NULL AND e.started_at < ?1
    WINDOW w AS (PARTITION BY e.member_id ORDER BY e.started_at, e.id)
),
-- Lengths of stay, in calendar days of the provider zone, of the episodes
-- that ended in the period.
stays AS (
    SELECT member_id, care_level_code,
           (ended_at AT TIME ZONE ?4)::date - (started_at AT TIME ZONE ?4)::date AS days
    FROM episodes
    WHERE ended_at >= ?0 AND ended_at < ?1
),
-- Attendance at meetings that started in the period, per member: every
-- record, the attended ones (PRESENT, LATE), and those at AFTERCARE groups.
attendance AS (
    SELECT a.member_id,
           count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE')) AS meetings,
           count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE') AND g.kind = 'AFTERCARE') AS aftercare_meetings
    FROM meetings AS m
    JOIN groups AS g ON g.id = m.group_id
    JOIN attendance_records AS a ON a.meeting_id = m.id
    WHERE m.starts_at >= ?0 AND m.starts_at < ?1
    GROUP BY a.member_id
),
-- The sobriety date of each member on the last day: of the dates that had
-- begun by then, the one recorded last (a later correction wins over a typo,
-- and a reset after the period does not reach back into it).
recovery AS (
    SELECT DISTINCT ON (member_id) member_id, start_date
    FROM recovery_start_dates
    WHERE start_date <= ?3::date
    ORDER BY member_id, recorded_at DESC, id DESC
),
-- Members active in the period: in care at some time in it, or with
-- attendance recorded at one of its meetings.
active AS (
    SELECT member_id FROM episodes WHERE ended_at IS NULL OR ended_at > ?0
    UNION
    SELECT member_id FROM attendance
),
recovery_cohorts AS (
    SELECT coalesce(?3::date - r.start_date >= ?5, false) AS long_recovery,
           coalesce(t.meetings, 0) AS meetings, coalesce(t.aftercare_meetings, 0) AS aftercare_meetings
    FROM active AS x
    LEFT JOIN recovery AS r ON r.member_id = x.member_id
    LEFT JOIN attendance AS t ON t.member_id = x.member_id
),
-- Check-ins of the period, per member.
check_ins_by_member AS (
    SELECT pl.member_id, count(*) AS check_ins, count(*) FILTER (WHERE c.abstinent) AS abstinent
    FROM check_ins AS c
    JOIN aftercare_plans AS pl ON pl.id = c.plan_id
    WHERE c.occurred_on BETWEEN ?2::date AND ?3::date
    GROUP BY pl.member_id
),
-- AFTERCARE groups each member belonged to at some time in the period.
aftercare_groups AS (
    SELECT gm.member_id, count(DISTINCT gm.group_id) AS groups
    FROM group_memberships AS gm
    JOIN groups AS g ON g.id = gm.group_id
    WHERE g.kind = 'AFTERCARE' AND gm.joined_at < ?1 AND (gm.left_at IS NULL OR gm.left_at > ?0)
    GROUP BY gm.member_id
),
check_in_cohorts AS (
    SELECT coalesce(ag.groups, 0) >= ?6 AS two_or_more, c.check_ins, c.abstinent
    FROM check_ins_by_member AS c
    LEFT JOIN aftercare_groups AS ag ON ag.member_id = c.member_id
)
-- level: members at a level at the end (a = members).
SELECT 'level' AS metric, care_level_code AS key, count(*) AS a, 0::bigint AS b, 0::bigint AS c, 0::bigint AS d
FROM episodes
WHERE ended_at IS NULL OR ended_at >= ?1
GROUP BY care_level_code
UNION ALL
-- transition: episodes that began in the period (a = episodes, b = people).
SELECT 'transition', transition, count(*), count(DISTINCT member_id), 0, 0
FROM episodes
WHERE started_at >= ?0
GROUP BY transition
UNION ALL
-- discharge: episodes that ended with a discharge in the period (a = discharges, b = people).
SELECT 'discharge', '', count(*), count(DISTINCT member_id), 0, 0
FROM episodes
WHERE discharged AND ended_at >= ?0 AND ended_at < ?1
UNION ALL
-- stay: the length-of-stay histogram of a level (a = days, b = episodes).
SELECT 'stay', care_level_code, days, count(*), 0, 0
FROM stays GROUP BY care_level_code, days
UNION ALL
-- stay_people: the members behind the histogram of a level (a = people).
SELECT 'stay_people', care_level_code, count(DISTINCT member_id), 0, 0, 0
FROM stays GROUP BY care_level_code
UNION ALL
-- aftercare: attended AFTERCARE meetings (a = attendances, b = people).
SELECT 'aftercare', '', coalesce(sum(aftercare_meetings), 0)::bigint, count(*) FILTER (WHERE aftercare_meetings > 0), 0, 0
FROM attendance
UNION ALL
-- check_ins: (a = check-ins, b = abstinent ones, c = people, d = people abstinent at each).
SELECT 'check_ins', '', coalesce(sum(check_ins), 0)::bigint, coalesce(sum(abstinent), 0)::bigint,
       count(*), count(*) FILTER (WHERE abstinent = check_ins)
FROM check_ins_by_member
UNION ALL
-- recovery: active members by days in recovery (a = people, b = meetings, c = aftercare meetings).
SELECT 'recovery', CASE WHEN long_recovery THEN 'long' ELSE 'shorter' END,
       count(*), sum(meetings)::bigint, sum(aftercare_meetings)::bigint, 0
FROM recovery_cohorts GROUP BY long_recovery
UNION ALL
-- check_ins_by_groups: as check_ins, by AFTERCARE groups.
SELECT 'check_ins_by_groups', CASE WHEN two_or_more THEN 'two_or_more' ELSE 'fewer' END,
       sum(check_ins)::bigint, sum(abstinent)::bigint, count(*), count(*) FILTER (WHERE abstinent = check_ins)
FROM check_in_cohorts GROUP BY two_or_more
`

// outcomeRow is a row of outcomesSQL.
type outcomeRow struct {
	Metric string `bun:"metric"`
	Key    string `bun:"key"`
	A      int    `bun:"a"`
	B      int    `bun:"b"`
	C      int    `bun:"c"`
	D      int    `bun:"d"`
}

// OutcomeTallies computes the raw aggregates of the calendar days of period
// (start included, end excluded) in one statement, before suppression. Only
// Outcomes may leave the server.
func (s *Store) OutcomeTallies(ctx context.Context, period domain.DateRange) (domain.OutcomeTallies, error) {
	t := domain.OutcomeTallies{
		MembersByLevel: map[string]int{},
		Transitions:    map[domain.Transition]domain.Tally{},
		Stays:          map[string][]domain.StayBucket{},
		StayPeople:     map[string]int{},
	}
	start, end, err := domain.OutcomePeriod(period, s.Location)
	if err != nil {
		return t, err
	}
	var rows []outcomeRow
	err = s.db.NewRaw(outcomesSQL, start, end, period.StartOn.Format(time.DateOnly), period.LastDay().Format(time.DateOnly), s.Location.String(),
		domain.RecoveryCohortDays, domain.AftercareCohortGroups).Scan(ctx, &rows)
	if err != nil {
		return t, fmt.Errorf("store: outcomes: %w", err)
	}
	checkIns := func(r outcomeRow) domain.CheckInTally {
		return domain.CheckInTally{CheckIns: r.A, Abstinent: r.B, People: r.C, ContinuouslyAbstinent: r.D}
	}
	for _, r := range rows {
		switch r.Metric {
		case "level":
			t.MembersByLevel[r.Key] = r.A
		case "transition":
			t.Transitions[domain.Transition(r.Key)] = domain.Tally{Value: r.A, People: r.B}
		case "discharge":
			t.Discharges = domain.Tally{Value: r.A, People: r.B}
		case "stay":
			t.Stays[r.Key] = append(t.Stays[r.Key], domain.StayBucket{Days: r.A, Episodes: r.B})
		case "stay_people":
			t.StayPeople[r.Key] = r.A
		case "aftercare":
			t.AftercareMeetingsAttended = domain.Tally{Value: r.A, People: r.B}
		case "check_ins":
			t.CheckIns = checkIns(r)
		case "recovery":
			cohort := domain.AttendanceCohortTally{People: r.A, MeetingsAttended: r.B, AftercareMeetingsAttended: r.C}
			if r.Key == "long" {
				t.LongRecovery = cohort
			} else {
				t.ShorterRecovery = cohort
			}
		case "check_ins_by_groups":
			if r.Key == "two_or_more" {
				t.TwoOrMoreAftercareGroups = checkIns(r)
			} else {
				t.FewerAftercareGroups = checkIns(r)
			}
		}
	}
	return t, nil
}
