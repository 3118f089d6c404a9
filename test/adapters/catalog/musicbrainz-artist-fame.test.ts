/**
 * "add band Muse": MusicBrainz's artist search finds two artists called Muse and says nothing of
 * which one people mean. One more search, for the albums of both, tells them apart: the English
 * band's albums were pressed again and again, the namesake's once. Anything that goes wrong with
 * that search (late, throttled, cut short) leaves the artists as they were, never an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MusicBrainzCatalog } from '../../../adapters/catalog/musicbrainz/musicbrainz-catalog.js';
import type { WorldAlbum, WorldArtist } from '../../fixtures/world.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz.js';

/** Synthetic MBIDs: only their shape matters. */
const MUSE_GB = '0b0e0b0e-0001-4000-8000-000000000001';
const MUSE_JP = '0b0e0b0e-0002-4000-8000-000000000002';
const GHOST_SE = '0b0e0b0e-0003-4000-8000-000000000003';
const GHOST_JP = '0b0e0b0e-0004-4000-8000-000000000004';
const RADIOHEAD = '0b0e0b0e-0005-4000-8000-000000000005';
const ALBUMS_OF_MUSE = `arid:(${MUSE_GB} OR ${MUSE_JP}) AND primarytype:album AND NOT secondarytype:(compilation OR live)`;

const artists: WorldArtist[] = [
  { mbid: MUSE_GB, name: 'Muse', type: 'Group', country: 'GB' },
  { mbid: MUSE_JP, name: 'Muse', type: 'Group', country: 'JP', disambiguation: 'Japanese rock band' },
  { mbid: GHOST_SE, name: 'Ghost', type: 'Group', country: 'SE', disambiguation: 'Swedish rock band' },
  { mbid: GHOST_JP, name: 'Ghost', type: 'Group', country: 'JP', disambiguation: 'Japanese psych band' },
  { mbid: RADIOHEAD, name: 'Radiohead', type: 'Group', country: 'GB' },
];

let n = 0;
function album(artistMbid: string, releases: number, secondaryTypes: string[] = []): WorldAlbum {
  n += 1;
  const mbid = `0a1b0a1b-${n.toString(16).padStart(4, '0')}-4000-8000-000000000000`;
  return {
    mbid,
    title: `Album ${n}`,
    artistMbid,
    primaryType: 'Album',
    secondaryTypes,
    firstReleaseDate: '2001',
    releases,
  };
}

/** Nine albums pressed again and again, a live album and a best-of that do not count, one single. */
const museGb = [18, 21, 26, 31, 20, 17, 14, 12, 9].map((r) => album(MUSE_GB, r));
const museAlbums = [
  ...museGb,
  album(MUSE_GB, 11, ['Live']),
  album(MUSE_GB, 6, ['Compilation']),
  { ...album(MUSE_GB, 4), primaryType: 'Single' as const },
  album(MUSE_JP, 1),
];
const MUSE_GB_RELEASES = museGb.reduce((sum, a) => sum + a.releases, 0);
/** "Known" (0.5) at 19 releases across an artist's groups: the ceiling is (1 + 19)² − 1. */
const artistFame = (releases: number) => Math.log1p(releases) / Math.log1p(399);

let fake: FakeMusicBrainz;
afterEach(() => fake.close());

async function start(albums: WorldAlbum[], minIntervalMs = 0): Promise<void> {
  fake = await startFakeMusicBrainz({ minIntervalMs, artists, albums });
}

function catalog(minIntervalMs = 0): MusicBrainzCatalog {
  return new MusicBrainzCatalog({ baseUrl: fake.baseUrl, minIntervalMs, timeoutMs: 2000 });
}

const popularities = (hits: { ids: { mbArtist?: string }; popularity?: number }[]) =>
  Object.fromEntries(hits.map((h) => [h.ids.mbArtist, h.popularity]));

describe('two artists of one name', () => {
  it('GIVEN two artists called Muse THEN one search for their albums tells the English band (nine albums pressed again and again) from its namesake (one album, one release)', async () => {
    await start(museAlbums);
    const hits = await catalog().search(
      { title: 'Muse', hint: 'artist' },
      new AbortController().signal,
      Date.now() + 2000,
    );

    expect(popularities(hits)).toEqual({
      [MUSE_GB]: artistFame(MUSE_GB_RELEASES),
      [MUSE_JP]: artistFame(1),
    });
    expect(artistFame(MUSE_GB_RELEASES)).toBeGreaterThan(0.5);
    expect(fake.calls.map((c) => c.path)).toEqual(['/ws/2/artist', '/ws/2/release-group']);
    expect(fake.callsTo('GET', '/ws/2/release-group')[0]?.query).toMatchObject({
      query: ALBUMS_OF_MUSE,
      limit: '100',
      fmt: 'json',
    });
  });

  it('GIVEN two well-known artists called Ghost THEN both are known, so neither is chosen over the other', async () => {
    await start([
      ...[22, 19, 17, 15, 12].map((r) => album(GHOST_SE, r)),
      ...[5, 4, 4, 4, 3, 4, 4].map((r) => album(GHOST_JP, r)),
    ]);
    const hits = await catalog().search({ title: 'Ghost', hint: 'artist' }, new AbortController().signal);

    const pop = popularities(hits);
    expect(pop[GHOST_SE]).toBeCloseTo(artistFame(85), 9);
    expect(pop[GHOST_JP]).toBeCloseTo(artistFame(28), 9);
    expect(pop[GHOST_JP]).toBeGreaterThanOrEqual(0.5);
  });

  it('GIVEN one artist spelled as typed THEN no second request is spent', async () => {
    await start(museAlbums);
    const hits = await catalog().search({ title: 'Radiohead', hint: 'artist' }, new AbortController().signal);
    expect(hits.map((h) => h.popularity)).toEqual([undefined]);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('the albums search within the rate limit and the deadline', () => {
  it('GIVEN the public server’s one request a second and a 2 s deadline THEN the albums search waits its turn and still answers in time', async () => {
    await start(museAlbums, 1000);
    const started = Date.now();
    const hits = await catalog(1000).search(
      { title: 'Muse', hint: 'artist' },
      new AbortController().signal,
      started + 2000,
    );

    expect(popularities(hits)[MUSE_GB]).toBe(artistFame(MUSE_GB_RELEASES));
    expect(fake.throttled).toBe(0);
    expect(Date.now() - started).toBeLessThan(1750);
  });

  it('GIVEN the server throttles the albums search (503) THEN the artists come back as they were, without an error', async () => {
    // A server stricter than the client: the artist search passes, the albums search comes too soon.
    await start(museAlbums, 60_000);
    const started = Date.now();
    const hits = await catalog().search(
      { title: 'Muse', hint: 'artist' },
      new AbortController().signal,
      started + 2000,
    );

    expect(popularities(hits)).toEqual({ [MUSE_GB]: undefined, [MUSE_JP]: undefined });
    expect(fake.throttled).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('GIVEN the albums search would answer after the deadline THEN the artists come back as they were, before it', async () => {
    await start(museAlbums);
    fake.setLatency(500);
    const started = Date.now();
    const hits = await catalog().search(
      { title: 'Muse', hint: 'artist' },
      new AbortController().signal,
      started + 1200,
    );

    expect(popularities(hits)).toEqual({ [MUSE_GB]: undefined, [MUSE_JP]: undefined });
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('GIVEN more albums than one answer holds THEN no count is trusted: the artists come back as they were', async () => {
    await start([...Array.from({ length: 101 }, () => album(MUSE_GB, 3)), album(MUSE_JP, 1)]);
    const hits = await catalog().search({ title: 'Muse', hint: 'artist' }, new AbortController().signal);

    expect(fake.callsTo('GET', '/ws/2/release-group')).toHaveLength(1);
    expect(popularities(hits)).toEqual({ [MUSE_GB]: undefined, [MUSE_JP]: undefined });
  });
});
