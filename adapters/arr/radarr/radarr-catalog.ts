/** Radarr's lookup as a MediaCatalog, so movies can be found with no TMDb key. */
import type { MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { CatalogHit } from '../../../src/core/types.js';
import type { ServarrClient } from '../servarr-client.js';
import { movieToHit } from './map.js';
import { movieListSchema } from './schemas.js';

/** Radarr returns up to ~20 results; the core only ever shows five. */
const MAX_HITS = 10;

export class RadarrCatalog implements MediaCatalog {
  readonly name = 'radarr';
  readonly kinds = ['movie'] as const;

  constructor(private readonly client: ServarrClient) {}

  /** `GET /movie/lookup?term=` returns an array (unlike `/movie/lookup/tmdb`, which returns one object). */
  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    if (query.hint !== undefined && query.hint !== 'movie') return [];
    const movies = await this.client.http.json({
      path: '/movie/lookup',
      query: { term: query.title },
      schema: movieListSchema,
      signal,
      deadline,
    });
    return movies
      .map(movieToHit)
      .filter((h): h is CatalogHit => h !== undefined)
      .slice(0, MAX_HITS);
  }
}
