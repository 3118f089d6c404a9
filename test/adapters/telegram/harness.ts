/**
 * Test plumbing for the Telegram adapter: a logger that keeps every entry (to find the error a
 * test caused and to prove the token never appears), a Core whose answers a test scripts, and
 * fast limits so a file runs in a couple of seconds against the fake Bot API.
 */
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../adapters/chat/telegram/telegram-adapter.js';
import type { FakeTelegram } from '../../fakes/telegram.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { ScriptedCore } from '../../helpers/scripted-core.js';

export { CaptureLogger, ScriptedCore };
export type { LogEntry } from '../../helpers/capture-logger.js';

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
