/**
 * The enrichment queue with its real adapters (JSON job store on a temp folder, the DeepL client)
 * against a fake DeepL on 127.0.0.1, on a fake clock: the fewest requests 50 texts allow, the
 * context sent unbilled, 456 → paused on disk → resumed by a new queue without a word sent twice,
 * 429 retried by the client before the job pauses, a refused key never shown.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeeplTranslator } from '../../../adapters/translate/deepl.js';
import { JsonJobStore } from '../../../adapters/store/json-job-store.js';
import { JsonVocabStore } from '../../../adapters/store/json-vocab-store.js';
import { userKey } from '../../../src/core/types.js';
import { EnrichmentQueue } from '../../../src/core/vocab/enrichment/queue.js';
import type { Translator } from '../../../src/core/vocab/enrichment/types.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language, MovieVocab } from '../../../src/core/vocab/types.js';
import { FakeTime, quietLogger } from '../../core/enrichment/fakes.js';
import { person, RecordingNotifier, SETTINGS, syntheticVocab } from '../../core/enrichment/helpers.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';

const KEY = 'deepl-test-key-0002:fx';
const fr = findLanguage('fr') as Language;

let deepl: FakeDeepl;
let dir: string;
let vocab: MovieVocab;
let time: FakeTime;
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
  time = new FakeTime();
  await new JsonVocabStore(join(dir, 'vocab')).put(vocab);
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function queue(
  translator: Translator = new DeeplTranslator({ apiKey: KEY, baseUrl: deepl.url, timeoutMs: 2000 }),
) {
  const notifier = new RecordingNotifier();
  const q = new EnrichmentQueue({
    jobs: new JsonJobStore(join(dir, 'jobs')),
    vocabs: new JsonVocabStore(join(dir, 'vocab')),
    translator,
    notifier,
    clock: time,
    timers: time,
    logger: quietLogger,
    settings: SETTINGS,
  });
  queues.push(q);
  return { q, notifier };
}

describe('GIVEN 20 people asking for the same movie and language at once', () => {
  it('THEN one job file, the fewest DeepL requests, the context unbilled, everyone waiting told', async () => {
    const { q, notifier } = queue();
    deepl.setLatency(100);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => q.ask(vocab, fr, person(i))));
    expect(outcomes.filter((o) => o.kind === 'started')).toHaveLength(1);
    // On a loaded machine the job may be done before the last asks (20 file writes): those hear "ready".
    const waiting = outcomes.filter((o) => o.kind !== 'ready').length;
    await q.idle();
    expect(deepl.requests).toBe(Math.ceil(120 / 50));
    expect(new Set(deepl.translated).size).toBe(120);
    expect(deepl.contexts[0]).toContain('We need the word0 before the music stops, Cobb.');
    expect(deepl.billed).toBe(deepl.translated.join('').length);
    expect(notifier.sent).toHaveLength(waiting);
    const job = await new JsonJobStore(join(dir, 'jobs')).get('test-movie--fr');
    expect(job).toMatchObject({ status: 'ready', done: 120, total: 120, requests: 3 });
    expect(job?.words['word0|noun']).toBe('fr:word0');
    expect(job?.chars.words).toBe(deepl.billed);
    expect(readdirSync(join(dir, 'jobs'))).toEqual(['test-movie--fr.json']);
  });
});

describe('GIVEN DeepL answers 456 (quota exceeded)', () => {
  it('THEN the job is paused on disk, and a new queue past retryAt finishes it, no word sent twice', async () => {
    const first = queue();
    deepl.quota = 60 * 5; // the first batch (50 words of 5–6 chars) fits, the second does not
    await first.q.ask(vocab, fr, person(1));
    await first.q.idle();
    await first.q.stop();
    const onDisk = await new JsonJobStore(join(dir, 'jobs')).get('test-movie--fr');
    expect(onDisk).toMatchObject({ status: 'paused', reason: 'quota', done: 50 });
    expect(onDisk?.retryAt).toBe('2026-01-01T11:00:00.000Z');
    expect(first.notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichPaused']);

    deepl.quota = Infinity;
    time.advance(61 * 60_000);
    const second = queue();
    expect(await second.q.resume()).toBe(1);
    await second.q.idle();
    expect(await second.q.get('test-movie--fr')).toMatchObject({ status: 'ready', done: 120 });
    expect(deepl.translated).toHaveLength(120);
    expect(new Set(deepl.translated).size).toBe(120);
    expect(second.notifier.sent.map((n) => [userKey(n.to), n.reply.code])).toEqual([
      ['telegram:u1', 'vocab.enrichReady'],
    ]);
  });
});

describe('GIVEN DeepL keeps answering 429', () => {
  it('THEN the client backs off and retries, and the job pauses (rate_limited) instead of failing', async () => {
    const { q, notifier } = queue();
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

describe('GIVEN a DeepL key it refuses', () => {
  it('THEN the job fails (auth), every asker is told, and the key is in no reply', async () => {
    const { q, notifier } = queue(
      new DeeplTranslator({ apiKey: 'not-the-key', baseUrl: deepl.url, timeoutMs: 2000 }),
    );
    await q.ask(vocab, fr, person(1));
    await q.ask(vocab, fr, person(2));
    await q.idle();
    expect(await q.get('test-movie--fr')).toMatchObject({ status: 'failed', reason: 'auth' });
    expect(notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichFailed', 'vocab.enrichFailed']);
    expect(JSON.stringify(notifier.sent)).not.toContain('not-the-key');
  });
});
