/**
 * OpenSubtitles as a script source, against the fake API (test/fakes/opensubtitles.ts): which
 * subtitle it picks and how it asks for it, and what happens when the day's downloads run out,
 * the API says slow down, the key is wrong or a download link has expired.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenSubtitlesSource } from '../../../adapters/vocab/opensubtitles-source.js';
import { vocabEnv } from '../../../src/config/vocab-env.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../../src/core/vocab/ports.js';
import { FakeClock } from '../../core/fakes/clock.js';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from '../../fakes/opensubtitles.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

const KEY = 'os-app-key-5f1c9d2e8a';
const inception: ScriptQuery = {
  title: 'Inception',
  year: 2010,
  kind: 'movie',
  tmdbId: 27205,
  imdbId: 'tt1375666',
};
const signal = () => AbortSignal.timeout(10_000);

let os: FakeOpenSubtitles;
let clock: FakeClock;
let logger: CaptureLogger;

beforeEach(async () => {
  clock = new FakeClock('2025-06-01T12:00:00.000Z');
  logger = new CaptureLogger();
  os = await startFakeOpenSubtitles({ apiKey: KEY, now: () => clock.now().getTime(), anonymousDownloads: 5 });
});
afterEach(() => os.close());

function source(env: Record<string, string> = {}, fetchImpl?: typeof fetch): ScriptSource {
  const parsed = vocabEnv.parse({ OPENSUBTITLES_API_KEY: KEY, OPENSUBTITLES_BASE_URL: os.baseUrl, ...env });
  const s = createOpenSubtitlesSource(parsed, logger, { clock, ...(fetchImpl ? { fetchImpl } : {}) });
  if (!s) throw new Error('expected a source');
  return s;
}

function text(l: ScriptLookup): string {
  if (!l.found) throw new Error(`expected a script, got ${l.miss}`);
  return l.script.text;
}

const searches = (host = os) => host.callsTo('GET', '/api/v1/subtitles').map((c) => c.query);

describe('GIVEN a film the catalog knew by its ids', () => {
  it('THEN it searches by IMDb id, English only, once, without a redirect, and reads the file as a transcript', async () => {
    const found = await source().find(inception, signal());
    expect(text(found)).toMatch(/^This is the plain subtitle\.\n\nEvery dream starts in the middle\./);
    expect(found).toMatchObject({
      found: true,
      script: { format: 'transcript', source: 'opensubtitles', origin: 'Inception.2010.plain.en.srt' },
    });
    expect(searches()).toEqual([{ ai_translated: 'exclude', imdb_id: '1375666', languages: 'en' }]);
    const [search] = os.callsTo('GET', '/api/v1/subtitles');
    expect(search?.headers).toMatchObject({ 'api-key': KEY, 'user-agent': 'reelbot v0.1.0' });
    expect(search?.headers.authorization).toBeUndefined();
    expect(os.callsTo('POST', '/api/v1/download').map((c) => c.body)).toEqual([{ file_id: 9_000_005 }]);
  });

  it('THEN the download link is fetched from its own host without the key', async () => {
    await source().find(inception, signal());
    const [get] = os.downloads.calls;
    expect(get?.path).toMatch(/^\/download\/[0-9A-F]+\/subfile\/Inception\.2010\.plain\.en\.srt$/);
    expect(get?.headers['api-key']).toBeUndefined();
  });

  it('THEN with only a TMDb id it says the id is a film’s', async () => {
    await source().find({ title: 'Inception', kind: 'movie', tmdbId: 27205 }, signal());
    expect(searches()).toEqual([
      { ai_translated: 'exclude', languages: 'en', tmdb_id: '27205', type: 'movie' },
    ]);
  });

  it('THEN OPENSUBTITLES_APP_NAME names the app in the User-Agent', async () => {
    await source({ OPENSUBTITLES_APP_NAME: 'Family Vocab' }).find(inception, signal());
    expect(os.calls[0]?.headers['user-agent']).toBe('Family Vocab v0.1.0');
  });
});

describe('GIVEN several English subtitles for the film', () => {
  it('THEN machine- and AI-translated, foreign-parts-only and Spanish ones are passed over, and the hearing-impaired one although it is more downloaded', async () => {
    const found = text(await source().find(inception, signal()));
    for (const skipped of [
      'machine-translated',
      'AI-translated',
      'foreign-parts',
      'Spanish',
      'hearing-impaired',
    ])
      expect(found).not.toContain(`the ${skipped} subtitle`);
  });

  it('THEN when every one has hearing-impaired notes, the most downloaded of those is taken', async () => {
    const found = await source().find(
      { title: 'The Prestige', kind: 'movie', imdbId: 'tt0482571' },
      signal(),
    );
    expect(text(found)).toMatch(/^This is the HI popular subtitle\./);
  });
});

describe('GIVEN an episode of a series', () => {
  it('THEN it searches by the series’ id with season and episode numbers and avoids the HI file', async () => {
    const q: ScriptQuery = {
      title: 'Dream Street',
      kind: 'tv',
      tmdbId: 7001,
      episode: { season: 1, episode: 2 },
    };
    expect(text(await source().find(q, signal()))).toMatch(/^This is the S01E02 subtitle\./);
    expect(searches()).toEqual([
      {
        ai_translated: 'exclude',
        episode_number: '2',
        languages: 'en',
        parent_tmdb_id: '7001',
        season_number: '1',
      },
    ]);
  });
});

describe('GIVEN a film OpenSubtitles does not know by the catalog’s id', () => {
  it('THEN it falls back to the title and year, and takes the film of that title, not one that starts like it', async () => {
    const found = await source().find(
      { title: 'Heist Night', year: 2021, kind: 'movie', tmdbId: 999_999 },
      signal(),
    );
    expect(text(found)).toMatch(/^This is the heist night subtitle\./);
    expect(searches()).toEqual([
      { ai_translated: 'exclude', languages: 'en', tmdb_id: '999999', type: 'movie' },
      { ai_translated: 'exclude', languages: 'en', query: 'heist night', type: 'movie', year: '2021' },
    ]);
  });

  it('THEN without a year the title must still match: "Heist Night Club" is not "Heist Night"', async () => {
    const found = await source().find({ title: 'Heist Night' }, signal());
    expect(text(found)).toMatch(/^This is the heist night subtitle\./);
  });

  it('THEN a title with no subtitles at all is not_found, and nothing is downloaded', async () => {
    const found = await source().find({ title: 'Untitled Project', kind: 'movie', tmdbId: 4242 }, signal());
    expect(found).toEqual({ found: false, miss: 'not_found' });
    expect(searches()).toHaveLength(2);
    expect(os.callsTo('POST', '/api/v1/download')).toHaveLength(0);
  });
});

describe('GIVEN the day’s downloads run out', () => {
  it('THEN the last download still counts, and after it the quota miss names the reset time without asking again until then', async () => {
    await os.close();
    os = await startFakeOpenSubtitles({
      apiKey: KEY,
      now: () => clock.now().getTime(),
      anonymousDownloads: 2,
    });
    const s = source();
    expect((await s.find(inception, signal())).found).toBe(true);
    expect((await s.find({ title: 'The Prestige', imdbId: 'tt0482571' }, signal())).found).toBe(true);
    const calls = os.calls.length;

    expect(await s.find({ title: 'Heist Night' }, signal())).toEqual({
      found: false,
      miss: 'quota',
      detail: '2025-06-01T23:59:59.000Z',
    });
    clock.advance(6 * 3600_000);
    expect((await s.find(inception, signal())).found).toBe(false);
    expect(os.calls.length).toBe(calls);

    clock.advance(6 * 3600_000);
    expect(text(await s.find(inception, signal()))).toContain('plain subtitle');
    expect(os.calls.length).toBeGreaterThan(calls);
  });

  it('THEN a 406 from downloads spent elsewhere (same IP) gives the reset time from its message, and nothing more is asked', async () => {
    await os.close();
    os = await startFakeOpenSubtitles({
      apiKey: KEY,
      now: () => clock.now().getTime(),
      anonymousDownloads: 1,
    });
    await source().find(inception, signal()); // another reelbot, or a player on the same network
    const s = source();
    const before = os.calls.length;
    expect(await s.find(inception, signal())).toEqual({
      found: false,
      miss: 'quota',
      detail: '2025-06-01T23:59:59.000Z',
    });
    expect(os.calls.length - before).toBe(2); // the search and the refused download
    await s.find({ title: 'Heist Night' }, signal());
    expect(os.calls.length - before).toBe(2);
  });
});

describe('GIVEN the API says slow down (429)', () => {
  const throttled = (seconds: number) => ({
    kind: 'status' as const,
    status: 429,
    // getting started, 429 Too Many Requests; Kong's headers, and Retry-After as jellyfin's
    // RequestHandler.cs reads it.
    body: { message: 'Throttle limit reached. Retry later.', status: 429 },
    headers: {
      'retry-after': String(seconds),
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(seconds),
      'x-ratelimit-limit-second': '5',
      'x-ratelimit-remaining-second': '0',
    },
  });

  it('THEN a short wait is waited out and the search asked again', async () => {
    os.fail(throttled(1), 1);
    const started = Date.now();
    expect((await source().find(inception, signal())).found).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(searches()).toHaveLength(2);
  });

  it('THEN a long one fails at once as rate_limited, with the wait the API named', async () => {
    os.fail(throttled(30));
    const err = await source()
      .find(inception, signal())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({
      service: 'opensubtitles',
      failure: 'rate_limited',
      status: 429,
      retryAfter: 30,
    });
    expect(os.calls).toHaveLength(1);
  });
});

describe('GIVEN a wrong API key', () => {
  it('THEN the 403 "You cannot consume this service" is an auth failure that does not show the key', async () => {
    const wrong = 'not-the-app-key-77aa';
    const err = await source({ OPENSUBTITLES_API_KEY: wrong })
      .find(inception, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'auth', status: 403, detail: 'You cannot consume this service' });
    expect(String((err as Error).message)).not.toContain(wrong);
    expect(logger.dump()).not.toContain(wrong);
  });
});

describe('GIVEN the download link has expired before it is fetched', () => {
  /** More than 3 hours pass between POST /download and fetching its link, `times` times. */
  const lateBy = (times: number): typeof fetch => {
    let left = times;
    return (input, init) => {
      if (left > 0 && String(input).startsWith(os.downloads.url)) {
        left -= 1;
        os.expireLinks();
      }
      return fetch(input, init);
    };
  };

  it('THEN one fresh link is asked for (it counts as a download) and that one is read', async () => {
    expect(text(await source({}, lateBy(1)).find(inception, signal()))).toContain('plain subtitle');
    expect(os.downloads.calls).toHaveLength(2);
    expect(os.callsTo('POST', '/api/v1/download')).toHaveLength(2);
    expect(os.downloadsBy('ip:127.0.0.1')).toBe(2);
  });

  it('THEN a second expired link is an error, not a loop', async () => {
    await expect(source({}, lateBy(5)).find(inception, signal())).rejects.toMatchObject({ status: 410 });
    expect(os.callsTo('POST', '/api/v1/download')).toHaveLength(2);
  });
});

describe('without an API key', () => {
  it('THEN there is no OpenSubtitles source', () => {
    expect(createOpenSubtitlesSource(vocabEnv.parse({}), logger)).toBeUndefined();
  });
});
