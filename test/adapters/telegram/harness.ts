/**
 * Test plumbing for the Telegram adapter: a logger that keeps every entry (to find the error a
 * test caused and to prove the token never appears), a Core whose answers a test scripts, and
 * fast limits so a file runs in a couple of seconds against the fake Bot API.
 */
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../adapters/chat/telegram/telegram-adapter.js';
import type { Core, ProcessReport } from '../../../src/core/core.js';
import type { Logger } from '../../../src/core/ports.js';
import type { IncomingMessage, Reply, UserRef } from '../../../src/core/types.js';
import type { FakeTelegram } from '../../fakes/telegram.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: Record<string, unknown>;
  obj: Record<string, unknown>;
  msg?: string;
}

export class CaptureLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  debug = this.at('debug');
  info = this.at('info');
  warn = this.at('warn');
  error = this.at('error');
  child(bindings: Record<string, unknown>): Logger {
    return new CaptureLogger(this.entries, { ...this.bindings, ...bindings });
  }
  dump(): string {
    return JSON.stringify(this.entries);
  }
  private at(level: LogEntry['level']) {
    return (a: object | string, msg?: string) => {
      const entry: LogEntry =
        typeof a === 'string'
          ? { level, bindings: this.bindings, obj: {}, msg: a }
          : { level, bindings: this.bindings, obj: a as Record<string, unknown> };
      if (typeof a !== 'string' && msg !== undefined) entry.msg = msg;
      this.entries.push(entry);
    };
  }
}

/** A Core whose answers come from the test; every call is recorded. */
export class ScriptedCore implements Core {
  readonly handled: IncomingMessage[] = [];
  readonly chosen: { user: UserRef; token: string; option: number | 'none' }[] = [];
  onHandle: (msg: IncomingMessage) => Reply | Promise<Reply> = (msg) => ({
    code: 'echo',
    text: `echo: ${msg.text}`,
  });
  onChoose: (user: UserRef, token: string, option: number | 'none') => Reply | Promise<Reply> = () => ({
    code: 'media.added',
    text: 'Added.',
  });

  async handle(msg: IncomingMessage): Promise<Reply> {
    this.handled.push(msg);
    return this.onHandle(msg);
  }
  async choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply> {
    this.chosen.push({ user, token, option });
    return this.onChoose(user, token, option);
  }
  async suggest(): Promise<string[]> {
    return [];
  }
  async processPending(): Promise<ProcessReport> {
    return { retried: 0, sent: 0, failed: 0, available: 0, skipped: false };
  }
  async idle(): Promise<void> {}
}

/** Limits and timings that keep a test file fast; each test overrides what it is about. */
export const FAST: Omit<TelegramAdapterOptions, 'token' | 'apiRoot' | 'logger'> = {
  limits: { globalPerSecond: 1000, perChatIntervalMs: 0, groupPerWindow: 1000, groupWindowMs: 1000 },
  slowAfterMs: 200,
  editIntervalMs: 150,
  answerWithinMs: 300,
  typingEveryMs: 100,
  pollTimeoutSec: 10,
  pollRetryDelayMs: 50,
};

export function adapterFor(
  fake: FakeTelegram,
  logger: CaptureLogger,
  extra: Partial<TelegramAdapterOptions> = {},
): TelegramAdapter {
  return new TelegramAdapter({ token: fake.token, apiRoot: fake.url, logger, ...FAST, ...extra });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
