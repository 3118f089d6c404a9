/**
 * The enrichment queue with its real adapters (JSON job store on a temp folder, the DeepL client)
 * against a fake DeepL on 127.0.0.1: one job per (movie, language), joiners, notifications,
 * resume after a restart without sending a word twice, 456 → paused → resumed, hourly limits.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeeplTranslator } from '../../../adapters/translate/deepl.js';
import { JsonJobStore } from '../../../adapters/vocab/json-job-store.js';
import { JsonVocabStore } from '../../../adapters/vocab/json-vocab-store.js';
import { userKey } from '../../../src/core/types.js';
import { EnrichmentQueue, type EnrichmentQueueDeps } from '../../../src/core/vocab/enrichment/queue.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language, MovieVocab } from '../../../src/core/vocab/types.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { person, RecordingNotifier, syntheticVocab } from './helpers.js';

const KEY = 'deepl-test-key-0002:fx';
const fr = findLanguage('fr') as Language;
const de = findLanguage('de') as Language;

let deepl: FakeDeepl;
let dir: string;
let vocab: MovieVocab;
const queues: EnrichmentQueue[] = [];

beforeAll(async () => {
  deepl = await startFakeDeepl({ apiKey: KEY });
});
afterAll(() => deepl.close());
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reelbot-enrich-'));
  deepl.calls.length = 0;
  deepl.translated.length = 0;
  deepl.contexts.length = 0;
  deepl.billed = 0;
  deepl.quota = Infinity;
  deepl.fail(null);
  deepl.setLatency(0);
  vocab = syntheticVocab('test-movie', 120);
  await new JsonVocabStore(join(dir, 'vocab')).put(vocab);
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function queue(over: Partial<EnrichmentQueueDeps> = {}, notifier = new RecordingNotifier()) {
  const q = new EnrichmentQueue({
    jobs: new JsonJobStore(join(dir, 'jobs')),
    vocabs: new JsonVocabStore(join(dir, 'vocab')),
    translator: new DeeplTranslator({ apiKey: KEY, baseUrl: deepl.url, timeoutMs: 2000 }),
    notifier,
    ...over,
  });
  queues.push(q);
  return { q, notifier };
}

describe('GIVEN 20 people asking for the same movie and language at once', () => {
  it('THEN one job, one set of translation calls (the minimum 50 texts allow), 20 notifications', async () => {
    const { q, notifier } = queue();
    deepl.setLatency(30);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => q.ask(vocab, fr, person(i))));
    expect(outcomes.filter((o) => o.kind === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'joined')).toHaveLength(19);
    await q.idle();
    expect(deepl.requests).toBe(Math.ceil(120 / 50));
    expect(deepl.translated).toHaveLength(120);
    expect(new Set(deepl.translated).size).toBe(120);
    expect(deepl.translated).not.toContain('whoa');
    // DeepL takes one context per request: the batch's example sentences, unbilled.
    expect(deepl.contexts[0]).toContain('We need the word0 before the music stops, Cobb.');
    expect(deepl.billed).toBe(deepl.translated.join('').length);
    expect(notifier.sent).toHaveLength(20);
    expect(new Set(notifier.sent.map((n) => n.to.chatId)).size).toBe(20);
    for (const n of notifier.sent) {
      expect(n.reply.code).toBe('vocab.enrichReady');
      expect(n.reply.text).toContain('Test Movie into French are ready: 120 words (DeepL)');
      // A new message (it pings), not an edit of the list: no progress key.
      expect(n.reply.progress).toBeUndefined();
    }
    const job = await q.get('test-movie--fr');
    expect(job).toMatchObject({ status: 'ready', done: 120, total: 120, requests: 3 });
    expect(job?.words['word0|noun']).toBe('fr:word0');
    expect(job?.chars.words).toBe(deepl.billed);
    expect(readdirSync(join(dir, 'jobs'))).toEqual(['test-movie--fr.json']);
  });
});

describe('GIVEN a finished job', () => {
  it('THEN another language is a new job, and switching back is instant, with no calls', async () => {
    const { q } = queue();
    await q.ask(vocab, fr, person(1));
    await q.idle();
    const german = await q.ask(vocab, de, person(1));
    expect(german.kind).toBe('started');
    await q.idle();
    const calls = deepl.requests;
    const back = await q.ask(vocab, fr, person(1));
    expect(back.kind).toBe('ready');
    const other = await q.ask(vocab, fr, person(2));
    expect(other.kind).toBe('ready');
    await q.idle();
    expect(deepl.requests).toBe(calls);
    expect((await q.get('test-movie--de'))?.words['word1|noun']).toBe('de:word1');
  });

  it('THEN a list analysed again with new words sends only those', async () => {
    const { q, notifier } = queue();
    await q.ask(vocab, fr, person(1));
    await q.idle();
    const grown = syntheticVocab('test-movie', 125);
    await new JsonVocabStore(join(dir, 'vocab')).put(grown);
    expect((await q.ask(grown, fr, person(2))).kind).toBe('joined');
    await q.idle();
    expect(deepl.translated.slice(120)).toEqual(['word120', 'word121', 'word122', 'word123', 'word124']);
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 125, total: 125 });
    expect(notifier.sent.map((n) => userKey(n.to))).toEqual(['telegram:u1', 'telegram:u2']);
  });

  it('THEN asking again never counts toward the hourly limit; new jobs do', async () => {
    const { q } = queue({ perHour: 2 });
    const other = syntheticVocab('other-movie', 3, 'Other');
    await new JsonVocabStore(join(dir, 'vocab')).put(other);
    expect((await q.ask(vocab, fr, person(1))).kind).toBe('started');
    await q.idle();
    for (let i = 0; i < 5; i++) expect((await q.ask(vocab, fr, person(1))).kind).toBe('ready');
    expect((await q.ask(vocab, de, person(1))).kind).toBe('started');
    expect(await q.ask(other, fr, person(1))).toEqual({ kind: 'limited', limit: 2 });
    expect((await q.ask(other, fr, person(2))).kind).toBe('started');
    await q.idle();
  });
});

describe('GIVEN the process stops mid-job', () => {
  it('THEN a new queue on the same folder resumes from the last saved word and sends none twice', async () => {
    const first = queue();
    deepl.setLatency(80);
    await first.q.ask(vocab, fr, person(1));
    // Stop after the first batch is saved: the job stays "running" on disk.
    while (((await first.q.get('test-movie--fr'))?.done ?? 0) === 0)
      await new Promise((r) => setTimeout(r, 10));
    await first.q.stop();
    // The request in flight at the stop still reaches the fake: let it land before counting.
    await new Promise((r) => setTimeout(r, 200));
    const sentBefore = deepl.translated.length;
    const onDisk = await new JsonJobStore(join(dir, 'jobs')).get('test-movie--fr');
    expect(onDisk?.status).toBe('running');
    const doneBefore = onDisk?.done ?? 0;
    expect(doneBefore).toBeGreaterThanOrEqual(50);
    expect(doneBefore).toBeLessThan(120);

    deepl.setLatency(0);
    const second = queue();
    expect(await second.q.resume()).toBe(1);
    await second.q.idle();
    const job = await second.q.get('test-movie--fr');
    expect(job).toMatchObject({ status: 'ready', done: 120 });
    const after = deepl.translated.slice(sentBefore);
    expect(after).toHaveLength(120 - doneBefore);
    const saved = new Set(Object.keys(onDisk?.words ?? {}).map((k) => k.split('|')[0]));
    expect(saved.size).toBe(doneBefore);
    expect(after.filter((w) => saved.has(w))).toEqual([]);
    expect(second.notifier.sent.map((n) => userKey(n.to))).toEqual(['telegram:u1']);
  });
});

describe('GIVEN DeepL answers 456 (quota exceeded)', () => {
  it('THEN the job pauses with that reason, tells the askers once, and resumes later where it stopped', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const clock = { now: () => now };
    const { q, notifier } = queue({ clock, quotaPauseMinutes: 60 });
    deepl.quota = 60 * 5; // the first batch (50 words of 5–6 chars) fits, the second does not
    await q.ask(vocab, fr, person(1));
    await q.idle();
    const paused = await q.get('test-movie--fr');
    expect(paused).toMatchObject({ status: 'paused', reason: 'quota', done: 50 });
    expect(paused?.retryAt).toBe('2026-01-01T11:00:00.000Z');
    expect(notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichPaused']);
    expect(notifier.sent[0]?.reply.text).toContain('the translation quota is used up');

    // A second person joins the paused job; before the hour, nothing is sent.
    expect((await q.ask(vocab, fr, person(2))).kind).toBe('joined');
    expect(await q.resume()).toBe(0);
    await q.idle();
    const sentBefore = deepl.translated.length;

    deepl.quota = Infinity;
    now = new Date('2026-01-01T11:00:01Z');
    expect(await q.resume()).toBe(1);
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 120 });
    expect(sentBefore).toBe(50);
    expect(new Set(deepl.translated).size).toBe(deepl.translated.length);
    expect(notifier.sent.map((n) => [userKey(n.to), n.reply.code])).toEqual([
      ['telegram:u1', 'vocab.enrichPaused'],
      ['telegram:u1', 'vocab.enrichReady'],
      ['telegram:u2', 'vocab.enrichReady'],
    ]);
  });
});

describe('GIVEN DeepL keeps answering 429', () => {
  it('THEN the client backs off and retries, and the job pauses (rate_limited) instead of failing', async () => {
    const { q, notifier } = queue({ retryMinutes: 5 });
    deepl.fail({
      kind: 'status',
      status: 429,
      body: { message: 'Too many requests' },
      headers: { 'retry-after': '0' },
    });
    await q.ask(vocab, fr, person(1));
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({
      status: 'paused',
      reason: 'rate_limited',
      done: 0,
    });
    expect(deepl.callsTo('POST', '/v2/translate')).toHaveLength(4); // 1 + 3 retries
    expect(notifier.sent[0]?.reply.text).toContain('the translator asks us to slow down');
  });
});

describe('GIVEN a translator that refuses the key', () => {
  it('THEN the job fails with the reason and every asker is told', async () => {
    const { q, notifier } = queue({
      translator: new DeeplTranslator({ apiKey: 'not-the-key', baseUrl: deepl.url, timeoutMs: 2000 }),
    });
    await q.ask(vocab, fr, person(1));
    await q.ask(vocab, fr, person(2));
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'failed', reason: 'auth' });
    expect(notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichFailed', 'vocab.enrichFailed']);
    expect(notifier.sent[0]?.reply.text).not.toContain('not-the-key');
  });

  it('AND with no translator at all, no job is made', async () => {
    const { q } = queue({ translator: undefined });
    expect(await q.ask(vocab, fr, person(1))).toEqual({ kind: 'no_translator' });
    expect(await q.list()).toEqual([]);
  });
});
