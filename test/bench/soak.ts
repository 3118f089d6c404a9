/**
 * The hardening soak: 50 people at once against the fakes for SOAK_MINUTES (default 20) or
 * SOAK_REQUESTS (default 20,000) requests, whichever comes first, with upstream faults injected
 * now and then (Radarr 503s, a slow TMDb, Sonarr down for a while). The cron runs every few
 * seconds as it would in production. Prints throughput, p95 reply, RSS at start (after warm-up)
 * and at the end, open file descriptors, and requests lost: acknowledged with an id but missing
 * from the store, or still undecided after the last cron run. Lost must be 0.
 *
 *   npx tsx test/bench/soak.ts                       # the full soak (20 minutes)
 *   SOAK_MINUTES=2 SOAK_REQUESTS=3000 npx tsx test/bench/soak.ts
 *
 * Every address is 127.0.0.1; the loops are bounded in count and time and stop by themselves.
 */
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { UserRef } from '../../src/core/types.js';
import { movies, series } from '../fixtures/world.js';
import { startWorld } from '../helpers/world.js';
import { injectFaults, mb, quantile } from './soak-parts.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 20);
const MAX_REQUESTS = Number(process.env.SOAK_REQUESTS ?? 20_000);
const USERS = 50;
const WARMUP = 500;

const titles = [
  ...movies.map((m) => m.title),
  ...series.map((s) => s.title),
  'Radiohead',
  'No Such Title Zq',
];

function fds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return -1;
  }
}

async function main(): Promise<void> {
  const world = await startWorld({
    // Questions expire after SOAK_CHOICE_TTL_MINUTES (default 1): the half left unanswered are
    // closed by the cron, as in a bot that runs for days, so what stays open is bounded.
    env: {
      DECISION_DEADLINE_MS: '1500',
      MUSICBRAINZ_MIN_INTERVAL_MS: '0',
      CHOICE_TTL_MINUTES: process.env.SOAK_CHOICE_TTL_MINUTES ?? '1',
    },
  });
  for (const fake of [world.tmdb, world.sonarr, world.radarr, world.lidarr]) fake?.setLatency(20);
  const acknowledged = new Set<string>();
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let rssStart = 0;
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const done = () => sent >= MAX_REQUESTS || performance.now() > deadline;

  const stopFaults = injectFaults(world);
  // The fakes keep every call for the tests; here that record would be most of the heap, and it
  // is not the bot's. Clear it as the soak goes.
  const fakes = [world.tmdb, world.musicbrainz, world.spotify, world.sonarr, world.radarr, world.lidarr];
  const trim = setInterval(() => {
    for (const f of fakes) {
      if (!f) continue;
      f.calls.length = 0;
      if ('posted' in f) f.posted.length = 0;
    }
  }, 2000);
  let cronRunning = false;
  const cron = setInterval(() => {
    if (cronRunning) return;
    cronRunning = true;
    void world.app.core.processPending().finally(() => (cronRunning = false));
  }, 3000);

  async function person(n: number): Promise<void> {
    const user: UserRef = { platform: 'terminal', userId: `soak${n}`, chatId: `soak${n}` };
    while (!done()) {
      const i = sent++;
      const title = titles[(i * 7 + n) % titles.length] ?? 'Inception';
      const t0 = performance.now();
      try {
        const reply = await world.app.core.handle({ user, text: `add ${title}` });
        latencies.push(performance.now() - t0);
        if (reply.requestId) acknowledged.add(reply.requestId);
        // Answer half of the questions, as people do; leave the others to expire.
        if (reply.choices && i % 2 === 0) await world.app.core.choose(user, reply.choices.token, 0);
      } catch {
        errors += 1;
      }
      if (i === WARMUP) rssStart = process.memoryUsage().rss;
    }
  }

  await Promise.all(Array.from({ length: USERS }, (_, n) => person(n)));
  const elapsed = (performance.now() - started) / 1000;
  stopFaults();
  clearInterval(cron);
  clearInterval(trim);
  world.radarr?.fail(null);
  await world.sonarr?.up();
  // Drain: let the backoffs pass and the cron send what is due.
  for (let k = 0; k < 5; k++) {
    for (const r of await world.app.requests.list({ status: ['failed_retryable'] }))
      await world.app.requests.update(r.id, (x) => void (x.nextAttemptAt = new Date(0).toISOString()));
    await world.app.core.processPending();
  }
  await world.app.core.idle();
  const rssEnd = process.memoryUsage().rss;

  let lost = 0;
  const undecided = new Set(['received', 'classified', 'approved']);
  for (const id of acknowledged) {
    const r = await world.app.requests.get(id);
    if (!r || undecided.has(r.status)) lost += 1;
  }
  const p = (q: number) => quantile(latencies, q);
  const byStatus = new Map<string, number>();
  for (const id of acknowledged) {
    const s = (await world.app.requests.get(id))?.status ?? 'missing';
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  }
  console.log(
    [
      `soak: ${sent} requests by ${USERS} people in ${elapsed.toFixed(0)} s (limit ${MINUTES} min / ${MAX_REQUESTS})`,
      `throughput ${(sent / elapsed).toFixed(1)} requests/s; reply p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms`,
      `RSS after warm-up ${mb(rssStart)}, at the end ${mb(rssEnd)} (${(((rssEnd - rssStart) / rssStart) * 100).toFixed(1)}%)`,
      `open file descriptors at the end: ${fds()}`,
      `handler errors thrown: ${errors}`,
      `acknowledged ${acknowledged.size}; by status: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      `lost: ${lost}`,
    ].join('\n'),
  );
  await world.close();
  process.exit(lost === 0 ? 0 : 1);
}

void main();
