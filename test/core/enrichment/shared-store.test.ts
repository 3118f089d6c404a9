/**
 * Two instances' queues on one job store with one set of cluster locks (as two bots on one
 * PostgreSQL share PgClusterLocks; here ProcessLocks, the in-process ClusterLocks): the hourly
 * limit counts the jobs a person started on either, a DeepL 456 pause stored by one holds on the
 * other, and when it ends one of them takes the job on from the last saved word.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessLocks } from '../../../src/core/process-locks.js';
import { userKey } from '../../../src/core/types.js';
import { EnrichmentQueue } from '../../../src/core/vocab/enrichment/queue.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { FakeTime, FakeTranslator, MemoryJobStore, MemoryVocabStore, quietLogger } from './fakes.js';
import { person, RecordingNotifier, SETTINGS, syntheticVocab } from './helpers.js';

const fr = findLanguage('fr') as Language;
const MINUTE = 60_000;

let vocabs: MemoryVocabStore;
let jobs: MemoryJobStore;
let locks: ProcessLocks;
let translator: FakeTranslator;
let time: FakeTime;
const queues: EnrichmentQueue[] = [];

beforeEach(() => {
  vocabs = new MemoryVocabStore();
  jobs = new MemoryJobStore();
  locks = new ProcessLocks();
  translator = new FakeTranslator();
  time = new FakeTime();
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

/** One instance: its own queue and notifier on the shared store and locks. */
function instance(perHour = SETTINGS.perHour) {
  const notifier = new RecordingNotifier();
  const q = new EnrichmentQueue({
    jobs,
    vocabs,
    translator,
    notifier,
    clock: time,
    timers: time,
    logger: quietLogger,
    settings: { ...SETTINGS, perHour },
    locks,
  });
  queues.push(q);
  return { q, notifier };
}

describe('GIVEN two instances on one job store', () => {
  it('THEN the hourly limit counts the jobs a person started on either', async () => {
    const [a, b] = [instance(2), instance(2)];
    const films = ['one', 'two', 'three'].map((k) => syntheticVocab(k, 10, k));
    for (const f of films) await vocabs.put(f);

    expect((await a.q.ask(films[0]!, fr, person(1))).kind).toBe('started');
    expect((await b.q.ask(films[1]!, fr, person(1))).kind).toBe('started');
    expect(await a.q.ask(films[2]!, fr, person(1))).toEqual({ kind: 'limited', limit: 2 });
  });

  it('THEN a 456 pause stored by one holds on the other, and one of them resumes it without a word twice', async () => {
    const vocab = syntheticVocab('test-movie', 120);
    await vocabs.put(vocab);
    const [a, b] = [instance(), instance()];
    translator.quota = 60 * 5; // the first batch fits, the second gets 456
    await a.q.ask(vocab, fr, person(1));
    await a.q.idle();
    expect(await jobs.get('test-movie--fr')).toMatchObject({ status: 'paused', reason: 'quota', done: 50 });

    // B starts (a restart) and a second person asks B: the stored pause holds there too.
    expect(await b.q.resume()).toBe(0);
    expect((await b.q.ask(vocab, fr, person(2))).kind).toBe('joined');
    time.advance(59 * MINUTE);
    await Promise.all([a.q.idle(), b.q.idle()]);
    expect(translator.translated).toHaveLength(50);

    translator.quota = Infinity;
    time.advance(MINUTE);
    await Promise.all([a.q.idle(), b.q.idle()]);
    expect(await jobs.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 120, requests: 3 });
    expect(translator.translated).toHaveLength(120);
    expect(new Set(translator.translated).size).toBe(120);
    const told = [...a.notifier.sent, ...b.notifier.sent].filter((n) => n.reply.code === 'vocab.enrichReady');
    expect(told.map((n) => userKey(n.to)).sort()).toEqual(['telegram:u1', 'telegram:u2']);
  });
});
