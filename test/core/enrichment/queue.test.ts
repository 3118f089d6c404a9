/**
 * The enrichment queue on in-memory ports and a fake clock: one job per (movie, language),
 * joiners, notifications, the hourly limit, 456 → paused → woken by its own timer, a service that
 * stays down, a request that never answers, and failures every asker hears of.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userKey } from '../../../src/core/types.js';
import { EnrichmentQueue, type EnrichmentQueueDeps } from '../../../src/core/vocab/enrichment/queue.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language, MovieVocab } from '../../../src/core/vocab/types.js';
import { FakeTime, FakeTranslator, MemoryJobStore, MemoryVocabStore, quietLogger } from './fakes.js';
import { person, RecordingNotifier, SETTINGS, syntheticVocab } from './helpers.js';

const fr = findLanguage('fr') as Language;
const de = findLanguage('de') as Language;
const MINUTE = 60_000;

let vocab: MovieVocab;
let vocabs: MemoryVocabStore;
let jobs: MemoryJobStore;
let translator: FakeTranslator;
let time: FakeTime;
const queues: EnrichmentQueue[] = [];

beforeEach(async () => {
  vocab = syntheticVocab('test-movie', 120);
  vocabs = new MemoryVocabStore();
  await vocabs.put(vocab);
  jobs = new MemoryJobStore();
  translator = new FakeTranslator();
  time = new FakeTime();
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

function queue(over: Partial<EnrichmentQueueDeps> = {}, notifier = new RecordingNotifier()) {
  const q = new EnrichmentQueue({
    jobs,
    vocabs,
    translator,
    notifier,
    clock: time,
    timers: time,
    logger: quietLogger,
    settings: SETTINGS,
    ...over,
  });
  queues.push(q);
  return { q, notifier };
}

describe('GIVEN 20 people asking for the same movie and language at once', () => {
  it('THEN one job, one set of translation calls (the minimum 50 texts allow), 20 notifications', async () => {
    const { q, notifier } = queue();
    // The first request waits while the others ask, as a real one takes its time.
    const held = translator.holdAfter(0);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => q.ask(vocab, fr, person(i))));
    expect(outcomes.filter((o) => o.kind === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'joined')).toHaveLength(19);
    await held;
    translator.letGo();
    await q.idle();
    expect(translator.requests).toBe(Math.ceil(120 / 50));
    expect(translator.translated).toHaveLength(120);
    expect(new Set(translator.translated).size).toBe(120);
    expect(translator.translated).not.toContain('whoa');
    // One context per request: the batch's example sentences, unbilled.
    expect(translator.contexts[0]).toContain('We need the word0 before the music stops, Cobb.');
    expect(translator.billed).toBe(translator.translated.join('').length);
    expect(notifier.sent).toHaveLength(20);
    expect(new Set(notifier.sent.map((n) => n.to.chatId)).size).toBe(20);
    for (const n of notifier.sent) {
      expect(n.reply.code).toBe('vocab.enrichReady');
      expect(n.reply.text).toContain('Test Movie into French are ready: 120 words (DeepL)');
      // A new message (it pings), not an edit of the list: no progress key.
      expect(n.reply.progress).toBeUndefined();
    }
    const job = await jobs.get('test-movie--fr');
    expect(job).toMatchObject({ status: 'ready', done: 120, total: 120, requests: 3 });
    expect(job?.words['word0|noun']).toBe('fr:word0');
    expect(job?.chars.words).toBe(translator.billed);
    expect(jobs.keys()).toEqual(['test-movie--fr']);
    // Every request's deadline was cancelled once it answered.
    expect(time.pending).toBe(0);
  });
});

describe('GIVEN a finished job', () => {
  it('THEN another language is a new job, and switching back is instant, with no calls', async () => {
    const { q } = queue();
    await q.ask(vocab, fr, person(1));
    await q.idle();
    expect((await q.ask(vocab, de, person(1))).kind).toBe('started');
    await q.idle();
    const calls = translator.requests;
    expect((await q.ask(vocab, fr, person(1))).kind).toBe('ready');
    expect((await q.ask(vocab, fr, person(2))).kind).toBe('ready');
    await q.idle();
    expect(translator.requests).toBe(calls);
    expect((await q.get('test-movie--de'))?.words['word1|noun']).toBe('de:word1');
  });

  it('THEN a list analysed again with new words sends only those', async () => {
    const { q, notifier } = queue();
    await q.ask(vocab, fr, person(1));
    await q.idle();
    const grown = syntheticVocab('test-movie', 125);
    await vocabs.put(grown);
    expect((await q.ask(grown, fr, person(2))).kind).toBe('joined');
    await q.idle();
    expect(translator.translated.slice(120)).toEqual(['word120', 'word121', 'word122', 'word123', 'word124']);
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 125, total: 125 });
    expect(notifier.sent.map((n) => userKey(n.to))).toEqual(['telegram:u1', 'telegram:u2']);
  });

  it('THEN asking again never counts toward the hourly limit; new jobs do, for an hour', async () => {
    const { q } = queue({ settings: { ...SETTINGS, perHour: 2 } });
    const other = syntheticVocab('other-movie', 3, 'Other');
    await vocabs.put(other);
    expect((await q.ask(vocab, fr, person(1))).kind).toBe('started');
    await q.idle();
    for (let i = 0; i < 5; i++) expect((await q.ask(vocab, fr, person(1))).kind).toBe('ready');
    expect((await q.ask(vocab, de, person(1))).kind).toBe('started');
    expect(await q.ask(other, fr, person(1))).toEqual({ kind: 'limited', limit: 2 });
    expect((await q.ask(other, fr, person(2))).kind).toBe('started');
    time.advance(61 * MINUTE);
    expect((await q.ask(other, de, person(1))).kind).toBe('started');
    await q.idle();
  });
});

describe('GIVEN the translation quota runs out (DeepL 456)', () => {
  it('THEN the job pauses, tells the askers once, and wakes by itself when the hour is up', async () => {
    const { q, notifier } = queue();
    translator.quota = 60 * 5; // the first batch (50 words of 5–6 chars) fits, the second does not
    await q.ask(vocab, fr, person(1));
    await q.idle();
    const paused = await q.get('test-movie--fr');
    expect(paused).toMatchObject({ status: 'paused', reason: 'quota', done: 50 });
    expect(paused?.retryAt).toBe('2026-01-01T11:00:00.000Z');
    expect(notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichPaused']);
    expect(notifier.sent[0]?.reply.text).toContain('the translation quota is used up');

    // A second person joins the paused job; before the hour, nothing is sent.
    expect((await q.ask(vocab, fr, person(2))).kind).toBe('joined');
    time.advance(59 * MINUTE);
    await q.idle();
    expect(translator.translated).toHaveLength(50);

    translator.quota = Infinity;
    time.advance(MINUTE);
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 120 });
    expect(new Set(translator.translated).size).toBe(translator.translated.length);
    expect(notifier.sent.map((n) => [userKey(n.to), n.reply.code])).toEqual([
      ['telegram:u1', 'vocab.enrichPaused'],
      ['telegram:u1', 'vocab.enrichReady'],
      ['telegram:u2', 'vocab.enrichReady'],
    ]);
  });

  it('AND a stop cancels the wake-up', async () => {
    const { q } = queue();
    translator.quota = 0;
    await q.ask(vocab, fr, person(1));
    await q.idle();
    expect(time.pending).toBe(1);
    await q.stop();
    expect(time.pending).toBe(0);
  });
});

describe('GIVEN the translator stays rate-limited after the HTTP client gave up retrying', () => {
  it('THEN the job pauses (rate_limited) instead of failing, and carries on after retryMinutes', async () => {
    const { q, notifier } = queue();
    translator.fail('rate_limited');
    await q.ask(vocab, fr, person(1));
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({
      status: 'paused',
      reason: 'rate_limited',
      done: 0,
    });
    expect(notifier.sent[0]?.reply.text).toContain('the translator asks us to slow down');
    expect(notifier.sent[0]?.reply.text).toContain('in about 5 minutes');
    translator.fail(undefined);
    time.advance(5 * MINUTE);
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 120 });
  });
});

describe('GIVEN a request that never answers', () => {
  it('THEN its deadline on the clock aborts it and the job pauses as the translator not answering', async () => {
    const { q, notifier } = queue();
    const held = translator.holdAfter(0);
    await q.ask(vocab, fr, person(1));
    await held;
    time.advance(SETTINGS.requestTimeoutMs);
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'paused', reason: 'timeout', done: 0 });
    expect(notifier.sent[0]?.reply.text).toContain('the translator is not answering');
  });
});

describe('GIVEN a translator that refuses the key', () => {
  it('THEN the job fails with the reason and every asker is told', async () => {
    const { q, notifier } = queue();
    translator.fail('auth');
    await q.ask(vocab, fr, person(1));
    await q.ask(vocab, fr, person(2));
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'failed', reason: 'auth' });
    expect(notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichFailed', 'vocab.enrichFailed']);
    expect(notifier.sent[0]?.reply.text).toContain('the translator refused the key it was given');
  });

  it('AND with no translator at all, no job is made', async () => {
    const { q } = queue({ translator: undefined });
    expect(await q.ask(vocab, fr, person(1))).toEqual({ kind: 'no_translator' });
    expect(await q.list()).toEqual([]);
  });
});
