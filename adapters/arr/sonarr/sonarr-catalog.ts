/**
 * Sonarr's lookup as a MediaCatalog, so series can be found with no TMDb key: the hits carry TVDB
 * ids (what Sonarr needs), and `resolveIds` finds a TVDB id for a TMDb-only candidate.
 */
import type { MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { Candidate, CatalogHit, ExternalIds } from '../../../src/core/types.js';
import type { ServarrClient } from '../servarr-client.js';
import { normalizeTitle } from '../../../src/core/media/title-similarity.js';
import { lookupSeries } from './lookup.js';
import { seriesToHit } from './map.js';
import type { Series } from './schemas.js';

/** Sonarr returns up to a few dozen results; the core only ever shows five. */
const MAX_HITS = 10;

export class SonarrCatalog implements MediaCatalog {
  readonly name = 'sonarr';
  readonly kinds = ['series'] as const;

  constructor(private readonly client: ServarrClient) {}

  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    if (query.hint !== undefined && query.hint !== 'series') return [];
    const results = await lookupSeries(this.client, query.title, signal, deadline);
    return results
      .map(seriesToHit)
      .filter((h): h is CatalogHit => h !== undefined)
      .slice(0, MAX_HITS);
  }

  /**
   * A TVDB id for a series that has none (TMDb lacks `tvdb_id` for some shows). Sonarr v4 can
   * look a TMDb id up directly (`term=tmdb:`); v3 cannot, so it (and v4 when that finds nothing)
   * searches the title and takes the one result whose title and year match.
   */
  async resolveIds(candidate: Candidate, signal: AbortSignal): Promise<ExternalIds> {
    if (candidate.kind !== 'series' || candidate.ids.tvdb) return {};
    const tmdb = candidate.ids.tmdb;
    if (tmdb && (await this.client.major(signal)) >= 4) {
      const byTmdb = (await lookupSeries(this.client, `tmdb:${tmdb}`, signal)).find(
        (s) => (s.tvdbId ?? 0) > 0 && (s.tmdbId === undefined || s.tmdbId === tmdb),
      );
      if (byTmdb) return idsOf(byTmdb);
    }
    const match = sameWork(candidate, await lookupSeries(this.client, candidate.title, signal));
    return match ? idsOf(match) : {};
  }
}

/** The one result with the candidate's title and year (any year when the candidate has none). */
function sameWork(c: Candidate, results: Series[]): Series | undefined {
  const key = normalizeTitle(c.title);
  const matches = results.filter(
    (s) =>
      (s.tvdbId ?? 0) > 0 && normalizeTitle(s.title) === key && (c.year === undefined || s.year === c.year),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

function idsOf(s: Series): ExternalIds {
  const ids: ExternalIds = {};
  if (s.tvdbId) ids.tvdb = s.tvdbId;
  if (s.imdbId) ids.imdb = s.imdbId;
  if (s.tmdbId && s.tmdbId > 0) ids.tmdb = s.tmdbId;
  return ids;
}
