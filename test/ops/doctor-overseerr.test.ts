/**
 * `npm run doctor` with Overseerr: the key is checked, and every OVERSEERR_USER_MAP entry is
 * looked up, since an id Overseerr does not have fails that person's requests with the same 403
 * as a wrong key.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOverseerr, type FakeOverseerr } from '../fakes/overseerr.js';
import { closedUrl, emptyEnvFile, runAdmin } from './run-script.js';

const KEY = 'overseerr-doctor-key-0001';
let overseerr: FakeOverseerr;
let env: Record<string, string>;

beforeAll(async () => {
  overseerr = await startFakeOverseerr({ apiKey: KEY });
  env = {
    ENV_FILE: emptyEnvFile(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-doctor-')),
    MUSICBRAINZ_ENABLED: 'false',
    IMSDB_BASE_URL: await closedUrl(),
    OVERSEERR_URL: overseerr.url,
    OVERSEERR_API_KEY: KEY,
    OVERSEERR_USER_MAP: 'telegram:123=5,discord:456=9',
  };
});
afterAll(async () => {
  await overseerr.close();
});

describe('npm run doctor with Overseerr', () => {
  it('GIVEN a map entry naming a user Overseerr lacks THEN one ✓ or ✗ line per chat user, naming the id', async () => {
    const r = await runAdmin(['doctor'], env);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      '✓ Overseerr: reachable, key accepted; movies and shows go through it (as admin, id 1 for anyone not in OVERSEERR_USER_MAP)',
    );
    expect(lines).toContain('✓ Overseerr user for telegram:123: Overseerr user 5 (alice, id 5)');
    expect(r.failures).toContain(
      "✗ Overseerr user for discord:456: Overseerr has no user 9, so discord:456's requests are refused → fix discord:456=9 in OVERSEERR_USER_MAP: the id is the number in the address of the user's page in Overseerr → Users (…/users/5)",
    );
    expect(overseerr.callsTo('GET', '/api/v1/user/9')).toHaveLength(1);
  }, 30_000);

  it('GIVEN a wrong key THEN one ✗ line about the key, and no user is looked up', async () => {
    const calls = overseerr.calls.length;
    const r = await runAdmin(['doctor'], { ...env, OVERSEERR_API_KEY: 'wrong-overseerr-key-01' });
    expect(r.failures).toContain(
      '✗ Overseerr: rejected the key (HTTP 403) → copy the key again from Overseerr → Settings → General → API Key into OVERSEERR_API_KEY',
    );
    expect(r.stdout).not.toContain('Overseerr user for');
    expect(r.stdout + r.stderr).not.toContain('wrong-overseerr-key-01');
    expect(overseerr.calls.slice(calls).map((c) => c.path)).toEqual(['/api/v1/auth/me']);
  }, 30_000);
});
