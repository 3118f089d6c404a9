/**
 * A count (votes, TMDb popularity) → 0..1 on a log scale, 1 at `ceiling` and above. Counts are
 * spread over orders of magnitude (40 votes vs 47,000), so a linear scale would flatten all but the
 * biggest hits to 0. Absent or non-positive counts give undefined: "no signal", not "unpopular".
 */
export function logScale(count: number | null | undefined, ceiling: number): number | undefined {
  if (count === null || count === undefined || !Number.isFinite(count) || count <= 0) return undefined;
  return Math.min(1, Math.log10(count + 1) / Math.log10(ceiling + 1));
}
