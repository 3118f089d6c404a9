/**
 * The doctor's look at DATABASE_URL: can it connect, and which schema version does the database
 * have against the one this reelbot migrates to (adapters/store/pg/migrations.ts). Read only: the
 * bot migrates at start, the doctor never does. Server error codes are PostgreSQL's
 * (postgres/postgres src/backend/utils/errcodes.txt); the URL is shown without user or password.
 */
import pg from 'pg';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { appliedVersion } from '../store/pg/migrate.js';
import { LATEST_VERSION } from '../store/pg/migrations.js';
import { whereIs } from '../store/pg/pool.js';

/** One line: reachable with its schema version, or why not. */
export async function checkDatabase(url: string, timeoutMs: number): Promise<DoctorCheck[]> {
  return [await probe(url, timeoutMs)];
}

async function probe(url: string, timeoutMs: number): Promise<DoctorCheck> {
  const name = `PostgreSQL ${whereIs(url)}`;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    application_name: 'reelbot doctor',
  });
  // A connection that drops after connecting reports on the client too; the query rejects anyway.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const server = rows[0]?.v ?? 'unknown version';
    const version = await appliedVersion(client);
    return schemaLine(name, server, version ?? 0);
  } catch (e) {
    return failure(name, e as Error & { code?: string });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function schemaLine(name: string, server: string, version: number): DoctorCheck {
  if (version > LATEST_VERSION)
    return {
      status: 'fail',
      name,
      detail: `PostgreSQL ${server}; migrated by a newer reelbot (schema ${version}; this one knows up to ${LATEST_VERSION})`,
      fix: 'upgrade reelbot (see "Upgrading" in README.md)',
    };
  const state =
    version === 0
      ? `no tables yet (created at the next start, schema ${LATEST_VERSION})`
      : version < LATEST_VERSION
        ? `schema ${version}; upgraded to ${LATEST_VERSION} at the next start`
        : `schema ${version}`;
  return { status: 'ok', name, detail: `reachable (PostgreSQL ${server}), ${state}` };
}

function failure(name: string, e: Error & { code?: string }): DoctorCheck {
  const fail = (detail: string, fix: string): DoctorCheck => ({ status: 'fail', name, detail, fix });
  switch (e.code) {
    case '28P01':
      return fail('refused the password', 'check the user and password in DATABASE_URL');
    case '28000':
      return fail(
        'refused the connection for this user or address (pg_hba.conf)',
        'allow this host and user in the server’s pg_hba.conf, or check the user in DATABASE_URL',
      );
    case '3D000':
      return fail(
        'the database does not exist',
        'create it (`createdb -O <user> <database>`) or fix the database name in DATABASE_URL',
      );
    case '42501':
      return fail(
        'the user may not read the tables',
        'grant the user its database (`ALTER DATABASE … OWNER TO <user>`)',
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
      return fail(
        `not reachable (${e.code})`,
        'is PostgreSQL running and listening there? check the host and port in DATABASE_URL',
      );
    default:
      if (/timeout/i.test(e.message))
        return fail('no answer in time', 'is PostgreSQL reachable from this machine? check DATABASE_URL');
      return fail(`could not connect (${e.code ?? e.message})`, 'check DATABASE_URL and the server’s log');
  }
}
