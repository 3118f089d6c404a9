/**
 * The admin commands on the host, the same code an admin reaches in chat:
 *
 *   npm run doctor                    check the configuration and every service (works with no .env)
 *   npm run process                   run the retry/availability job now
 *   npm run retry [-- <id>]           failed requests back in the queue
 *   npm run reclassify -- <id> <movie|series|music|radarr|sonarr|lidarr|…>
 *   npm run backfill-ids              look up missing ids of stored requests
 *   npm run report [-- --days 7]      requests by service and status, success rate, confidence
 *   npm run import-files              copy DATA_DIR's stores into DATABASE_URL's PostgreSQL (host only)
 *
 * The data files belong to one process at a time. When the bot is running on the same DATA_DIR,
 * commands that change requests are sent to it through the HTTP API (HTTP_PORT and API_TOKEN);
 * without the API they stop and say how to run them instead.
 */
import { existsSync } from 'node:fs';
import process from 'node:process';
import { z } from 'zod';
import { runDoctor } from '../adapters/doctor/doctor.js';
import { loadConfigForDoctor } from '../adapters/doctor/load-config.js';
import { createLogger } from '../adapters/log/pino-logger.js';
import { DataFileError } from '../adapters/store/durable-file.js';
import { importFiles } from '../adapters/store/import-files.js';
import { holdLock, lockHolder, type InstanceLock, type LockHolder } from '../adapters/store/instance-lock.js';
import { openPgStores } from '../adapters/store/pg/pg-stores.js';
import { whereIs } from '../adapters/store/pg/pool.js';
import { createApp, secretValues, type App } from '../src/app.js';
import { ConfigError, formatProblems, loadConfig, type Config } from '../src/config.js';
import { formatChecks } from '../src/core/admin/doctor.js';
import { parseAdmin } from '../src/core/commands/parse.js';
import { say, ADMIN_USAGE } from '../src/core/messages.js';
import type { Notifier } from '../src/core/ports.js';
import { userKey, type Reply, type UserRef } from '../src/core/types.js';
import { buildCatalogs } from '../src/upstreams.js';

const HOST_ADMIN: UserRef = { platform: 'terminal', userId: 'host', chatId: 'host', name: 'host admin' };
/** Replies that mean the command did not do what was asked. */
const FAILED = /^(parse\.|admin\.(notFound|unknownTarget|doctorUnavailable)$|internal\.error$)/;
const WRITES = new Set(['process', 'retry', 'reclassify', 'backfill-ids', 'approve', 'decline']);
const out = (s: string) => process.stdout.write(`${s}\n`);

function readEnvFile(): { path: string; found: boolean } | 'missing-explicit' {
  const path = process.env.ENV_FILE ?? '.env';
  if (existsSync(path)) {
    process.loadEnvFile(path);
    return { path, found: true };
  }
  return process.env.ENV_FILE ? 'missing-explicit' : { path, found: false };
}

async function doctor(envFile: { path: string; found: boolean }): Promise<number> {
  const { config, problems } = loadConfigForDoctor(process.env);
  const quick: Config = {
    ...config,
    catalog: { ...config.catalog, CATALOG_TIMEOUT_MS: Math.min(config.catalog.CATALOG_TIMEOUT_MS, 3000) },
  };
  const silent = createLogger({ level: 'silent', secrets: secretValues(config) });
  const checks = await runDoctor({ config, problems, envFile, catalogs: buildCatalogs(quick, silent) });
  out('reelbot doctor: one line per check (✓ fine, ✗ needs fixing, – for your information)\n');
  out(formatChecks(checks, '`npm run doctor`'));
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}

/** The bot is running: ask it through its own API, so only one process writes the files. */
async function viaRunningBot(config: Config, holder: LockHolder, text: string): Promise<number> {
  const { HTTP_PORT, HTTP_HOST, API_TOKEN } = config.core;
  if (HTTP_PORT === undefined || HTTP_PORT === 0 || !API_TOKEN) {
    out(
      `reelbot is running (pid ${holder.pid ?? 'unknown'}) on ${config.core.DATA_DIR}, and two processes must not write its files.\n` +
        `Say “${text}” to the bot in chat as an admin, or set HTTP_PORT and API_TOKEN so this command can ask it,\n` +
        'or stop the service first (systemctl stop reelbot).',
    );
    return 2;
  }
  const host = HTTP_HOST === '0.0.0.0' || HTTP_HOST === '::' ? '127.0.0.1' : HTTP_HOST;
  const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${HTTP_PORT}/api/admin`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ command: text }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = z
    .object({ text: z.string().optional(), error: z.object({ message: z.string() }).optional() })
    .safeParse(await res.json().catch(() => ({})));
  out(
    body.success
      ? (body.data.text ?? body.data.error?.message ?? `HTTP ${res.status}`)
      : `HTTP ${res.status}`,
  );
  return res.ok ? 0 : 1;
}

/** Notifications the chats would deliver: printed, since no chat runs in this process. */
class PrintingNotifier implements Notifier {
  readonly pending: { to: UserRef; reply: Reply }[] = [];
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.pending.push({ to, reply });
  }
}

function printReply(reply: Reply): void {
  out(reply.text);
  if (reply.choices) {
    reply.choices.options.forEach((o, i) => out(`  ${i + 1}. ${o.label}`));
    out('This needs a pick: name the service (`npm run reclassify -- <id> sonarr`) or do it in chat.');
  }
}

async function locally(config: Config, text: string, writes: boolean): Promise<number> {
  const logger = createLogger({ level: 'warn', secrets: secretValues(config) });
  const notifier = new PrintingNotifier();
  let lock: InstanceLock | undefined;
  try {
    // Before the files are opened: opening may repair a damaged file, which is a write.
    lock = writes ? await holdLock(config.core.DATA_DIR, { logger }) : undefined;
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    out(e.message);
    return 2;
  }
  let app: App | undefined;
  try {
    app = await createApp(config, { startCron: false, logger, notifier });
    const reply = await app.core.ops.admin(HOST_ADMIN, text);
    printReply(reply);
    for (const n of notifier.pending)
      out(`(not delivered, the bot is not running) → ${userKey(n.to)}: ${n.reply.text.split('\n')[0]}`);
    return FAILED.test(reply.code) ? 1 : 0;
  } finally {
    await app?.stop();
    await lock?.release();
  }
}

/**
 * DATA_DIR's files into DATABASE_URL's database (adapters/store/import-files.ts). Under DATA_DIR's
 * lock, taken before the files are opened as for any writing command: a bot on the files must be
 * stopped first (it cannot do this for us: its stores are the files), and none may start meanwhile.
 */
async function importFilesCommand(config: Config): Promise<number> {
  const url = config.database.DATABASE_URL;
  const dir = config.core.DATA_DIR;
  if (!url) {
    out(
      'reelbot: import-files copies the data folder into PostgreSQL, and DATABASE_URL is not set.\n' +
        'Set DATABASE_URL (in .env or the environment) to the database to copy into, then run it again.',
    );
    return 2;
  }
  if (!existsSync(dir)) {
    out(`reelbot: there is nothing to import: the data folder ${dir} does not exist (DATA_DIR).`);
    return 2;
  }
  const logger = createLogger({ level: 'warn', secrets: secretValues(config) });
  let lock: InstanceLock;
  try {
    lock = await holdLock(dir, { logger });
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    out(
      `${e.message}\nThe import reads the files the bot writes: stop the bot, import, then start it with DATABASE_URL.`,
    );
    return 2;
  }
  try {
    const db = await openPgStores(url, logger);
    try {
      out(
        `Copying ${dir} into PostgreSQL ${whereIs(url)} (schema ${db.migrated.to}); rows already there are kept.`,
      );
      const { tallies, damagedFiles } = await importFiles(dir, db, logger);
      for (const t of tallies) {
        const ids = t.unreadable.length > 0 ? ` (${t.unreadable.join(', ')})` : '';
        out(
          `${t.store}: copied ${t.copied}, already there ${t.alreadyThere}, unreadable ${t.unreadable.length}${ids}`,
        );
      }
      for (const f of damagedFiles)
        out(`${f} was damaged: the original is kept aside in ${dir}; what could be read was copied.`);
      if (tallies.some((t) => t.unreadable.length > 0))
        out(
          `Unreadable records were not copied; they stay in ${dir}, and the log (on stderr) names each file and why.`,
        );
      out('The files are left in place. Start the bot with DATABASE_URL set to run on the database.');
      return 0;
    } finally {
      await db.close();
    }
  } finally {
    await lock.release();
  }
}

function loadConfigOrSay(): Config | undefined {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    out(
      `reelbot: the configuration has problems:\n${formatProblems(e.problems)}\nRun \`npm run doctor\` for details.`,
    );
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...args] = argv;
  const envFile = readEnvFile();
  if (envFile === 'missing-explicit') {
    out(`reelbot: ENV_FILE ${process.env.ENV_FILE} does not exist`);
    return 2;
  }
  if (verb === 'doctor') return doctor(envFile);
  if (verb === 'import-files') {
    const config = loadConfigOrSay();
    return config ? importFilesCommand(config) : 1;
  }
  const parsed = verb ? parseAdmin(verb, args.join(' ')) : undefined;
  if (!parsed?.ok || parsed.command.type !== 'admin') {
    out(
      parsed && !parsed.ok && parsed.code !== 'parse.unknown' ? say(parsed.code, parsed.values) : ADMIN_USAGE,
    );
    out(
      '\nOn the host: npm run doctor | process | retry | reclassify -- <id> <kind|service> | backfill-ids | report | import-files',
    );
    return 2;
  }
  const config = loadConfigOrSay();
  if (!config) return 1;
  const text = [verb, ...args].join(' ');
  const writes = WRITES.has(parsed.command.action.name);
  const holder = lockHolder(config.core.DATA_DIR);
  if (holder && writes) return viaRunningBot(config, holder, text);
  return locally(config, text, writes);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reelbot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
