/**
 * Maps a non-negative popularity-like count onto 0..1 with a log curve: the difference between 1
 * and 10 matters as much as between 10 and 100, and everything at or past `ceiling` is 1.
 * Catalog signals are heavy-tailed (a few works are hugely popular), so a linear scale would put
 * nearly everything near 0.
 */
export function logScale(value: number, ceiling: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(1, Math.log1p(value) / Math.log1p(ceiling));
}
