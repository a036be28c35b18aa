// Package seed loads deterministic data: a demo provider whose journeys stay
// current whenever it is loaded, and bulk data for benchmarks. Both come from
// one generator of member plans, so benchmarks measure journeys shaped like
// the ones people see in the demo. Around the journeys, one generator of the
// recovery graph (houses and residents, peers and their caseloads, groups
// with six months of meetings and attendance, aftercare plans, updates)
// builds sites of about 150 members: the demo is one site, and Scale adds
// one per 150 members, so its proportions are the demo's.
package seed
