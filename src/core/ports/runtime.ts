/** What every part of the core needs from its process: later messages, time, timers and logs. */
import type { Reply, UserRef } from '../types.js';

/** Sends a reply later, to the chat a request or job came from. Each chat adapter implements it. */
export interface Notifier {
  send(to: UserRef, reply: Reply, opts?: SendOptions): Promise<void>;
}

export interface SendOptions {
  /**
   * Run just before the message goes to the chat (after any wait in a queue), to record it as
   * told: a crash then loses at most the message in flight instead of repeating it. A notifier
   * that cannot (or hands the message on) leaves it uncalled; the caller records it afterwards.
   */
  beforeSend?: () => Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Runs work later: setTimeout in adapters/schedule/timers.ts, a fake clock in tests. */
export interface Timers {
  /** Call `fire` once, `ms` from now; the returned function cancels it. */
  after(ms: number, fire: () => void): () => void;
}

type LogFn = {
  (obj: object, msg?: string): void;
  (msg: string): void;
};

/** Structured logs; pino satisfies it. Put fields in the object, not in the message. */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}
