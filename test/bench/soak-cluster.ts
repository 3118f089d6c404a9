/**
 * The soak (test/bench/soak.ts) on PostgreSQL: SOAK_INSTANCES (1 or 2) apps in this process on one
 * throwaway database and one set of fakes, as test/ops/postgres-cluster.test.ts starts two bots.
 * 50 people spread over the instances, a third of the requests for one title, faults injected as
 * in soak.ts, every instance's cron every 3 s (the cluster runs one per tick). Prints throughput,
 * p95 reply, RSS, POSTs per item the fakes received (must be ≤ 1) and lost requests (must be 0).
 *
 *   SOAK_INSTANCES=2 SOAK_REQUESTS=2000 npx tsx test/bench/soak-cluster.ts
 *
 * Without PostgreSQL it prints why and exits 0 (test/helpers/postgres.ts).
 */
import { performance } from 'node:perf_hooks';
import type { UserRef } from '../../src/core/types.js';
import { movies, series } from '../fixtures/world.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { startWorld, type World } from '../helpers/world.js';
import { injectFaults, mb, quantile } from './soak-parts.js';

const INSTANCES = Number(process.env.SOAK_INSTANCES ?? 2);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const MAX_REQUESTS = Number(process.env.SOAK_REQUESTS ?? 2000);
const USERS = 50;
const WARMUP = Math.min(500, Math.floor(MAX_REQUESTS / 4));
const SAME = 'Dune 2021';

const titles = [
  ...movies.map((m) => m.title),
  ...series.map((s) => s.title),
  'Radiohead',
  'No Such Title Zq',
];

/** The item a write to a *arr is about: what "one POST per item" counts by. */
function itemOf(p: { path: string; body: unknown }): string {
  const b = (p.body ?? {}) as Record<string, unknown>;
  const id = b.tmdbId ?? b.tvdbId ?? b.foreignAlbumId ?? b.foreignArtistId ?? JSON.stringify(b);
  return `${p.path}|${String(id)}`;
}

async function main(): Promise<void> {
  const { pg, why } = await startTestPostgres();
  if (!pg) {
    console.log(`soak-cluster: skipped — ${why}`);
    return;
  }
  const env = {
    DATABASE_URL: await pg.freshUrl(),
    DECISION_DEADLINE_MS: '1500',
    MUSICBRAINZ_MIN_INTERVAL_MS: '0',
    CHOICE_TTL_MINUTES: process.env.SOAK_CHOICE_TTL_MINUTES ?? '1',
  };
  const first = await startWorld({ env });
  const worlds: World[] = [first];
  // The others on the first one's database and fakes, each with a data folder of its own.
  const { DATA_DIR: _own, ...shared } = first.env;
  for (let k = 1; k < INSTANCES; k++) worlds.push(await startWorld({ env: shared }));
  const w = first;
  for (const fake of [w.tmdb, w.sonarr, w.radarr, w.lidarr]) fake?.setLatency(20);

  const acknowledged = new Map<string, World>();
  const latencies: number[] = [];
  const perItem = new Map<string, number>();
  let sent = 0;
  let errors = 0;
  let rssStart = 0;
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const done = () => sent >= MAX_REQUESTS || performance.now() > deadline;

  const stopFaults = injectFaults(w);
  // Count each write by item before the record is cleared (it would be most of the heap).
  const servarrs = [w.sonarr, w.radarr, w.lidarr];
  const tally = () => {
    for (const f of servarrs) {
      if (!f) continue;
      for (const p of f.posted.splice(0))
        if (p.method === 'POST') perItem.set(itemOf(p), (perItem.get(itemOf(p)) ?? 0) + 1);
    }
    for (const f of [w.tmdb, w.musicbrainz, ...servarrs]) if (f) f.calls.length = 0;
  };
  const trim = setInterval(tally, 2000);
  const crons = worlds.map((x) => {
    let running = false;
    return setInterval(() => {
      if (running) return;
      running = true;
      void x.app.core.processPending().finally(() => (running = false));
    }, 3000);
  });

  async function person(n: number): Promise<void> {
    const user: UserRef = { platform: 'terminal', userId: `soak${n}`, chatId: `soak${n}` };
    while (!done()) {
      const i = sent++;
      const at = worlds[i % worlds.length] as World;
      const title = i % 3 === 0 ? SAME : (titles[(i * 7 + n) % titles.length] ?? 'Inception');
      const t0 = performance.now();
      try {
        const reply = await at.app.core.handle({ user, text: `add ${title}` });
        latencies.push(performance.now() - t0);
        if (reply.requestId) acknowledged.set(reply.requestId, at);
        // Half the questions answered, on the same instance (a chat stays on one); the rest expire.
        if (reply.choices && i % 2 === 0) await at.app.core.choose(user, reply.choices.token, 0);
      } catch {
        errors += 1;
      }
      if (i === WARMUP) rssStart = process.memoryUsage().rss;
    }
  }

  await Promise.all(Array.from({ length: USERS }, (_, n) => person(n)));
  const elapsed = (performance.now() - started) / 1000;
  stopFaults();
  crons.forEach(clearInterval);
  w.radarr?.fail(null);
  await w.sonarr?.up();
  for (let k = 0; k < 5; k++) {
    for (const r of await w.app.requests.list({ status: ['failed_retryable'] }))
      await w.app.requests.update(r.id, (x) => void (x.nextAttemptAt = new Date(0).toISOString()));
    await Promise.all(worlds.map((x) => x.app.core.processPending()));
  }
  await Promise.all(worlds.map((x) => x.app.core.idle()));
  clearInterval(trim);
  tally();
  const rssEnd = process.memoryUsage().rss;

  let lost = 0;
  const undecided = new Set(['received', 'classified', 'approved']);
  const byStatus = new Map<string, number>();
  for (const id of acknowledged.keys()) {
    // Read from the first instance: the database is the one truth for all of them.
    const r = await w.app.requests.get(id);
    if (!r || undecided.has(r.status)) lost += 1;
    const s = r?.status ?? 'missing';
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  }
  const p = (q: number) => quantile(latencies, q);
  const counts = [...perItem.values()];
  const dupes = [...perItem].filter(([, n]) => n > 1);
  console.log(
    [
      `soak-cluster: ${INSTANCES} instance(s) on one PostgreSQL, ${sent} requests by ${USERS} people in ${elapsed.toFixed(1)} s (limit ${MINUTES} min / ${MAX_REQUESTS}); a third "${SAME}"`,
      `throughput ${(sent / elapsed).toFixed(1)} requests/s; reply p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms`,
      `RSS after warm-up ${mb(rssStart)}, at the end ${mb(rssEnd)}`,
      `handler errors thrown: ${errors}`,
      `POSTs to the *arr fakes: ${counts.reduce((a, b) => a + b, 0)} for ${perItem.size} items; most for one item ${Math.max(0, ...counts)}${dupes.length ? `; more than one: ${dupes.map(([k, n]) => `${k} ×${n}`).join(', ')}` : ''}`,
      `acknowledged ${acknowledged.size}; by status: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      `lost: ${lost}`,
    ].join('\n'),
  );
  for (const x of worlds.slice().reverse()) await x.close();
  await pg.stop();
  process.exit(lost === 0 && dupes.length === 0 ? 0 : 1);
}

void main();
