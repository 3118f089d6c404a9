/**
 * Issue 2's benchmark: every fake upstream answers after 100 ms; time from message to decision
 * (and to the reply, which includes sending to the backend) over 50 distinct titles, one after
 * another and 50 at once, plus a repeated query served from cache.
 *
 *   npm run bench:classify            (MusicBrainz at the public 1 request/s)
 *   MB_INTERVAL=0 npm run bench:classify   (a self-hosted MusicBrainz mirror)
 */
import { performance } from 'node:perf_hooks';
import { movies, series, artists, albums } from '../fixtures/world.js';
import { alice, startWorld, type World } from '../helpers/world.js';

const LATENCY = 100;
const mbInterval = process.env.MB_INTERVAL ?? '1000';

function titles(): string[] {
  const known = [...movies, ...series].map((w) => w.title);
  const music = [...artists.map((a) => a.name), ...albums.map((a) => a.title)];
  const out = [...new Set([...known, ...music])];
  for (let i = 0; out.length < 50; i++) out.push(`Unknown Title ${i} ${String.fromCharCode(97 + (i % 26))}`);
  return out.slice(0, 50);
}

async function world(): Promise<World> {
  const w = await startWorld({
    spotify: true,
    env: { MUSICBRAINZ_MIN_INTERVAL_MS: mbInterval, DECISION_DEADLINE_MS: '2000' },
  });
  for (const f of [w.tmdb, w.musicbrainz, w.spotify, w.sonarr, w.radarr, w.lidarr]) f?.setLatency(LATENCY);
  if (w.musicbrainz) w.musicbrainz.minIntervalMs = Number(mbInterval);
  return w;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function decisionMs(w: World, id: string | undefined): Promise<number> {
  const r = id ? await w.app.requests.get(id) : undefined;
  const ev = r?.audit.find((e) => e.to === 'classified');
  return Number(ev?.detail?.ms ?? NaN);
}

async function run(label: string, concurrent: boolean): Promise<void> {
  const w = await world();
  const list = titles();
  const decisions: number[] = [];
  const replies: number[] = [];
  let leftOut = 0;
  const one = async (t: string, i: number) => {
    const user = { ...alice, userId: `user${i}` };
    const t0 = performance.now();
    const reply = await w.app.core.handle({ user, text: `add ${t}` });
    replies.push(performance.now() - t0);
    decisions.push(await decisionMs(w, reply.requestId));
    if (/left out/.test(reply.text)) leftOut += 1;
  };
  const t0 = performance.now();
  if (concurrent) await Promise.all(list.map(one));
  else for (const [i, t] of list.entries()) await one(t, i);
  const wall = performance.now() - t0;
  const f = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(28)} decision p50 ${f(pct(decisions, 50))}  p95 ${f(pct(decisions, 95))} | reply p50 ${f(pct(replies, 50))}  p95 ${f(pct(replies, 95))} | wall ${f(wall)} | replies naming a left-out source: ${leftOut}/50`,
  );
  if (!concurrent) {
    const repeat: number[] = [];
    for (const t of list.slice(0, 20)) {
      const t1 = performance.now();
      await w.app.core.suggest(t);
      repeat.push(performance.now() - t1);
    }
    console.log(
      `${'repeated query (cache)'.padEnd(28)} p50 ${pct(repeat, 50).toFixed(2)} ms  p95 ${pct(repeat, 95).toFixed(2)} ms`,
    );
  }
  await w.close();
}

console.log(
  `fakes answer after ${LATENCY} ms; MusicBrainz min interval ${mbInterval} ms; deadline 2000 ms; node ${process.version}`,
);
await run('50 titles, one after another', false);
await run('50 titles, all at once', true);
