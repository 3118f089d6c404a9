/**
 * Starts one chat platform and keeps trying: a platform that is down or slow at start-up is
 * retried with a doubling wait, so one platform failing never stops the others. A refused token
 * is not retried: the token is read once at start, so the same one cannot start working, and
 * Discord counts every 401 towards the limit past which it bans the IP (discord-api-docs
 * docs/topics/Rate_Limits.md "Invalid Request Limit"; @discordjs/rest counts them too).
 */
import type { Core } from '../../src/core/core.js';
import { isUpstreamError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';
import type { Platform } from '../../src/core/types.js';
import { scrub } from '../http-client/scrub.js';
import type { ChatAdapter } from './chat-adapter.js';

export interface RetryPolicy {
  /** Wait after the first failure, ms; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait, ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

/** What /healthz shows for a chat. Every text is secret-free. */
export type ChatStatus =
  | { platform: Platform; state: 'starting' }
  | { platform: Platform; state: 'connected'; since: string }
  | { platform: Platform; state: 'retrying'; attempts: number; nextAttemptAt: string; lastError: string }
  | { platform: Platform; state: 'failed'; attempts: number; reason: string };

export class ChatSupervisor {
  private current: ChatStatus;
  private attempts = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private attempt: Promise<void> | undefined;
  private readonly log: Logger;

  constructor(
    private readonly adapter: ChatAdapter,
    logger: Logger,
    private readonly policy: RetryPolicy,
    /** Masked in every error text kept or logged here. */
    private readonly secrets: readonly string[],
  ) {
    this.log = logger.child({ chat: adapter.platform });
    this.current = { platform: adapter.platform, state: 'starting' };
  }

  get status(): ChatStatus {
    return this.current;
  }

  /** The first attempt: resolves once the chat is connected, retrying or failed; never rejects. */
  start(core: Core): Promise<void> {
    this.stopped = false;
    return this.tryStart(core);
  }

  /** Cancel a pending retry, let an attempt in flight finish, then stop the adapter. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.attempt;
    await this.adapter.stop();
  }

  private tryStart(core: Core): Promise<void> {
    this.attempt = this.adapter
      .start(core, (err, final) => this.lost(core, err, final))
      .then(
        () => this.connected(),
        (err: unknown) => this.failed(core, err),
      );
    return this.attempt;
  }

  /** Receiving stopped after a start that worked: start again, or (`final`) show it failed. */
  private lost(core: Core, err: unknown, final: boolean): void {
    if (this.stopped) return;
    const reason = scrub(err instanceof Error ? err.message : String(err), this.secrets);
    this.log[final ? 'error' : 'warn'](
      { reason },
      final ? 'chat stopped receiving' : 'chat stopped receiving; starting it again',
    );
    this.attempt = this.adapter
      .stop()
      .catch((e: unknown) => this.log.warn({ err: String(e) }, 'could not stop the chat cleanly'))
      .then(() => {
        if (!final) return this.failed(core, err);
        this.attempts += 1;
        this.current = { platform: this.adapter.platform, state: 'failed', attempts: this.attempts, reason };
      });
  }

  private connected(): void {
    if (this.attempts > 0) this.log.info({ attempts: this.attempts + 1 }, 'chat connected after retrying');
    this.attempts = 0;
    this.current = { platform: this.adapter.platform, state: 'connected', since: new Date().toISOString() };
  }

  private failed(core: Core, err: unknown): void {
    this.attempts += 1;
    const text = scrub(err instanceof Error ? err.message : String(err), this.secrets);
    const platform = this.adapter.platform;
    if (isUpstreamError(err) && err.failure === 'auth') {
      this.current = { platform, state: 'failed', attempts: this.attempts, reason: text };
      this.log.error({ reason: text }, 'chat token refused; not retrying (fix it and restart reelbot)');
      return;
    }
    if (this.stopped) return;
    const backoff = Math.min(this.policy.firstDelayMs * 2 ** (this.attempts - 1), this.policy.maxDelayMs);
    const asked = isUpstreamError(err) && err.retryAfter !== undefined ? err.retryAfter * 1000 : 0;
    const waitMs = Math.max(backoff, asked);
    this.current = {
      platform,
      state: 'retrying',
      attempts: this.attempts,
      nextAttemptAt: new Date(Date.now() + waitMs).toISOString(),
      lastError: text,
    };
    this.log.warn(
      { err: text, attempts: this.attempts, retryInMs: waitMs },
      'chat did not start; trying again',
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tryStart(core);
    }, waitMs);
  }
}
