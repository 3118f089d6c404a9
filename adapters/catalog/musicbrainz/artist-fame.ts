/**
 * MusicBrainz's artist search carries no popularity, so two artists called "Muse" look alike.
 * When two or more rows are spelled as typed, ONE release-group search asks for the albums of all
 * of them, `arid:(…) AND primarytype:album AND NOT secondarytype:(compilation OR live)`, and each
 * artist's popularity is the releases across its albums: the signal and curve the combined search
 * already gives credited artists (map.ts `artistFame`: 19 releases, two or three known albums, is
 * "known"). Compilations and live albums are left out because a famous artist has them by the
 * hundred (best-ofs, bootlegs): with them one answer (100 rows at most) would rarely hold every
 * namesake's albums.
 *
 * Why not the browse (`release-group?artist=<mbid>&limit=1`, whose `release-group-count` is exact):
 * it costs one request per artist, and at one request a second only the first would fit in the
 * decision's deadline. Why not `artistname:"Muse"`: it matches credits by name, not these artists.
 *
 * The answer is used only when it is whole (`count` no more than the rows it brought); a late,
 * failed or cut answer leaves every row as it was, so the decision asks as before.
 */
import { bestSpelling } from '../../../src/core/media/title-match.js';
import type { CatalogHit } from '../../../src/core/types.js';
import { artistFame } from './map.js';
import type { MbCountedReleaseGroupSearch } from './schemas.js';

/** The most rows one answer holds (metabrainz/musicbrainz-server ControllerBase/WS/2.pm _limit_and_offset). */
export const ALBUMS_LIMIT = 100;
/** Secondary types an artist's albums are counted without. */
export const NOT_COUNTED = ['compilation', 'live'] as const;

const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The artist hits spelled as typed, when there are two or more: only then does a count decide. */
export function namesakes(hits: readonly CatalogHit[], typed: string): CatalogHit[] {
  const same = hits.filter(
    (h) =>
      h.kind === 'artist' &&
      MBID.test(h.ids.mbArtist ?? '') &&
      bestSpelling(typed, [h.title, ...(h.otherTitles ?? [])]) !== undefined,
  );
  return same.length >= 2 ? same : [];
}

/** The Lucene query for the albums of `artists` (MBIDs need no escaping: hex and inner hyphens). */
export function albumsQuery(artists: readonly CatalogHit[]): string {
  const ids = artists.map((h) => h.ids.mbArtist).join(' OR ');
  return `arid:(${ids}) AND primarytype:album AND NOT secondarytype:(${NOT_COUNTED.join(' OR ')})`;
}

/** `hits` with the popularity of each asked artist, when `answer` holds all their albums. */
export function withArtistFame(
  hits: CatalogHit[],
  asked: readonly CatalogHit[],
  answer: MbCountedReleaseGroupSearch,
): CatalogHit[] {
  const rows = answer['release-groups'];
  if ((answer.offset ?? 0) > 0 || answer.count > rows.length) return hits;
  const releases = new Map(asked.map((h) => [h.ids.mbArtist, 0]));
  for (const row of rows) {
    const n = row.count ?? row.releases?.length ?? 1;
    for (const id of new Set((row['artist-credit'] ?? []).map((c) => c.artist.id))) {
      const sum = releases.get(id);
      if (sum !== undefined) releases.set(id, sum + n);
    }
  }
  return hits.map((h) => {
    const sum = releases.get(h.ids.mbArtist);
    return sum === undefined ? h : { ...h, popularity: artistFame(sum) };
  });
}
