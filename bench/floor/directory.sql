-- Page 4 floor: what the partner's directory pages return, in one
-- statement: every house with an open bed by name, and every active group
-- by name with its weekly schedule and its meetings starting in
-- [:'from', :'to') by start. The harness puts from and to in place.
SELECT json_build_object(
  'houses', (SELECT json_agg(json_build_object('id', h.id, 'name', h.name, 'address', h.address, 'phone', h.phone,
      'genderDesignation', h.gender_designation, 'narrLevel', h.narr_level,
      'capacity', h.capacity, 'available', greatest(h.capacity - h.occupied, 0)) ORDER BY h.sort_name, h.id)
    FROM (SELECT h.*, (SELECT count(*) FROM residencies r WHERE r.house_id = h.id AND r.move_out_at IS NULL) AS occupied
            FROM houses h) h
   WHERE h.occupied < h.capacity),
  'groups', (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'description', g.description,
      'modality', g.modality, 'location', g.location, 'timeZone', g.time_zone,
      'house', (SELECT json_build_object('id', h.id, 'name', h.name) FROM houses h WHERE h.id = g.house_id),
      'schedule', (SELECT coalesce(json_agg(json_build_object('dayOfWeek', s.day_of_week, 'startTime', left(s.start_time::text, 5),
          'durationMinutes', s.duration_minutes,
          'timeOfDay', CASE WHEN s.day_of_week >= 6 THEN 'WEEKEND' WHEN s.start_time < time '17:00' THEN 'DAY' ELSE 'EVENING' END)
          ORDER BY s.day_of_week, s.start_time), '[]')
        FROM group_schedule_slots s WHERE s.group_id = g.id),
      'meetings', (SELECT coalesce(json_agg(json_build_object('id', mt.id, 'startsAt', mt.starts_at, 'endsAt', mt.ends_at, 'topic', mt.topic,
          'timeOfDay', CASE WHEN extract(isodow FROM mt.starts_at AT TIME ZONE g.time_zone) >= 6 THEN 'WEEKEND'
                            WHEN (mt.starts_at AT TIME ZONE g.time_zone)::time < time '17:00' THEN 'DAY' ELSE 'EVENING' END)
          ORDER BY mt.starts_at, mt.id), '[]')
        FROM (SELECT * FROM meetings mt WHERE mt.group_id = g.id
                AND mt.starts_at >= CAST(:'from' AS timestamptz) AND mt.starts_at < CAST(:'to' AS timestamptz)
              ORDER BY mt.starts_at, mt.id LIMIT 100) mt)
    ) ORDER BY g.sort_name, g.id)
    FROM groups g WHERE g.active));
