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

/**
 * One popularity scale for every source, so the core can weigh a TMDb film against a MusicBrainz
 * album: 0.5 means "a general audience knows it" in every source, 1 "as known as that source can
 * tell". Each source names the level of its own signal at which a work is known (`knownAt`); the
 * curve is logScale with the ceiling at (1 + knownAt)² − 1, which puts knownAt at exactly 0.5.
 * The sources' levels (each adapter's map.ts says why): TMDb popularity 9, MusicBrainz releases
 * in a release group 9, an artist's releases across the answer's groups 19 (the combined search's
 * groups, or its albums when same-named artists are told apart), Spotify's 0–100 index 50
 * (already a relative scale: /100).
 */
export function fame(value: number, knownAt: number): number {
  return logScale(value, (1 + knownAt) ** 2 - 1);
}
