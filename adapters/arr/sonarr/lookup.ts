import type { ServarrClient } from '../servarr-client.js';
import { seriesListSchema, type Series } from './schemas.js';

/**
 * `GET /series/lookup?term=`: a title, or `tvdb:<id>` (resolved locally: an added series comes
 * back with its library `id`), or on v4 `tmdb:<id>` / `imdb:tt…` (asked of Sonarr's metadata
 * server; v3 treats those as plain text and finds nothing).
 */
export function lookupSeries(
  client: ServarrClient,
  term: string,
  signal: AbortSignal,
  deadline?: number,
): Promise<Series[]> {
  return client.http.json({
    path: '/series/lookup',
    query: { term },
    schema: seriesListSchema,
    signal,
    deadline,
  });
}
