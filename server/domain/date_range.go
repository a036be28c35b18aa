package domain

import "time"

// DateRange is a period of calendar days (midnight UTC): StartOn included,
// EndOn excluded, as every range of the API is. March is
// {2026-03-01, 2026-04-01}.
type DateRange struct {
	StartOn, EndOn time.Time
}

// Days is how many calendar days the range holds.
func (r DateRange) Days() int {
	return int(r.EndOn.Sub(r.StartOn).Hours()/24 + 0.5)
}

// LastDay is the last day included: the day before EndOn.
func (r DateRange) LastDay() time.Time { return r.EndOn.AddDate(0, 0, -1) }

// Instants is the range in loc: from local midnight of StartOn to local
// midnight of EndOn, in UTC.
func (r DateRange) Instants(loc *time.Location) (start, end time.Time) {
	return LocalInstant(r.StartOn.Year(), r.StartOn.Month(), r.StartOn.Day(), 0, 0, loc).UTC(),
		LocalInstant(r.EndOn.Year(), r.EndOn.Month(), r.EndOn.Day(), 0, 0, loc).UTC()
}
