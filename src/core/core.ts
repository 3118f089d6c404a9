/**
 * The one entry point every chat (Telegram, Discord, the terminal, HTTP) calls. It never throws
 * for bad input or an upstream failure: every path ends in a Reply the person can read.
 */
import type { KindHint, IncomingMessage, Reply, UserRef } from './types.js';

export interface ProcessReport {
  /** Requests retried this run. */
  retried: number;
  sent: number;
  failed: number;
  /** Sent requests whose media turned up. */
  available: number;
  /** The run was skipped because another was still going. */
  skipped: boolean;
}

export interface Core {
  /** A chat message, already stripped of platform detail. */
  handle(msg: IncomingMessage): Promise<Reply>;
  /** A button click: the option's index, or 'none' for "none of these". */
  choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply>;
  /** Up to 25 title suggestions for a prefix (Discord autocomplete); fast, from cache or one quick search. */
  suggest(prefix: string, hint?: KindHint): Promise<string[]>;
  /** The cron body: send what is due, retry what failed, tell people what became available. */
  processPending(): Promise<ProcessReport>;
  /** Resolves when no message, click or cron run is in flight. */
  idle(): Promise<void>;
}
