/**
 * The whole bot, talked to as a person would (test/helpers/world.ts), with every script source
 * configured: the operator's library (fake Radarr and Sonarr of the world, a fake Bazarr, subtitle
 * files in a temp folder behind MEDIA_PATH_MAP), a fake IMSDb and a fake OpenSubtitles, and TMDb
 * for titles, ids and episode counts. Which source grades what, and what the reply says about it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBazarr, type FakeBazarr } from '../../fakes/bazarr.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from '../../fakes/opensubtitles.js';
import { srt, type FakeFeature, type FakeSubtitle } from '../../fakes/opensubtitles-catalog.js';
import { startWorld, type World } from '../../helpers/world.js';

const OS_KEY = 'os-story-key-31c7a0';
const BAZARR_KEY = 'bazarr-story-key-8e21f4';

let world: World;
let imsdb: FakeImsdb;
let os: FakeOpenSubtitles;
let bazarr: FakeBazarr;
let media: string;

beforeEach(async () => {
  media = mkdtempSync(join(tmpdir(), 'reelbot-media-'));
  [imsdb, os, bazarr] = await Promise.all([
    startFakeImsdb(),
    startFakeOpenSubtitles({ apiKey: OS_KEY, anonymousDownloads: 5 }),
    startFakeBazarr({ apiKey: BAZARR_KEY }),
  ]);
  world = await startWorld({
    musicbrainz: false,
    lidarr: false,
    env: {
      IMSDB_BASE_URL: imsdb.url,
      OPENSUBTITLES_API_KEY: OS_KEY,
      OPENSUBTITLES_BASE_URL: os.baseUrl,
      BAZARR_URL: bazarr.url,
      BAZARR_API_KEY: BAZARR_KEY,
      MEDIA_PATH_MAP: `/data/movies:${join(media, 'movies')}`,
      SCRIPT_TIMEOUT_MS: '3000',
    },
  });
});
afterEach(async () => {
  await Promise.all([world.close(), imsdb.close(), os.close(), bazarr.close()]);
  rmSync(media, { recursive: true, force: true });
});

/** A subtitle on the fake OpenSubtitles for a world film or a Breaking Bad episode (TMDb 1396). */
function offer(feature: Omit<FakeFeature, 'featureId'>, label: string): void {
  const fileId = 9_500_000 + os.subtitles.length;
  const release = `${feature.parent?.title ?? feature.title}.${feature.year}.${label}`;
  const sub: FakeSubtitle = {
    subtitleId: String(fileId),
    fileId,
    language: 'en',
    release,
    fileName: `${release}.en`,
    downloads: 1000,
    feature: { ...feature, featureId: fileId },
    content: srt(label),
  };
  os.subtitles.push(sub);
}

const breakingBad = { title: 'Breaking Bad', imdbId: 903747, tmdbId: 1396, featureId: 700000 };
function offerEpisode(season: number, episode: number): void {
  offer(
    {
      type: 'Episode',
      title: `Episode ${episode}`,
      year: 2008,
      imdbId: 9_000_000 + episode,
      tmdbId: 62_000 + episode,
      parent: breakingBad,
      season,
      episode,
    },
    `S0${season}E0${episode}`,
  );
}

const downloads = () => os.callsTo('POST', '/api/v1/download').length;

describe('GIVEN a film missing from IMSDb', () => {
  it('THEN it is graded from OpenSubtitles, found by its TMDb ids, and the reply says so', async () => {
    offer({ type: 'Movie', title: 'Heat', year: 1995, imdbId: 113277, tmdbId: 949 }, 'Heat plain');
    const reply = await world.say('vocab Heat in French');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text.split('\n')[0]).toBe(
      'Bazarr: no subtitles for Heat; library files: no subtitles for Heat; IMSDb: no script for Heat; used OpenSubtitles.',
    );
    expect(reply.text).toContain('Heat (1995): vocabulary from the OpenSubtitles subtitles');
    expect(reply.text).toMatch(/Source: OpenSubtitles \(subtitles\)\.$/);
    expect(world.tmdb?.callsTo('GET', '/3/movie/949')).toHaveLength(1);
    expect(os.callsTo('GET', '/api/v1/subtitles').map((c) => c.query.imdb_id)).toEqual(['113277']);
    expect(downloads()).toBe(1);
  });
});

describe('GIVEN a film in the library', () => {
  it('THEN Bazarr’s subtitle grades it, and neither IMSDb nor OpenSubtitles is asked', async () => {
    const radarr = world.radarr!;
    radarr.addRootFolder('/data/movies');
    const id = radarr.addToLibrary(27205, { hasFile: true, rootFolderPath: '/data/movies' });
    const film = String((radarr.movie(id)?.movieFile as { path: string }).path);
    const subtitle = film.replace(/\.mkv$/, '.en.srt');
    const local = join(media, subtitle.replace(/^\/data\//, ''));
    mkdirSync(dirname(local), { recursive: true });
    writeFileSync(local, srt('library copy'));
    bazarr.addMovie({
      radarrId: id,
      title: 'Inception',
      year: 2010,
      path: film,
      subtitles: [{ language: 'en', path: subtitle }],
    });

    const reply = await world.say('vocab Inception');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Inception \(2010\): vocabulary from the Bazarr subtitles/);
    expect(reply.text).toMatch(
      /Source: Bazarr \(subtitles\)\. Say “vocab Inception from script” for the screenplay\.$/,
    );
    expect(imsdb.calls).toEqual([]);
    expect(os.calls).toEqual([]);

    const screenplay = await world.say('vocab Inception from script');
    expect(screenplay.text).toMatch(/^Inception \(2010\): vocabulary from the IMSDb script/);
    expect(imsdb.scriptFetches()).toBe(1);
  });
});

describe('GIVEN an episode, and then its season', () => {
  it('THEN the episode is graded from OpenSubtitles by the series’ ids, and the season as one list with its words per episode', async () => {
    for (const e of [1, 2, 3, 5]) offerEpisode(1, e);

    const episode = await world.say('vocab Breaking Bad S01E01 in French');
    expect(episode.code).toBe('vocab.profile');
    expect(episode.text).toMatch(
      /^Breaking Bad S01E01 \(2008\): vocabulary from the OpenSubtitles subtitles/m,
    );
    expect(world.tmdb?.callsTo('GET', '/3/tv/1396').map((c) => c.query.append_to_response)).toEqual([
      'external_ids',
    ]);
    expect(os.callsTo('GET', '/api/v1/subtitles').at(-1)?.query).toMatchObject({
      parent_imdb_id: '903747',
      season_number: '1',
      episode_number: '1',
    });
    expect(imsdb.calls).toEqual([]);

    const season = await world.say('vocab Breaking Bad season 1');
    expect(season.code).toBe('vocab.profile');
    const lines = season.text.split('\n');
    expect(lines[0]).toMatch(
      /^Season 1 of Breaking Bad, 4 episodes as one list\. Words per episode: E1 \d+ · E2 \d+ · E3 \d+ · E5 \d+\.$/,
    );
    // TMDb counts 7 episodes in season 1.
    expect(lines[1]).toBe('Not in the list: E4, E6–E7 (no subtitles found).');
    // Episode 1 came from the script cache: it is downloaded once, for the episode.
    expect(downloads()).toBe(4);
  });

  it('THEN the quota running out mid-season leaves a list of what was fetched, saying what is missing and when it resets', async () => {
    for (let e = 1; e <= 7; e++) offerEpisode(1, e);

    const season = await world.say('vocab Breaking Bad season 1');
    expect(season.code).toBe('vocab.profile');
    const lines = season.text.split('\n');
    expect(lines[0]).toMatch(/^Season 1 of Breaking Bad, 5 episodes as one list\./);
    expect(lines[1]).toBe(
      'Not in the list: E6–E7 (no downloads left today (it resets at 23:59 UTC); ask again then).',
    );
    expect(os.downloadsBy('ip:127.0.0.1')).toBe(5);
    // At most the one asked alongside the fifth is refused; after that OpenSubtitles is not asked again.
    expect(downloads()).toBeLessThanOrEqual(6);
  });
});

describe('GIVEN one source down', () => {
  it('THEN the next one is used, with a line saying so', async () => {
    await imsdb.down();
    const reply = await world.say('vocab Inception');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text.split('\n')[0]).toMatch(
      /^Bazarr: no subtitles for Inception; library files: no subtitles for Inception; IMSDb: can’t reach it \(.+\); used OpenSubtitles\.$/,
    );
    expect(reply.text).toContain('Inception (2010): vocabulary from the OpenSubtitles subtitles');
  });
});
