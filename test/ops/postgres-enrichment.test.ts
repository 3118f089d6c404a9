/**
 * Enrichment on two bots sharing one PostgreSQL (issue 18, point 2), through the real App against
 * fake IMSDb, TMDb and DeepL: two people asking each bot for the same film and language at once
 * make one job, one translation run at DeepL (each word billed once), and each person is told
 * once, by whichever bot finishes it. Skipped, saying why, without PostgreSQL (test/helpers/postgres.ts).
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnrichmentJob } from '../../src/core/vocab/enrichment/types.js';
import { startFakeDeepl, type FakeDeepl } from '../fakes/deepl.js';
import { startFakeImsdb, type FakeImsdb } from '../fakes/imsdb.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { alice, bob, startWorld, type World } from '../helpers/world.js';

const KEY = 'deepl-cluster-key-0004:fx';
const postgres = await startTestPostgres();
if (postgres.why) console.log(`enrichment on two bots: skipped — ${postgres.why}`);

let imsdb: FakeImsdb;
let deepl: FakeDeepl;
const worlds: World[] = [];
beforeAll(async () => {
  imsdb = await startFakeImsdb();
  deepl = await startFakeDeepl({ apiKey: KEY });
});
afterEach(async () => {
  for (const w of worlds.splice(0).reverse()) await w.close();
});
afterAll(async () => {
  await Promise.all([imsdb?.close(), deepl?.close(), postgres.pg?.stop()]);
});

/** Bot A, and bot B on A's database and fakes with a data folder of its own. */
async function twoBots(): Promise<[World, World, string]> {
  if (!postgres.pg) throw new Error(postgres.why);
  const env = {
    DATABASE_URL: await postgres.pg.freshUrl(),
    IMSDB_BASE_URL: imsdb.url,
    SCRIPT_TIMEOUT_MS: '3000',
    DEEPL_API_KEY: KEY,
    DEEPL_BASE_URL: deepl.url,
  };
  const opts = { musicbrainz: false, sonarr: false, lidarr: false, radarr: false } as const;
  const a = await startWorld({ ...opts, env });
  worlds.push(a);
  const { DATA_DIR: _own, ...shared } = a.env;
  const b = await startWorld({ ...opts, env: shared });
  worlds.push(b);
  return [a, b, env.DATABASE_URL];
}

/** The enrichment jobs as the database holds them. */
async function storedJobs(url: string): Promise<EnrichmentJob[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ record: EnrichmentJob }>('SELECT record FROM enrichment_jobs');
    return rows.map((r) => r.record);
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(postgres.why !== undefined)('GIVEN two bots on one database with DeepL', () => {
  it('WHEN two people ask each bot for Inception in French at once THEN one DeepL run, each told once', async () => {
    const [a, b, url] = await twoBots();
    // A DeepL that takes a moment: both asks land while the job is under way.
    deepl.setLatency(150);

    const replies = await Promise.all([
      a.say('vocab Inception in French', alice),
      b.say('vocab Inception in French', bob),
    ]);

    // One job: one bot started it, the other's asker joined it.
    const said = replies.map((r) => /Translations into French are (already )?on their way/.exec(r.text)?.[0]);
    expect(said.sort()).toEqual([
      'Translations into French are already on their way',
      'Translations into French are on their way',
    ]);
    const jobKey = replies[0].progress?.jobKey ?? '';
    expect(replies[1].progress?.jobKey).toBe(jobKey);
    const ready = () => [...a.chat.sent, ...b.chat.sent].filter((s) => s.reply.code === 'vocab.enrichReady');
    await until(() => ready().length >= 2);
    // Time for a second run, were there one, to send its words and its "ready" too.
    await new Promise((r) => setTimeout(r, 500));
    expect(
      ready()
        .map((s) => s.to.userId)
        .sort(),
    ).toEqual(['alice', 'bob']);
    // One run: each word sent (and billed) once, in the fewest requests 50 texts allow.
    const jobs = await storedJobs(url);
    const tell = (j: EnrichmentJob) => j.askers.map((x) => `${x.user.userId} told: ${x.notified}`).sort();
    expect(jobs.map((j) => [j.key, j.status, tell(j)])).toEqual([
      [jobKey, 'ready', ['alice told: true', 'bob told: true']],
    ]);
    const total = jobs[0]?.total ?? 0;
    expect(deepl.translated).toHaveLength(total);
    expect(deepl.requests).toBe(Math.ceil(total / 50));
  }, 60_000);
});
