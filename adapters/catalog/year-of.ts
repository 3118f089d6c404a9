/**
 * The year of a vendor date. Catalogs send full dates ("2010-07-15"), partial ones
 * (MusicBrainz and Spotify "1997", "1997-05") and, for unknown dates, `""` (TMDb) or nothing.
 */
export function yearOf(date: string | null | undefined): number | undefined {
  const match = /^(\d{4})/.exec(date ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  return year > 0 ? year : undefined;
}
