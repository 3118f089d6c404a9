/**
 * A learner sends a subtitle file in Telegram with the caption "vocab in French": the real
 * telegraf downloads it through the fake Bot API (getFile, then /file/bot<token>/<path>) and the
 * real App grades its vocabulary.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../adapters/chat/telegram/telegram-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { alice, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { CaptureLogger, FAST } from './harness.js';

let telegram: FakeTelegram;
let app: App;
let logger: CaptureLogger;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-telegram-file-')),
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
  });
  logger = new CaptureLogger();
  app = await createApp(config, { logger, startCron: false });
  app.attach(
    new TelegramAdapter({ token: telegram.token, apiRoot: telegram.url, logger: app.logger, ...FAST }),
  );
  await app.start();
});

afterAll(async () => {
  await app.stop();
  expect(telegram.violations).toEqual([]);
  expect(logger.dump()).not.toContain(telegram.token);
  await telegram.close();
});

const srt = readFileSync(join('test', 'fixtures', 'imsdb', 'dream-heist.srt'), 'utf8');

function lastBotText(chatId: number): string {
  const m = telegram.botMessages(chatId).at(-1);
  return m?.text ?? m?.caption ?? '';
}

describe('a subtitle file sent in Telegram', () => {
  it('is downloaded and its vocabulary comes back graded', async () => {
    const chat = telegram.privateChat(alice);
    telegram.userSendsDocument(alice, chat, { name: 'dream-heist.srt', content: srt }, 'vocab in French');
    await telegram.until(() => /vocabulary from/i.test(lastBotText(chat.id)), 'the vocabulary reply', 8000);
    expect(telegram.callsOf('getFile')).toHaveLength(1);
    expect(telegram.calls.some((c) => c.path.startsWith('/file/bot') && c.path.endsWith('.srt'))).toBe(true);
    expect(lastBotText(chat.id)).toMatch(/A1 +\d+/);
  });

  it('a file that is not subtitles gets a clear answer and is not downloaded', async () => {
    const chat = telegram.privateChat(alice);
    const before = telegram.callsOf('getFile').length;
    telegram.userSendsDocument(alice, chat, { name: 'holiday.jpg', content: 'not text' }, 'vocab in French');
    await telegram.until(() => /subtitle files/.test(lastBotText(chat.id)), 'the refusal', 5000);
    expect(telegram.callsOf('getFile')).toHaveLength(before);
  });
});
