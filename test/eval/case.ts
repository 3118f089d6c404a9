/**
 * One labelled query of the evaluation set: what the person types, what each catalog answers
 * for it, and what a careful person would do. Answers are vendor rows shaped like the recorded
 * responses in ../shared/contracts (TMDb `search/multi` rows, MusicBrainz release-group and
 * artist search rows); the runner maps them with the adapters' own mapping, as the app does.
 *
 * Rows carry more than a search row does: TMDb `alternative_titles` (what `movie/{id}/alternative_titles`
 * or `tv/{id}/alternative_titles` would answer, asked only for rows whose titles do not explain
 * the match) and the `tvdb_id` TMDb's `tv/{id}/external_ids` would give. MusicBrainz artists carry
 * `sort-name` and `aliases`, in artist search rows and in release groups' artist credits, as in
 * live.release-group-search.in-times-before-the-light.
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
  'sort-name'?: string;
  locale?: string | null;
  type?: string | null;
}

export type MbReleaseGroup = MbReleaseGroupRow;
export type MbArtist = MbArtistRow;
type MbArtistCredit = NonNullable<MbReleaseGroupRow['artist-credit']>[number]['artist'];

export interface EvalCase {
  query: string;
  class: EvalClass;
  expect: Expect;
  /** Why the label is what it is, when it is not obvious. */
  why?: string;
  catalogs: {
    /** The rows TMDb answers (search/multi, plus search/movie or search/tv for a typed kind or year). */
    tmdb?: TmdbRow[];
    /**
     * `releaseGroups` for an untyped or album search, `artists` for an artist search, and
     * `artistAlbums` for the albums search an artist search makes when two artists are spelled as
     * typed (adapters/catalog/musicbrainz/artist-fame.ts): the albums MusicBrainz holds of them.
     * Without it that search is taken not to have answered in time.
     */
    musicbrainz?: { releaseGroups?: MbReleaseGroup[]; artists?: MbArtist[]; artistAlbums?: MbReleaseGroup[] };
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
  sortName?: string;
  aliases?: MbAlias[];
}

/** An artist as MusicBrainz sends it inside an artist credit or an artist search row. */
function artistFields(by: Credit): Record<string, unknown> {
  return {
    name: by.name,
    'sort-name': by.sortName ?? by.name,
    ...(by.disambiguation && { disambiguation: by.disambiguation }),
    ...(by.aliases && { aliases: by.aliases }),
  };
}

/** A MusicBrainz release-group row: `count` is how many releases (editions) the group has. */
export function rg(
  slug: string,
  title: string,
  date: string,
  by: Credit,
  count: number,
  more: { type?: string; secondary?: string[]; score?: number } = {},
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
        artist: { id: mbid(`artist:${by.slug}`), ...artistFields(by) } as MbArtistCredit,
      },
    ],
    count,
  };
}

/** A MusicBrainz artist search row. */
export function artist(by: Credit, score: number, more: { type?: string; country?: string } = {}): MbArtist {
  return {
    id: mbid(`artist:${by.slug}`),
    score,
    ...(artistFields(by) as Pick<MbArtist, 'name'>),
    type: more.type ?? 'Group',
    ...(more.country && { country: more.country }),
  };
}

export const artistKey = (slug: string) => `artist:mb:${mbid(`artist:${slug}`)}`;
export const albumKey = (slug: string) => `album:mb:${mbid(`rg:${slug}`)}`;
export const movieKey = (id: number) => `movie:tmdb:${id}`;
export const seriesKey = (id: number) => `series:tmdb:${id}`;
