/**
 * The soak on real bot processes: SOAK_PROCESSES (1 or 2) `node --import tsx src/main.ts` bots on
 * one throwaway PostgreSQL (test/helpers/bot-process.ts), one fake Telegram delivering its webhook
 * to the bots in turn (a round-robin proxy: test/fakes/telegram-webhook.ts `route`), fake TMDb,
 * Radarr and Sonarr with the faults of soak-parts.ts. 50 people, each in a private chat, say
 * "add <title>" (a third the same film), wait for the answer and ask again. A reply's time runs
 * from the update to the bot's first message in that chat (often "Working on it…"). Prints
 * throughput, p50/p95 reply, the bots' RSS, POSTs per item the fakes received (must be ≤ 1) and
 * lost requests (must be 0): asked and never answered, or left undecided on the database.
 *
 *   SOAK_PROCESSES=2 SOAK_REQUESTS=600 npx tsx test/bench/soak-processes.ts
 *
 * SOAK_MINUTES (default 3) caps the time; SOAK_SEND_PER_SECOND sets each bot's Telegram send limit
 * (default 30 / SOAK_PROCESSES: one token's limit, shared). Without PostgreSQL it prints why and exits 0.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startFakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr } from '../fakes/sonarr.js';
import { startFakeTelegram, type TgMessage } from '../fakes/telegram.js';
import { startFakeTmdb } from '../fakes/tmdb.js';
import { movies, series } from '../fixtures/world.js';
import { killBotProcesses, startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { injectFaults, mb, quantile } from './soak-parts.js';
import { mediaFakesEnv } from '../helpers/media-fakes-env.js';

const PROCESSES = Number(process.env.SOAK_PROCESSES ?? 2);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const MAX_REQUESTS = Number(process.env.SOAK_REQUESTS ?? 600);
const USERS = 50;
/** An ask not answered in this long counts as lost. */
const ANSWER_WITHIN_MS = 30_000;
const SAME = 'Dune 2021';
const WORKING = '⏳ Working on it…';
const HOST = 'bot.example.com';
const KEYS = { tmdb: 'tmdb-soak-0001', radarr: 'radarr-soak-0001', sonarr: 'sonarr-soak-0001' };
const titles = [...movies.map((m) => m.title), ...series.map((s) => s.title), 'No Such Title Zq'];

const textOf = (m: TgMessage | undefined) => {
  const { text, caption } = (m ?? {}) as { text?: string; caption?: string };
  return text ?? caption;
};
const rssOf = (pid: number) => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? mb(Number(kb) * 1024) : '?';
  } catch {
    return '?';
  }
};

async function main(): Promise<void> {
  const { pg: postgres, why } = await startTestPostgres();
  if (!postgres) {
    console.log(`soak-processes: skipped — ${why}`);
    return;
  }
  const [telegram, tmdb, radarr, sonarr] = await Promise.all([
    startFakeTelegram({ webhookRetryUnitMs: 50 }),
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
  ]);
  for (const fake of [tmdb, radarr, sonarr]) fake.setLatency(20);
  const databaseUrl = await postgres.freshUrl();
  const env = {
    DATABASE_URL: databaseUrl,
    DECISION_DEADLINE_MS: '1500',
    // node-cron's six-field form: every 3 seconds on each bot (the cluster runs one per tick).
    PROCESS_CRON: '*/3 * * * * *',
    CHOICE_TTL_MINUTES: process.env.SOAK_CHOICE_TTL_MINUTES ?? '1',
    ...mediaFakesEnv({ tmdb, radarr, sonarr }, KEYS),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_URL: `https://${HOST}/telegram/hook-soak`,
    TELEGRAM_WEBHOOK_SECRET: 'soak-secret_0001',
    // One bot token: Telegram's ~30 messages a second are shared by the processes (README).
    // SOAK_SEND_PER_SECOND overrides it, to see what limits the bots past Telegram's limit.
    TELEGRAM_SEND_PER_SECOND: process.env.SOAK_SEND_PER_SECOND ?? String(Math.floor(30 / PROCESSES)),
  };
  const bots: BotProcess[] = [];
  let turn = 0;
  telegram.webhook.route(HOST, () => bots[turn++ % bots.length]?.httpUrl);
  // Started together: the second setWebhook within a second is refused with a 429 and retried
  // after retry_after (Client.cpp process_set_webhook_query; the chat supervisor).
  bots.push(...(await Promise.all(Array.from({ length: PROCESSES }, () => startBotProcess(env)))));

  const latencies: number[] = [];
  const perItem = new Map<string, number>();
  const tally = () => {
    for (const f of [radarr, sonarr]) {
      for (const p of f.posted.splice(0)) {
        if (p.method !== 'POST') continue;
        const b = (p.body ?? {}) as Record<string, unknown>;
        const item = `${p.path}|${String(b.tmdbId ?? b.tvdbId ?? JSON.stringify(b))}`;
        perItem.set(item, (perItem.get(item) ?? 0) + 1);
      }
    }
    for (const f of [tmdb, radarr, sonarr]) f.calls.length = 0;
  };
  const trim = setInterval(tally, 2000);
  let sent = 0;
  let unanswered = 0;
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const done = () => sent >= MAX_REQUESTS || performance.now() > deadline;
  const stopFaults = injectFaults({ radarr, tmdb, sonarr });

  async function person(n: number): Promise<void> {
    const user = { id: 7_200_000 + n, is_bot: false, first_name: `S${n}` };
    const chat = telegram.privateChat(user);
    while (!done()) {
      const i = sent++;
      const title = i % 3 === 0 ? SAME : (titles[(i * 7 + n) % titles.length] ?? 'Inception');
      const t0 = performance.now();
      const asked = telegram.userSays(user, chat, `add ${title}`).message_id;
      // The bot's messages after the ask, in order (the fake numbers a chat's messages one by one).
      const after = (k: number) => telegram.message(chat.id, asked + k);
      try {
        await telegram.until(() => after(1), 'a first message', ANSWER_WITHIN_MS);
        latencies.push(performance.now() - t0);
        // The answer: the placeholder edited into it, or a message after it.
        const answered = () =>
          [1, 2, 3].some((k) => {
            const t = textOf(after(k));
            return t !== undefined && t !== WORKING;
          });
        await telegram.until(answered, 'the answer', ANSWER_WITHIN_MS);
      } catch {
        unanswered += 1;
      }
    }
  }

  await Promise.all(Array.from({ length: USERS }, (_, n) => person(n)));
  const elapsed = (performance.now() - started) / 1000;
  stopFaults();
  radarr.fail(null);
  await sonarr.up();
  tmdb.setLatency(20);

  // What was stored and not yet decided: the crons (every 3 s, twice the deadline) should take it up.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const undecidedCount = async () =>
    Number(
      (
        await client.query<{ n: string }>(
          "SELECT count(*) AS n FROM requests WHERE status IN ('received', 'classified', 'approved')",
        )
      ).rows[0]?.n ?? 0,
    );
  for (let end = Date.now() + 10_000; Date.now() < end && (await undecidedCount()) > 0;)
    await new Promise((r) => setTimeout(r, 500));
  const undecided = await undecidedCount();
  const byStatus = (
    await client.query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM requests GROUP BY status ORDER BY status',
    )
  ).rows;
  await client.end();
  clearInterval(trim);
  tally();

  const p = (q: number) => quantile(latencies, q);
  const counts = [...perItem.values()];
  const dupes = [...perItem].filter(([, n]) => n > 1);
  const lost = unanswered + undecided;
  console.log(
    [
      `soak-processes: ${PROCESSES} bot process(es) on one PostgreSQL behind one Telegram webhook, ${sent} requests by ${USERS} people in ${elapsed.toFixed(1)} s (limit ${MINUTES} min / ${MAX_REQUESTS}); a third "${SAME}"`,
      `throughput ${(sent / elapsed).toFixed(1)} requests/s; first reply p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms`,
      `RSS of the bots at the end: ${bots.map((b) => rssOf(b.pid)).join(', ')}`,
      `POSTs to the *arr fakes: ${counts.reduce((a, b) => a + b, 0)} for ${perItem.size} items; most for one item ${Math.max(0, ...counts)}${dupes.length ? `; more than one: ${dupes.map(([k, n]) => `${k} ×${n}`).join(', ')}` : ''}`,
      `requests on the database by status: ${byStatus.map((r) => `${r.status} ${r.n}`).join(', ')}`,
      `webhook deliveries ${telegram.webhook.deliveries.length}, not 2xx ${telegram.webhook.deliveries.filter((d) => d.status < 200 || d.status > 299).length}; Bot API calls the real server would refuse: ${telegram.violations.length}`,
      `lost: ${lost} (never answered ${unanswered}, undecided on the database ${undecided})`,
    ].join('\n'),
  );
  for (const b of bots) await b.stop();
  await killBotProcesses();
  await Promise.all([telegram, tmdb, radarr, sonarr].map((f) => f.close()));
  await postgres.stop();
  process.exit(lost === 0 && dupes.length === 0 ? 0 : 1);
}

void main();
