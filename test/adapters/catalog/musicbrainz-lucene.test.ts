/**
 * Titles typed in capitals meet Lucene's operators: MusicBrainz reads an upper-case NOT, AND or
 * OR as syntax, so "NOT FADE AWAY" would search for albums without the word "fade". The fake
 * reads queries as Lucene does (test/fakes/lucene-query.ts); the albums here are made up for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeLucene } from '../../../adapters/catalog/musicbrainz/escape-lucene.js';
import { MusicBrainzCatalog } from '../../../adapters/catalog/musicbrainz/musicbrainz-catalog.js';
import type { WorldAlbum, WorldArtist } from '../../fixtures/world.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz.js';

const artists: WorldArtist[] = [
  { mbid: '0d1c5a2e-7b3f-4e8a-9c61-2f4b8d0e1a01', name: 'The Crickets', type: 'Group', synthetic: true },
  { mbid: '0d1c5a2e-7b3f-4e8a-9c61-2f4b8d0e1a02', name: 'Bob Dylan', type: 'Person', synthetic: true },
  { mbid: '0d1c5a2e-7b3f-4e8a-9c61-2f4b8d0e1a03', name: 'Night Thieves', type: 'Group', synthetic: true },
];
const album = (n: number, title: string, artist: number, releases: number): WorldAlbum => ({
  mbid: `5e2a7c1d-3f4b-4a8e-8d21-9b0c1e2f3a0${n}`,
  title,
  artistMbid: artists[artist]?.mbid ?? '',
  primaryType: 'Album',
  secondaryTypes: [],
  firstReleaseDate: '2001',
  releases,
  synthetic: true,
});
const albums = [
  album(1, 'Not Fade Away', 0, 5),
  album(2, 'Love and Theft', 1, 12),
  album(3, 'Theft of Love', 2, 30),
];

let fake: FakeMusicBrainz;
beforeEach(async () => {
  fake = await startFakeMusicBrainz({ minIntervalMs: 0, artists, albums });
});
afterEach(() => fake.close());

const catalog = () => new MusicBrainzCatalog({ baseUrl: fake.baseUrl, minIntervalMs: 0, timeoutMs: 2000 });
const signal = () => AbortSignal.timeout(5000);

describe('GIVEN a title in capitals', () => {
  it('THEN NOT is a word of “NOT FADE AWAY”, not an exclusion', async () => {
    const hits = await catalog().search({ title: 'NOT FADE AWAY', hint: 'album' }, signal());
    expect(hits.map((h) => h.title)).toEqual(['Not Fade Away']);
  });

  it('THEN the same holds in the combined artist-or-album search', async () => {
    const hits = await catalog().search({ title: 'NOT FADE AWAY' }, signal());
    expect(hits.map((h) => `${h.kind}:${h.title}`)).toContain('album:Not Fade Away');
  });

  it('THEN AND is a word of “LOVE AND THEFT”: that album, not every album with both words', async () => {
    const hits = await catalog().search({ title: 'LOVE AND THEFT', hint: 'album' }, signal());
    expect(hits.map((h) => h.title)).toEqual(['Love and Theft']);
  });
});

describe('escapeLucene', () => {
  it('lower-cases whole-word operators and escapes the symbol ones, leaving other words alone', () => {
    expect(escapeLucene('Love AND Theft OR NOT Dead')).toBe('Love and Theft or not Dead');
    expect(escapeLucene('Rock && Roll || !Me')).toBe('Rock \\&\\& Roll \\|\\| \\!Me');
    expect(escapeLucene('ANDY NOTORIOUS ORB and or not')).toBe('ANDY NOTORIOUS ORB and or not');
  });
});
