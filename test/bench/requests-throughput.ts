/**
 * Issue 3's benchmark: a store already holding 1,000 requests, and 50 people adding titles at
 * once against fakes that answer after 50 ms. Prints requests handled per second, p95 time to
 * the reply, the size of the data files and the time of one write at 0, 1,000 and 5,000 stored
 * requests (nine in ten of them finished, as in a bot that has run for a while).
 *
 *   npm run bench:requests
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LowdbFile } from '../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../adapters/store/request-store.js';
import { newRequest } from '../../src/core/media/request-lifecycle.js';
import type { Candidate, MediaRequest } from '../../src/core/types.js';
import { movies, series } from '../fixtures/world.js';
import { alice, startWorld } from '../helpers/world.js';

const LATENCY = 50;

/** A stored request as big as a real one: five scored candidates and a full audit trail. */
function realistic(i: number): MediaRequest {
  const r = newRequest(
    `seed${String(i).padStart(5, '0')}`,
    { ...alice, userId: `u${i % 97}` },
    { text: `add Title ${i}`, title: `Title ${i}` },
    new Date(Date.now() - i * 60_000),
  );
  const candidate: Candidate = {
    key: `movie:tmdb:${i}`,
    source: 'tmdb',
    sources: ['tmdb', 'radarr'],
    kind: 'movie',
    title: `Title ${i}`,
    year: 2000 + (i % 25),
    ids: { tmdb: i, imdb: `tt${1000000 + i}` },
    popularity: 0.5,
    posterUrl: `https://image.tmdb.org/t/p/w342/poster${i}.jpg`,
    overview: 'A fairly long overview of the film, as TMDb returns it, spanning a sentence or two of text.',
    score: 0.8,
    factors: { title: 1, popularity: 0.5, year: 0.5, completeness: 1, recency: 0.6, kind: 0.6 },
  };
  r.candidates = Array.from({ length: 5 }, (_, k) => ({ ...candidate, key: `${candidate.key}:${k}` }));
  r.chosen = candidate;
  // History is mostly finished requests; one in ten still waits for its download.
  r.status = i % 10 === 0 ? 'sent' : 'available';
  r.sources = ['tmdb', 'musicbrainz', 'sonarr', 'radarr', 'lidarr'].map((source) => ({
    source,
    status: 'ok',
    ms: 100,
    hits: 5,
  }));
  for (const to of ['classified', 'approved', 'sent'] as const)
    r.audit.push({ at: new Date().toISOString(), actor: 'cron', to, note: 'bench', detail: { score: 0.8 } });
  return r;
}

async function writeTime(n: number): Promise<{ ms: number; bytes: number; archived: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-bench-'));
  const store = await LowdbRequestStore.open(dir);
  for (let i = 0; i < n; i++) await store.insert(realistic(i)).catch(() => undefined);
  await store.insert(realistic(n + 1));
  const times: number[] = [];
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    await store.update(`seed${String(n + 1).padStart(5, '0')}`, (r) => void (r.attempts += 1));
    times.push(performance.now() - t0);
  }
  LowdbFile.forget(store.path);
  times.sort((a, b) => a - b);
  const archive = join(dir, 'requests-archive.jsonl');
  return {
    ms: times[10] ?? NaN,
    // Either file is only written once something belongs in it.
    bytes: existsSync(store.path) ? statSync(store.path).size : 0,
    archived: existsSync(archive) ? statSync(archive).size : 0,
  };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

console.log(`node ${process.version}; fakes answer after ${LATENCY} ms`);
for (const n of [0, 1000, 5000]) {
  const { ms, bytes, archived } = await writeTime(n);
  console.log(
    `one write with ${String(n).padStart(5)} stored requests: ${ms.toFixed(1)} ms (median of 20), requests.json ${(bytes / 1024).toFixed(0)} KiB, archive ${(archived / 1024).toFixed(0)} KiB`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'reelbot-bench-'));
{
  const seed = await LowdbRequestStore.open(dataDir);
  for (let i = 0; i < 1000; i++) await seed.insert(realistic(i));
  LowdbFile.forget(seed.path);
  LowdbFile.forget(join(dataDir, 'choices.json'));
}
const w = await startWorld({ dataDir, env: { MUSICBRAINZ_MIN_INTERVAL_MS: '0' } });
for (const f of [w.tmdb, w.musicbrainz, w.sonarr, w.radarr, w.lidarr]) f?.setLatency(LATENCY);
if (w.musicbrainz) w.musicbrainz.minIntervalMs = 0;
const titles = [...movies, ...series].map((x) => x.title);
const times: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 50 }, async (_, i) => {
    const t = performance.now();
    await w.app.core.handle({
      user: { ...alice, userId: `p${i}` },
      text: `add ${titles[i % titles.length]} ${i < titles.length ? '' : 'please'}`.trim(),
    });
    times.push(performance.now() - t);
  }),
);
const wall = performance.now() - t0;
console.log(
  `50 people at once on a 1,000-request store: ${(50 / (wall / 1000)).toFixed(1)} requests/s, reply p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms; requests.json ${(statSync(join(dataDir, 'requests.json')).size / 1024).toFixed(0)} KiB`,
);
await w.close();
