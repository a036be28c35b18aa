package graph

import (
	"time"

	"carejourney/graph/model"
	"carejourney/server/domain"
)

// The range inputs (DateRangeInput, DateTimeRangeInput) mean what every
// range of the API means: start included, end excluded.

// dateRange is a DateRangeInput as the domain holds it.
func dateRange(r model.DateRangeInput) domain.DateRange {
	return domain.DateRange{StartOn: r.StartOn, EndOn: r.EndOn}
}

// rangeEnds are the ends of an optional DateTimeRangeInput; nil is open.
func rangeEnds(r *model.DateTimeRangeInput) (startAt, endAt *time.Time) {
	if r == nil {
		return nil, nil
	}
	return r.StartAt, r.EndAt
}
