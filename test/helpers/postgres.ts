/**
 * A PostgreSQL for the tests that need one, in this order:
 * - TEST_DATABASE_URL, when set (a server someone runs; its user must be allowed CREATE SCHEMA);
 * - else a throwaway cluster from the binaries on this machine (initdb on PATH, or Debian's
 *   /usr/lib/postgresql/<major>/bin, which .ci/run installs), in a temp folder, on a free loopback
 *   port, with a password; as root it runs as the `postgres` user (or `nobody`), since postgres
 *   refuses to run as root. One per test file: started at collection, stopped in afterAll;
 * - else none, with the reason, for the suites to print as they skip.
 * Each `freshUrl()` is a new empty schema (the URL sets search_path), as `freshDir()` is a new
 * empty folder for the file stores.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A URL on a new, empty schema. */
  freshUrl(): Promise<string>;
  /** The same server, with this user, password or database instead (doctor's failures). */
  urlWith(change: { user?: string; password?: string; database?: string }): string;
  stop(): Promise<void>;
}

export type PostgresOrWhy = { pg: TestPostgres; why?: undefined } | { pg: undefined; why: string };

/** initdb, start and the first connection, together. */
const TIME_BOX_MS = 20_000;

export async function startTestPostgres(): Promise<PostgresOrWhy> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { pg: await onServer(given) };
  const bin = findBinaries();
  if (!bin)
    return {
      pg: undefined,
      why: 'no PostgreSQL here (initdb not on PATH nor in /usr/lib/postgresql/*/bin) and TEST_DATABASE_URL unset; .ci/run installs it when apt can',
    };
  const asUser = process.getuid?.() === 0 ? runAs() : { prefix: [] };
  if (!asUser) return { pg: undefined, why: 'running as root with no setpriv or no postgres/nobody user' };
  try {
    return { pg: await throwawayCluster(bin, asUser) };
  } catch (e) {
    return { pg: undefined, why: `a throwaway cluster did not start: ${(e as Error).message}` };
  }
}

function findBinaries(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const dirs = onPath.status === 0 ? [onPath.stdout.trim().replace(/\/initdb$/, '')] : [];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      dirs.push(join(debian, v, 'bin'));
  return dirs.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres')));
}

interface RunAs {
  /** Put before each command. */
  prefix: string[];
  /** Who the temp folder must belong to. */
  owner?: { uid: number; gid: number };
}

/** As root, setpriv to an unprivileged user: postgres refuses to run as root. */
function runAs(): RunAs | undefined {
  if (spawnSync('sh', ['-c', 'command -v setpriv']).status !== 0) return undefined;
  const user = ['postgres', 'nobody'].find((u) => spawnSync('id', ['-u', u]).status === 0);
  if (!user) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, user], { encoding: 'utf8' }).stdout.trim());
  const owner = { uid: id('-u'), gid: id('-g') };
  return {
    prefix: ['setpriv', `--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--clear-groups', '--'],
    owner,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function throwawayCluster(bin: string, asUser: RunAs): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-pg-'));
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, 'pw'), password);
  const { owner } = asUser;
  if (owner) for (const p of [dir, join(dir, 'pw')]) chownSync(p, owner.uid, owner.gid);
  const deadline = Date.now() + TIME_BOX_MS;
  const run = (cmd: string, args: string[]) => {
    const [exe, ...pre] = [...asUser.prefix, join(bin, cmd)];
    return spawn(exe as string, [...pre, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const initdb = run('initdb', [
    ...['-D', join(dir, 'data'), '-U', 'reelbot', '-E', 'UTF8', '--locale=C', '--no-sync'],
    ...['--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${join(dir, 'pw')}`],
  ]);
  await exited(initdb, deadline, 'initdb');
  const port = await freePort();
  const server = run('postgres', [
    ...['-D', join(dir, 'data'), '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    ...['-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    ...['-c', 'full_page_writes=off'],
  ]);
  let log = '';
  server.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-2000)));
  // Should the worker end without afterAll (a crash), the cluster goes with it.
  const kill = () => server.kill('SIGKILL');
  process.once('exit', kill);
  const base = `postgres://reelbot:${password}@127.0.0.1:${port}/postgres`;
  try {
    await untilConnects(base, server, deadline);
  } catch (e) {
    kill();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}${log ? `: ${log.trim().split('\n').at(-1)}` : ''}`);
  }
  const onIt = await onServer(base);
  return {
    ...onIt,
    async stop() {
      await onIt.stop();
      process.removeListener('exit', kill);
      // Immediate shutdown: nothing in it is worth a checkpoint.
      server.kill('SIGQUIT');
      await exited(server, Date.now() + 5000, 'postgres').catch(kill);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function exited(child: ChildProcess, deadline: number, name: string): Promise<void> {
  let err = '';
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} took longer than ${TIME_BOX_MS} ms`));
    }, deadline - Date.now());
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || signal === 'SIGQUIT') resolve();
      else reject(new Error(`${name} exited with ${code ?? signal}: ${err.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

async function untilConnects(url: string, server: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline)
      throw new Error(`postgres did not accept connections within ${TIME_BOX_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Schemas made on `url`'s database, dropped at stop. */
async function onServer(url: string): Promise<TestPostgres> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const made: string[] = [];
  return {
    async freshUrl() {
      const schema = `t${made.length}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      made.push(schema);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      return u.toString();
    },
    urlWith(change) {
      const u = new URL(url);
      if (change.user !== undefined) u.username = change.user;
      if (change.password !== undefined) u.password = change.password;
      if (change.database !== undefined) u.pathname = `/${change.database}`;
      return u.toString();
    },
    async stop() {
      for (const s of made) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
      await admin.end();
    },
  };
}
