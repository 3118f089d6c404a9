/**
 * A job whose instance dies mid-way, on two instances sharing one PostgreSQL: the session holding
 * the job's run lock is ended (pg_terminate_backend, as when the process or its connection goes)
 * and the rest of the instance stopped; the other instance's takeover scan finds the lock free and
 * finishes the job from its last saved word within the scan interval, with no ask and no restart,
 * and the asker is told once. An instance killed while it tells a job's askers its end (the job
 * saved ready, the messages going out one by one) leaves those it had not told to the other
 * instance's scan. The real stores and locks against fake DeepL over HTTP. Skipped, saying why,
 * without PostgreSQL (test/helpers/postgres.ts).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { systemClock, systemTimers } from '../../adapters/schedule/timers.js';
import { PgClusterLocks } from '../../adapters/store/pg/pg-cluster-locks.js';
import { openPgStores, type PgStores } from '../../adapters/store/pg/pg-stores.js';
import { DeeplTranslator } from '../../adapters/translate/deepl.js';
import { userKey } from '../../src/core/types.js';
import { progressLine, type JobView } from '../../src/core/vocab/enrichment/progress-views.js';
import { EnrichmentQueue } from '../../src/core/vocab/enrichment/queue.js';
import { findLanguage } from '../../src/core/vocab/languages.js';
import type { Language } from '../../src/core/vocab/types.js';
import { quietLogger } from '../core/enrichment/fakes.js';
import {
  person,
  RecordingNotifier,
  SETTINGS,
  StallingNotifier,
  syntheticVocab,
} from '../core/enrichment/helpers.js';
import { startFakeDeepl, type FakeDeepl } from '../fakes/deepl.js';
import { startTestPostgres } from '../helpers/postgres.js';

const API_KEY = 'deepl-takeover-key-0005:fx';
const KEY = 'test-movie--fr';
const SCAN_MS = 1_000;
const FOLLOW_MS = 200;
const fr = findLanguage('fr') as Language;
const postgres = await startTestPostgres();
if (postgres.why) console.log(`enrichment takeover on PostgreSQL: skipped — ${postgres.why}`);

interface Instance {
  queue: EnrichmentQueue;
  stores: PgStores;
  notifier: RecordingNotifier;
  close(): Promise<void>;
  /** The process is gone: nothing more runs or is written (its database sessions end apart). */
  kill(): Promise<void>;
}

let deepl: FakeDeepl;
const open: Instance[] = [];
beforeAll(async () => {
  deepl = await startFakeDeepl({ apiKey: API_KEY });
});
afterEach(async () => {
  for (const i of open.splice(0)) await i.close();
});
afterAll(async () => {
  await Promise.all([deepl?.close(), postgres.pg?.stop()]);
});

/** One instance as app.ts builds it on DATABASE_URL: its stores' pool and its locks' pool. */
async function instance(url: string, notifier = new RecordingNotifier()): Promise<Instance> {
  const stores = await openPgStores(url);
  const locks = PgClusterLocks.open(url);
  const queue = new EnrichmentQueue({
    jobs: stores.jobs,
    vocabs: stores.vocabs,
    translator: new DeeplTranslator({ apiKey: API_KEY, baseUrl: deepl.url, timeoutMs: 5_000 }),
    notifier,
    clock: systemClock,
    timers: systemTimers,
    logger: quietLogger,
    settings: { ...SETTINGS, scanIntervalMs: SCAN_MS, followIntervalMs: FOLLOW_MS },
    locks,
  });
  let closed: Promise<void> | undefined;
  let killed: Promise<void> | undefined;
  const i: Instance = {
    queue,
    stores,
    notifier,
    close: () =>
      (closed ??= queue.stop().then(() => Promise.all([locks.close(), stores.close()]).then(() => {}))),
    kill: () => {
      const at = open.indexOf(i);
      if (at >= 0) open.splice(at, 1);
      // Its timers go; what it was doing never comes back (and holds its lock connection).
      void queue.stop();
      void locks.close();
      return (killed ??= stores.close());
    },
  };
  open.push(i);
  return i;
}

/**
 * End the session holding the job's run lock. The key is PgClusterLocks' (pg-cluster-locks.ts
 * lockKey of `run:enrich:<job>`); a bigint advisory lock shows in pg_locks as classid (high 32
 * bits), objid (low 32 bits) and objsubid 1 (PostgreSQL docs, "pg_locks").
 */
function endRunLockSession(url: string, job: string): Promise<number> {
  return endLockSession(url, `reelbot:run:enrich:${job}`);
}

/** End the session holding the lock of this name (granted: not one waiting for it). */
async function endLockSession(url: string, name: string): Promise<number> {
  const key = BigInt.asUintN(64, createHash('sha256').update(name).digest().readBigInt64BE(0));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = $1 AND objid = $2`,
      [String(key >> 32n), String(key & 0xffffffffn)],
    );
    return rows.filter((r) => r.ended).length;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(postgres.why !== undefined)(
  'GIVEN two instances on one database, scanning every second',
  () => {
    it('WHEN the instance running a job dies mid-way THEN the other finishes it within the scan interval, and the asker is told once', async () => {
      if (!postgres.pg) throw new Error(postgres.why);
      const url = await postgres.pg.freshUrl();
      const [a, b] = [await instance(url), await instance(url)];
      await a.queue.resume();
      await b.queue.resume();
      const vocab = syntheticVocab('test-movie', 120);
      await a.stores.vocabs.put(vocab);
      deepl.setLatency(400); // a job of three requests, long enough to die in

      expect((await a.queue.ask(vocab, fr, person(1))).kind).toBe('started');
      await until(async () => (await b.stores.jobs.get(KEY))?.done === 50, 10_000);
      // A dies: the session with its run lock ends, then the rest of it goes (nothing more written).
      expect(await endRunLockSession(url, KEY)).toBe(1);
      await a.close();
      const died = Date.now();
      expect(await b.stores.jobs.get(KEY)).toMatchObject({ status: 'running', done: 50 });

      // Scan interval, plus B's two requests at 400 ms, plus slack for a loaded machine.
      await until(async () => (await b.stores.jobs.get(KEY))?.status === 'ready', SCAN_MS + 4_000);
      expect(Date.now() - died).toBeLessThan(SCAN_MS + 4_000);
      await b.queue.idle();
      const job = await b.stores.jobs.get(KEY);
      expect(job).toMatchObject({ status: 'ready', done: 120, total: 120 });
      expect(Object.keys(job?.words ?? {})).toHaveLength(120);
      // Every word reached DeepL; only the batch A was cut off in may have gone twice.
      expect(new Set(deepl.translated).size).toBe(120);
      expect(deepl.translated.length).toBeLessThanOrEqual(170);
      const told = [...a.notifier.sent, ...b.notifier.sent].filter(
        (s) => s.reply.code === 'vocab.enrichReady',
      );
      expect(told.map((s) => userKey(s.to))).toEqual(['telegram:u1']);
      expect(job?.askers.map((x) => x.notified)).toEqual([true]);
    }, 30_000);

    it('WHEN someone on A has a job open that B runs THEN A redraws it as it goes and at its end, and each asker is told once', async () => {
      if (!postgres.pg) throw new Error(postgres.why);
      const url = await postgres.pg.freshUrl();
      const [a, b] = [await instance(url), await instance(url)];
      const vocab = syntheticVocab('test-movie', 120);
      await a.stores.vocabs.put(vocab);
      deepl.setLatency(400);

      expect((await b.queue.ask(vocab, fr, person(1))).kind).toBe('started');
      await until(async () => (await a.stores.jobs.get(KEY))?.status === 'running', 5_000);
      expect((await a.queue.ask(vocab, fr, person(2))).kind).toBe('joined');
      const footer: JobView = async (job) => ({ code: 'vocab.enrichProgressLine', text: progressLine(job) });
      a.queue.show(KEY, person(2), footer);
      const edits = () =>
        a.notifier.sent.filter((s) => s.reply.progress?.jobKey === KEY).map((s) => s.reply.text);

      await until(async () => edits().some((t) => !t.startsWith('Translating')), 10_000);
      await Promise.all([a.queue.idle(), b.queue.idle()]);
      expect(edits().slice(0, -1)).not.toHaveLength(0);
      for (const t of edits().slice(0, -1))
        expect(t).toMatch(/^Translating into French \(DeepL\): \d+ of 120 words/);
      expect(edits().at(-1)).toBe(progressLine((await a.stores.jobs.get(KEY))!));
      expect((await a.stores.jobs.get(KEY))?.status).toBe('ready');
      const told = [...a.notifier.sent, ...b.notifier.sent].filter(
        (s) => s.reply.code === 'vocab.enrichReady',
      );
      expect(told.map((s) => userKey(s.to)).sort()).toEqual(['telegram:u1', 'telegram:u2']);
    }, 30_000);

    it('WHEN the instance ending a job is killed while telling its askers THEN the other tells those it had not, once', async () => {
      if (!postgres.pg) throw new Error(postgres.why);
      const url = await postgres.pg.freshUrl();
      const stalling = new StallingNotifier();
      const [a, b] = [await instance(url, stalling), await instance(url)];
      // A never stops (its tell never comes back): killed, not closed, however the test ends.
      open.splice(open.indexOf(a), 1);
      onTestFinished(() => a.kill());
      await b.queue.resume();
      const vocab = syntheticVocab('test-movie', 120);
      await a.stores.vocabs.put(vocab);
      deepl.setLatency(400);
      const stalled = stalling.stallAt(person(2)); // A's chat API never answers the second send

      const asked = [];
      for (const i of [1, 2, 3]) asked.push((await a.queue.ask(vocab, fr, person(i))).kind);
      expect(asked).toEqual(['started', 'joined', 'joined']);
      await stalled;
      const flags = async () =>
        (await b.stores.jobs.get(KEY))?.askers.map((x) => `${x.user.userId}:${x.notified}`);
      expect(await b.stores.jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120 });
      expect(await flags()).toEqual(['u1:true', 'u2:false', 'u3:false']);

      // B's scans meanwhile wait for A's tell lock: A is alive as far as they can tell.
      await new Promise((r) => setTimeout(r, 2 * SCAN_MS + 200));
      expect(b.notifier.sent).toEqual([]);

      // A is killed: its sessions end (the run lock's and the tell lock's), the rest of it goes.
      stalling.kill();
      expect(await endRunLockSession(url, KEY)).toBe(1);
      expect(await endLockSession(url, `reelbot:item:enrich-tell:${KEY}`)).toBe(1);
      await a.kill();
      await until(async () => !(await flags())?.includes('u3:false'), SCAN_MS + 4_000);
      await b.queue.idle();
      const ready = (n: RecordingNotifier) =>
        n.sent.filter((s) => s.reply.code === 'vocab.enrichReady').map((s) => userKey(s.to));
      expect(ready(stalling)).toEqual(['telegram:u1']);
      expect(ready(b.notifier)).toEqual(['telegram:u2', 'telegram:u3']);
      expect(await flags()).toEqual(['u1:true', 'u2:true', 'u3:true']);
    }, 30_000);
  },
);
