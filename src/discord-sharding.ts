/**
 * `npm start` with DISCORD_SHARDS: this process only supervises. It opens no store and serves no
 * chat; discord.js's ShardingManager runs src/discord-shard.ts once per shard, each a full
 * reelbot on its own Discord shard, and shard 0 also runs Telegram, the HTTP API and the cron
 * (src/shard-app.ts). Shard processes run TypeScript the way `npm start` does, through tsx.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recommendedShardCount, startShards } from '../adapters/chat/discord/sharding-manager.js';
import { createLogger } from '../adapters/log/pino-logger.js';
import { secretValues } from './app.js';
import { formatProblems, type Config } from './config.js';
import { shardsNeedDatabase } from './config/discord-env.js';

const SHARD_ENTRY = fileURLToPath(new URL('./discord-shard.ts', import.meta.url));
/** tsx's loader by file URL, so the shards find it whatever the working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Run the shards until SIGINT or SIGTERM; the exit code. */
export async function runDiscordShards(config: Config): Promise<number> {
  const { DISCORD_TOKEN: token, DISCORD_SHARDS: shards, DISCORD_API_BASE: apiBase } = config.discord;
  if (!token || shards === undefined) throw new Error('DISCORD_SHARDS needs DISCORD_TOKEN');
  const logger = createLogger({ level: config.core.LOG_LEVEL, secrets: secretValues(config) }).child({
    module: 'sharding',
  });
  const count = shards === 'auto' ? await recommendedShardCount(token, apiBase) : shards;
  // loadConfig refused a number above 1 without DATABASE_URL; auto's count is only known now.
  if (count > 1 && !config.database.DATABASE_URL) {
    const message = `${shardsNeedDatabase(count)} (DISCORD_SHARDS=auto: Discord recommends ${count})`;
    const problems = formatProblems([{ variable: 'DATABASE_URL', message }]);
    process.stderr.write(`reelbot: the configuration has problems:\n${problems}\n`);
    return 1;
  }
  logger.info({ shards: count, asked: shards }, 'starting discord shards');
  const running = startShards({
    file: SHARD_ENTRY,
    execArgv: ['--import', TSX_LOADER],
    token,
    count,
    log: logger,
  });
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (why: string, code: number) => {
      if (stopping) return;
      stopping = true;
      logger.info({ why }, 'stopping discord shards');
      void running.stop().then(() => resolve(code));
    };
    // Listening from the start: the shards start 5.5 s apart, and a stop may come meanwhile.
    process.on('SIGINT', () => stop('SIGINT', 0));
    process.on('SIGTERM', () => stop('SIGTERM', 0));
    running.started.catch((err: unknown) => {
      logger.error({ err }, 'starting the discord shards failed');
      stop('a shard could not be started', 1);
    });
  });
}
