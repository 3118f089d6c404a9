/** MusicBrainz search rows → CatalogHit. */
import type { CatalogHit } from '../../../src/core/types.js';
import { fame } from '../log-scale.js';
import { yearOf } from '../year-of.js';
import type { MbArtistRow, MbReleaseGroupRow } from './schemas.js';

/**
 * MusicBrainz has no popularity. The number of releases in a group (reissues, regional and
 * format editions) is the nearest thing: an album people keep buying gets pressed again and
 * again. A classic has 50 and more, a debut that sold little 1–2, the obscure remix album in
 * live.release-group-search.in-times-before-the-light 4. An album a general audience knows has
 * been pressed about ten times: 9 releases is "known" (0.5) on the shared scale (log-scale.ts).
 */
const RELEASES_KNOWN_AT = 9;
/**
 * An artist's releases across its groups in an answer (the combined search's, or its albums:
 * artist-fame.ts): a known artist has two or three known albums.
 */
const ARTIST_RELEASES_KNOWN_AT = 19;

/** An artist's popularity on the shared scale from the releases across its groups. */
export const artistFame = (releases: number): number => fame(releases, ARTIST_RELEASES_KNOWN_AT);

type Named = Pick<MbArtistRow, 'name' | 'sort-name' | 'aliases'>;

/**
 * An artist's other names, as people may type them: its sort name ("Kovenant, The"), its aliases
 * with theirs ("Covenant", the search hint "Kovenant"), and names it was credited under.
 */
function otherNames(
  artist: Named,
  credited: readonly (string | null | undefined)[] = [],
): string[] | undefined {
  const aliases = (artist.aliases ?? []).flatMap((a) => [a.name, a['sort-name']]);
  const names = [artist['sort-name'], ...aliases, ...credited];
  const other = [...new Set(names.filter((n): n is string => !!n && n !== artist.name))];
  return other.length > 0 ? other : undefined;
}

/** "Person from GR (Greek composer)". */
function describeArtist(row: MbArtistRow): string | undefined {
  const parts: string[] = [];
  if (row.type) parts.push(row.type);
  if (row.country) parts.push(parts.length ? `from ${row.country}` : row.country);
  if (row.disambiguation) parts.push(parts.length ? `(${row.disambiguation})` : row.disambiguation);
  return parts.length ? parts.join(' ') : undefined;
}

export function artistToHit(row: MbArtistRow): CatalogHit {
  const hit: CatalogHit = {
    source: 'musicbrainz',
    kind: 'artist',
    title: row.name,
    ids: { mbArtist: row.id },
  };
  const overview = describeArtist(row);
  if (overview) hit.overview = overview;
  const other = otherNames(row);
  if (other) hit.otherTitles = other;
  return hit;
}

/** "Lady Gaga & Bruno Mars": each credited name followed by its join phrase. */
function creditName(row: MbReleaseGroupRow): string | undefined {
  const credits = row['artist-credit'] ?? [];
  const text = credits
    .map((c) => (c.name ?? c.artist.name) + (c.joinphrase ?? ''))
    .join('')
    .trim();
  return text || undefined;
}

/** "Soundtrack album by Vangelis (1994)". */
function describeReleaseGroup(
  row: MbReleaseGroupRow,
  artist: string | undefined,
  year: number | undefined,
): string {
  const words = [...(row['secondary-types'] ?? []), row['primary-type'] ?? 'Release'].map((w) =>
    w.toLowerCase(),
  );
  const type = words.join(' ');
  let text = type.charAt(0).toUpperCase() + type.slice(1);
  if (artist) text += ` by ${artist}`;
  if (year !== undefined) text += ` (${year})`;
  return text;
}

export function releaseGroupToHit(row: MbReleaseGroupRow): CatalogHit {
  const artistName = creditName(row);
  const year = yearOf(row['first-release-date']);
  const hit: CatalogHit = {
    source: 'musicbrainz',
    kind: 'album',
    title: row.title,
    ids: { mbReleaseGroup: row.id },
    overview: describeReleaseGroup(row, artistName, year),
  };
  const firstArtist = row['artist-credit']?.[0]?.artist.id;
  if (firstArtist) hit.ids.mbArtist = firstArtist;
  if (artistName) hit.artistName = artistName;
  if (year !== undefined) hit.year = year;
  const releases = row.count ?? row.releases?.length;
  if (releases !== undefined) hit.popularity = fame(releases, RELEASES_KNOWN_AT);
  if (row['secondary-types']?.includes('Soundtrack')) hit.soundtrack = true;
  return hit;
}

/**
 * Artists credited on release groups, as artist hits: one search for "Radiohead" over release
 * groups by title OR artist name finds both the albums called that and the artist, in one request
 * (MusicBrainz allows one a second). Popularity: the releases of their groups in the answer.
 */
export function creditedArtists(rows: readonly MbReleaseGroupRow[]): CatalogHit[] {
  const byId = new Map<string, { artist: Named; hit: CatalogHit; releases: number; credited: string[] }>();
  for (const row of rows) {
    const releases = row.count ?? row.releases?.length ?? 1;
    for (const credit of row['artist-credit'] ?? []) {
      const a = credit.artist;
      const seen = byId.get(a.id);
      if (seen) {
        seen.releases += releases;
        if (credit.name) seen.credited.push(credit.name);
        continue;
      }
      const hit: CatalogHit = {
        source: 'musicbrainz',
        kind: 'artist',
        title: a.name,
        ids: { mbArtist: a.id },
      };
      if (a.disambiguation) hit.overview = a.disambiguation;
      byId.set(a.id, { artist: a, hit, releases, credited: credit.name ? [credit.name] : [] });
    }
  }
  return [...byId.values()].map(({ artist, hit, releases, credited }) => {
    const other = otherNames(artist, credited);
    return {
      ...hit,
      ...(other && { otherTitles: other }),
      popularity: artistFame(releases),
    };
  });
}
