/**
 * The doctor's lines for subtitles from the operator's library: Bazarr's key, each MEDIA_PATH_MAP
 * folder on this machine, and every Radarr/Sonarr root folder under a mapped one.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLibrarySources } from '../../adapters/doctor/library-checks.js';
import { loadConfig } from '../../src/config.js';
import { startFakeBazarr, type FakeBazarr } from '../fakes/bazarr.js';
import { startFakeRadarr, type FakeRadarr } from '../fakes/radarr.js';

const BAZARR_KEY = 'bazarr-doctor-key-4242';
const RADARR_KEY = 'radarr-doctor-key-4242';
let bazarr: FakeBazarr;
let radarr: FakeRadarr;
let tmp: string;

beforeAll(async () => {
  [bazarr, radarr] = await Promise.all([
    startFakeBazarr({ apiKey: BAZARR_KEY }),
    startFakeRadarr({ apiKey: RADARR_KEY }),
  ]);
  tmp = mkdtempSync(join(tmpdir(), 'reelbot-doctor-library-'));
  mkdirSync(join(tmp, 'movies'));
});
afterAll(async () => {
  await Promise.all([bazarr.close(), radarr.close()]);
  rmSync(tmp, { recursive: true, force: true });
});

const lines = async (env: Record<string, string>) =>
  (await checkLibrarySources(loadConfig(env), 3000)).map(
    (c) => `${c.status} ${c.name}: ${c.detail}${c.fix ? ` → ${c.fix}` : ''}`,
  );

describe('doctor: library subtitles', () => {
  it('GIVEN Bazarr, a readable mapped folder and Radarr’s root folder mapped THEN all ✓', async () => {
    expect(
      await lines({
        BAZARR_URL: bazarr.url,
        BAZARR_API_KEY: BAZARR_KEY,
        MEDIA_PATH_MAP: `/tmp:${join(tmp, 'movies')}`,
        RADARR_URL: radarr.url,
        RADARR_API_KEY: RADARR_KEY,
      }),
    ).toEqual([
      'ok Bazarr: reachable, key accepted (Bazarr v1.5.1)',
      `ok MEDIA_PATH_MAP /tmp: ${join(tmp, 'movies')} can be read`,
    ]);
    expect(bazarr.callsTo('GET', '/api/system/status').at(-1)?.headers['x-api-key']).toBe(BAZARR_KEY);
  });

  it('GIVEN a wrong Bazarr key, a folder missing here and a Radarr root folder not mapped THEN one ✗ each, with the fix', async () => {
    const wrong = 'wrong-bazarr-key-0007';
    const out = await lines({
      BAZARR_URL: bazarr.url,
      BAZARR_API_KEY: wrong,
      MEDIA_PATH_MAP: `/data/movies:${join(tmp, 'nowhere')}`,
      RADARR_URL: radarr.url,
      RADARR_API_KEY: RADARR_KEY,
    });
    expect(out).toEqual([
      'fail Bazarr: rejected the key (HTTP 401) → copy the key again from Bazarr → Settings → General → Security → API Key into BAZARR_API_KEY',
      `fail MEDIA_PATH_MAP /data/movies: ${join(tmp, 'nowhere')} does not exist on this machine → mount the folder /data/movies into the bot at ${join(tmp, 'nowhere')} (read-only is enough), or fix MEDIA_PATH_MAP`,
      'fail Radarr root folder /tmp: not under any MEDIA_PATH_MAP folder, so subtitles beside its media cannot be read → add /tmp:<the same folder on this machine> to MEDIA_PATH_MAP',
    ]);
    expect(out.join('\n')).not.toContain(wrong);
  });

  it('GIVEN Bazarr without MEDIA_PATH_MAP THEN ✗: its API gives paths, not text', async () => {
    expect(await lines({ BAZARR_URL: bazarr.url, BAZARR_API_KEY: BAZARR_KEY })).toEqual([
      'ok Bazarr: reachable, key accepted (Bazarr v1.5.1)',
      'fail Bazarr: its API gives subtitle paths, not their text, and MEDIA_PATH_MAP is not set, so it is not used → set MEDIA_PATH_MAP to where the bot sees the media folders Radarr and Sonarr report (e.g. /data/movies:/mnt/movies)',
    ]);
  });

  it('GIVEN nothing set THEN one line saying it is optional', async () => {
    expect(await lines({})).toEqual([
      'info library subtitles: not configured (optional) → set MEDIA_PATH_MAP (and BAZARR_URL + BAZARR_API_KEY) to grade films from the subtitles you already have',
    ]);
  });
});
