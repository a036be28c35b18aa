-- Page 2 floor: one member's journey page (MemberJourney with $clinical
-- true, then TimelineAttendance) as one statement: the care-level
-- catalogue, the member's summary, episodes (superseded left out),
-- residencies, milestones reached, the 30 newest notes, the current level,
-- house, peer and active plan, and attendance per week from :'from' to the
-- end of today. The harness puts the member's id and :'from' in place.
-- Dates are the provider's (UTC); milestone dates follow Go's AddDate,
-- which carries an overflowing day into the next month (Aug 31 + 6 months
-- is Mar 3, not Feb 28).
WITH m AS (SELECT * FROM members WHERE id = :'member_id'),
today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
steps AS (
  SELECT * FROM (VALUES (0, 'HOURS_24', '24 hours', 0, 0, 1), (1, 'DAYS_30', '30 days', 0, 0, 30),
    (2, 'DAYS_60', '60 days', 0, 0, 60), (3, 'DAYS_90', '90 days', 0, 0, 90),
    (4, 'MONTHS_6', '6 months', 0, 6, 0), (5, 'MONTHS_9', '9 months', 0, 9, 0)) s(n, key, label, y, mo, d)
  UNION ALL
  SELECT 5 + y, 'YEARS_' || y, CASE WHEN y = 1 THEN '1 year' ELSE y || ' years' END, y, 0, 0
    FROM generate_series(1, 120) y),
milestones AS (
  SELECT s.n, s.key, s.label,
    (make_date(extract(year FROM m.recovery_start_date)::int + s.y + (extract(month FROM m.recovery_start_date)::int - 1 + s.mo) / 12,
               (extract(month FROM m.recovery_start_date)::int - 1 + s.mo) % 12 + 1, 1)
      + (extract(day FROM m.recovery_start_date)::int - 1 + s.d))::date AS date
    FROM m, steps s WHERE m.recovery_start_date IS NOT NULL),
period AS (SELECT CAST(:'from' AS timestamptz) AS start, ((SELECT d FROM today) + 1)::timestamp AT TIME ZONE 'UTC' AS stop)
SELECT json_build_object(
  'careLevels', (SELECT json_agg(json_build_object('code', code, 'name', name, 'shortName', short_name, 'intensity', intensity)
                   ORDER BY intensity DESC, position) FROM care_levels),
  'member', (SELECT json_build_object(
    'id', m.id,
    'displayName', coalesce(nullif(m.preferred_name, ''), m.first_name) || ' ' || m.last_name,
    'status', m.status,
    'daysInRecovery', greatest((SELECT d FROM today) - m.recovery_start_date, 0),
    'currentCareLevel', (SELECT json_build_object('code', cl.code, 'name', cl.name)
       FROM care_episodes e JOIN care_levels cl ON cl.code = e.care_level_code
      WHERE e.member_id = m.id AND e.ended_at IS NULL AND e.superseded_at IS NULL),
    'currentResidency', (SELECT json_build_object('id', r.id, 'bed', r.bed, 'house', json_build_object('id', h.id, 'name', h.name))
       FROM residencies r JOIN houses h ON h.id = r.house_id WHERE r.member_id = m.id AND r.move_out_at IS NULL),
    'currentPeer', (SELECT json_build_object('id', p.id, 'name', p.name)
       FROM peer_assignments a JOIN peers p ON p.id = a.peer_id WHERE a.member_id = m.id AND a.ended_at IS NULL),
    'activeAftercarePlan', (SELECT json_build_object('id', pl.id) FROM aftercare_plans pl
      WHERE pl.member_id = m.id AND pl.status = 'ACTIVE' ORDER BY pl.created_at DESC, pl.id DESC LIMIT 1),
    -- How each episode began: after none, an admission; after a discharge,
    -- a readmission; otherwise the two intensities decide.
    'careEpisodes', (SELECT json_agg(json_build_object('id', e.id, 'code', e.care_level_code, 'name', cl.name,
        'startedAt', e.started_at, 'endedAt', e.ended_at, 'reason', e.reason, 'dischargeReason', e.discharge_reason,
        'transition', CASE WHEN e.prev_code IS NULL THEN 'ADMISSION' WHEN e.prev_discharged THEN 'READMISSION'
                           WHEN cl.intensity < pl.intensity THEN 'STEP_DOWN' WHEN cl.intensity > pl.intensity THEN 'STEP_UP'
                           ELSE 'LATERAL' END)
        ORDER BY e.started_at, e.id)
       FROM (SELECT e.*, lag(e.care_level_code) OVER w AS prev_code, lag(e.discharge_reason IS NOT NULL) OVER w AS prev_discharged
               FROM care_episodes e WHERE e.member_id = m.id AND e.superseded_at IS NULL
             WINDOW w AS (ORDER BY e.started_at, e.id)) e
       JOIN care_levels cl ON cl.code = e.care_level_code
       LEFT JOIN care_levels pl ON pl.code = e.prev_code),
    'residencies', (SELECT json_agg(json_build_object('id', r.id, 'house', json_build_object('id', h.id, 'name', h.name),
        'moveInAt', r.move_in_at, 'moveOutAt', r.move_out_at) ORDER BY r.move_in_at, r.id)
       FROM residencies r JOIN houses h ON h.id = r.house_id WHERE r.member_id = m.id),
    'milestones', CASE WHEN m.recovery_start_date IS NOT NULL THEN json_build_object('reached',
       coalesce((SELECT json_agg(json_build_object('key', key, 'label', label, 'reachedOn', date) ORDER BY n)
          FROM milestones WHERE date <= (SELECT d FROM today)), '[]')) END,
    'updates', (SELECT coalesce(json_agg(json_build_object('id', u.id, 'kind', u.kind, 'body', u.body, 'occurredAt', u.occurred_at)
        ORDER BY u.occurred_at DESC, u.id DESC), '[]')
       FROM (SELECT * FROM updates WHERE member_id = m.id AND kind = 'NOTE' ORDER BY occurred_at DESC, id DESC LIMIT 30) u),
    'attendanceWeeks', (SELECT json_agg(json_build_object('weekStartsOn', w.week::date, 'attended', coalesce(c.n, 0)) ORDER BY w.week)
       FROM period,
            generate_series(date_trunc('week', period.start AT TIME ZONE 'UTC'),
                            date_trunc('week', (period.stop - interval '1 microsecond') AT TIME ZONE 'UTC'), interval '7 days') w(week)
       -- The bounds written out, not read from period: hidden in a CTE they
       -- let the planner scan every meeting of the period.
       LEFT JOIN (SELECT date_trunc('week', mt.starts_at AT TIME ZONE 'UTC') AS week, count(*) AS n
                    FROM attendance_records a JOIN meetings mt ON mt.id = a.meeting_id
                   WHERE a.member_id = :'member_id' AND a.status IN ('PRESENT', 'LATE')
                     AND mt.starts_at >= CAST(:'from' AS timestamptz)
                     AND mt.starts_at < ((now() AT TIME ZONE 'UTC')::date + 1)::timestamp AT TIME ZONE 'UTC'
                   GROUP BY 1) c ON c.week = w.week)
  ) FROM m));
