/**
 * How many members the next page should ask for: what is left of `total`
 * (at most `cap` in all), 100 at most a page; 0 when done.
 */
export function digestPageSize(total: number, fetched: number, cap: number, pageMax = 100): number {
  const left = Math.min(total, cap) - fetched;
  return left <= 0 ? 0 : Math.min(pageMax, left);
}
