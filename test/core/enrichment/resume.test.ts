/**
 * Enrichment resume: a job cut off mid-way (running, 50 of 120 words saved) carries on from its
 * last saved word when a new queue starts over the same job store, as after a restart. However
 * many ask, before or after, there is one job per (movie, language), and every asker is told once.
 */
import { describe, expect, it } from 'vitest';
import { userKey } from '../../../src/core/types.js';
import { EnrichmentQueue } from '../../../src/core/vocab/enrichment/queue.js';
import type { JobStore } from '../../../src/core/vocab/enrichment/types.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { FakeTime, FakeTranslator, MemoryJobStore, MemoryVocabStore, quietLogger } from './fakes.js';
import { person, RecordingNotifier, SETTINGS, syntheticVocab } from './helpers.js';

const fr = findLanguage('fr') as Language;
const KEY = 'test-movie--fr';

function start(jobs: JobStore, vocabs: MemoryVocabStore, translator: FakeTranslator, time: FakeTime) {
  const notifier = new RecordingNotifier();
  const q = new EnrichmentQueue({
    jobs,
    vocabs,
    translator,
    notifier,
    clock: time,
    timers: time,
    logger: quietLogger,
    settings: SETTINGS,
  });
  return { q, notifier };
}

describe('GIVEN a job interrupted with 50 of 120 words saved', () => {
  it('THEN after a restart it resumes from the last saved word, one job, every asker told once', async () => {
    const vocab = syntheticVocab('test-movie', 120);
    const vocabs = new MemoryVocabStore();
    await vocabs.put(vocab);
    const jobs = new MemoryJobStore();
    const translator = new FakeTranslator();
    const time = new FakeTime();

    const before = start(jobs, vocabs, translator, time);
    const held = translator.holdAfter(1); // the second batch is on its way when the process stops
    const asked = await Promise.all([1, 2, 3, 4, 5].map((i) => before.q.ask(vocab, fr, person(i))));
    expect(asked.map((o) => o.kind).sort()).toEqual(['joined', 'joined', 'joined', 'joined', 'started']);
    await held;
    await before.q.stop();

    const left = await jobs.get(KEY);
    expect(left).toMatchObject({ status: 'running', done: 50, total: 120 });
    expect(Object.keys(left?.words ?? {})).toHaveLength(50);
    expect(left?.askers.map((a) => a.notified)).toEqual([false, false, false, false, false]);
    expect(before.notifier.sent.filter((n) => n.reply.progress === undefined)).toEqual([]);
    const sentBefore = translator.translated.length;

    const after = start(jobs, vocabs, translator, time);
    const resumed = translator.holdAfter(0); // people ask while the resumed job is under way
    expect(await after.q.resume()).toBe(1);
    const more = await Promise.all([2, 6, 7].map((i) => after.q.ask(vocab, fr, person(i))));
    expect(more.map((o) => o.kind)).toEqual(['joined', 'joined', 'joined']);
    await resumed;
    translator.letGo();
    await after.q.idle();

    expect(jobs.keys()).toEqual([KEY]);
    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120, total: 120 });
    const resent = translator.translated.slice(sentBefore);
    const saved = new Set(Object.keys(left?.words ?? {}).map((k) => k.split('|')[0]));
    expect(resent).toHaveLength(70);
    expect(resent.filter((w) => saved.has(w))).toEqual([]);
    const told = after.notifier.sent.map((n) => [userKey(n.to), n.reply.code]);
    expect(told.sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => [`telegram:u${i}`, 'vocab.enrichReady']).sort(),
    );
  });
});

describe('GIVEN a job paused on the store when the process starts', () => {
  it('THEN it waits for its time and then carries on by itself', async () => {
    const vocab = syntheticVocab('test-movie', 120);
    const vocabs = new MemoryVocabStore();
    await vocabs.put(vocab);
    const jobs = new MemoryJobStore();
    const translator = new FakeTranslator();
    const time = new FakeTime();
    translator.quota = 60 * 5;
    const before = start(jobs, vocabs, translator, time);
    await before.q.ask(vocab, fr, person(1));
    await before.q.idle();
    await before.q.stop();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'paused', done: 50 });

    translator.quota = Infinity;
    const after = start(jobs, vocabs, translator, time);
    expect(await after.q.resume()).toBe(0);
    time.advance(59 * 60_000);
    await after.q.idle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'paused', done: 50 });
    time.advance(60_000);
    await after.q.idle();
    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120 });
    expect(after.notifier.sent.map((n) => n.reply.code)).toEqual(['vocab.enrichReady']);
  });
});
