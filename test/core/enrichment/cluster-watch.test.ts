/**
 * Two instances on one job store with run locks held by their database sessions (SessionLocks, as
 * PgClusterLocks): when the instance running a job dies, the other's takeover scan goes on with it
 * from the last saved word; someone following a job from the instance that does not work it sees
 * their view redrawn as it goes and at its end; and each asker hears the end once, whichever
 * instances ran the job.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { userKey } from '../../../src/core/types.js';
import { FOLLOW_MS, SCAN_MS } from '../../../src/core/vocab/enrichment/cluster-watch.js';
import { progressLine, type JobView } from '../../../src/core/vocab/enrichment/progress-views.js';
import type { EnrichmentQueue } from '../../../src/core/vocab/enrichment/queue.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { FakeTime, FakeTranslator, MemoryJobStore, MemoryVocabStore } from './fakes.js';
import {
  person,
  queueOn,
  RecordingNotifier,
  SETTINGS,
  syntheticVocab,
  settle,
  toldReady,
} from './helpers.js';
import { LockServer, SessionLocks } from './session-locks.js';

const fr = findLanguage('fr') as Language;
const KEY = 'test-movie--fr';

/** A notifier whose sends to one person wait until `letGo` (a slow chat API). */
class SlowNotifier extends RecordingNotifier {
  private slowFor: string | undefined;
  private release: (() => void) | undefined;
  slowTo(user: UserRef): void {
    this.slowFor = userKey(user);
  }
  letGo(): void {
    this.slowFor = undefined;
    this.release?.();
  }
  override async send(to: UserRef, reply: Reply): Promise<void> {
    if (userKey(to) === this.slowFor) await new Promise<void>((r) => (this.release = r));
    return super.send(to, reply);
  }
}

let vocabs: MemoryVocabStore;
let jobs: MemoryJobStore;
let server: LockServer;
let time: FakeTime;
const queues: EnrichmentQueue[] = [];

beforeEach(async () => {
  vocabs = new MemoryVocabStore();
  jobs = new MemoryJobStore();
  server = new LockServer();
  time = new FakeTime();
  await vocabs.put(syntheticVocab('test-movie', 120));
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

/** One instance: its own queue, translator client, notifier and database session. */
function instance() {
  const notifier = new SlowNotifier();
  const translator = new FakeTranslator();
  const locks = new SessionLocks(server);
  const q = queueOn({ jobs, vocabs, translator, notifier, time, locks });
  queues.push(q);
  return { q, notifier, translator, locks };
}

/** What a person has open: the job's line, as the list footer shows it. */
const footer: JobView = async (job) => ({ code: 'vocab.enrichProgressLine', text: progressLine(job) });

describe('GIVEN two instances on one job store, each with its own database session', () => {
  it('WHEN the instance running a job dies THEN the other takes it on within the scan interval, from the last saved word', async () => {
    const [a, b] = [instance(), instance()];
    await a.q.resume();
    await b.q.resume();
    const held = a.translator.holdAfter(1);
    expect((await a.q.ask((await vocabs.get('test-movie'))!, fr, person(1))).kind).toBe('started');
    await held;
    await settle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'running', done: 50 });

    // A hangs on its second request and its session ends: the lock goes, the job stays running.
    a.locks.endSession();
    time.advance(SCAN_MS - 1);
    await b.q.idle();
    expect(b.translator.requests).toBe(0);
    time.advance(1);
    await b.q.idle();

    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120, total: 120 });
    expect(a.translator.translated).toHaveLength(50);
    expect(b.translator.translated).toHaveLength(70);
    expect(new Set([...a.translator.translated, ...b.translator.translated]).size).toBe(120);
    expect(toldReady(a.notifier, b.notifier)).toEqual(['telegram:u1']);
  });

  it('WHEN the dead one comes back and ends the job too THEN its askers are still told once', async () => {
    const [a, b] = [instance(), instance()];
    await b.q.resume();
    const held = a.translator.holdAfter(1);
    await a.q.ask((await vocabs.get('test-movie'))!, fr, person(1));
    await held;
    await settle();
    a.locks.endSession();
    // B takes it on and ends it; its chat is slow to deliver the "ready".
    b.notifier.slowTo(person(1));
    time.advance(SCAN_MS);
    await settle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready' });

    // A's request comes back: it finishes its run and would tell the same asker.
    a.translator.letGo();
    await settle();
    b.notifier.letGo();
    await Promise.all([a.q.idle(), b.q.idle()]);
    expect(toldReady(a.notifier, b.notifier)).toEqual(['telegram:u1']);
    expect((await jobs.get(KEY))?.askers.map((x) => x.notified)).toEqual([true]);
  });

  it('WHEN someone on A has a job open that B works THEN A redraws it as it goes and at its end, and each asker hears "ready" once', async () => {
    const [a, b] = [instance(), instance()];
    const vocab = (await vocabs.get('test-movie'))!;
    const held = b.translator.holdAfter(1);
    expect((await b.q.ask(vocab, fr, person(1))).kind).toBe('started');
    await held;
    await settle();
    expect((await a.q.ask(vocab, fr, person(2))).kind).toBe('joined');
    await a.q.idle(); // A tried the run lock: B holds it
    a.q.show(KEY, person(2), footer);
    b.q.show(KEY, person(1), footer);
    const edits = () =>
      a.notifier.sent
        .filter((s) => s.reply.progress?.jobKey === KEY)
        .map((s) => `${s.to.userId}: ${s.reply.text}`);

    time.advance(FOLLOW_MS);
    await a.q.idle();
    expect(edits()).toEqual(['u2: Translating into French (DeepL): 50 of 120 words…']);
    time.advance(FOLLOW_MS);
    await a.q.idle();
    expect(edits()).toHaveLength(1); // nothing moved: nothing sent

    b.translator.letGo();
    await b.q.idle();
    time.advance(FOLLOW_MS);
    await a.q.idle();
    expect(edits()).toEqual([
      'u2: Translating into French (DeepL): 50 of 120 words…',
      expect.stringMatching(/^u2: .*French.*120/),
    ]);
    expect(edits()[1]).not.toContain('Translating');
    expect(toldReady(a.notifier, b.notifier)).toEqual(['telegram:u1', 'telegram:u2']);
    // Followed to its end: A reads the job no more (no timer left on either instance).
    expect(time.pending).toBe(0);
  });

  it('WHEN the job B works pauses on the quota THEN A draws the pause and then the end, and each asker hears each once', async () => {
    const [a, b] = [instance(), instance()];
    const vocab = (await vocabs.get('test-movie'))!;
    const held = b.translator.holdAfter(1);
    await b.q.ask(vocab, fr, person(1));
    await held;
    await settle();
    await a.q.ask(vocab, fr, person(2));
    await a.q.idle();
    a.q.show(KEY, person(2), footer);
    b.q.show(KEY, person(1), footer);
    const edits = () =>
      a.notifier.sent.filter((s) => s.reply.progress?.jobKey === KEY).map((s) => s.reply.text);
    const told = (code: string) =>
      [...a.notifier.sent, ...b.notifier.sent]
        .filter((s) => s.reply.code === code)
        .map((s) => userKey(s.to))
        .sort();

    b.translator.quota = b.translator.billed; // the held request gets DeepL's 456
    b.translator.letGo();
    await b.q.idle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'paused', reason: 'quota', done: 50 });
    time.advance(FOLLOW_MS);
    await a.q.idle();
    expect(edits().at(-1)).toMatch(/50 of 120/);
    expect(edits().at(-1)).not.toMatch(/^Translating/);
    expect(told('vocab.enrichPaused')).toEqual(['telegram:u1', 'telegram:u2']);

    // The quota is back when the pause ends: B goes on and ends it; A draws the end.
    b.translator.quota = Infinity;
    time.advance(SETTINGS.quotaPauseMinutes * 60_000);
    await b.q.idle();
    time.advance(SCAN_MS);
    await a.q.idle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120 });
    expect(edits().at(-1)).not.toMatch(/of 120/);
    expect(told('vocab.enrichPaused')).toEqual(['telegram:u1', 'telegram:u2']);
    expect(told('vocab.enrichReady')).toEqual(['telegram:u1', 'telegram:u2']);
  });
});
