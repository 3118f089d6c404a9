/**
 * The composition root: config → adapters for what is configured → the core → chats, cron and
 * the HTTP API. Tests build the same App against fake upstreams, so what they exercise is what
 * users run.
 */
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatAdapter } from '../adapters/chat/chat-adapter.js';
import { PlatformNotifier } from '../adapters/chat/platform-notifier.js';
import {
  ChatSupervisor,
  DEFAULT_RETRY,
  type ChatStatus,
  type RetryPolicy,
} from '../adapters/chat/chat-supervisor.js';
import { createDoctor } from '../adapters/doctor/doctor.js';
import { HttpApi } from '../adapters/http-server/http-api.js';
import { createLogger } from '../adapters/log/pino-logger.js';
import { isValidCron, startCron, type CronHandle } from '../adapters/schedule/cron.js';
import { holdLock, type InstanceLock } from '../adapters/store/instance-lock.js';
import { openStores } from '../adapters/store/open-stores.js';
import { PgClusterLocks } from '../adapters/store/pg/pg-cluster-locks.js';
import { PgMessageRelay } from '../adapters/store/pg/pg-message-relay.js';
import { ConfigError, type Config } from './config.js';
import { databaseSecrets } from './config/database-env.js';
import { isSecretName } from './config/env-helpers.js';
import type { AccessRules } from './core/access/access.js';
import { Metrics } from './core/admin/metrics.js';
import type { ReelCore } from './core/core.js';
import { createCore } from './core/create-core.js';
import { LiveInstances } from './core/live-instances.js';
import { ProcessLocks } from './core/process-locks.js';
import type { Logger, Notifier, RequestStore } from './core/ports.js';
import { buildUpstreams } from './upstreams.js';

/** How long stop() lets work in flight finish before closing the stores. */
const STOP_GRACE_MS = 10_000;

export interface App {
  readonly core: ReelCore;
  readonly config: Config;
  readonly logger: Logger;
  readonly requests: RequestStore;
  /** The HTTP API's base URL once started (HTTP_PORT set), else undefined. */
  readonly httpUrl: string | undefined;
  /** Register a chat; it becomes the notifier for its platform. Call before start(). */
  attach(adapter: ChatAdapter): void;
  /**
   * Start the HTTP API (when HTTP_PORT is set), the chats, then the cron (unless disabled).
   * Resolves once every chat is connected, retrying or failed: one platform never stops another.
   */
  start(): Promise<void>;
  /** Stop the cron, the HTTP API and the chats, and wait for work in flight. */
  stop(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Run the retry cron (default true; tests call core.processPending themselves). */
  startCron?: boolean;
  /** Replaces the chat adapters as the notifier (the host's admin script prints instead). */
  notifier?: Notifier;
  /** How a chat that did not start is retried (default 5 s, doubling, at most 5 min). */
  chatRetry?: Partial<RetryPolicy>;
}

/** Every configured secret value, so logs can mask it wherever it appears. */
export function secretValues(config: Config): string[] {
  const out: string[] = [];
  for (const section of Object.values(config)) {
    for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
      if (isSecretName(k) && typeof v === 'string' && v) out.push(v);
    }
  }
  out.push(...databaseSecrets(config.database));
  return out;
}

/** ALLOWED_* / ADMIN_USERS and the Discord role lists: one rule for every chat, applied in the core. */
export function accessRules(config: Config): AccessRules {
  return {
    allowedUsers: config.core.ALLOWED_USERS,
    adminUsers: config.core.ADMIN_USERS,
    allowedChats: config.core.ALLOWED_CHATS,
    requestRoles: config.discord.DISCORD_REQUEST_ROLES,
    adminRoles: config.discord.DISCORD_ADMIN_ROLES,
  };
}

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger({ level: config.core.LOG_LEVEL, secrets: secretValues(config) });
  if (!isValidCron(config.core.PROCESS_CRON)) {
    throw new ConfigError([
      { variable: 'PROCESS_CRON', message: `not a cron expression (got "${config.core.PROCESS_CRON}")` },
    ]);
  }
  const dataDir = config.core.DATA_DIR;
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL when DATABASE_URL is set (migrated here, before anything is read), else DATA_DIR's files.
  const stores = await openStores({ dataDir, databaseUrl: config.database.DATABASE_URL }, logger);
  const { requests, choices } = stores;
  // Instances on one database take the cron's tick and each item's send in turn; else in memory.
  const url = config.database.DATABASE_URL;
  const cluster = url ? PgClusterLocks.open(url, logger.child({ module: 'postgres' })) : undefined;
  // Who has a request in hand: a live instance's are left to it, a dead one's taken up.
  const instances = new LiveInstances(cluster ?? new ProcessLocks(), cluster !== undefined);
  // A message for a chat another instance runs goes to it through the database.
  const relay =
    url && !opts.notifier ? PgMessageRelay.open(url, logger.child({ module: 'relay' })) : undefined;
  const notifier = new PlatformNotifier(logger, relay);
  const access = accessRules(config);
  // Enrichment jobs on the database are shared too: one run and one ask per job across instances.
  const enrichStores = stores.vocab && cluster ? { ...stores.vocab, locks: cluster } : stores.vocab;
  const upstreams = await buildUpstreams(config, logger, opts.notifier ?? notifier, access, enrichStores);
  const metrics = new Metrics();
  const core = createCore({
    catalogs: upstreams.catalogs,
    backends: upstreams.backends,
    requests,
    choices,
    notifier: opts.notifier ?? notifier,
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
      askSeasons: config.core.ASK_SEASONS,
      ...(config.core.BOT_NAME ? { botName: config.core.BOT_NAME } : {}),
      access,
      requireApproval: config.core.REQUIRE_APPROVAL,
      quota: { perDay: config.core.QUOTA_PER_DAY, perWeek: config.core.QUOTA_PER_WEEK },
    },
    ...(upstreams.vocab ? { vocab: upstreams.vocab } : {}),
    doctor: createDoctor({ config, catalogs: upstreams.catalogs }),
    metrics,
    ...(cluster ? { cluster } : {}),
    instances,
  });

  const adapters: ChatAdapter[] = [];
  /** When each unsupervised chat (the terminal) started. */
  const started = new Map<ChatAdapter, string>();
  const supervisors = new Map<ChatAdapter, ChatSupervisor>();
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...opts.chatRetry };
  const startChat = async (a: ChatAdapter): Promise<void> => {
    // The terminal is this process's own stdin and stdout: nothing to retry, its failure is ours.
    if (a.platform === 'terminal') {
      await a.start(core);
      started.set(a, new Date().toISOString());
      return;
    }
    const s = new ChatSupervisor(a, logger, retry, secretValues(config));
    supervisors.set(a, s);
    await s.start(core);
  };
  const chatStatus = (a: ChatAdapter): ChatStatus => {
    const since = started.get(a);
    if (since) return { platform: a.platform, state: 'connected', since };
    return supervisors.get(a)?.status ?? { platform: a.platform, state: 'starting' };
  };
  let cron: CronHandle | undefined;
  let http: HttpApi | undefined;
  let httpUrl: string | undefined;
  let lock: InstanceLock | undefined;
  logger.info(
    {
      catalogs: upstreams.catalogs.map((c) => c.name),
      backends: upstreams.backends.map((b) => b.name),
      vocab: Boolean(upstreams.vocab),
    },
    'configured',
  );

  const app: App = {
    core,
    config,
    logger,
    requests,
    get httpUrl() {
      return httpUrl;
    },
    attach(adapter) {
      adapters.push(adapter);
      notifier.byPlatform.set(adapter.platform, adapter);
    },
    async start() {
      // Refuses (naming the holder's pid) while another reelbot has this folder: two lose writes.
      // A database is shared by design: several instances may run on it.
      if (stores.exclusive)
        lock = await holdLock(dataDir, {
          logger,
          // Someone took the folder over while we ran: stop writing rather than fight over it.
          onLost: () => void app.stop(),
        });
      // Before any request is taken: the others see this instance alive from here on.
      await instances.start();
      // Before the chats: a Telegram webhook is delivered to as soon as setWebhook succeeds.
      const { HTTP_PORT, HTTP_HOST, API_TOKEN } = config.core;
      if (HTTP_PORT !== undefined && API_TOKEN) {
        http = new HttpApi({
          ops: core.ops,
          token: API_TOKEN,
          dataDir,
          chats: () => adapters.map(chatStatus),
          ...(upstreams.enrichment ? { enrichment: upstreams.enrichment.stats } : {}),
          ...(upstreams.vocabQueries ? { vocab: upstreams.vocabQueries } : {}),
          webhooks: adapters.flatMap((a) => (a.webhook ? [a.webhook] : [])),
          logger,
        });
        httpUrl = await http.listen(HTTP_PORT, HTTP_HOST);
      }
      await Promise.all(adapters.map(startChat));
      notifier.startRelay();
      await upstreams.enrichment?.resume();
      if (opts.startCron ?? true)
        cron = startCron(config.core.PROCESS_CRON, () => core.processPending(), logger);
    },
    async stop() {
      cron?.stop();
      await notifier.stopRelay();
      await http?.close();
      httpUrl = undefined;
      started.clear();
      await upstreams.enrichment?.stop();
      await Promise.allSettled(adapters.map((a) => supervisors.get(a)?.stop() ?? a.stop()));
      supervisors.clear();
      // Work in flight gets a grace period; what it leaves is on disk, for the cron to take up.
      const grace = new AbortController();
      const idle = await Promise.race([
        core.idle().then(() => true),
        sleep(STOP_GRACE_MS, false, { signal: grace.signal }).catch(() => false),
      ]);
      grace.abort();
      if (!idle) logger.warn({ graceMs: STOP_GRACE_MS }, 'stopped with work in flight; the cron takes it up');
      await stores.close();
      await notifier.close();
      await instances.stop();
      await cluster?.close();
      await lock?.release();
    },
  };
  return app;
}
