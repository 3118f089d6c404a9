/** What a TelegramAdapter is built with: the token, where the Bot API is, timings and limits. */
import type { Logger } from '../../../src/core/ports.js';
import type { OutboxLimits } from './outbox.js';
import type { WebhookSettings } from './webhook.js';

export interface TelegramAdapterOptions {
  token: string;
  /** Bot API root, e.g. https://api.telegram.org or a local Bot API server. */
  apiRoot: string;
  logger: Logger;
  limits?: Partial<OutboxLimits>;
  /** Work slower than this gets "typing…" and a status message, in ms. */
  slowAfterMs?: number;
  /** At most one edit per message in this many ms (status messages, job progress). */
  editIntervalMs?: number;
  /** How long a click waits for the core's answer before answering the query without text, in ms. */
  answerWithinMs?: number;
  /** Telegram shows "typing…" for about 5 s; repeat it this often, in ms. */
  typingEveryMs?: number;
  /** getUpdates long-poll timeout, in seconds. */
  pollTimeoutSec?: number;
  /** Wait after getUpdates fails without a retry_after, in ms. */
  pollRetryDelayMs?: number;
  /** How long stop() lets handlers in flight finish, in ms (default 10 s). */
  stopGraceMs?: number;
  /** Receive updates at this webhook instead of polling. */
  webhook?: WebhookSettings;
}

export type Timings = Required<
  Omit<TelegramAdapterOptions, 'token' | 'apiRoot' | 'logger' | 'limits' | 'webhook'>
>;
