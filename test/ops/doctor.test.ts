/**
 * `npm run doctor` as the host runs it (a child process, its own env, no .env of the developer's):
 * one line per check, ✗ only for what is broken, with how to fix it, and exit 1 when anything is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeImsdb, type FakeImsdb } from '../fakes/imsdb.js';
import { startWorld, type World } from '../helpers/world.js';
import { closedUrl, emptyEnvFile, runAdmin } from './run-script.js';

let world: World;
let imsdb: FakeImsdb;
beforeAll(async () => {
  imsdb = await startFakeImsdb();
  world = await startWorld({ env: { IMSDB_BASE_URL: imsdb.url } });
});
afterAll(async () => {
  await world.close();
  await imsdb.close();
});

describe('npm run doctor', () => {
  it('GIVEN every service healthy THEN every check passes and it exits 0', async () => {
    const r = await runAdmin(['doctor'], { ...world.env, ENV_FILE: emptyEnvFile() });
    expect(r.failures).toEqual([]);
    expect(r.code).toBe(0);
    for (const line of [
      '✓ configuration: valid',
      '✓ TMDb: search answered in',
      '✓ MusicBrainz: search answered in',
      '✓ Sonarr: reachable, key accepted (Sonarr 4.',
      '✓ Sonarr destination: quality profile',
      '✓ Radarr: reachable, key accepted',
      '✓ Lidarr destination: quality profile “Any”, root folder /music/, metadata profile “Standard”',
      '✓ IMSDb: reachable',
      '✓ word lists:',
    ])
      expect(r.stdout).toContain(line);
    expect(r.stdout).toContain('All checks passed.');
  }, 30_000);

  it('GIVEN a wrong Radarr key and Sonarr down THEN exactly those two ✗ lines, with fixes, and exit 1', async () => {
    const wrongKey = 'wrong-radarr-key-0001';
    await world.sonarr?.down();
    try {
      const r = await runAdmin(['doctor'], {
        ...world.env,
        RADARR_API_KEY: wrongKey,
        ENV_FILE: emptyEnvFile(),
      });
      expect(r.code).toBe(1);
      expect(r.failures).toEqual([
        `✗ Sonarr: not reachable at ${world.sonarr?.url} (ECONNREFUSED) → is Sonarr running and reachable from this machine? check SONARR_URL (now ${world.sonarr?.url})`,
        '✗ Radarr: rejected the key (HTTP 401) → copy the key again from Radarr → Settings → General → Security → API Key into RADARR_API_KEY',
      ]);
      expect(r.stdout).toContain('2 problems: fix the ✗ lines above, then run `npm run doctor` again.');
      expect(r.stdout + r.stderr).not.toContain(wrongKey);
    } finally {
      await world.sonarr?.up();
    }
  }, 30_000);

  it('GIVEN a fresh clone: no .env, nothing set, no network THEN it says what to set, line by line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'reelbot-fresh-'));
    // No internet in tests: the public MusicBrainz and IMSDb stand in as addresses that refuse.
    const [mb, scripts] = [await closedUrl(), await closedUrl()];
    const r = await runAdmin(
      ['doctor'],
      { MUSICBRAINZ_BASE_URL: `${mb}/ws/2`, IMSDB_BASE_URL: scripts },
      { cwd },
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      '– .env: not found: using the environment and the defaults → copy .env.example to .env and fill in what you have',
    );
    expect(lines).toContain('✓ data folder ./data: writable');
    expect(lines.find((l) => l.startsWith('– TMDb: not configured → set TMDB_API_KEY'))).toBeDefined();
    expect(r.failures).toEqual([
      `✗ MusicBrainz: not reachable at ${mb}/ws/2 (ECONNREFUSED) → check the network, or set MUSICBRAINZ_ENABLED=false to search without it`,
      '✗ where media goes: no Radarr, Sonarr, Lidarr or Overseerr configured, so nothing can be added → set RADARR_URL + RADARR_API_KEY (movies), SONARR_URL + SONARR_API_KEY (shows), LIDARR_URL + LIDARR_API_KEY (music)',
      `✗ IMSDb: not reachable at ${scripts} (ECONNREFUSED) → check the network (vocab fetches film scripts from IMSDb; a subtitle file sent to the bot works without it)`,
    ]);
    expect(lines.find((l) => l.startsWith('– chats: no TELEGRAM_BOT_TOKEN or DISCORD_TOKEN'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('– admins: none listed'))).toBeDefined();
  }, 30_000);

  it('GIVEN a configuration that fails validation THEN each problem is a ✗ line (secrets hidden) and the other checks still run', async () => {
    const token = '12345:not a valid token secret-zzz';
    const r = await runAdmin(['doctor'], {
      ...world.env,
      ENV_FILE: emptyEnvFile(),
      IMSDB_BASE_URL: imsdb.url,
      RADARR_URL: 'radarr.local:7878',
      HTTP_PORT: '8080',
      TELEGRAM_BOT_TOKEN: token,
    });
    expect(r.code).toBe(1);
    expect(r.failures).toEqual([
      '✗ configuration API_TOKEN: HTTP_PORT is set but API_TOKEN is not: the API needs a token (e.g. `openssl rand -hex 24`) → fix API_TOKEN (see .env.example); the checks below treat it as unset',
      '✗ configuration RADARR_URL: must be an http:// or https:// URL (got "radarr.local:7878") → fix RADARR_URL (see .env.example); the checks below treat it as unset',
      '✗ configuration TELEGRAM_BOT_TOKEN: must look like 123456789:AA… (the token @BotFather gave you) (value hidden) → fix TELEGRAM_BOT_TOKEN (see .env.example); the checks below treat it as unset',
    ]);
    expect(r.stdout).toContain('✓ Sonarr: reachable, key accepted');
    expect(r.stdout).toContain('– Radarr: not configured → set RADARR_URL and RADARR_API_KEY to add movies');
    expect(r.stdout + r.stderr).not.toContain('secret-zzz');
  }, 30_000);
});
