/**
 * The other `npm run` admin commands on the host: the same code as in chat, run in a child
 * process. When the bot is running on the data folder they go through its HTTP API (one writer
 * per file), or stop and say how; when it is not, they work on the files directly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRequest, transition } from '../../src/core/media/request-lifecycle.js';
import type { MediaRequest } from '../../src/core/types.js';
import { alice, startWorld, type World } from '../helpers/world.js';
import { emptyEnvFile, runAdmin } from './run-script.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const TOKEN = 'test-api-token-0123456789';

function seedFolder(requests: MediaRequest[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-host-'));
  writeFileSync(join(dir, 'requests.json'), JSON.stringify({ version: 1, requests }));
  return dir;
}

function failedRequest(id: string): MediaRequest {
  const r = newRequest(id, alice, { text: 'add Inception', title: 'Inception' }, new Date());
  transition(r, 'failed', 'system', new Date(), 'not found');
  return r;
}

const quietEnv = (dataDir: string) => ({
  DATA_DIR: dataDir,
  MUSICBRAINZ_ENABLED: 'false',
  LOG_LEVEL: 'silent',
  ENV_FILE: emptyEnvFile(),
});

describe('GIVEN the bot is not running', () => {
  it('report and retry work on the data files', async () => {
    const dir = seedFolder([failedRequest('fail01')]);
    const report = await runAdmin(['report', '--days', '0'], quietEnv(dir));
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Requests in all time: 1 (1 failed)');

    const retry = await runAdmin(['retry'], quietEnv(dir));
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('1 request(s) back in the queue: fail01');
    const stored = JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as {
      requests: MediaRequest[];
    };
    expect(stored.requests[0]).toMatchObject({ status: 'failed_retryable', attempts: 0 });
    expect(stored.requests[0]?.audit.at(-1)).toMatchObject({
      actor: 'terminal:host',
      note: 'retry by admin',
    });
  }, 30_000);

  it('a wrong use says how to use it and exits non-zero', async () => {
    const dir = seedFolder([]);
    const bad = await runAdmin(['report', '--days', 'soon'], quietEnv(dir));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('report --days 7');
    const none = await runAdmin(['reclassify', 'abc123', 'movie'], quietEnv(dir));
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('There is no request abc123.');
  }, 30_000);
});

describe('GIVEN the bot is running on the same data folder', () => {
  it('WITH its HTTP API THEN retry goes through the running bot', async () => {
    world = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN, MAX_ATTEMPTS: '1' } });
    await world.radarr?.down();
    const failed = await world.say('add Inception');
    await world.radarr?.up();
    const id = failed.requestId ?? '';
    expect((await world.app.requests.get(id))?.status).toBe('failed');
    const port = new URL(world.app.httpUrl ?? '').port;

    const r = await runAdmin(['retry', id], { ...world.env, HTTP_PORT: port, ENV_FILE: emptyEnvFile() });
    expect(r.stdout).toContain(`1 request(s) back in the queue: ${id}`);
    expect(r.code).toBe(0);
    // The running bot's own store has it: the change went through the bot, not around it.
    expect((await world.app.requests.get(id))?.status).toBe('approved');
  }, 30_000);

  it('WITHOUT an HTTP API THEN it refuses to write and says what to do', async () => {
    world = await startWorld({ env: { MAX_ATTEMPTS: '1' } });
    await world.radarr?.down();
    const failed = await world.say('add Inception');
    const r = await runAdmin(['retry'], { ...world.env, ENV_FILE: emptyEnvFile() });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/reelbot is running \(pid \d+\)/);
    expect(r.stdout).toContain('set HTTP_PORT and API_TOKEN');
    expect((await world.app.requests.get(failed.requestId ?? ''))?.status).toBe('failed');
  }, 30_000);
});
