/**
 * Wires the core from its ports. Both chats, the terminal and the HTTP API call the Core this
 * returns; nothing here knows which one is calling. Who may ask (and who administers) is decided
 * here, before anything is stored.
 */
import { isAdmin, mayRequest, OPEN_ACCESS, adminContacts, type AccessRules } from './access/access.js';
import { checkQuota, type QuotaLimits } from './access/quota.js';
import { runAdmin } from './admin/admin-commands.js';
import type { Doctor } from './admin/doctor.js';
import { Metrics } from './admin/metrics.js';
import { formatDuration } from './admin/report.js';
import { Choices } from './choices.js';
import { parseCommand, type AdminAction } from './commands/parse.js';
import type { Core, Operations, ProcessReport, ReelCore } from './core.js';
import { BackendRegistry } from './media/backend-registry.js';
import { ClassificationCache } from './media/classification-cache.js';
import type { DecisionPolicy } from './media/classify.js';
import { classify } from './media/classify.js';
import { MediaRequests, type ReclassifyTarget } from './media/media-requests.js';
import { RequestLocks } from './media/request-locks.js';
import { describeRequests, cancelRequest } from './media/my-requests.js';
import { displayTitle } from './media/send-request.js';
import { say, textReply } from './messages.js';
import type {
  ChoiceStore,
  Clock,
  Logger,
  MediaBackend,
  MediaCatalog,
  Notifier,
  RequestStore,
} from './ports.js';
import { userKey, type IncomingMessage, type KindHint, type Reply, type UserRef } from './types.js';

/** "vocab …": implemented by the vocabulary side; absent when it is not set up. */
export interface VocabHandler {
  handle(args: string, msg: IncomingMessage): Promise<Reply>;
}

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
}

/** How long a complete classification is reused for the same question. */
const CACHE_TTL_MS = 5 * 60_000;

export function createCore(deps: CoreDeps): ReelCore {
  const { clock, settings } = deps;
  const logger = deps.logger.child({ module: 'core' });
  const cache = new ClassificationCache(CACHE_TTL_MS);
  const access = settings.access ?? OPEN_ACCESS;
  const quota = settings.quota ?? { perDay: 0, perWeek: 0 };
  const metrics = deps.metrics ?? new Metrics();
  const backends = new BackendRegistry(deps.backends);
  const media = new MediaRequests({
    cache,
    catalogs: deps.catalogs,
    backends,
    requests: deps.requests,
    choices: new Choices(deps.choices, clock, settings.choiceTtlMs),
    notifier: deps.notifier,
    clock,
    logger,
    policy: settings.policy,
    maxAttempts: settings.maxAttempts,
    askSeasons: settings.askSeasons ?? false,
    locks: new RequestLocks(),
    items: new RequestLocks(),
    approval: {
      required: settings.requireApproval ?? false,
      isAdmin: (u) => isAdmin(access, u),
      admins: adminContacts(access),
    },
    metrics,
  });

  const inFlight = new Set<Promise<unknown>>();
  let cronRunning = false;

  /** Track work for idle(), and turn any escaped exception into an apology instead of a crash. */
  async function guarded(
    what: string,
    user: UserRef | undefined,
    work: () => Promise<Reply>,
  ): Promise<Reply> {
    const p = work().catch((err: unknown) => {
      logger.error({ err, what, user: user ? userKey(user) : undefined }, 'handler failed');
      return textReply('internal.error');
    });
    inFlight.add(p);
    try {
      return await p;
    } finally {
      inFlight.delete(p);
    }
  }

  const parse = (text: string) =>
    parseCommand(text, {
      thisYear: clock.now().getUTCFullYear(),
      ...(settings.botName ? { botName: settings.botName } : {}),
    });

  const admin = (action: AdminAction, user: UserRef) =>
    runAdmin(action, user, {
      media,
      requests: deps.requests,
      catalogs: deps.catalogs,
      backends,
      clock,
      logger,
      lowConfidenceBelow: settings.policy.autoMinScore,
      processPending: () => core.processPending(),
      metrics,
      ...(deps.doctor ? { doctor: deps.doctor } : {}),
    });

  function refuse(user: UserRef): Reply {
    logger.info({ user: userKey(user) }, 'refused: not on the access list');
    return textReply('access.denied', { who: userKey(user) }, { private: true });
  }

  async function quotaRefusal(user: UserRef): Promise<Reply | undefined> {
    const now = clock.now();
    const q = await checkQuota(user, quota, deps.requests, now);
    if (q.ok) return undefined;
    const wait = Math.max(60_000, q.nextAt.getTime() - now.getTime());
    const at = `${q.nextAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return textReply('quota.reached', {
      limit: q.limit,
      period: q.period,
      when: `in ${formatDuration(wait)} (${at})`,
    });
  }

  const core: Core = {
    handle(msg) {
      return guarded('message', msg.user, async () => {
        const parsed = parse(msg.text);
        if (!mayRequest(access, msg.user)) {
          // Being told what the bot does is never secret; everything else stops here, unstored.
          return parsed.ok && parsed.command.type === 'help' ? textReply('help') : refuse(msg.user);
        }
        if (!parsed.ok) return textReply(parsed.code, parsed.values);
        const cmd = parsed.command;
        const isAdminUser = isAdmin(access, msg.user);
        switch (cmd.type) {
          case 'help':
            return isAdminUser ? textReply('admin.help', { help: say('help') }) : textReply('help');
          case 'add': {
            if (!isAdminUser) {
              const over = await quotaRefusal(msg.user);
              if (over) return over;
            }
            const query: { title: string; year?: number; hint?: KindHint; season?: number } = {
              title: cmd.title,
            };
            if (cmd.year !== undefined) query.year = cmd.year;
            if (cmd.hint) query.hint = cmd.hint;
            if (cmd.season !== undefined) query.season = cmd.season;
            return media.add(msg.user, msg.text.trim(), query);
          }
          case 'requests':
            return describeRequests(msg.user, deps.requests, clock);
          case 'cancel':
            return cancelRequest(msg.user, cmd.id, deps.requests, clock);
          case 'vocab':
            return deps.vocab ? deps.vocab.handle(cmd.args, msg) : textReply('vocab.unavailable');
          case 'admin':
            if (!isAdminUser) return textReply('admin.denied', { verb: cmd.action.name }, { private: true });
            return admin(cmd.action, msg.user);
        }
      });
    },

    choose(user, token, option) {
      return guarded('choice', user, () => media.click(user, token, option, mayRequest(access, user)));
    },

    allows: (user) => mayRequest(access, user),

    async suggest(prefix, hint, user) {
      const title = prefix.trim().slice(0, 100);
      if (title.length < 2 || deps.catalogs.length === 0) return [];
      if (user && !mayRequest(access, user)) return [];
      const query: { title: string; hint?: KindHint } = { title };
      if (hint) query.hint = hint;
      try {
        const c = await classify(query, {
          catalogs: deps.catalogs,
          clock,
          logger,
          cache,
          metrics,
          policy: { ...settings.policy, deadlineMs: settings.suggestDeadlineMs ?? 1500 },
        });
        return [...new Set(c.ranked.slice(0, 25).map((x) => displayTitle(x)))];
      } catch (err) {
        logger.warn({ err }, 'suggest failed');
        return [];
      }
    },

    async processPending(): Promise<ProcessReport> {
      if (cronRunning) return { retried: 0, sent: 0, failed: 0, available: 0, skipped: true };
      cronRunning = true;
      const run = (async () => {
        try {
          const counts = await media.processDue();
          const purged = await deps.choices.purgeExpired(clock.now());
          logger.info({ ...counts, purgedChoices: purged }, 'processed pending requests');
          const report = { ...counts, skipped: false };
          metrics.lastProcess = { at: clock.now().toISOString(), report };
          return report;
        } catch (err) {
          logger.error({ err }, 'processing pending requests failed');
          return { retried: 0, sent: 0, failed: 0, available: 0, skipped: false };
        } finally {
          cronRunning = false;
        }
      })();
      inFlight.add(run);
      try {
        return await run;
      } finally {
        inFlight.delete(run);
      }
    },

    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };

  const ops: Operations = {
    async classify(text) {
      const parsed = parse(`add ${text}`);
      if (!parsed.ok || parsed.command.type !== 'add')
        return { reply: parsed.ok ? textReply('parse.emptyTitle') : textReply(parsed.code, parsed.values) };
      if (deps.catalogs.length === 0) return { reply: textReply('media.noCatalogs') };
      const { title, year, hint } = parsed.command;
      const c = await classify(
        { title, ...(year !== undefined ? { year } : {}), ...(hint ? { hint } : {}) },
        { catalogs: deps.catalogs, clock, logger, cache, metrics, policy: settings.policy },
      );
      return {
        result: {
          decision: c.decision.type,
          candidates: c.ranked.slice(0, 10),
          sources: c.sources,
          ms: c.ms,
        },
      };
    },

    async request(user, input) {
      const reply = await guarded('api request', user, () => {
        const query: { title: string; year?: number; hint?: KindHint } = { title: input.title };
        if (input.year !== undefined) query.year = input.year;
        if (input.hint) query.hint = input.hint;
        return media.add(user, input.title, query, {
          byAdmin: true,
          ...(input.key ? { preferKey: input.key } : {}),
        });
      });
      const request = reply.requestId ? await deps.requests.get(reply.requestId) : undefined;
      return request ? { reply, request } : { reply };
    },

    async reclassify(user, id, target) {
      let t: ReclassifyTarget = { label: target.kind ?? 'a fresh search' };
      if (target.kind) t.hint = target.kind;
      if (target.service) {
        const b = backends.byName(target.service.toLowerCase());
        if (!b) {
          const services = backends.all.map((x) => x.name).join(', ') || 'none configured';
          return { reply: textReply('admin.unknownTarget', { target: target.service, services }) };
        }
        t = { ...t, backend: b.name, label: target.kind ? `${target.kind} in ${b.label}` : b.label };
      }
      const reply = await guarded('api reclassify', user, () => media.reclassify(user, id, t));
      const request = await deps.requests.get(id);
      return request ? { reply, request } : { reply };
    },

    get: (id) => deps.requests.get(id),
    list: (filter) => deps.requests.list(filter),

    admin(user, text) {
      return guarded('admin', user, async () => {
        const parsed = parse(text);
        if (!parsed.ok) return textReply(parsed.code, parsed.values);
        if (parsed.command.type !== 'admin')
          return textReply('parse.unknown', { verb: text.trim().split(' ')[0] ?? '' });
        return admin(parsed.command.action, user);
      });
    },

    lastProcess: () => metrics.lastProcess,
    metrics,
  };

  return { ...core, ops };
}
