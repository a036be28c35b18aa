-- Page 5 floor: what the Today page's queries return, in one statement:
-- members in care, the care-level catalogue with the count in care at each
-- level, the first 20 houses' occupancy, the meetings of [:'from', :'to')
-- (the first 50 by start, with the total), the 20 active plans due for
-- review soonest, and the digest: the first 1,000 members in care by name
-- with their recovery start date and how their open episode began. The
-- harness puts from and to in place; "today" is the provider's (UTC).
WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
open_episode AS (
  -- Each member's open episode with the one before it in the journey, which
  -- decides how it began.
  SELECT * FROM (
    SELECT e.member_id, e.care_level_code, e.started_at, e.ended_at,
      lag(e.care_level_code) OVER w AS prev_code, lag(e.discharge_reason IS NOT NULL) OVER w AS prev_discharged
      FROM care_episodes e WHERE e.superseded_at IS NULL
    WINDOW w AS (PARTITION BY e.member_id ORDER BY e.started_at, e.id)) x
   WHERE x.ended_at IS NULL),
meetings_week AS (
  SELECT mt.* FROM meetings mt
   WHERE mt.starts_at >= CAST(:'from' AS timestamptz) AND mt.starts_at < CAST(:'to' AS timestamptz))
SELECT json_build_object(
  'inCare', (SELECT count(*) FROM members WHERE status = 'ACTIVE'),
  'levels', (SELECT json_agg(json_build_object('code', cl.code, 'name', cl.name, 'shortName', cl.short_name,
       'count', (SELECT count(*) FROM members mb JOIN open_episode e ON e.member_id = mb.id
                  WHERE mb.status = 'ACTIVE' AND e.care_level_code = cl.code))
     ORDER BY cl.intensity DESC, cl.position) FROM care_levels cl),
  'houses', json_build_object(
     'totalCount', (SELECT count(*) FROM houses),
     'nodes', (SELECT json_agg(json_build_object('id', h.id, 'name', h.name, 'capacity', h.capacity,
         'occupied', h.occupied, 'available', greatest(h.capacity - h.occupied, 0)) ORDER BY h.sort_name, h.id)
       FROM (SELECT h.*, (SELECT count(*) FROM residencies r WHERE r.house_id = h.id AND r.move_out_at IS NULL) AS occupied
               FROM houses h ORDER BY h.sort_name, h.id LIMIT 20) h)),
  'meetings', json_build_object(
     'totalCount', (SELECT count(*) FROM meetings_week),
     'nodes', (SELECT json_agg(json_build_object('id', mt.id, 'startsAt', mt.starts_at, 'topic', mt.topic,
         'group', json_build_object('id', g.id, 'name', g.name)) ORDER BY mt.starts_at, mt.id)
       FROM (SELECT * FROM meetings_week ORDER BY starts_at, id LIMIT 50) mt JOIN groups g ON g.id = mt.group_id)),
  'plansDue', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'reviewOn', p.review_on,
       'member', json_build_object('id', mb.id, 'displayName', coalesce(nullif(mb.preferred_name, ''), mb.first_name) || ' ' || mb.last_name))
       ORDER BY p.review_on, p.id), '[]')
     FROM (SELECT * FROM aftercare_plans WHERE status = 'ACTIVE' AND review_on <= (SELECT d FROM today)
            ORDER BY review_on, id LIMIT 20) p JOIN members mb ON mb.id = p.member_id),
  'digest', (SELECT json_agg(json_build_object('id', mb.id,
       'displayName', coalesce(nullif(mb.preferred_name, ''), mb.first_name) || ' ' || mb.last_name,
       'recoveryStartDate', mb.recovery_start_date,
       'currentEpisode', CASE WHEN e.member_id IS NOT NULL THEN json_build_object('startedAt', e.started_at,
         'transition', CASE WHEN e.prev_code IS NULL THEN 'ADMISSION' WHEN e.prev_discharged THEN 'READMISSION'
                            WHEN cl.intensity < pl.intensity THEN 'STEP_DOWN' WHEN cl.intensity > pl.intensity THEN 'STEP_UP'
                            ELSE 'LATERAL' END) END)
     ORDER BY mb.sort_name, mb.id)
     FROM (SELECT * FROM members WHERE status = 'ACTIVE' ORDER BY sort_name, id LIMIT 1000) mb
     LEFT JOIN open_episode e ON e.member_id = mb.id
     LEFT JOIN care_levels cl ON cl.code = e.care_level_code
     LEFT JOIN care_levels pl ON pl.code = e.prev_code));
