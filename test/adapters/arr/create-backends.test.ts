import { describe, expect, it } from 'vitest';
import { createBackends } from '../../../adapters/arr/create-backends.js';
import { arrEnv } from '../../../src/config/arr-env.js';
import { loadConfig, ConfigError } from '../../../src/config.js';
import { recordingLogger } from './helpers.js';

const url = 'http://127.0.0.1:9';

describe('arr environment', () => {
  it('GIVEN nothing set THEN the defaults are monitor all, search on add, minimumAvailability released', () => {
    const env = arrEnv.parse({});
    expect(env).toMatchObject({
      SONARR_MONITOR: 'all',
      SONARR_SEARCH_ON_ADD: true,
      RADARR_MINIMUM_AVAILABILITY: 'released',
      RADARR_SEARCH_ON_ADD: true,
      LIDARR_SEARCH_ON_ADD: true,
      OVERSEERR_USER_MAP: {},
    });
    // Unset on purpose: the Lidarr root folder's own defaultMonitorOption comes first.
    expect(env.LIDARR_MONITOR).toBeUndefined();
  });

  it('GIVEN an Overseerr user map THEN chat users map to Overseerr ids', () => {
    const env = arrEnv.parse({ OVERSEERR_USER_MAP: 'telegram:123456789=5, discord:80351110224678912=7' });
    expect(env.OVERSEERR_USER_MAP).toEqual({ 'telegram:123456789': 5, 'discord:80351110224678912': 7 });
  });

  it('GIVEN bad values THEN every problem is reported with its variable, and the key stays hidden', () => {
    const err = (() => {
      try {
        loadConfig({
          RADARR_MINIMUM_AVAILABILITY: 'someday',
          SONARR_MONITOR: 'everything',
          OVERSEERR_USER_MAP: 'alice=5',
          RADARR_4K_URL: url,
          SONARR_ANIME_URL: url,
          SONARR_ANIME_API_KEY: 'anime-secret-key-1',
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems.map((p) => p.variable)).toEqual(
      expect.arrayContaining([
        'RADARR_MINIMUM_AVAILABILITY',
        'SONARR_MONITOR',
        'OVERSEERR_USER_MAP',
        'RADARR_4K_API_KEY',
      ]),
    );
    expect(problems.find((p) => p.variable === 'RADARR_MINIMUM_AVAILABILITY')?.message).toContain(
      'tba, announced, inCinemas, released',
    );
    expect((err as Error).message).not.toContain('anime-secret-key-1');
  });

  it('GIVEN a second instance URL without its key THEN that key is named as missing', () => {
    const parsed = arrEnv.safeParse({ RADARR_4K_URL: url });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['RADARR_4K_API_KEY'] });
  });
});

describe('createBackends', () => {
  it('GIVEN nothing configured THEN no backends and no catalogs', () => {
    expect(createBackends(arrEnv.parse({}), recordingLogger())).toEqual({ backends: [], catalogs: [] });
  });

  it('GIVEN a URL without a key THEN that instance is not built', () => {
    const { backends } = createBackends(
      arrEnv.parse({ SONARR_URL: url, LIDARR_API_KEY: 'k' }),
      recordingLogger(),
    );
    expect(backends).toEqual([]);
  });

  it('GIVEN everything configured THEN each instance is a backend with its label, Overseerr first, and one catalog per app', () => {
    const env = arrEnv.parse({
      SONARR_URL: url,
      SONARR_API_KEY: 'k1',
      SONARR_4K_URL: url,
      SONARR_4K_API_KEY: 'k2',
      SONARR_ANIME_URL: url,
      SONARR_ANIME_API_KEY: 'k3',
      RADARR_URL: url,
      RADARR_API_KEY: 'k4',
      RADARR_4K_URL: url,
      RADARR_4K_API_KEY: 'k5',
      LIDARR_URL: url,
      LIDARR_API_KEY: 'k6',
      OVERSEERR_URL: url,
      OVERSEERR_API_KEY: 'k7',
    });
    const logger = recordingLogger();
    const { backends, catalogs } = createBackends(env, logger);

    expect(backends.map((b) => [b.name, b.label, [...b.kinds]])).toEqual([
      ['overseerr', 'Overseerr', ['movie', 'series']],
      ['sonarr', 'Sonarr', ['series']],
      ['sonarr-4k', 'Sonarr 4K', ['series']],
      ['sonarr-anime', 'Sonarr Anime', ['series']],
      ['radarr', 'Radarr', ['movie']],
      ['radarr-4k', 'Radarr 4K', ['movie']],
      ['lidarr', 'Lidarr', ['artist', 'album']],
    ]);
    expect(catalogs.map((c) => [c.name, [...c.kinds]])).toEqual([
      ['sonarr', ['series']],
      ['radarr', ['movie']],
      ['lidarr', ['artist', 'album']],
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/k[1-7]"/);
  });

  it('GIVEN only a 4K Radarr THEN it is the backend and also serves the radarr catalog', () => {
    const env = arrEnv.parse({ RADARR_4K_URL: url, RADARR_4K_API_KEY: 'k' });
    const { backends, catalogs } = createBackends(env, recordingLogger());
    expect(backends.map((b) => b.name)).toEqual(['radarr-4k']);
    expect(catalogs.map((c) => c.name)).toEqual(['radarr']);
  });
});
