/**
 * The catalog schemas and mappers against real recorded answers (test/fixtures/SOURCES.md), not
 * only against our fakes: the traps the recordings hold (null posters, "" dates, partial dates,
 * credited names that differ from the artist's name) must map the way the adapters promise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as mb from '../../../adapters/catalog/musicbrainz/map.js';
import { artistSearch, releaseGroupSearch } from '../../../adapters/catalog/musicbrainz/schemas.js';
import * as spotify from '../../../adapters/catalog/spotify/map.js';
import { searchResponse } from '../../../adapters/catalog/spotify/schemas.js';
import { rowKind, toExternalIds, toHit } from '../../../adapters/catalog/tmdb/map.js';
import { searchPage, tvExternalIds } from '../../../adapters/catalog/tmdb/schemas.js';

const IMAGES = 'https://image.tmdb.org/t/p/w342/';

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
}

describe('TMDb recordings', () => {
  it('search/multi (2025): tv and movie rows map; a null poster gives no posterUrl', () => {
    const page = searchPage.parse(fixture('tmdb/search-multi.game-of-thrones.json'));
    const hits = page.results.map((r) => toHit(r, rowKind(r)!, IMAGES));
    expect(hits[0]).toMatchObject({
      kind: 'series',
      title: 'Game of Thrones',
      year: 2011,
      ids: { tmdb: 1399 },
    });
    expect(hits[0]?.posterUrl).toBe('https://image.tmdb.org/t/p/w342/1XS1oqL89opfnbLl8WnZY1O1uJx.jpg');
    expect(hits[1]).toMatchObject({ kind: 'movie', year: 2017 });
    expect(hits[2]?.kind).toBe('movie');
    expect(hits[2]?.posterUrl).toBeUndefined();
    for (const h of hits) expect(h?.popularity).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h?.popularity).toBeLessThanOrEqual(1);
  });

  it('a person row has no kind, so it is dropped', () => {
    const page = searchPage.parse(fixture('tmdb/search-person.tom-hanks.json'));
    const row = { ...page.results[0]!, media_type: 'person' };
    expect(rowKind(row)).toBeUndefined();
  });

  it('search/movie with release_date "" maps to no year', () => {
    const page = searchPage.parse(fixture('tmdb/search-movie.game-of-thrones.nulls.json'));
    const [undated] = page.results.map((r) => toHit(r, 'movie', IMAGES));
    expect(undated?.title).toBe('Game of Thrones Live Concert Experience 2018');
    expect(undated?.year).toBeUndefined();
  });

  it('tv/1399/external_ids gives the TVDB and IMDb ids', () => {
    expect(toExternalIds(tvExternalIds.parse(fixture('tmdb/tv-external-ids.1399.json')))).toEqual({
      tvdb: 121361,
      imdb: 'tt0944947',
    });
    expect(toExternalIds(tvExternalIds.parse({ id: 1, imdb_id: null, tvdb_id: null }))).toEqual({});
    expect(toExternalIds(tvExternalIds.parse({ id: 1 }))).toEqual({});
  });
});

describe('MusicBrainz recordings', () => {
  it('artist search (2021): rows with and without type, country and disambiguation', () => {
    const body = artistSearch.parse(fixture('musicbrainz/artist-search.manowar.json'));
    const [manowar, womanowar] = body.artists.map(mb.artistToHit);
    expect(manowar).toEqual({
      source: 'musicbrainz',
      kind: 'artist',
      title: 'Manowar',
      ids: { mbArtist: '00eeed6b-5897-4359-8347-b8cd28375331' },
      overview: 'Group from US',
      otherTitles: ["Man o' War"],
    });
    expect(womanowar?.overview).toBeUndefined();
    expect(body.artists.map((a) => a.score)).toEqual([100, 39, 39]);
  });

  it('release-group search: partial dates, credited names, release counts', () => {
    const body = releaseGroupSearch.parse(
      fixture('musicbrainz/release-group-search.in-times-before-the-light.json'),
    );
    const [remix, original] = body['release-groups'].map(mb.releaseGroupToHit);
    expect(remix?.overview).toBe('Remix album by The Kovenant (2002)');
    expect(original).toMatchObject({
      kind: 'album',
      year: 1997, // first-release-date "1997"
      artistName: 'Covenant', // as credited then; the artist is now The Kovenant
      ids: {
        mbReleaseGroup: '422496f0-d2b5-30a6-806e-cf5b7e70c28f',
        mbArtist: 'cc6fed9a-a14b-46e1-a5b0-97f740e66e6a',
      },
    });
    // `count` (4), not the trimmed releases list (2), is the group's size.
    expect(original?.popularity).toBeCloseTo(Math.log1p(4) / Math.log1p(99), 6);
  });

  it('release-group search: the credited artist’s sort name and aliases are its other titles', () => {
    const body = releaseGroupSearch.parse(
      fixture('musicbrainz/release-group-search.in-times-before-the-light.json'),
    );
    const kovenant = mb.creditedArtists(body['release-groups']).find((a) => a.title === 'The Kovenant');
    // Its sort name, and "Covenant": the 1997 album's credit, the name it had until 1999.
    expect(kovenant?.otherTitles).toEqual(['Kovenant, The', 'Covenant']);
  });
});

describe('Spotify recordings', () => {
  it('artist search (2015): popularity 0 maps to 0, widest image first', () => {
    const body = searchResponse.parse(fixture('spotify/search.artist.tania-bowra.json'));
    const [hit] = (body.artists?.items ?? []).map((a) => spotify.artistToHit(a!));
    expect(hit).toMatchObject({ kind: 'artist', title: 'Tania Bowra', popularity: 0 });
    expect(hit?.posterUrl).toMatch(/f2798ddab0c7b76dc2d270b65c4f67ddef7f6718$/);
  });

  it('album search (2024): two artists, a single', () => {
    const body = searchResponse.parse(fixture('spotify/search.album-upc.found.json'));
    const [hit] = (body.albums?.items ?? []).map((a) => spotify.albumToHit(a!));
    expect(hit).toMatchObject({
      kind: 'album',
      title: 'Die With A Smile',
      artistName: 'Lady Gaga, Bruno Mars',
      year: 2024,
      overview: 'Single by Lady Gaga, Bruno Mars (2024)',
      ids: { spotify: '10FLjwfpbxLmW8c25Xyc2N' },
    });
  });
});
