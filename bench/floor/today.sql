-- Page 5 floor: what the Today page's queries return, in one statement:
-- members in care, the care-level catalogue with the count in care at each
-- level, the first 20 houses' occupancy, the meetings of [:'from', :'to')
-- (the first 50 by start, with the total), the 20 active plans due for
-- review soonest, the members in care with a recovery start date (the
-- harness applies the milestone rule to them: PostgreSQL's date arithmetic
-- is not Go's AddDate), and the step-ups of the last 14 days (today and the
-- 13 days before, from midnight to midnight: start included, end excluded; the first 20,
-- most recent first, with the total). The harness puts from and to in
-- place; "today" is the provider's (UTC).
WITH today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
open_episode AS (
  SELECT e.* FROM care_episodes e WHERE e.ended_at IS NULL AND e.superseded_at IS NULL),
meetings_week AS (
  SELECT mt.* FROM meetings mt
   WHERE mt.starts_at >= CAST(:'from' AS timestamptz) AND mt.starts_at < CAST(:'to' AS timestamptz))
SELECT json_build_object(
  'inCare', (SELECT count(*) FROM members WHERE status = 'ACTIVE'),
  'levels', (SELECT json_agg(json_build_object('code', cl.code, 'name', cl.name, 'shortName', cl.short_name,
       'count', coalesce(n.count, 0))
     ORDER BY cl.intensity DESC, cl.position)
     FROM care_levels cl LEFT JOIN (SELECT e.care_level_code, count(*) FROM open_episode e JOIN members mb ON mb.id = e.member_id
                                     WHERE mb.status = 'ACTIVE' GROUP BY 1) n ON n.care_level_code = cl.code),
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
  'recoveryStarts', (SELECT coalesce(json_agg(json_build_object('id', mb.id, 'firstName', mb.first_name,
       'lastName', mb.last_name, 'preferredName', mb.preferred_name, 'recoveryStartedOn', mb.recovery_start_date)), '[]')
     FROM members mb WHERE mb.status = 'ACTIVE' AND mb.recovery_start_date IS NOT NULL),
  'stepUps', (SELECT json_build_object('totalCount', count(*),
       'nodes', coalesce((json_agg(json_build_object('changedAt', su.started_at, 'memberId', su.member_id,
         'displayName', su.display_name) ORDER BY su.started_at DESC, su.id DESC)
         FILTER (WHERE su.rank <= 20)), '[]'))
     FROM (SELECT e.id, e.member_id, e.started_at,
                  coalesce(nullif(mb.preferred_name, ''), mb.first_name) || ' ' || mb.last_name AS display_name,
                  row_number() OVER (ORDER BY e.started_at DESC, e.id DESC) AS rank
             FROM care_episodes e
             JOIN members mb ON mb.id = e.member_id
             -- The episode before it: the latest current one that started
             -- earlier; a step-up when it was not discharged and was less
             -- intensive.
             JOIN LATERAL (SELECT p.care_level_code, p.discharge_reason IS NOT NULL AS discharged FROM care_episodes p
                            WHERE p.member_id = e.member_id AND p.superseded_at IS NULL AND p.started_at < e.started_at
                            ORDER BY p.started_at DESC LIMIT 1) prev ON NOT prev.discharged
             JOIN care_levels cl ON cl.code = e.care_level_code
             JOIN care_levels pl ON pl.code = prev.care_level_code
            WHERE e.superseded_at IS NULL AND cl.intensity > pl.intensity
              AND e.started_at >= ((SELECT d FROM today) - 13)::timestamp AT TIME ZONE 'UTC'
              AND e.started_at < ((SELECT d FROM today) + 1)::timestamp AT TIME ZONE 'UTC') su));
