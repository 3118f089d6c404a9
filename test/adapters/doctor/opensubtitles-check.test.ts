/**
 * The doctor's OpenSubtitles lines, against the fake API: the key proved by GET /infos/formats,
 * the account by its login and GET /infos/user, and what to change when either is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOpenSubtitles } from '../../../adapters/doctor/upstream-checks.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from '../../fakes/opensubtitles.js';

const KEY = 'os-doctor-key-31f0a9';
let os: FakeOpenSubtitles;

beforeAll(async () => {
  os = await startFakeOpenSubtitles({
    apiKey: KEY,
    accounts: [{ username: 'ariadne', password: 'pw-doctor-77', level: 'Sub leecher', allowedDownloads: 20 }],
  });
});
afterAll(() => os.close());

const check = (env: Record<string, string>) =>
  checkOpenSubtitles(loadConfig({ OPENSUBTITLES_BASE_URL: os.baseUrl, ...env }), 3000);

describe('the doctor on OpenSubtitles', () => {
  it('GIVEN no key THEN one information line says how to set it up, and nothing is asked', async () => {
    const calls = os.calls.length;
    expect(await check({})).toEqual([
      expect.objectContaining({ status: 'info', name: 'OpenSubtitles', detail: 'not configured (optional)' }),
    ]);
    expect(os.calls.length).toBe(calls);
  });

  it('GIVEN a key and no account THEN the key is accepted and the anonymous allowance is named', async () => {
    const lines = await check({ OPENSUBTITLES_API_KEY: KEY });
    expect(lines[0]).toMatchObject({
      status: 'ok',
      name: 'OpenSubtitles',
      detail: expect.stringMatching(/^key accepted/),
    });
    expect(lines[1]).toMatchObject({ status: 'info', name: 'OpenSubtitles account' });
    expect(os.callsTo('GET', '/api/v1/infos/formats').at(-1)?.headers['api-key']).toBe(KEY);
  });

  it('GIVEN a key and an account THEN it says how many downloads are left today, and takes none', async () => {
    const lines = await check({
      OPENSUBTITLES_API_KEY: KEY,
      OPENSUBTITLES_USERNAME: 'ariadne',
      OPENSUBTITLES_PASSWORD: 'pw-doctor-77',
    });
    expect(lines[1]).toEqual({
      status: 'ok',
      name: 'OpenSubtitles account',
      detail: 'ariadne (Sub leecher): 20 of 20 downloads left today',
    });
    expect(os.callsTo('POST', '/api/v1/download')).toHaveLength(0);
  });

  it('GIVEN a wrong key THEN ✗ with where to copy it from, and the key is not shown', async () => {
    const lines = await check({ OPENSUBTITLES_API_KEY: 'wrong-doctor-key-00' });
    expect(lines).toEqual([
      {
        status: 'fail',
        name: 'OpenSubtitles',
        detail: 'rejected the key (HTTP 403)',
        fix: 'copy the key again from opensubtitles.com/consumers into OPENSUBTITLES_API_KEY',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('wrong-doctor-key-00');
  });

  it('GIVEN a wrong password THEN the key line passes and the account line says what to check', async () => {
    const lines = await check({
      OPENSUBTITLES_API_KEY: KEY,
      OPENSUBTITLES_USERNAME: 'ariadne',
      OPENSUBTITLES_PASSWORD: 'not-it',
    });
    expect(lines[0]?.status).toBe('ok');
    expect(lines[1]).toEqual({
      status: 'fail',
      name: 'OpenSubtitles account',
      detail: 'rejected the key (HTTP 401)',
      fix: 'check OPENSUBTITLES_USERNAME (the user name, not the e-mail address) and OPENSUBTITLES_PASSWORD',
    });
  });
});
