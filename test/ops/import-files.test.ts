/**
 * `npm run import-files`: a data folder written by the real file stores copied into a fresh
 * PostgreSQL, as a self-hoster moving to several instances runs it (tsx scripts/admin.ts in a
 * child process). Without PostgreSQL it prints why it skips (test/helpers/postgres.ts).
 */
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LowdbChoiceStore } from '../../adapters/store/choice-store.js';
import { holdLock } from '../../adapters/store/instance-lock.js';
import { JsonJobStore } from '../../adapters/store/json-job-store.js';
import { JsonVocabStore } from '../../adapters/store/json-vocab-store.js';
import { openPgStores } from '../../adapters/store/pg/pg-stores.js';
import { LowdbRequestStore } from '../../adapters/store/request-store.js';
import { newRequest, transition } from '../../src/core/media/request-lifecycle.js';
import type { MediaRequest } from '../../src/core/types.js';
import type { EnrichmentJob } from '../../src/core/vocab/enrichment/types.js';
import { person, syntheticVocab } from '../core/enrichment/helpers.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { alice } from '../helpers/world.js';
import { emptyEnvFile, runAdmin } from './run-script.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`import-files: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  DATA_DIR: dataDir,
  MUSICBRAINZ_ENABLED: 'false',
  LOG_LEVEL: 'silent',
  ENV_FILE: emptyEnvFile(),
  ...extra,
});

function job(key: string): EnrichmentJob {
  const at = '2026-01-01T10:00:00.000Z';
  return {
    ...{ key, movieKey: key.split('--')[0] ?? key, title: 'Inception', language: 'de', status: 'running' },
    ...{
      total: 3,
      done: 1,
      translator: 'DeepL',
      words: {},
      sentences: {},
      chars: { words: 4, sentences: 0 },
    },
    ...{ requests: 1, askers: [{ user: person(1), at, notified: false }], createdBy: 'telegram:u1' },
    ...{ createdAt: at, updatedAt: at },
  };
}

/** A data folder as a bot on the files leaves it: 3 requests (2 finished, so archived), … */
async function seededFolder(): Promise<{ dir: string; requests: MediaRequest[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-import-'));
  const store = await LowdbRequestStore.open(dir);
  const t0 = Date.UTC(2026, 0, 5, 9);
  const open = newRequest('open01', alice, { text: 'add Heat', title: 'Heat' }, new Date(t0));
  transition(open, 'approved', 'system', new Date(t0 + 1000), 'queued');
  await store.insert(open);
  const done = newRequest(
    'done01',
    alice,
    { text: 'add Inception', title: 'Inception' },
    new Date(t0 + 2000),
  );
  await store.insert(done);
  await store.update('done01', (r) => transition(r, 'sent', 'system', new Date(t0 + 3000)));
  await store.update('done01', (r) =>
    transition(r, 'available', 'system', new Date(t0 + 4000), 'in library'),
  );
  const failed = newRequest('fail01', alice, { text: 'add Tenet', title: 'Tenet' }, new Date(t0 + 5000));
  transition(failed, 'failed', 'system', new Date(t0 + 6000), 'not found');
  await store.insert(failed);
  // A line a bug or a hand edit left in the archive: not a request.
  appendFileSync(join(dir, 'requests-archive.jsonl'), `${JSON.stringify({ id: 'bad001', status: 'odd' })}\n`);

  const choices = await LowdbChoiceStore.open(dir);
  const choice = { owner: 'telegram:1', purpose: 'media.pick', requestId: 'open01', values: ['a', 'b'] };
  await choices.put({
    ...choice,
    token: 'tok-live',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await choices.put({ ...choice, token: 'tok-gone', expiresAt: new Date(Date.now() - 1000).toISOString() });

  const vocabs = new JsonVocabStore(join(dir, 'vocab'));
  await vocabs.put(syntheticVocab('inception-2010', 3, 'Inception'));
  await vocabs.put(syntheticVocab('heat-1995', 2, 'Heat'));
  await new JsonJobStore(join(dir, 'jobs')).put(job('inception-2010--de'));
  const requests = await Promise.all(['open01', 'done01', 'fail01'].map((id) => store.get(id)));
  return { dir, requests: requests.filter((r): r is MediaRequest => r !== undefined) };
}

async function rows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('GIVEN no DATABASE_URL', () => {
  it('THEN import-files refuses, saying what to set', async () => {
    const { dir } = await seededFolder();
    const r = await runAdmin(['import-files'], env(dir));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('DATABASE_URL is not set');
  }, 30_000);
});

describe.skipIf(postgres.why !== undefined)('GIVEN a data folder and a fresh PostgreSQL', () => {
  const freshUrl = async () => {
    if (!postgres.pg) throw new Error(postgres.why);
    return postgres.pg.freshUrl();
  };

  it('THEN every store is copied, ids and audit trails kept, nothing overwritten, and a second run copies 0', async () => {
    const { dir, requests } = await seededFolder();
    const url = await freshUrl();
    // A vocabulary the database already has, under a key the files have too: it stays as it is.
    const db = await openPgStores(url);
    await db.vocabs.put(syntheticVocab('heat-1995', 1, 'Heat (already on the database)'));
    await db.close();

    const first = await runAdmin(['import-files'], env(dir, { DATABASE_URL: url }));
    expect(first.stderr.split('\n').filter((l) => l.includes('"level":50') && !l.includes('bad001'))).toEqual(
      [],
    );
    expect(first.code).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines).toContain('requests: copied 3, already there 0, unreadable 1 (bad001)');
    expect(lines).toContain('choices: copied 1, already there 0, unreadable 0');
    expect(lines).toContain('vocabularies: copied 1, already there 1, unreadable 0');
    expect(lines).toContain('enrichment jobs: copied 1, already there 0, unreadable 0');
    expect(first.stdout).toContain(`PostgreSQL ${new URL(url).host}/postgres`);
    const password = decodeURIComponent(new URL(url).password);
    expect(password).not.toBe('');
    expect(first.stdout + first.stderr).not.toContain(password);

    const stored = await rows(url, 'SELECT id, status, record FROM requests ORDER BY created_at');
    expect(stored.map((r) => [r.id, r.status])).toEqual([
      ['open01', 'approved'],
      ['done01', 'available'],
      ['fail01', 'failed'],
    ]);
    expect(stored.map((r) => r.record)).toEqual(requests);
    expect((stored[1]?.record as MediaRequest).audit.map((a) => a.to)).toEqual([
      'received',
      'sent',
      'available',
    ]);
    expect(await rows(url, 'SELECT token FROM choices')).toEqual([{ token: 'tok-live' }]);
    const vocab = await rows(url, `SELECT key, record->>'title' AS title FROM vocabularies ORDER BY key`);
    expect(vocab).toEqual([
      { key: 'heat-1995', title: 'Heat (already on the database)' },
      { key: 'inception-2010', title: 'Inception' },
    ]);
    expect(await rows(url, 'SELECT key, status FROM enrichment_jobs')).toEqual([
      { key: 'inception-2010--de', status: 'running' },
    ]);
    // What the bot on the database reads back: the same requests, newest first.
    const onDb = await openPgStores(url);
    expect((await onDb.requests.list()).map((r) => r.id)).toEqual(['fail01', 'done01', 'open01']);
    await onDb.close();

    const second = await runAdmin(['import-files'], env(dir, { DATABASE_URL: url }));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('requests: copied 0, already there 3, unreadable 1 (bad001)');
    expect(second.stdout).toContain('choices: copied 0, already there 1, unreadable 0');
    expect(second.stdout).toContain('vocabularies: copied 0, already there 2, unreadable 0');
    expect(second.stdout).toContain('enrichment jobs: copied 0, already there 1, unreadable 0');
    expect(await rows(url, 'SELECT count(*)::int AS n FROM requests')).toEqual([{ n: 3 }]);
  }, 60_000);

  it('WITH a bot holding the data folder THEN it refuses and copies nothing', async () => {
    const { dir } = await seededFolder();
    const url = await freshUrl();
    const lock = await holdLock(dir);
    try {
      const r = await runAdmin(['import-files'], env(dir, { DATABASE_URL: url }));
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/is in use by reelbot \(pid \d+/);
      expect(r.stdout).toContain('stop the bot, import, then start it with DATABASE_URL');
    } finally {
      await lock.release();
    }
    const tables = await rows(url, `SELECT to_regclass('requests') AS t`);
    expect(tables).toEqual([{ t: null }]);
  }, 30_000);
});
