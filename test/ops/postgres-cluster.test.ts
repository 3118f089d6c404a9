/**
 * Two bots on one PostgreSQL, each with its own data folder, against the same Radarr: what one
 * process guaranteed with its own memory now holds across both (adapters/store/pg/
 * pg-cluster-locks.ts). Many people asking for one film at once → one POST; both bots' cron
 * ticks at the same moment → one run, one message. On a machine without PostgreSQL these print
 * why they skip (test/helpers/postgres.ts).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PgClusterLocks } from '../../adapters/store/pg/pg-cluster-locks.js';
import type { UserRef } from '../../src/core/types.js';
import { CaptureLogger } from '../helpers/capture-logger.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { postsTo, radarrAdds, startWorld, type World } from '../helpers/world.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`two bots on one PostgreSQL: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

const worlds: World[] = [];
const locks: PgClusterLocks[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0).reverse()) await w.close();
  for (const l of locks.splice(0)) await l.close();
});

async function freshUrl(): Promise<string> {
  if (!postgres.pg) throw new Error(postgres.why);
  return postgres.pg.freshUrl();
}

/** Bot A, and bot B on A's database and fakes with a data folder of its own. */
async function twoBots(): Promise<{ a: World; b: World; logs: [CaptureLogger, CaptureLogger] }> {
  const logs: [CaptureLogger, CaptureLogger] = [new CaptureLogger(), new CaptureLogger()];
  const a = await startWorld({ env: { DATABASE_URL: await freshUrl() }, logger: logs[0] });
  worlds.push(a);
  const { DATA_DIR: _own, ...shared } = a.env;
  const b = await startWorld({ env: shared, logger: logs[1] });
  worlds.push(b);
  expect(b.dataDir).not.toBe(a.dataDir);
  return { a, b, logs };
}

const person = (i: number): UserRef => ({ platform: 'terminal', userId: `p${i}`, chatId: `chat-p${i}` });

describe.skipIf(postgres.why !== undefined)('GIVEN two bots on one database', () => {
  it('WHEN 20 people ask both bots for Dune at once THEN Radarr gets one POST', async () => {
    const { a, b } = await twoBots();
    const radarr = a.radarr!;
    // A Radarr that takes a moment: both bots look before either has added it.
    radarr.setLatency(30);

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).say('add Dune 2021', person(i))),
    );

    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect(radarrAdds(a).map((m) => m.tmdbId)).toEqual([438631]);
    const codes = replies.map((r) => r.code).sort();
    expect(codes).toEqual(['media.added', ...Array<string>(19).fill('media.alreadyPresent')]);
  }, 60_000);

  it('WHEN both bots run the cron at the same moment THEN it runs once and the person is told once', async () => {
    const { a, b, logs } = await twoBots();
    const radarr = a.radarr!;
    // Radarr adds the film but its answer is lost: the request waits for the cron.
    radarr.fail({ kind: 'answer_lost', status: 502 }, 1);
    const first = await a.say('add Dune 2021');
    expect(first.code).toBe('media.retrying');
    const id = first.requestId ?? '';
    await a.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    // Slow enough that the first run still holds the tick when the second arrives.
    radarr.setLatency(200);
    const looked = radarr.calls.length;

    const reports = await Promise.all([a.app.core.processPending(), b.app.core.processPending()]);

    expect(reports.map((r) => r.skipped).sort()).toEqual([false, true]);
    const ran = logs.flatMap((l) => l.entries).filter((e) => e.msg === 'processed pending requests');
    expect(ran).toHaveLength(1);
    expect(logs.flatMap((l) => l.entries).filter((e) => e.msg?.endsWith('tick skipped'))).toMatchObject([
      { level: 'debug', obj: { run: 'process-pending' } },
    ]);
    expect([...a.chat.sent, ...b.chat.sent].map((m) => m.reply.code)).toEqual(['media.added']);
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    // One lookup of the film by one run (not one per bot).
    expect(
      radarr.calls.slice(looked).filter((c) => c.method === 'GET' && c.path === '/api/v3/movie'),
    ).toHaveLength(1);
    expect((await b.app.requests.get(id))?.status).toBe('sent');
  }, 60_000);
});

describe.skipIf(postgres.why !== undefined)('GIVEN the advisory locks', () => {
  const open = async () => {
    const url = await freshUrl();
    const two = [PgClusterLocks.open(url), PgClusterLocks.open(url)] as const;
    locks.push(...two);
    return two;
  };

  it('THEN work that throws lets the other instance have the item, and the tick, at once', async () => {
    const [a, b] = await open();
    await expect(a.withItemLock('radarr|tmdb:1', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(b.withItemLock('radarr|tmdb:1', async () => 'b')).resolves.toBe('b');
    await expect(a.tryRun('tick', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(b.tryRun('tick', async () => 'b')).resolves.toEqual({ ran: true, value: 'b' });
  });

  it('THEN an item waits for the other instance, and a tick is skipped while the other runs it', async () => {
    const [a, b] = await open();
    const order: string[] = [];
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.withItemLock('radarr|tmdb:2', async () => {
      order.push('a starts');
      await held;
      order.push('a ends');
    });
    const tick = a.tryRun('tick', () => held);
    await new Promise((r) => setTimeout(r, 100));
    const second = b.withItemLock('radarr|tmdb:2', async () => void order.push('b'));
    await expect(b.tryRun('tick', async () => 'b')).resolves.toEqual({ ran: false });
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, second, tick]);
    expect(order).toEqual(['a starts', 'a ends', 'b']);
  });
});
