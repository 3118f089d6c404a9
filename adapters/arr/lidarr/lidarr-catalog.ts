/**
 * Lidarr's lookups as a MediaCatalog, so music can be found with MusicBrainz ids and no other
 * service. Lookups go through Lidarr's metadata server (api.lidarr.audio), not MusicBrainz.
 */
import type { MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { CatalogHit, MediaKind } from '../../../src/core/types.js';
import type { ServarrClient } from '../servarr-client.js';
import { albumToHit, artistToHit } from './map.js';
import { albumListSchema, artistListSchema } from './schemas.js';

/** Per kind; the core only ever shows five. */
const MAX_HITS = 8;

export class LidarrCatalog implements MediaCatalog {
  readonly name = 'lidarr';
  readonly kinds = ['artist', 'album'] as const;

  constructor(private readonly client: ServarrClient) {}

  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    const kinds = kindsFor(query.hint);
    const term = query.title;
    const http = this.client.http;
    const [artists, albums] = await Promise.all([
      kinds.includes('artist')
        ? http.json({ path: '/artist/lookup', query: { term }, schema: artistListSchema, signal, deadline })
        : [],
      kinds.includes('album')
        ? http.json({ path: '/album/lookup', query: { term }, schema: albumListSchema, signal, deadline })
        : [],
    ]);
    const hits = [
      ...artists.slice(0, MAX_HITS).map(artistToHit),
      ...albums.slice(0, MAX_HITS).map(albumToHit),
    ];
    return hits.filter((h): h is CatalogHit => h !== undefined);
  }
}

function kindsFor(hint: SearchQuery['hint']): MediaKind[] {
  switch (hint) {
    case undefined:
    case 'music':
      return ['artist', 'album'];
    case 'artist':
      return ['artist'];
    case 'album':
      return ['album'];
    default:
      return [];
  }
}
