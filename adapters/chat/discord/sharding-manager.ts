/**
 * DISCORD_SHARDS: discord.js's ShardingManager runs each Discord shard as a child process of this
 * one and starts it again whenever it exits (node_modules/discord.js/src/sharding/Shard.js
 * `_handleExit`, the manager's `respawn: true`). Each child gets SHARDS, SHARD_COUNT and
 * DISCORD_TOKEN in its environment (Shard.js `this.env`) on top of this process's own.
 *
 * Shards are started 5.5 s apart and not awaited until READY (`timeout: -1`): Discord allows
 * one IDENTIFY per 5 s per bucket (discord-api-docs developers/events/gateway.mdx "Max
 * Concurrency"), which the delay keeps to, and a shard that cannot connect yet (Discord down)
 * must not stop the next from starting; each shard process retries its own login.
 */
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { DiscordAPIError, REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { z } from 'zod';
import { UpstreamError } from '../../../src/core/errors.js';
import type { Logger } from '../../../src/core/ports.js';
import { safeText } from './safe-error.js';

export interface ShardingOptions {
  /** The script each shard process runs. */
  file: string;
  /** Node flags for the shard processes (the TypeScript loader). */
  execArgv: string[];
  token: string;
  count: number;
  log: Logger;
}

export interface RunningShards {
  /** Every shard's first process forked (their READY is not awaited). */
  started: Promise<unknown>;
  /** Stop respawning, ask every shard process to stop (SIGTERM) and wait for them. */
  stop(): Promise<void>;
}

/** Between two shards' starts: discord.js's default, one IDENTIFY per 5 s at max_concurrency 1. */
const SPAWN_DELAY_MS = 5_500;
/** A shard process that has not exited this long after SIGTERM is killed. */
const STOP_TIMEOUT_MS = 15_000;

export function startShards(o: ShardingOptions): RunningShards {
  const manager = new ShardingManager(o.file, {
    totalShards: o.count,
    token: o.token,
    execArgv: o.execArgv,
    mode: 'process',
    respawn: true,
  });
  let stopping = false;
  manager.on('shardCreate', (shard: Shard) => {
    const log = o.log.child({ shard: shard.id });
    shard.on('spawn', (child) => {
      // A stop that came while the manager was still starting shards: this one goes at once.
      if (stopping) shard.kill();
      else log.info({ ...how(child), shardCount: o.count }, 'discord shard process started');
    });
    shard.on('ready', () => log.info('discord shard ready'));
    shard.on('death', (child) => {
      if (stopping) log.info(how(child), 'discord shard process stopped');
      else log.warn(how(child), 'discord shard process exited; starting it again');
    });
    shard.on('error', (err: unknown) => log.error({ err }, 'discord shard process failed to start'));
  });
  return {
    started: manager.spawn({ amount: o.count, delay: SPAWN_DELAY_MS, timeout: -1 }),
    async stop() {
      stopping = true;
      const children = [...manager.shards.values()].flatMap((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return [];
        const exited = once(child, 'exit');
        // Shard#kill drops discord.js's respawn listener first, then sends SIGTERM.
        shard.kill();
        return [{ child, exited }];
      });
      const timer = setTimeout(() => {
        for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await Promise.all(children.map((c) => c.exited));
      clearTimeout(timer);
    },
  };
}

/** A shard process for the log: its pid, and how it ended once it has. */
function how(child: ChildProcess | Worker): Record<string, unknown> {
  if ('threadId' in child) return { threadId: child.threadId };
  return { shardPid: child.pid, code: child.exitCode, signal: child.signalCode };
}

const gatewayBot = z.object({ shards: z.number().int().min(1) });

/**
 * Discord's recommended shard count, as discord.js's fetchRecommendedShardCount computes it
 * (node_modules/discord.js/src/util/Util.js: `shards` of GET /gateway/bot at 1,000 guilds per
 * shard), but asked of DISCORD_API_BASE: discord.js's own always asks discord.com.
 */
export async function recommendedShardCount(token: string, apiBase: string): Promise<number> {
  const rest = new REST({ api: apiBase, retries: 1, timeout: 10_000 }).setToken(token);
  let body: unknown;
  try {
    body = await rest.get(Routes.gatewayBot());
  } catch (err) {
    const said = safeText(err instanceof Error ? err.message : String(err), [token]);
    if (err instanceof DiscordAPIError && err.status === 401)
      throw new UpstreamError(
        'discord',
        'auth',
        'DISCORD_TOKEN was refused (HTTP 401) asking Discord for the recommended shard count: reset it in the Developer Portal (Bot → Reset Token)',
        { status: 401, cause: err },
      );
    throw new UpstreamError(
      'discord',
      'unavailable',
      `could not ask Discord how many shards to run (${said})`,
      {
        cause: err,
      },
    );
  }
  const parsed = gatewayBot.safeParse(body);
  if (!parsed.success)
    throw new UpstreamError('discord', 'bad_response', 'GET /gateway/bot answered without a shard count', {
      cause: parsed.error,
    });
  return parsed.data.shards;
}
