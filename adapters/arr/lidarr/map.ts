/**
 * Lidarr artists and albums → the core's CatalogHit and LibraryItem.
 */
import type { LibraryItem } from '../../../src/core/ports.js';
import type { CatalogHit, ExternalIds } from '../../../src/core/types.js';
import { coverUrl } from '../images.js';
import { logScale } from '../popularity.js';
import type { Album, Artist } from './schemas.js';

/** Lidarr's `ratings.votes` (from its metadata server) at or above this count as fully popular. */
const VOTES_CEILING = 1000;

function httpUrl(u: string | null | undefined): string | undefined {
  return u && /^https?:\/\//.test(u) ? u : undefined;
}

export function artistToHit(a: Artist): CatalogHit | undefined {
  if (!a.foreignArtistId) return undefined;
  const hit: CatalogHit = {
    source: 'lidarr',
    kind: 'artist',
    title: a.artistName,
    ids: { mbArtist: a.foreignArtistId },
  };
  // Lidarr has no popularity figure; the vote count is the closest signal, log-scaled.
  const popularity = logScale(a.ratings?.votes, VOTES_CEILING);
  if (popularity !== undefined) hit.popularity = popularity;
  const poster = coverUrl(a.images, 'poster') ?? httpUrl(a.remotePoster);
  if (poster) hit.posterUrl = poster;
  if (a.overview) hit.overview = a.overview;
  if ((a.id ?? 0) > 0) hit.inLibrary = true;
  return hit;
}

export function albumToHit(a: Album): CatalogHit | undefined {
  if (!a.foreignAlbumId) return undefined;
  const ids: ExternalIds = { mbReleaseGroup: a.foreignAlbumId };
  if (a.artist?.foreignArtistId) ids.mbArtist = a.artist.foreignArtistId;
  const hit: CatalogHit = { source: 'lidarr', kind: 'album', title: a.title, ids };
  const year = Number.parseInt(a.releaseDate ?? '', 10);
  if (Number.isFinite(year) && year > 0) hit.year = year;
  if (a.artist?.artistName) hit.artistName = a.artist.artistName;
  const popularity = logScale(a.ratings?.votes, VOTES_CEILING);
  if (popularity !== undefined) hit.popularity = popularity;
  const cover = coverUrl(a.images, 'cover') ?? coverUrl(a.images, 'poster') ?? httpUrl(a.remoteCover);
  if (cover) hit.posterUrl = cover;
  if (a.overview) hit.overview = a.overview;
  if ((a.id ?? 0) > 0) hit.inLibrary = true;
  return hit;
}

/** Media is on disk: at least one track file. */
export function artistToItem(a: Artist, id: number): LibraryItem {
  return { id, title: a.artistName, available: (a.statistics?.trackFileCount ?? 0) > 0 };
}

/**
 * Lidarr will download the album, or has: it has track files, or it and its artist are both
 * monitored (RSS sync rejects releases of either unmonitored: DecisionEngine/Specifications/RssSync/
 * MonitoredAlbumSpecification.cs). Every album of an artist in Lidarr is in its database, most of
 * them unmonitored, so being there is not enough.
 */
export function albumWanted(a: Album): boolean {
  return (a.statistics?.trackFileCount ?? 0) > 0 || (a.monitored === true && a.artist?.monitored === true);
}

export function albumToItem(a: Album, albumId: number): LibraryItem {
  return { id: albumId, title: a.title, available: (a.statistics?.trackFileCount ?? 0) > 0 };
}
