import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const run = promisify(execFile);

describe('configuration', () => {
  it('gives working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.core.DATA_DIR).toBe('./data');
    expect(c.core.PROCESS_CRON).toBe('*/5 * * * *');
    expect(c.catalog.TMDB_BASE_URL).toBe('https://api.themoviedb.org/3');
    expect(c.catalog.MUSICBRAINZ_MIN_INTERVAL_MS).toBe(1000);
    expect(c.telegram.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('treats blank values as unset and trims URL slashes', () => {
    const c = loadConfig({ TMDB_API_KEY: '', SONARR_URL: 'http://localhost:8989/', SONARR_API_KEY: 'k' });
    expect(c.catalog.TMDB_API_KEY).toBeUndefined();
    expect(c.arr.SONARR_URL).toBe('http://localhost:8989');
  });

  it('reports every problem at once and never prints a secret value', () => {
    let error: unknown;
    try {
      loadConfig({
        TMDB_BASE_URL: 'not a url',
        DECISION_DEADLINE_MS: 'soon',
        LOG_LEVEL: 'loud',
        SONARR_URL: 'http://localhost:8989',
        DISCORD_TOKEN: 'super-secret-discord-token',
        ALLOWED_USERS: 'telegram:1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(
      [
        'DECISION_DEADLINE_MS',
        'DISCORD_APPLICATION_ID',
        'LOG_LEVEL',
        'SONARR_API_KEY',
        'TMDB_BASE_URL',
      ].sort(),
    );
    expect((error as Error).message).not.toContain('super-secret-discord-token');
  });

  it('masks the value of a secret variable that is itself invalid', () => {
    try {
      loadConfig({ MUSICBRAINZ_ENABLED: 'perhaps', DEEPL_BASE_URL: 'ftp://x' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain('MUSICBRAINZ_ENABLED');
      expect((e as Error).message).toContain('DEEPL_BASE_URL');
    }
  });

  it('never prints the credentials of a URL that is invalid for another reason', () => {
    try {
      loadConfig({ SONARR_URL: 'ftp://admin:hunter2@nas:8989', SONARR_API_KEY: 'k'.repeat(32) });
      expect.unreachable();
    } catch (e) {
      const text = (e as Error).message + JSON.stringify((e as { problems?: unknown }).problems);
      expect(text).toContain('SONARR_URL');
      expect(text).toContain('ftp://***@nas:8989');
      expect(text).not.toContain('hunter2');
    }
  });

  it('npm start with a bad value prints the problems and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-cfg-'));
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const result = await run(tsx, [join(process.cwd(), 'src/main.ts')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        TMDB_BASE_URL: 'nope',
        TELEGRAM_BOT_TOKEN: '',
        DEEPL_API_KEY: 'abcd-secret:fx',
        DEEPL_BASE_URL: 'x',
      },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TMDB_BASE_URL');
    expect(result.stderr).toContain('DEEPL_BASE_URL');
    expect(result.stderr).not.toContain('abcd-secret');
  });
});
