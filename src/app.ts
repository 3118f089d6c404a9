/**
 * The composition root: config → adapters for what is configured → the core → chats and cron.
 * Tests build the same App against fake upstreams, so what they exercise is what users run.
 */
import { mkdir } from 'node:fs/promises';
import type { ChatAdapter } from '../adapters/chat/chat-adapter.js';
import { createLogger } from '../adapters/log/pino-logger.js';
import { isValidCron, startCron, type CronHandle } from '../adapters/schedule/cron.js';
import { LowdbChoiceStore } from '../adapters/store/choice-store.js';
import { LowdbRequestStore } from '../adapters/store/request-store.js';
import { ConfigError, type Config } from './config.js';
import { isSecretName } from './config/env-helpers.js';
import type { Core } from './core/core.js';
import { createCore } from './core/create-core.js';
import type { Logger, Notifier } from './core/ports.js';
import { userKey, type Platform, type Reply, type UserRef } from './core/types.js';
import { buildUpstreams } from './upstreams.js';

export interface App {
  readonly core: Core;
  readonly config: Config;
  readonly logger: Logger;
  readonly requests: LowdbRequestStore;
  /** Register a chat; it becomes the notifier for its platform. Call before start(). */
  attach(adapter: ChatAdapter): void;
  /** Start the chats, then the cron (unless disabled). */
  start(): Promise<void>;
  /** Stop the cron and the chats, and wait for work in flight. */
  stop(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Run the retry cron (default true; tests call core.processPending themselves). */
  startCron?: boolean;
}

/** Every configured secret value, so logs can mask it wherever it appears. */
export function secretValues(config: Config): string[] {
  const out: string[] = [];
  for (const section of Object.values(config)) {
    for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
      if (isSecretName(k) && typeof v === 'string' && v) out.push(v);
    }
  }
  return out;
}

/** Routes a later reply to the chat adapter of the platform the request came from. */
class PlatformNotifier implements Notifier {
  readonly byPlatform = new Map<Platform, Notifier>();
  constructor(private readonly logger: Logger) {}
  async send(to: UserRef, reply: Reply): Promise<void> {
    const target = this.byPlatform.get(to.platform);
    if (!target) {
      this.logger.warn(
        { user: userKey(to), code: reply.code },
        'no chat adapter running for this platform; notification dropped',
      );
      return;
    }
    await target.send(to, reply);
  }
}

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger({ level: config.core.LOG_LEVEL, secrets: secretValues(config) });
  if (!isValidCron(config.core.PROCESS_CRON)) {
    throw new ConfigError([
      { variable: 'PROCESS_CRON', message: `not a cron expression (got "${config.core.PROCESS_CRON}")` },
    ]);
  }
  await mkdir(config.core.DATA_DIR, { recursive: true });
  const requests = await LowdbRequestStore.open(config.core.DATA_DIR, logger);
  const choices = await LowdbChoiceStore.open(config.core.DATA_DIR, logger);
  const upstreams = await buildUpstreams(config, logger);
  const notifier = new PlatformNotifier(logger);
  const core = createCore({
    catalogs: upstreams.catalogs,
    backends: upstreams.backends,
    requests,
    choices,
    notifier,
    clock: { now: () => new Date() },
    logger,
    settings: {
      policy: {
        autoMinScore: config.core.AUTO_MIN_SCORE,
        autoMinMargin: config.core.AUTO_MIN_MARGIN,
        offerMinScore: config.core.OFFER_MIN_SCORE,
        deadlineMs: config.core.DECISION_DEADLINE_MS,
      },
      choiceTtlMs: config.core.CHOICE_TTL_MINUTES * 60_000,
      maxAttempts: config.core.MAX_ATTEMPTS,
      ...(config.core.BOT_NAME ? { botName: config.core.BOT_NAME } : {}),
    },
    ...(upstreams.vocab ? { vocab: upstreams.vocab } : {}),
  });

  const adapters: ChatAdapter[] = [];
  let cron: CronHandle | undefined;
  logger.info(
    {
      catalogs: upstreams.catalogs.map((c) => c.name),
      backends: upstreams.backends.map((b) => b.name),
      vocab: Boolean(upstreams.vocab),
    },
    'configured',
  );

  return {
    core,
    config,
    logger,
    requests,
    attach(adapter) {
      adapters.push(adapter);
      notifier.byPlatform.set(adapter.platform, adapter);
    },
    async start() {
      for (const a of adapters) await a.start(core);
      if (opts.startCron ?? true)
        cron = startCron(config.core.PROCESS_CRON, () => core.processPending(), logger);
    },
    async stop() {
      cron?.stop();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await core.idle();
    },
  };
}
