/**
 * Wires the core from its ports. Both chats, the terminal and the HTTP API call the Core this
 * returns; nothing here knows which one is calling.
 */
import { Choices } from './choices.js';
import { parseCommand } from './commands/parse.js';
import type { Core, ProcessReport } from './core.js';
import { BackendRegistry } from './media/backend-registry.js';
import { ClassificationCache } from './media/classification-cache.js';
import type { DecisionPolicy } from './media/classify.js';
import { classify } from './media/classify.js';
import { MediaRequests } from './media/media-requests.js';
import { describeRequests, cancelRequest } from './media/my-requests.js';
import { displayTitle } from './media/send-request.js';
import { textReply } from './messages.js';
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
  /** Stripped when people address the bot by name in text. */
  botName?: string;
  /** How long autocomplete may take, ms (Discord allows 3 s in all). */
  suggestDeadlineMs?: number;
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
}

/** How long a complete classification is reused for the same question. */
const CACHE_TTL_MS = 5 * 60_000;

export function createCore(deps: CoreDeps): Core {
  const { clock, settings } = deps;
  const logger = deps.logger.child({ module: 'core' });
  const cache = new ClassificationCache(CACHE_TTL_MS);
  const media = new MediaRequests({
    cache,
    catalogs: deps.catalogs,
    backends: new BackendRegistry(deps.backends),
    requests: deps.requests,
    choices: new Choices(deps.choices, clock, settings.choiceTtlMs),
    notifier: deps.notifier,
    clock,
    logger,
    policy: settings.policy,
    maxAttempts: settings.maxAttempts,
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

  return {
    handle(msg) {
      return guarded('message', msg.user, async () => {
        const parsed = parseCommand(msg.text, {
          thisYear: clock.now().getUTCFullYear(),
          ...(settings.botName ? { botName: settings.botName } : {}),
        });
        if (!parsed.ok) return textReply(parsed.code, parsed.values);
        const cmd = parsed.command;
        switch (cmd.type) {
          case 'help':
            return textReply('help');
          case 'add': {
            const query: { title: string; year?: number; hint?: KindHint } = { title: cmd.title };
            if (cmd.year !== undefined) query.year = cmd.year;
            if (cmd.hint) query.hint = cmd.hint;
            return media.add(msg.user, msg.text.trim(), query);
          }
          case 'requests':
            return describeRequests(msg.user, deps.requests, clock);
          case 'cancel':
            return cancelRequest(msg.user, cmd.id, deps.requests, clock);
          case 'vocab':
            return deps.vocab ? deps.vocab.handle(cmd.args, msg) : textReply('vocab.unavailable');
        }
      });
    },

    choose(user, token, option) {
      return guarded('choice', user, () => media.pick(user, token, option));
    },

    async suggest(prefix, hint) {
      const title = prefix.trim().slice(0, 100);
      if (title.length < 2 || deps.catalogs.length === 0) return [];
      const query: { title: string; hint?: KindHint } = { title };
      if (hint) query.hint = hint;
      try {
        const c = await classify(query, {
          catalogs: deps.catalogs,
          clock,
          logger,
          cache,
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
          return { ...counts, skipped: false };
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
}
