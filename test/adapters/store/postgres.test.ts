/**
 * What the PostgreSQL stores promise beyond the port contracts (test/core/fakes/stores.test.ts,
 * vocab-job-stores.test.ts): versioned migrations that several instances may start at once, no
 * lost update and no double take between instances, a damaged row skipped rather than fatal, and
 * a password that never reaches a log line. Each "instance" is a pool of its own, as a second
 * process would have.
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/log/pino-logger.js';
import { LATEST_VERSION } from '../../../adapters/store/pg/migrations.js';
import { openPgStores, type PgStores } from '../../../adapters/store/pg/pg-stores.js';
import { secretValues } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { newRequest } from '../../../src/core/media/request-lifecycle.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { startTestPostgres } from '../../helpers/postgres.js';
import { alice } from '../../core/fakes/fake-core.js';
import { syntheticVocab } from '../../core/enrichment/helpers.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`postgres stores: skipped — ${postgres.why}`);
const opened: PgStores[] = [];
const clients: pg.Client[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  for (const c of clients) await c.end();
  await postgres.pg?.stop();
});

async function freshUrl(): Promise<string> {
  if (!postgres.pg) throw new Error(postgres.why);
  return postgres.pg.freshUrl();
}
async function instance(url: string, logger?: CaptureLogger): Promise<PgStores> {
  const stores = await openPgStores(url, logger);
  opened.push(stores);
  return stores;
}
/** psql, as the operator would use it. */
async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  clients.push(c);
  await c.connect();
  return c.query(text, params);
}

const request = (id: string) => newRequest(id, alice, { text: `add ${id}`, title: id }, new Date());

describe.skipIf(postgres.why !== undefined)('GIVEN the tables are versioned', () => {
  it('THEN a new database is migrated to the newest version once, and a restart migrates nothing', async () => {
    const url = await freshUrl();
    const log = new CaptureLogger();
    expect((await instance(url, log)).migrated).toEqual({ from: 0, to: LATEST_VERSION });
    expect(log.entries.filter((e) => e.msg === 'database migrated')).toHaveLength(LATEST_VERSION);
    expect((await instance(url)).migrated).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    const { rows } = await sql(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
  });

  it('THEN instances starting at once on an empty database all come up, each migration run once', async () => {
    const url = await freshUrl();
    const all = await Promise.all(Array.from({ length: 4 }, () => instance(url)));
    expect(all.filter((s) => s.migrated.from === 0)).toHaveLength(1);
    const { rows } = await sql(url, 'SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]).toEqual({ n: LATEST_VERSION });
  });

  it('THEN a database a newer reelbot migrated is refused, naming both versions, and left as it is', async () => {
    const url = await freshUrl();
    await instance(url);
    await sql(
      url,
      `INSERT INTO schema_migrations (version, name) VALUES (${LATEST_VERSION + 1}, 'from the future')`,
    );
    await expect(openPgStores(url)).rejects.toThrow(
      `migrated by a newer reelbot (schema ${LATEST_VERSION + 1}; this one knows up to ${LATEST_VERSION}); upgrade reelbot`,
    );
    const { rows } = await sql(url, 'SELECT max(version) AS v FROM schema_migrations');
    expect(rows[0]).toEqual({ v: LATEST_VERSION + 1 });
  });
});

describe.skipIf(postgres.why !== undefined)('GIVEN two instances on one database', () => {
  it('THEN updates of one request from both at once all land: none is lost', async () => {
    const url = await freshUrl();
    const [a, b] = [await instance(url), await instance(url)];
    await a.requests.insert(request('shared'));
    const bump = (s: PgStores) => s.requests.update('shared', (r) => void (r.attempts += 1));
    await Promise.all(Array.from({ length: 20 }, () => [bump(a), bump(b)]).flat());
    expect((await b.requests.get('shared'))?.attempts).toBe(40);
  });

  it('THEN each button clicked on both at once is taken by exactly one of them', async () => {
    const url = await freshUrl();
    const [a, b] = [await instance(url), await instance(url)];
    const tokens = Array.from({ length: 10 }, (_, i) => `tok${String(i).padStart(7, '0')}`);
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    for (const token of tokens)
      await a.choices.put({
        token,
        owner: 'terminal:alice',
        purpose: 'media.pick',
        values: ['x'],
        expiresAt,
      });
    const wins = await Promise.all(tokens.map((t) => Promise.all([a.choices.take(t), b.choices.take(t)])));
    expect(wins.map(([x, y]) => Number(x) + Number(y))).toEqual(tokens.map(() => 1));
  });
});

describe.skipIf(postgres.why !== undefined)(
  'GIVEN the server ends the connections (a restart, pg_terminate_backend)',
  () => {
    it('THEN the bot logs it and goes on: the next query connects again', async () => {
      const url = await freshUrl();
      const log = new CaptureLogger();
      const stores = await instance(url, log);
      await Promise.all([
        stores.requests.insert(request('before')),
        stores.vocabs.keys(),
        stores.jobs.list(),
      ]);
      await sql(
        url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'reelbot'`,
      );
      await new Promise((r) => setTimeout(r, 100));
      expect((await stores.requests.list()).map((r) => r.id)).toEqual(['before']);
      const lost = log.entries.filter((e) => e.msg?.startsWith('PostgreSQL connection lost'));
      expect(lost.length).toBeGreaterThan(0);
      expect(lost[0]?.obj).toEqual({
        code: '57P01',
        reason: expect.stringContaining('terminating connection'),
      });
    });
  },
);

describe.skipIf(postgres.why !== undefined)('GIVEN rows someone damaged by hand', () => {
  it('THEN each is skipped with one error line naming it, the rest loads, and the row is left alone', async () => {
    const url = await freshUrl();
    const log = new CaptureLogger();
    const stores = await instance(url, log);
    await stores.requests.insert(request('good01'));
    await stores.vocabs.put(syntheticVocab('heat-1995', 2));
    const bad = { ...request('bad001'), status: 'no such status' };
    await sql(
      url,
      `INSERT INTO requests (id, status, user_key, created_at, record)
       VALUES ('bad001', 'sent', 'terminal:alice', now(), $1)`,
      [JSON.stringify(bad)],
    );
    await sql(url, `UPDATE vocabularies SET record = '{"key": "heat-1995", "entries": "not a list"}'`);
    await sql(
      url,
      `INSERT INTO enrichment_jobs (key, status, record) VALUES ('heat-1995--de', 'queued', '{"key": "heat-1995--de"}')`,
    );

    expect((await stores.requests.list()).map((r) => r.id)).toEqual(['good01']);
    expect((await stores.requests.list()).map((r) => r.id)).toEqual(['good01']);
    expect(await stores.requests.get('bad001')).toBeUndefined();
    await expect(stores.requests.update('bad001', () => undefined)).rejects.toThrow('no request bad001');
    expect(await stores.vocabs.get('heat-1995')).toBeUndefined();
    expect(await stores.jobs.list()).toEqual([]);

    const errors = log.entries.filter((e) => e.level === 'error');
    expect(errors.map((e) => `${String(e.obj.table)} ${String(e.obj.id)}`)).toEqual([
      'requests bad001',
      'vocabularies heat-1995',
      'enrichment_jobs heat-1995--de',
    ]);
    expect(String(errors[0]?.obj.reason)).toContain('status');
    const { rows } = await sql(url, `SELECT count(*)::int AS n FROM requests WHERE id = 'bad001'`);
    expect(rows[0]).toEqual({ n: 1 });
  });
});

describe.skipIf(postgres.why !== undefined)('GIVEN DATABASE_URL holds a password', () => {
  it('THEN neither a refused start nor a log line shows it', async () => {
    if (!postgres.pg) return;
    const password = 'hunter2-not-this-one';
    const wrong = postgres.pg.urlWith({ password });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const secrets = secretValues(loadConfig({ DATABASE_URL: wrong }));
    const logger = createLogger({ level: 'info', secrets, destination });

    const refused = await openPgStores(wrong, logger).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toContain('password authentication failed');
    logger.error({ err: refused, url: wrong }, `could not start on ${wrong}`);
    const all = lines.join('') + String(refused) + ((refused as Error).stack ?? '');
    expect(all).toContain('127.0.0.1');
    expect(all).not.toContain(password);
  });
});
