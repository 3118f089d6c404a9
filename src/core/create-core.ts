/**
 * Wires the core from its ports. Both chats, the terminal and the HTTP API call the Core this
 * returns; nothing here knows which one is calling. What each call does lives elsewhere:
 * commands/dispatch.ts (a chat message, after the access rule), media/* (the request's use cases),
 * cron-run.ts (the cron body, never two at once), operations.ts (the operator's API).
 */
import { adminContacts, isAdmin, mayRequest, OPEN_ACCESS, type AccessRules } from './access/access.js';
import type { QuotaLimits } from './access/quota.js';
import { runAdmin } from './admin/admin-commands.js';
import type { Doctor } from './admin/doctor.js';
import { Metrics } from './admin/metrics.js';
import { Choices } from './choices.js';
import { dispatchMessage, type VocabHandler } from './commands/dispatch.js';
import { parseCommand, type AdminAction } from './commands/parse.js';
import type { Core, ReelCore } from './core.js';
import { CronRun } from './cron-run.js';
import { BackendRegistry } from './media/backend-registry.js';
import { ClassificationCache } from './media/classification-cache.js';
import { classify, type DecisionPolicy } from './media/classify.js';
import { MediaRequests } from './media/media-requests.js';
import { OneAtATime } from './one-at-a-time.js';
import { LiveInstances } from './live-instances.js';
import { delivered } from './media/request-owner.js';
import { ProcessLocks } from './process-locks.js';
import { displayTitle } from './media/send-request.js';
import { textReply } from './messages.js';
import { createOperations } from './operations.js';
import type {
  ChoiceStore,
  ClusterLocks,
  Instances,
  Clock,
  Logger,
  MediaBackend,
  MediaCatalog,
  Notifier,
  RequestStore,
} from './ports.js';
import { userKey, type UserRef } from './types.js';
import { WorkInFlight } from './work-in-flight.js';

export type { VocabHandler } from './commands/dispatch.js';

export interface CoreSettings {
  policy: DecisionPolicy;
  choiceTtlMs: number;
  maxAttempts: number;
  /** Ask which seasons to monitor when a series is added. */
  askSeasons?: boolean;
  /** Stripped when people address the bot by name in text. */
  botName?: string;
  /** How long autocomplete may take, ms (Discord allows 3 s in all). */
  suggestDeadlineMs?: number;
  /** Who may request and administer; everyone may request when absent. */
  access?: AccessRules;
  /** REQUIRE_APPROVAL: non-admins' requests wait for an admin. */
  requireApproval?: boolean;
  quota?: QuotaLimits;
}

export interface CoreDeps {
  catalogs: readonly MediaCatalog[];
  backends: readonly MediaBackend[];
  requests: RequestStore;
  choices: ChoiceStore;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  vocab?: VocabHandler;
  /** `doctor` in chat; absent: the chat is told to run it on the host. */
  doctor?: Doctor;
  metrics?: Metrics;
  /** The cron's tick and the per-item send lock; absent: this process's own (one instance). */
  cluster?: ClusterLocks;
  /** This instance among those on the store (started by the app); absent: one process, on `cluster`. */
  instances?: Instances;
}

/** How long a complete classification is reused for the same question. */
const CACHE_TTL_MS = 5 * 60_000;

export function createCore(deps: CoreDeps): ReelCore {
  const { clock, settings } = deps;
  const logger = deps.logger.child({ module: 'core' });
  const cache = new ClassificationCache(CACHE_TTL_MS);
  const access = settings.access ?? OPEN_ACCESS;
  const metrics = deps.metrics ?? new Metrics();
  const backends = new BackendRegistry(deps.backends);
  const cluster = deps.cluster ?? new ProcessLocks();
  const instances = deps.instances ?? new LiveInstances(cluster, false);
  const search = { catalogs: deps.catalogs, clock, logger, cache, metrics, policy: settings.policy };
  const media = new MediaRequests({
    ...search,
    backends,
    requests: deps.requests,
    choices: new Choices(deps.choices, clock, settings.choiceTtlMs),
    notifier: deps.notifier,
    maxAttempts: settings.maxAttempts,
    askSeasons: settings.askSeasons ?? false,
    locks: new OneAtATime(),
    items: cluster,
    instances,
    approval: {
      required: settings.requireApproval ?? false,
      isAdmin: (u) => isAdmin(access, u),
      admins: adminContacts(access),
    },
  });
  const work = new WorkInFlight(logger);
  const parse = (text: string) =>
    parseCommand(text, {
      thisYear: clock.now().getUTCFullYear(),
      ...(settings.botName ? { botName: settings.botName } : {}),
    });
  const cron = new CronRun({ media, choices: deps.choices, clock, logger, metrics, work, cluster });
  const admin = (action: AdminAction, user: UserRef) =>
    runAdmin(action, user, {
      media,
      requests: deps.requests,
      catalogs: deps.catalogs,
      backends,
      clock,
      logger,
      lowConfidenceBelow: settings.policy.autoMinScore,
      processPending: () => cron.run(),
      metrics,
      ...(deps.doctor ? { doctor: deps.doctor } : {}),
    });
  const dispatch = {
    parse,
    access,
    quota: settings.quota ?? { perDay: 0, perWeek: 0 },
    media,
    requests: deps.requests,
    policy: settings.policy,
    clock,
    logger,
    vocab: deps.vocab,
    admin,
  };

  const core: Core = {
    handle: (msg, stored) => work.guarded('message', msg.user, () => dispatchMessage(msg, dispatch, stored)),
    delivered: (requestId) =>
      delivered(requestId, { requests: deps.requests, instances }).catch((e: unknown) =>
        logger.warn({ requestId, err: String(e) }, 'could not record an answer as delivered'),
      ),
    choose: (user, token, option) =>
      work.guarded('choice', user, () => media.click(user, token, option, mayRequest(access, user))),
    browse: (user, data) =>
      work.guarded('browse', user, async () => {
        if (!mayRequest(access, user))
          return textReply('access.denied', { who: userKey(user) }, { private: true });
        return deps.vocab?.browse ? deps.vocab.browse(data, user) : textReply('vocab.unavailable');
      }),
    allows: (user) => mayRequest(access, user),
    async suggest(prefix, hint, user) {
      const title = prefix.trim().slice(0, 100);
      if (title.length < 2 || deps.catalogs.length === 0) return [];
      if (user && !mayRequest(access, user)) return [];
      try {
        const policy = { ...settings.policy, deadlineMs: settings.suggestDeadlineMs ?? 1500 };
        const c = await classify({ title, ...(hint ? { hint } : {}) }, { ...search, policy });
        return [...new Set(c.ranked.slice(0, 25).map((x) => displayTitle(x)))];
      } catch (err) {
        logger.warn({ err }, 'suggest failed');
        return [];
      }
    },
    processPending: () => cron.run(),
    idle: () => work.idle(),
  };
  const ops = createOperations({
    parse,
    search,
    media,
    backends,
    requests: deps.requests,
    metrics,
    admin,
    guarded: (what, user, fn) => work.guarded(what, user, fn),
  });
  return { ...core, ops };
}
