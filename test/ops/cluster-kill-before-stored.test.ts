/**
 * A bot killed after Telegram handed it "add Inception" and before the request was on disk must
 * not lose it: Telegram is told the update is delivered only once the request is stored — the
 * webhook's answer (webhook.ts), or the next getUpdates offset when polling (poller.ts) — so the
 * killed bot never confirmed it and Telegram hands it out again (WebhookActor retries a delivery
 * that got no answer; getUpdates returns what no offset confirmed). Real processes on one
 * PostgreSQL, with a daily quota (its check reads the person's requests before the new one is
 * stored): the test holds the requests table (LOCK TABLE … IN ACCESS EXCLUSIVE MODE) so the
 * first bot's quota check waits, kills that bot while it waits, then lets go. Skipped, with the
 * reason, without PostgreSQL.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeRadarr } from '../fakes/radarr.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { startFakeTmdb } from '../fakes/tmdb.js';
import { killBotProcesses, startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { postsTo } from '../helpers/world.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`kill before stored: skipped — ${postgres.why}`);
afterAll(async () => {
  await killBotProcesses();
  await postgres.pg?.stop();
});

const HOST = 'bot.example.com';
const KEYS = { tmdb: 'tmdb-kill-0001', radarr: 'radarr-kill-0001' };

async function until(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  for (const t = Date.now(); !(await check());) {
    if (Date.now() - t > ms) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `first` takes "add Inception" and is killed while its quota check waits; `second` (started by
 * `takeOver`) must then answer it once.
 */
async function killedBeforeStored(mode: 'webhook' | 'polling'): Promise<void> {
  const [telegram, tmdb, radarr] = await Promise.all([
    startFakeTelegram({ webhookRetryUnitMs: 50 }),
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
  ]);
  const databaseUrl = await postgres.pg!.freshUrl();
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    PROCESS_CRON: '0 0 1 1 *',
    QUOTA_PER_DAY: '5',
    ...(mode === 'webhook'
      ? {
          TELEGRAM_WEBHOOK_URL: `https://${HOST}/telegram/hook-k1`,
          TELEGRAM_WEBHOOK_SECRET: 'kill-secret_0001',
        }
      : {}),
  };
  // The proxy: everything to the live bot.
  let target: BotProcess | undefined;
  telegram.webhook.route(HOST, () => target?.httpUrl);
  const first = await startBotProcess(env);
  target = first;
  // Behind a webhook the second bot runs already; a second poller would be refused (409), so it
  // is started once the first is gone, as systemd would restart it.
  let second = mode === 'webhook' ? await startBotProcess(env) : undefined;
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE requests IN ACCESS EXCLUSIVE MODE');
    const alice = { id: 7_200_001, is_bot: false, first_name: 'Alice' };
    const chat = telegram.privateChat(alice);
    telegram.userSays(alice, chat, 'add Inception');
    // The quota check waits for our lock (taken as its SELECT is parsed, so pg_stat_activity may
    // still show the session idle with its previous query).
    await until(
      async () =>
        Boolean(
          (await holder.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'requests'::regclass`))
            .rowCount,
        ),
      'the first bot checks the quota',
      10_000,
    );
    expect(confirmed(telegram, mode)).toBe(false);
    await first.kill();
    second ??= await startBotProcess(env);
    target = second;
    await holder.query('COMMIT');
    await telegram.until(
      () => telegram.pendingUpdates === 0 && telegram.botMessages(chat.id).length > 0,
      'the other bot answered',
      15_000,
    );
    const { rows } = await holder.query<{ n: string }>('SELECT count(*) AS n FROM requests');
    expect(Number(rows[0]?.n)).toBe(1);
    expect(postsTo(radarr, '/api/v3/movie').map((p) => p.tmdbId)).toEqual([27205]);
    expect(telegram.botMessages(chat.id)).toHaveLength(1);
    expect(telegram.violations).toEqual([]);
  } finally {
    await holder.end();
    await Promise.allSettled([first.kill(), second?.stop()]);
    await Promise.all([telegram.close(), tmdb.close(), radarr.close()]);
  }
}

/** Telegram was told the update arrived: a 2xx webhook answer, or a getUpdates past its id. */
function confirmed(telegram: FakeTelegram, mode: 'webhook' | 'polling'): boolean {
  if (mode === 'webhook') return telegram.webhook.deliveries.some((d) => d.status === 200);
  return telegram.pendingUpdates === 0;
}

describe.skipIf(postgres.why !== undefined)('GIVEN a bot killed before it stored "add Inception"', () => {
  it('WHEN behind a webhook THEN the other bot takes it: one request, one POST, one reply', async () => {
    await killedBeforeStored('webhook');
  }, 60_000);

  it('WHEN polling THEN the bot started after it gets the update again: one request, one POST, one reply', async () => {
    await killedBeforeStored('polling');
  }, 60_000);
});
