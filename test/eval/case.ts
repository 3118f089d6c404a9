/**
 * One labelled query of the evaluation set: what the person types, what each catalog answers
 * for it, and what a careful person would do. Answers are vendor rows shaped like the recorded
 * responses in ../shared/contracts (TMDb `search/multi` rows, MusicBrainz release-group and
 * artist search rows); the runner maps them with the adapters' own mapping, as the app does.
 *
 * Rows carry what the vendor sends but CatalogHit has no place for yet: TMDb `original_title` /
 * `original_name` and `alternative_titles` (from `append_to_response=alternative_titles`),
 * MusicBrainz `aliases`, and the `tvdb_id` TMDb's `tv/{id}/external_ids` would give. The
 * adapters' schemas drop them today; they are here so a later change can use them.
 */
import type { MbArtistRow, MbReleaseGroupRow } from '../../adapters/catalog/musicbrainz/schemas.js';
import type { TmdbSearchRow } from '../../adapters/catalog/tmdb/schemas.js';

export const CLASSES = [
  'original language',
  'typed year',
  'exact title ahead',
  'band vs film',
  'album vs film',
  'self-titled album',
  'numeric title',
  'punctuation',
  'dropped accents',
  'typo',
  'remake a year apart',
  'season in message',
  'kind hint',
  'film and series',
  'nothing there',
] as const;
export type EvalClass = (typeof CLASSES)[number];

/** Candidate keys as the core forms them: `movie:tmdb:1417`, `series:tmdb:1399`, `artist:mb:…`. */
export type Expect = { add: string } | { ask: string } | { none: true };

export interface TmdbRow extends TmdbSearchRow {
  original_title?: string;
  original_name?: string;
  alternative_titles?: string[];
  /** What `tv/{id}/external_ids` answers for this show. */
  tvdb_id?: number;
}

export interface MbAlias {
  name: string;
  locale?: string;
}

export type MbReleaseGroup = MbReleaseGroupRow & { aliases?: MbAlias[] };
export type MbArtist = MbArtistRow & { aliases?: MbAlias[] };

export interface EvalCase {
  query: string;
  class: EvalClass;
  expect: Expect;
  /** Why the label is what it is, when it is not obvious. */
  why?: string;
  catalogs: {
    /** The rows TMDb answers (search/multi, plus search/movie or search/tv for a typed kind or year). */
    tmdb?: TmdbRow[];
    /** `releaseGroups` for an untyped or album search, `artists` for an artist search. */
    musicbrainz?: { releaseGroups?: MbReleaseGroup[]; artists?: MbArtist[] };
  };
}

/** A TMDb movie row. `original` and `lang` when the film is not in English. */
export function film(
  id: number,
  title: string,
  date: string,
  popularity: number,
  more: { original?: string; lang?: string; alt?: string[]; genres?: number[] } = {},
): TmdbRow {
  return {
    id,
    media_type: 'movie',
    title,
    original_title: more.original ?? title,
    original_language: more.lang ?? 'en',
    release_date: date,
    popularity,
    ...(more.alt && { alternative_titles: more.alt }),
    ...(more.genres && { genre_ids: more.genres }),
  };
}

/** A TMDb tv row, with the TVDB id its external_ids would give (absent when TVDB has none). */
export function show(
  id: number,
  name: string,
  date: string,
  popularity: number,
  tvdb: number | undefined,
  more: { original?: string; lang?: string; alt?: string[]; genres?: number[] } = {},
): TmdbRow {
  return {
    id,
    media_type: 'tv',
    name,
    original_name: more.original ?? name,
    original_language: more.lang ?? 'en',
    first_air_date: date,
    popularity,
    ...(tvdb !== undefined && { tvdb_id: tvdb }),
    ...(more.alt && { alternative_titles: more.alt }),
    ...(more.genres && { genre_ids: more.genres }),
  };
}

/**
 * A stable synthetic MBID from a slug: MusicBrainz ids are not known here by heart, and the set
 * only needs them consistent.
 */
export function mbid(slug: string): string {
  let h = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${slug}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

export interface Credit {
  slug: string;
  name: string;
  disambiguation?: string;
}

/** A MusicBrainz release-group row: `count` is how many releases (editions) the group has. */
export function rg(
  slug: string,
  title: string,
  date: string,
  by: Credit,
  count: number,
  more: { type?: string; secondary?: string[]; score?: number; aliases?: MbAlias[] } = {},
): MbReleaseGroup {
  return {
    id: mbid(`rg:${slug}`),
    score: more.score ?? 100,
    title,
    'primary-type': more.type ?? 'Album',
    ...(more.secondary && { 'secondary-types': more.secondary }),
    'first-release-date': date,
    'artist-credit': [
      {
        name: by.name,
        artist: {
          id: mbid(`artist:${by.slug}`),
          name: by.name,
          ...(by.disambiguation && { disambiguation: by.disambiguation }),
        },
      },
    ],
    count,
    ...(more.aliases && { aliases: more.aliases }),
  };
}

/** A MusicBrainz artist search row. */
export function artist(
  by: Credit,
  score: number,
  more: { type?: string; country?: string; aliases?: MbAlias[] } = {},
): MbArtist {
  return {
    id: mbid(`artist:${by.slug}`),
    score,
    name: by.name,
    type: more.type ?? 'Group',
    ...(more.country && { country: more.country }),
    ...(by.disambiguation && { disambiguation: by.disambiguation }),
    ...(more.aliases && { aliases: more.aliases }),
  };
}

export const artistKey = (slug: string) => `artist:mb:${mbid(`artist:${slug}`)}`;
export const albumKey = (slug: string) => `album:mb:${mbid(`rg:${slug}`)}`;
export const movieKey = (id: number) => `movie:tmdb:${id}`;
export const seriesKey = (id: number) => `series:tmdb:${id}`;
