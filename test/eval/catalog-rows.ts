/**
 * A case's vendor rows → the hits each catalog would return: mapped by the adapters' own functions
 * (adapters/catalog/tmdb/map.ts, adapters/catalog/musicbrainz/map.ts) after the adapters' zod
 * schemas, picked the way the adapters pick endpoints for a kind hint, and, for TMDb, with the
 * alternative titles the TMDb catalog would fetch (adapters/catalog/tmdb/alternative-titles.ts:
 * only for the first rows whose own titles do not explain the match); for an artist search, with
 * the albums search same-named artists get (adapters/catalog/musicbrainz/artist-fame.ts).
 */
import { namesakes, NOT_COUNTED, withArtistFame } from '../../adapters/catalog/musicbrainz/artist-fame.js';
import { creditedArtists, artistToHit, releaseGroupToHit } from '../../adapters/catalog/musicbrainz/map.js';
import {
  artistRow,
  countedReleaseGroupSearch,
  releaseGroupRow,
} from '../../adapters/catalog/musicbrainz/schemas.js';
import {
  movieAlternativeTitles,
  needingAlternativeTitles,
  tvAlternativeTitles,
  withAlternativeTitles,
} from '../../adapters/catalog/tmdb/alternative-titles.js';
import { rowKind, toHit } from '../../adapters/catalog/tmdb/map.js';
import { searchRow } from '../../adapters/catalog/tmdb/schemas.js';
import type { CatalogHit, KindHint } from '../../src/core/types.js';
import type { EvalCase, MbReleaseGroup, TmdbRow } from './case.js';

const IMAGE_BASE = 'https://image.tmdb.org/t/p/w342';
/** adapters/catalog/musicbrainz/musicbrainz-catalog.ts MIN_SCORE: looser rows are dropped. */
const MB_MIN_SCORE = 60;

/** What `GET /movie|tv/{id}/alternative_titles` answers for a row, in TMDb's shape, parsed. */
function alternativeTitlesOf(row: TmdbRow): string[] {
  const titles = (row.alternative_titles ?? []).map((title) => ({ iso_3166_1: 'US', title, type: '' }));
  return row.media_type === 'tv'
    ? tvAlternativeTitles.parse({ id: row.id, results: titles }).results.map((t) => t.title)
    : movieAlternativeTitles.parse({ id: row.id, titles }).titles.map((t) => t.title);
}

export function tmdbHits(rows: readonly TmdbRow[], title: string, hint: KindHint | undefined): CatalogHit[] {
  // A typed kind goes to search/movie or search/tv (adapters/catalog/tmdb/tmdb-catalog.ts).
  const endpoint = hint === 'movie' ? 'movie' : hint === 'series' ? 'series' : undefined;
  if (hint && !endpoint) return [];
  const hits: CatalogHit[] = [];
  for (const raw of rows) {
    const row = searchRow.parse(raw);
    const kind = rowKind(row);
    if (!kind || (endpoint && kind !== endpoint)) continue;
    const hit = toHit(row, kind, IMAGE_BASE);
    if (hit) hits.push(hit);
  }
  const wanted = new Set(needingAlternativeTitles(hits, title));
  return hits.map((h) => {
    const row = rows.find((r) => r.id === h.ids.tmdb && rowKind(searchRow.parse(r)) === h.kind);
    return wanted.has(h) && row ? withAlternativeTitles(h, alternativeTitlesOf(row)) : h;
  });
}

/**
 * What the albums search answers for `asked` (artist-fame.ts `albumsQuery`): the albums credited
 * to any of them, compilations and live albums left out, all of them in one answer.
 */
function albumsOf(albums: readonly MbReleaseGroup[], asked: readonly CatalogHit[]): unknown {
  const ids = new Set(asked.map((h) => h.ids.mbArtist));
  const rows = albums.filter(
    (g) =>
      g['primary-type'] === 'Album' &&
      !(g['secondary-types'] ?? []).some((t) =>
        (NOT_COUNTED as readonly string[]).includes(t.toLowerCase()),
      ) &&
      (g['artist-credit'] ?? []).some((c) => ids.has(c.artist.id)),
  );
  return { count: rows.length, offset: 0, 'release-groups': rows };
}

function artistHits(mb: NonNullable<EvalCase['catalogs']['musicbrainz']>, title: string): CatalogHit[] {
  const hits = (mb.artists ?? [])
    .map((a) => artistRow.parse(a))
    .filter((a) => a.score >= MB_MIN_SCORE)
    .map(artistToHit);
  const asked = namesakes(hits, title);
  if (asked.length === 0 || !mb.artistAlbums) return hits;
  return withArtistFame(hits, asked, countedReleaseGroupSearch.parse(albumsOf(mb.artistAlbums, asked)));
}

export function mbHits(
  catalogs: EvalCase['catalogs'],
  title: string,
  hint: KindHint | undefined,
): CatalogHit[] {
  if (hint === 'movie' || hint === 'series') return [];
  const mb = catalogs.musicbrainz ?? {};
  if (hint === 'artist') return artistHits(mb, title);
  const groups = (mb.releaseGroups ?? [])
    .map((g) => releaseGroupRow.parse(g))
    .filter((g) => g.score >= MB_MIN_SCORE);
  if (hint === 'album') return groups.map(releaseGroupToHit);
  return [...creditedArtists(groups), ...groups.map(releaseGroupToHit)];
}
