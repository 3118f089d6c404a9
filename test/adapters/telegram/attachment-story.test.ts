/**
 * A learner sends a subtitle file in Telegram with the caption "vocab in French": the real
 * telegraf downloads it through the fake Bot API (getFile, then /file/bot<token>/<path>) and the
 * real App grades its vocabulary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, type FakeTelegram } from '../../fakes/telegram.js';
import { startTelegramApp, type TelegramApp } from './harness.js';

let t: TelegramApp;
let telegram: FakeTelegram;

beforeAll(async () => {
  t = await startTelegramApp();
  ({ telegram } = t);
});

afterAll(() => t.close());

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
