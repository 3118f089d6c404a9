/**
 * The VocabStore and JobStore contracts, run against every store behind them: the Map fakes the
 * enrichment and vocabulary tests use (test/core/enrichment/fakes.ts), the JSON files the app
 * uses by default (adapters/store/json-vocab-store.ts, json-job-store.ts), and PostgreSQL
 * (adapters/store/pg/) when a server can be had (test/helpers/postgres.ts; else they print why
 * they skip).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonJobStore } from '../../../adapters/store/json-job-store.js';
import { JsonVocabStore } from '../../../adapters/store/json-vocab-store.js';
import { openPgStores, type PgStores } from '../../../adapters/store/pg/pg-stores.js';
import type { EnrichmentJob, JobStore } from '../../../src/core/vocab/enrichment/types.js';
import type { VocabStore } from '../../../src/core/vocab/ports.js';
import type { MovieVocab } from '../../../src/core/vocab/types.js';
import { MemoryJobStore, MemoryVocabStore } from '../../core/enrichment/fakes.js';
import { person, syntheticVocab } from '../../core/enrichment/helpers.js';
import { startTestPostgres } from '../../helpers/postgres.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'reelbot-vocab-stores-'));

const postgres = await startTestPostgres();
if (postgres.why) console.log(`vocabulary and job stores (postgres): skipped — ${postgres.why}`);
const opened: PgStores[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  await postgres.pg?.stop();
});
async function pgStores(): Promise<PgStores> {
  if (!postgres.pg) throw new Error(postgres.why);
  const stores = await openPgStores(await postgres.pg.freshUrl());
  opened.push(stores);
  return stores;
}

/** A store's name, how to open an empty one, and why it is skipped here (if it is). */
type Entry<S> = [name: string, open: () => Promise<S>, skipped?: string];

const vocabStores: Entry<VocabStore>[] = [
  ['files', async () => new JsonVocabStore(freshDir())],
  ['memory', async () => new MemoryVocabStore()],
  ['postgres', async () => (await pgStores()).vocabs, postgres.why],
];
const jobStores: Entry<JobStore>[] = [
  ['files', async () => new JsonJobStore(freshDir())],
  ['memory', async () => new MemoryJobStore()],
  ['postgres', async () => (await pgStores()).jobs, postgres.why],
];

/** A vocabulary with every optional part, and script text as subtitle files bring it (U+0000, emoji, RTL). */
function fullVocab(key: string): MovieVocab {
  const vocab = syntheticVocab(key, 3, 'Брат');
  vocab.year = 1997;
  vocab.script = { source: 'OpenSubtitles', origin: 'brat.srt', format: 'transcript', characters: 1234 };
  vocab.season = {
    season: 1,
    episodes: [{ episode: 1, words: 900, source: 'OpenSubtitles' }],
    missing: [{ episode: 2, gap: 'quota' }],
    quotaResetsAt: '2026-01-02T00:00:00.000Z',
    openEnded: true,
  };
  vocab.sentences.push({ text: 'A cue with a stray NUL \u0000, 🎬 and שלום.', kind: 'dialogue' });
  const first = vocab.entries[0];
  if (first) first.uncertain = true;
  return vocab;
}

function job(key: string, at = '2026-01-01T10:00:00.000Z'): EnrichmentJob {
  return {
    key,
    movieKey: key.split('--')[0] ?? key,
    title: 'Heat',
    language: 'de',
    status: 'queued',
    total: 3,
    done: 0,
    translator: 'DeepL',
    words: {},
    sentences: {},
    chars: { words: 0, sentences: 0 },
    requests: 0,
    askers: [{ user: person(1), at, notified: false }],
    createdBy: 'telegram:u1',
    createdAt: at,
    updatedAt: at,
  };
}

for (const [name, open, skipped] of vocabStores)
  describe.skipIf(skipped !== undefined)(`VocabStore (${name})`, () => {
    it('keeps a vocabulary exactly as it was put, every field and character', async () => {
      const store = await open();
      expect(await store.get('brat-1997')).toBeUndefined();
      await store.put(fullVocab('brat-1997'));
      expect(await store.get('brat-1997')).toEqual(fullVocab('brat-1997'));
    });

    it('put replaces the whole vocabulary, and what get returned is a copy', async () => {
      const store = await open();
      await store.put(syntheticVocab('heat-1995', 5));
      await store.put(syntheticVocab('heat-1995', 2));
      const got = await store.get('heat-1995');
      expect(got?.entries.map((e) => e.lemma)).toEqual(['word0', 'word1', 'whoa']);
      got?.entries.pop();
      expect((await store.get('heat-1995'))?.entries).toHaveLength(3);
    });

    it('keeps keys apart that differ only in letters a file name cannot hold', async () => {
      const store = await open();
      await store.put(syntheticVocab('брат-1997', 1, 'Брат'));
      await store.put(syntheticVocab('брат!-1997', 2, 'Брат!'));
      expect((await store.get('брат-1997'))?.title).toBe('Брат');
      expect((await store.get('брат!-1997'))?.title).toBe('Брат!');
    });
  });

const listingStores: Entry<VocabStore & { keys(): Promise<string[]> }>[] = [
  ['files', async () => new JsonVocabStore(freshDir())],
  ['postgres', async () => (await pgStores()).vocabs, postgres.why],
];
for (const [name, open, skipped] of listingStores)
  describe.skipIf(skipped !== undefined)(`the stored movie keys (${name})`, () => {
    it('are the keys as put, whatever letters they hold: backfill and the list buttons rely on them', async () => {
      const store = await open();
      for (const key of ['heat-1995', 'брат-1997', '千と千尋の神隠し-2001'])
        await store.put(syntheticVocab(key, 1));
      expect((await store.keys()).sort()).toEqual(['heat-1995', 'брат-1997', '千と千尋の神隠し-2001'].sort());
    });
  });

for (const [name, open, skipped] of jobStores)
  describe.skipIf(skipped !== undefined)(`JobStore (${name})`, () => {
    it('keeps a job exactly as it was put, and replaces it on the next put', async () => {
      const store = await open();
      expect(await store.get('heat-1995--de')).toBeUndefined();
      const queued = job('heat-1995--de');
      await store.put(queued);
      expect(await store.get('heat-1995--de')).toEqual(queued);
      const ready: EnrichmentJob = {
        ...queued,
        status: 'ready',
        done: 3,
        words: { 'noun:heist': 'Raubüberfall', 'other:whoa': 'Hoppla \u0000' },
        sentences: { '0': 'Wir brauchen das Wort.' },
        chars: { words: 14, sentences: 21 },
        requests: 2,
        askers: [{ user: person(1), at: queued.createdAt, notified: true }],
        finishedAt: '2026-01-01T10:05:00.000Z',
        pauseNotified: true,
      };
      await store.put(ready);
      expect(await store.get('heat-1995--de')).toEqual(ready);
    });

    it('lists every job once, as last put; what it returns are copies', async () => {
      const store = await open();
      await store.put(job('heat-1995--de'));
      await store.put(job('heat-1995--fr'));
      await store.put({ ...job('heat-1995--de'), status: 'running', done: 1 });
      const all = await store.list();
      expect(all.map((j) => `${j.key} ${j.status}`).sort()).toEqual([
        'heat-1995--de running',
        'heat-1995--fr queued',
      ]);
      for (const j of all) j.status = 'failed';
      expect((await store.get('heat-1995--fr'))?.status).toBe('queued');
    });
  });
