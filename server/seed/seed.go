// Package seed loads deterministic data: a demo provider whose journeys stay
// current whenever it is loaded, and bulk data for benchmarks. Both come from
// one generator of member plans, so benchmarks measure journeys shaped like
// the ones people see in the demo.
package seed
