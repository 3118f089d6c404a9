/**
 * What each Discord shard process runs (DISCORD_SHARDS; the ShardingManager in
 * src/discord-sharding.ts forks it). The manager already read .env, so the environment is the
 * whole configuration; discord.js's Shard adds SHARDS (this shard's id) and SHARD_COUNT.
 */
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { createLogger } from '../adapters/log/pino-logger.js';
import { secretValues, type App } from './app.js';
import { ConfigError, formatProblems, loadConfig } from './config.js';
import { startShardApp, type ShardIdentity } from './shard-app.js';

/** node_modules/discord.js/src/sharding/Shard.js sets `SHARDS: this.id, SHARD_COUNT: totalShards`. */
const fromManager = z
  .object({ SHARDS: z.coerce.number().int().min(0), SHARD_COUNT: z.coerce.number().int().min(1) })
  .refine((e) => e.SHARDS < e.SHARD_COUNT, { error: 'SHARDS must be below SHARD_COUNT' });

/**
 * discord.js respawns an exited shard at once; a shard that cannot start (its database down)
 * waits this long first, so the manager retries it every few seconds rather than in a tight loop.
 */
const FAILED_START_PAUSE_MS = 5_000;

async function main(): Promise<number> {
  const ids = fromManager.safeParse(process.env);
  if (!ids.success) {
    process.stderr.write(
      'reelbot: src/discord-shard.ts is started by DISCORD_SHARDS (npm start), which sets SHARDS and SHARD_COUNT\n',
    );
    return 1;
  }
  const shard: ShardIdentity = { id: ids.data.SHARDS, count: ids.data.SHARD_COUNT };
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.core.LOG_LEVEL, secrets: secretValues(config) }).child({
    shard: shard.id,
  });
  // Set once started; a signal during start-up finds none and just exits.
  const running: { app?: App } = {};
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'shard shutting down');
    await running.app?.stop();
    process.exit(0);
  };
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The manager is gone (killed): nobody would respawn or stop this shard, so it stops itself.
  process.on('disconnect', () => void shutdown('the sharding manager exited'));
  // discord.js's ShardClientUtil tells the manager of every gateway change with process.send and
  // no callback, so once the manager is gone each one (the client closing, too) is an 'error' here.
  process.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ERR_IPC_CHANNEL_CLOSED')
      logger.error({ err }, 'talking to the sharding manager failed');
  });
  running.app = await startShardApp(config, shard, { logger });
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    const text =
      err instanceof ConfigError
        ? `the configuration has problems:\n${formatProblems(err.problems)}`
        : `failed to start: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`reelbot shard ${process.env.SHARDS ?? '?'}: ${text}\n`);
    await sleep(FAILED_START_PAUSE_MS);
    process.exit(1);
  },
);
