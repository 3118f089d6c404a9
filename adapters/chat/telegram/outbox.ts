/**
 * Every call that puts something into a chat goes through here, because Telegram's limits are
 * per bot, not per handler: about 30 messages a second overall, about one a second per chat and
 * 20 a minute per group. Above them it answers 429 with `retry_after` (seconds) — which we wait
 * out and retry, inside the chat's own slot so its messages stay in order. A group that became a
 * supergroup answers 400 with `migrate_to_chat_id`: we follow it and remember the new id.
 * Chat ids are strings throughout (they use up to 52 bits).
 */
import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../src/core/ports.js';
import { apiErrorOf } from './api-errors.js';

export interface OutboxLimits {
  /** Messages per second across all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Minimum time between two messages to one chat, in ms (Telegram: about 1000). */
  perChatIntervalMs: number;
  /** Messages per `groupWindowMs` to one group (Telegram: 20 a minute). */
  groupPerWindow: number;
  groupWindowMs: number;
  /** 429s retried per call before the error is passed on. */
  maxRetries: number;
  /** A longer `retry_after` (seconds) is not waited for: the call fails at once. */
  maxRetryAfterSec: number;
}

export const DEFAULT_LIMITS: OutboxLimits = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  groupPerWindow: 20,
  groupWindowMs: 60_000,
  maxRetries: 3,
  maxRetryAfterSec: 60,
};

/** Group and channel ids are negative; private chats (users) positive. */
function isGroup(chatId: string): boolean {
  return chatId.startsWith('-');
}

export class Outbox {
  private readonly global: Bottleneck;
  private readonly chats: Bottleneck.Group;
  private readonly groups: Bottleneck.Group;
  private readonly migrated = new Map<string, string>();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly limits: OutboxLimits,
    private readonly logger: Logger,
  ) {
    this.global = new Bottleneck({
      reservoir: limits.globalPerSecond,
      reservoirRefreshAmount: limits.globalPerSecond,
      reservoirRefreshInterval: 1000,
    });
    this.chats = new Bottleneck.Group({ maxConcurrent: 1, minTime: limits.perChatIntervalMs });
    this.groups = new Bottleneck.Group({
      reservoir: limits.groupPerWindow,
      reservoirRefreshAmount: limits.groupPerWindow,
      reservoirRefreshInterval: limits.groupWindowMs,
    });
  }

  /** The id to write to now: a migrated group's supergroup id, else `chatId` itself. */
  resolve(chatId: string): string {
    let id = chatId;
    for (let hops = 0; hops < 5; hops++) {
      const next = this.migrated.get(id);
      if (next === undefined) break;
      id = next;
    }
    return id;
  }

  /** Record a migration seen in an update (`migrate_to_chat_id`), before any send fails on it. */
  migrate(from: string, to: string): void {
    if (from !== to) this.migrated.set(from, to);
  }

  /**
   * Run `call` for `chatId` under the chat's, the group's and the global limits. `call` gets the
   * id to use (which changes if the group migrates), and may run more than once on 429.
   */
  send<T>(chatId: string, method: string, call: (chatId: string) => Promise<T>): Promise<T> {
    const key = this.resolve(chatId);
    return this.track(this.chats.key(key).schedule(() => this.attempts(key, method, call)));
  }

  /** A call that must not wait behind a chat's queue (answerCallbackQuery, chat actions). */
  now<T>(call: () => Promise<T>): Promise<T> {
    return this.track(this.global.schedule(call));
  }

  /**
   * Wait for calls in flight, at most `timeoutMs`. The limiters need no shutting down: their
   * timers don't keep the process alive, and the outbox stays usable for a restart.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.inflight]),
        sleep(deadline - Date.now(), undefined, { ref: false }),
      ]);
    }
  }

  private async attempts<T>(
    chatId: string,
    method: string,
    call: (chatId: string) => Promise<T>,
  ): Promise<T> {
    let id = chatId;
    let retries = 0;
    let migrations = 0;
    for (;;) {
      try {
        const target = id;
        const limited = () => this.global.schedule(() => call(target));
        return await (isGroup(id) ? this.groups.key(id).schedule(limited) : limited());
      } catch (err) {
        const e = apiErrorOf(err);
        if (e?.migrateToChatId !== undefined && migrations < 2) {
          const to = String(e.migrateToChatId);
          this.logger.info({ method, from: id, to }, 'group became a supergroup; following it');
          this.migrate(id, to);
          id = to;
          migrations += 1;
          continue;
        }
        const wait = e?.code === 429 ? (e.retryAfterSec ?? 1) : undefined;
        if (wait !== undefined && retries < this.limits.maxRetries && wait <= this.limits.maxRetryAfterSec) {
          this.logger.warn(
            { method, chatId: id, retryAfterSec: wait, retry: retries + 1 },
            'Telegram says slow down',
          );
          retries += 1;
          await sleep(wait * 1000);
          continue;
        }
        throw err;
      }
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const done = () => this.inflight.delete(p);
    p.then(done, done);
    return p;
  }
}
