/**
 * Catalog hits as the adapters map them (adapters/catalog/tmdb/map.ts toHit: TMDb popularity
 * log-scaled against 300). Ids of the films and shows are the real ones (test/fixtures/world.ts);
 * the Vangelis album's MusicBrainz ids are the fixture's synthetic ones.
 */
import type { CatalogHit } from '../../../src/core/types.js';

export const inception: CatalogHit = {
  source: 'tmdb',
  kind: 'movie',
  title: 'Inception',
  year: 2010,
  ids: { tmdb: 27205 },
  popularity: 0.795,
};

export const theMatrix: CatalogHit = {
  source: 'tmdb',
  kind: 'movie',
  title: 'The Matrix',
  year: 1999,
  ids: { tmdb: 603 },
  popularity: 0.77,
};

export const bladeRunner: CatalogHit = {
  source: 'tmdb',
  kind: 'movie',
  title: 'Blade Runner',
  year: 1982,
  ids: { tmdb: 78 },
  popularity: 0.682,
};

export const bladeRunnerAlbum: CatalogHit = {
  source: 'musicbrainz',
  kind: 'album',
  title: 'Blade Runner',
  year: 1994,
  artistName: 'Vangelis',
  ids: {
    mbReleaseGroup: '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08',
    mbArtist: '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11',
  },
};

export const breakingBad: CatalogHit = {
  source: 'tmdb',
  kind: 'series',
  title: 'Breaking Bad',
  year: 2008,
  ids: { tmdb: 1396 },
  popularity: 0.93,
};

/** TMDb 935 under its full title; popularity ≈ TMDb's 22 log-scaled. A search for "Dr Strangelove" finds it. */
export const drStrangelove: CatalogHit = {
  source: 'tmdb',
  kind: 'movie',
  title: 'Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb',
  year: 1964,
  ids: { tmdb: 935 },
  popularity: 0.55,
};
