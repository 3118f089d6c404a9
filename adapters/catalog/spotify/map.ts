/**
 * Spotify search items → CatalogHit. Spotify carries no MusicBrainz ids, so these hits cannot be
 * added to Lidarr alone; the core merges them with MusicBrainz hits by kind and title, where they
 * contribute popularity and artwork.
 */
import type { CatalogHit } from '../../../src/core/types.js';
import { yearOf } from '../year-of.js';
import type { SpotifyAlbum, SpotifyArtist } from './schemas.js';

export function artistToHit(item: SpotifyArtist): CatalogHit {
  const hit: CatalogHit = { source: 'spotify', kind: 'artist', title: item.name, ids: { spotify: item.id } };
  // Already 0..100 and computed by Spotify from play counts; linear is what they mean by it.
  if (typeof item.popularity === 'number') hit.popularity = Math.min(1, Math.max(0, item.popularity / 100));
  const poster = item.images?.[0]?.url;
  if (poster) hit.posterUrl = poster;
  return hit;
}

export function albumToHit(item: SpotifyAlbum): CatalogHit {
  const hit: CatalogHit = { source: 'spotify', kind: 'album', title: item.name, ids: { spotify: item.id } };
  const artistName = (item.artists ?? []).map((a) => a.name).join(', ');
  const year = yearOf(item.release_date);
  if (artistName) hit.artistName = artistName;
  if (year !== undefined) hit.year = year;
  const poster = item.images?.[0]?.url;
  if (poster) hit.posterUrl = poster;
  const type = item.album_type ?? 'album';
  hit.overview =
    type.charAt(0).toUpperCase() +
    type.slice(1) +
    (artistName ? ` by ${artistName}` : '') +
    (year !== undefined ? ` (${year})` : '');
  return hit;
}
