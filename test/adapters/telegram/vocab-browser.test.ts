/**
 * The vocabulary list as a browser in Telegram: the real App (vocabulary service, enrichment
 * queue, JSON stores) behind the real telegraf, against the fake Bot API, IMSDb and DeepL. In a
 * group: Alice opens the list, pages on, picks the B2 tab, opens a word while DeepL is still
 * translating ("translating…"), and when the job is done the word and the list show the
 * translations in place. Bob's tap on her list is refused; after a restart her taps still work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../adapters/chat/telegram/telegram-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';
import {
  alice,
  bob,
  startFakeTelegram,
  type FakeTelegram,
  type TgChat,
  type TgMessage,
} from '../../fakes/telegram.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { FAST } from './harness.js';

const DEEPL_KEY = 'deepl-browser-key-0004:fx';
let telegram: FakeTelegram;
let imsdb: FakeImsdb;
let deepl: FakeDeepl;
let config: Config;
let app: App;
const logger = new CaptureLogger();

async function startApp(): Promise<void> {
  app = await createApp(config, { logger, startCron: false });
  app.attach(
    new TelegramAdapter({ token: telegram.token, apiRoot: telegram.url, logger: app.logger, ...FAST }),
  );
  await app.start();
}

beforeAll(async () => {
  [telegram, imsdb, deepl] = await Promise.all([
    startFakeTelegram(),
    startFakeImsdb(),
    startFakeDeepl({ apiKey: DEEPL_KEY }),
  ]);
  config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-tg-browser-')),
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    IMSDB_BASE_URL: imsdb.url,
    DEEPL_API_KEY: DEEPL_KEY,
    DEEPL_BASE_URL: deepl.url,
  });
  await startApp();
});

afterAll(async () => {
  await app?.stop();
  expect(telegram.violations).toEqual([]);
  expect(logger.dump()).not.toContain(telegram.token);
  await Promise.all([telegram.close(), imsdb.close(), deepl.close()]);
});

/** The bot's message `id` once `check` holds for its text. */
function edited(
  chat: TgChat,
  id: number,
  check: (text: string) => boolean,
  what: string,
): Promise<TgMessage> {
  return telegram.until(
    () => {
      const m = telegram.message(chat.id, id);
      return m && check(m.text ?? '') ? m : undefined;
    },
    what,
    10_000,
  );
}

function labels(m: TgMessage): string[][] {
  return (m.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
}

describe('a vocabulary list in a Telegram group', () => {
  let group: TgChat;
  let list: TgMessage;

  it('opens as a browser: the first page, a button per word, level tabs, Next, export and language', async () => {
    group = telegram.group('Film club');
    const release = deepl.hold();
    try {
      telegram.userSays(alice, group, '/vocab@reelbot_test_bot Inception in French');
      list = await telegram.until(
        () => telegram.botMessages(group.id).find((m) => m.text?.includes('B1+ words, most frequent first')),
        'the list',
        15_000,
      );
      expect(list.text).toContain('B1+ words, most frequent first (1–15 of 67, page 1 of 5):');
      expect(list.text).toContain('• abandon (verb) B1 CEFR-J ×3');
      expect(labels(list)).toEqual([
        ['fold', 'abandon', 'brass'],
        ['corridor', 'ceiling', 'totem'],
        ['aggressive', 'architect', 'banquet'],
        ['barefoot', 'because of', 'breath'],
        ['courtyard', 'darling', 'design'],
        ['· ★ B1+ ·', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
        ['Next ›'],
        ['Export for Anki', 'Another language'],
      ]);
      for (const b of list.reply_markup?.inline_keyboard.flat() ?? [])
        expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);

      // Next, then the B2 tab: the same message, edited.
      telegram.clickButton(alice, list, 'Next ›');
      const page2 = await edited(
        group,
        list.message_id,
        (t) => t.includes('(16–30 of 67, page 2 of 5)'),
        'page 2',
      );
      expect(labels(page2).at(-2)).toEqual(['‹ Prev', 'Next ›']);
      telegram.clickButton(alice, page2, 'B2');
      const b2 = await edited(
        group,
        list.message_id,
        (t) => t.includes('B2 words, most frequent first (1–15 of 20'),
        'B2',
      );
      expect(labels(b2)[5]).toEqual(['★ B1+', 'A1', 'A2', 'B1', '· B2 ·', 'C1', 'C2']);

      // A word while DeepL is still at work: its view says so.
      telegram.clickButton(alice, b2, 'corridor');
      const word = await edited(group, list.message_id, (t) => t.startsWith('corridor (noun)'), 'the word');
      expect(word.text).toContain('corridor (noun) · B2 (CEFR-J) · ×3 in Inception');
      expect(word.text).toContain('French: translating… (0 of 187 words done)');
      expect(word.text).toContain(
        '1. Cobb: “You build it so the mark believes every «corridor» is his own.”',
      );
      expect(labels(word)).toEqual([['‹ Back', 'Export for Anki', 'Another language']]);
    } finally {
      release();
    }

    // The job ends: the word's view is edited with its translation and its examples'.
    const done = await edited(
      group,
      list.message_id,
      (t) => t.includes('French: fr:corridor'),
      'the translation',
    );
    await edited(group, list.message_id, (t) => t.includes('→ fr:You build it so the mark'), 'the examples');
    expect(done.text).not.toContain('translating…');
    await telegram.until(
      () =>
        telegram
          .botMessages(group.id)
          .find((m) => m.text?.startsWith('Translations of Inception into French are ready')),
      'the ready message',
    );

    // Back: the B2 page, each word with its translation beside it.
    telegram.clickButton(alice, telegram.message(group.id, list.message_id) ?? list, '‹ Back');
    const back = await edited(group, list.message_id, (t) => t.includes('B2 words'), 'back to B2');
    expect(back.text).toContain('• corridor = fr:corridor (noun) B2 CEFR-J ×3');
    expect(back.text).toContain('• ceiling = fr:ceiling (noun) B2 CEFR-J ×2');
    const refused = telegram.callsOf('editMessageText').filter((c) => c.status !== 200);
    expect(refused.map((c) => c.error?.description)).toEqual([]);
  }, 40_000);

  it('refuses a tap by someone else, with an alert, and leaves the list as it is', async () => {
    const before = telegram.message(group.id, list.message_id);
    const q = telegram.clickButton(bob, list, 'C1');
    await telegram.until(() => telegram.answers.get(q), 'the answer to Bob');
    expect(telegram.answers.get(q)).toEqual({
      text: 'Only the person who asked for this list can use its buttons. Ask for your own with “vocab <movie>”.',
      show_alert: true,
    });
    expect(telegram.message(group.id, list.message_id)).toEqual(before);
  });

  it('answers a tap on the same view without an error ("message is not modified" is done)', async () => {
    const current = telegram.message(group.id, list.message_id) ?? list;
    const edits = telegram.callsOf('editMessageText').length;
    const q = telegram.clickButton(alice, current, '· B2 ·');
    await telegram.until(() => telegram.callsOf('editMessageText').length > edits, 'the edit');
    expect(telegram.answers.get(q)).toEqual({});
    expect(telegram.callsOf('editMessageText').at(-1)?.error?.description).toMatch(/message is not modified/);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('still works after a restart: a tap on the old message shows the next view', async () => {
    await app.stop();
    await startApp();
    const current = telegram.message(group.id, list.message_id) ?? list;
    telegram.clickButton(alice, current, 'Next ›');
    const page2 = await edited(
      group,
      list.message_id,
      (t) => t.includes('(16–20 of 20, page 2 of 2)'),
      'B2 page 2',
    );
    expect(page2.text).toContain('= fr:');
    telegram.clickButton(alice, page2, 'Export for Anki');
    const file = await telegram.until(
      () => telegram.botMessages(group.id).find((m) => m.document?.file_name === 'inception-fr-B2.tsv'),
      'the Anki file',
    );
    expect(file._documentText).toContain('corridor\tB2 (CEFR-J)\tfr:corridor');
    // The list stays where it is.
    expect(telegram.message(group.id, list.message_id)?.text).toContain('(16–20 of 20, page 2 of 2)');
  });
});
