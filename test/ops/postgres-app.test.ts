/**
 * The app on PostgreSQL (DATABASE_URL): several bots may share one database, and even one data
 * folder, where the files allow one (second-instance.test.ts); and the doctor says whether the
 * database answers and which schema it has, or what to fix. On a machine without PostgreSQL
 * these print why they skip (test/helpers/postgres.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../adapters/doctor/database-checks.js';
import { runDoctor } from '../../adapters/doctor/doctor.js';
import { LATEST_VERSION } from '../../adapters/store/pg/migrations.js';
import { openPgStores } from '../../adapters/store/pg/pg-stores.js';
import { loadConfig } from '../../src/config.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { postsTo, startWorld, type World } from '../helpers/world.js';
import { closedUrl } from './run-script.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`the app on PostgreSQL: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0).reverse()) await w.close();
});

async function freshUrl(): Promise<string> {
  if (!postgres.pg) throw new Error(postgres.why);
  return postgres.pg.freshUrl();
}

describe.skipIf(postgres.why !== undefined)('GIVEN DATABASE_URL', () => {
  it('THEN two bots run on one database and one data folder, and one finishes what the other was asked', async () => {
    const a = await startWorld({ env: { DATABASE_URL: await freshUrl() } });
    worlds.push(a);
    // The same fakes, the same folder, the same database: with the files, this start is refused.
    const b = await startWorld({ dataDir: a.dataDir, env: a.env });
    worlds.push(b);
    const radarr = a.radarr!;
    radarr.fail({ kind: 'answer_lost', status: 502 }, 1);

    const first = await a.say('add Inception');
    expect(first.code).toBe('media.retrying');
    const id = first.requestId ?? '';
    await b.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    await b.app.core.processPending();

    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect((await a.app.requests.get(id))?.status).toBe('sent');
    expect(b.chat.sent.map((m) => m.reply.code)).toEqual(['media.added']);
    expect(existsSync(join(a.dataDir, 'requests.json'))).toBe(false);
  }, 30_000);

  it('THEN the doctor says the database answers, with its schema', async () => {
    const url = await freshUrl();
    await openPgStores(url).then((s) => s.close());
    const checks = await runDoctor({ config: loadConfig({ DATABASE_URL: url }), catalogs: [] });
    const line = checks.find((c) => c.name.startsWith('PostgreSQL 127.0.0.1:'));
    expect(line).toMatchObject({ status: 'ok', name: `PostgreSQL ${new URL(url).host}/postgres` });
    expect(line?.detail).toMatch(
      new RegExp(`^reachable \\(PostgreSQL 1\\d\\.\\d+.*\\), schema ${LATEST_VERSION}$`),
    );
  });

  it('THEN the doctor names what is wrong with the database, and how to fix it', async () => {
    const pgt = postgres.pg;
    if (!pgt) return;
    const newer = await freshUrl();
    await openPgStores(newer).then((s) => s.close());
    const c = new pg.Client({ connectionString: newer });
    await c.connect();
    await c.query(`INSERT INTO schema_migrations (version, name) VALUES (${LATEST_VERSION + 1}, 'later')`);
    await c.end();
    const closed = `postgres://reelbot:pw@${new URL(await closedUrl()).host}/postgres`;
    const lines = await Promise.all(
      [
        await freshUrl(),
        pgt.urlWith({ password: 'not-the-password' }),
        pgt.urlWith({ database: 'no_such_db' }),
        closed,
        newer,
      ].map(async (u) => (await checkDatabase(u, 3000))[0]),
    );
    expect(lines.map((l) => `${l?.status} ${l?.detail} → ${l?.fix ?? ''}`)).toEqual([
      expect.stringMatching(/^ok reachable .*, no tables yet \(created at the next start, schema \d+\) → $/),
      'fail refused the password → check the user and password in DATABASE_URL',
      'fail the database does not exist → create it (`createdb -O <user> <database>`) or fix the database name in DATABASE_URL',
      'fail not reachable (ECONNREFUSED) → is PostgreSQL running and listening there? check the host and port in DATABASE_URL',
      expect.stringMatching(
        new RegExp(
          `^fail PostgreSQL .*; migrated by a newer reelbot \\(schema ${LATEST_VERSION + 1}; this one knows up to ${LATEST_VERSION}\\) → upgrade reelbot`,
        ),
      ),
    ]);
    expect(JSON.stringify(lines)).not.toContain('not-the-password');
  });
});
