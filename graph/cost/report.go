package cost

// Report is extensions.cost, in the shape of Shopify's GraphQL Admin API:
// the same on every response and in the MAX_COST_EXCEEDED error.
type Report struct {
	// RequestedQueryCost is the price before the operation ran (Analyze).
	RequestedQueryCost int `json:"requestedQueryCost"`
	// ActualQueryCost is what the response really cost, from the rows it
	// returned (Prices); 0 when nothing ran. Never more than requested.
	ActualQueryCost int `json:"actualQueryCost"`
	// ThrottleStatus is the caller's bucket after the operation, when rate
	// limits are on.
	ThrottleStatus *ThrottleStatus `json:"throttleStatus,omitempty"`
}

// ThrottleStatus is a rate-limit bucket as a response shows it.
type ThrottleStatus struct {
	MaximumAvailable   float64 `json:"maximumAvailable"`
	CurrentlyAvailable float64 `json:"currentlyAvailable"`
	RestoreRate        float64 `json:"restoreRate"`
}
