/**
 * The stories, end to end: the real App (config → TMDb and Sonarr adapters → core →
 * lowdb) with the real telegraf, against the fake Bot API, the fake TMDb and the fake Sonarr.
 * Only the cron is off: a test calls `app.core.processPending()` where the cron would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import type { FakeSonarr } from '../../fakes/sonarr.js';
import { alice, bob, type FakeTelegram, type TgMessage } from '../../fakes/telegram.js';
import { startTelegramApp, type CaptureLogger, type TelegramApp } from './harness.js';

let t: TelegramApp;
let telegram: FakeTelegram;
let sonarr: FakeSonarr;
let app: App;
let logger: CaptureLogger;

beforeAll(async () => {
  t = await startTelegramApp({
    // With the default threshold the core adds Dexter (2006) without asking; the stories are
    // about the buttons, so this bot always asks.
    AUTO_MIN_SCORE: '1',
  });
  ({ telegram, sonarr, app, logger } = t);
});

afterAll(() => t.close());

/** The first message with buttons the bot sends in a chat after this moment. */
function nextPrompt(chatId: number): Promise<TgMessage> {
  const after = telegram.messagesIn(chatId).at(-1)?.message_id ?? 0;
  return telegram.until(
    () => telegram.botMessages(chatId).find((m) => m.message_id > after && m.reply_markup !== undefined),
    'a prompt with buttons',
    5000,
  );
}

const seriesPosts = () => sonarr.posted.filter((p) => p.method === 'POST' && p.path === '/api/v3/series');

describe('stories', () => {
  it('"add Dexter" → keyboard → the asker clicks → Sonarr gets the series → the prompt becomes the outcome', async () => {
    const chat = telegram.privateChat(alice);
    const prompt = nextPrompt(chat.id);
    telegram.userSays(alice, chat, 'add Dexter');
    const shown = await prompt;
    const labels = shown.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels.find((l) => l.startsWith('📺 Dexter (2006)'))).toBeDefined();
    expect(labels.at(-1)).toMatch(/none/i);

    telegram.clickButton(alice, shown, '📺 Dexter (2006)');
    const outcome = await telegram.until(
      () => {
        const m = telegram.message(chat.id, shown.message_id);
        return m && m.reply_markup === undefined ? m : undefined;
      },
      'the prompt turned into the outcome',
      5000,
    );
    expect(seriesPosts()).toHaveLength(1);
    expect(seriesPosts()[0]).toMatchObject({ status: 201, body: { tvdbId: 79349, title: 'Dexter' } });
    expect(outcome.text ?? outcome.caption).toMatch(/Dexter/);
    expect(outcome.text ?? outcome.caption).toMatch(/Sonarr/);
  });

  it('another user’s click is refused with an alert and the prompt stays', async () => {
    const chat = telegram.privateChat(alice);
    const prompt = nextPrompt(chat.id);
    telegram.userSays(alice, chat, 'add Breaking Bad');
    const shown = await prompt;
    const before = telegram.message(chat.id, shown.message_id);
    const q = telegram.clickButton(bob, shown, 0);
    await telegram.until(() => telegram.answers.get(q), 'the answer to Bob', 5000);
    expect(telegram.answers.get(q)).toEqual({
      text: 'These buttons belong to the person who asked.',
      show_alert: true,
    });
    expect(telegram.message(chat.id, shown.message_id)).toEqual(before);
  });

  it('`/add` in a group works; plain chatter in the group is ignored', async () => {
    const group = telegram.group('Movie night');
    telegram.userSays(bob, group, 'did anyone add Dexter yet?');
    const ask = telegram.userSays(alice, group, '/add@reelbot_test_bot Fargo');
    const answer = await telegram.until(
      () => telegram.botMessages(group.id)[0],
      'the answer in the group',
      5000,
    );
    expect(answer.reply_to_message?.message_id).toBe(ask.message_id);
    const labels = answer.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels.filter((l) => l.includes('Fargo'))).toHaveLength(2); // the 1996 film and the series
    await app.core.idle();
    expect(telegram.botMessages(group.id)).toHaveLength(1);
  });

  it('a 429 on sendMessage is retried and the reply arrives', async () => {
    const chat = telegram.privateChat(bob);
    telegram.rateLimitNext('sendMessage', 1);
    telegram.userSays(bob, chat, '/help');
    const reply = await telegram.until(() => telegram.botMessages(chat.id)[0], 'the help text', 5000);
    expect(reply.text).toMatch(/add Dexter/);
    expect(telegram.callsOf('sendMessage').filter((c) => c.status === 429)).toHaveLength(1);
  });

  it('a handler error is logged and the bot keeps answering', async () => {
    const carol = { id: 6_000_000_001, is_bot: false, first_name: 'Carol', username: 'carol' };
    const chat = telegram.privateChat(carol);
    telegram.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something odd' });
    telegram.userSays(carol, chat, 'requests');
    await telegram.until(
      () =>
        logger.entries.find((e) => e.level === 'error' && e.obj.description === 'Bad Request: something odd'),
      'the logged error',
      5000,
    );
    const apology = await telegram.until(() => telegram.botMessages(chat.id)[0], 'the apology', 5000);
    expect(apology.text).toBe('Sorry, something went wrong on my side. Please try again.');
    telegram.userSays(carol, chat, 'help');
    const help = await telegram.until(() => telegram.botMessages(chat.id)[1], 'the next answer', 5000);
    expect(help.text).toMatch(/add Dexter/);
  });

  it('a request made while Sonarr was down is announced in the chat it came from when the cron sends it', async () => {
    const group = telegram.group('Series fans');
    const prompt = nextPrompt(group.id);
    telegram.userSays(alice, group, '/add Dexter');
    const shown = await prompt;
    await sonarr.down();
    telegram.clickButton(alice, shown, '📺 Dexter: New Blood');
    const kept = await telegram.until(
      () => {
        const m = telegram.message(group.id, shown.message_id);
        return m && m.reply_markup === undefined ? m : undefined;
      },
      'the "will retry" outcome',
      5000,
    );
    expect(kept.text ?? kept.caption).toMatch(/Sonarr is not answering/);
    const posts = seriesPosts().length;

    await sonarr.up();
    // The retry backoff has passed (rather than waiting minutes for it).
    const [waiting] = await app.requests.list({ status: ['failed_retryable'] });
    if (!waiting) throw new Error('no request waiting for a retry');
    expect(waiting.user).toMatchObject({
      platform: 'telegram',
      chatId: String(group.id),
      userId: String(alice.id),
    });
    await app.requests.update(waiting.id, (r) => {
      r.nextAttemptAt = new Date(Date.now() - 1000).toISOString();
    });
    const before = telegram.botMessages(group.id).length;
    const report = await app.core.processPending();
    expect(report.sent).toBe(1);
    expect(seriesPosts().length).toBe(posts + 1);
    expect(seriesPosts().at(-1)?.body).toMatchObject({ tvdbId: 392256 });
    const note = await telegram.until(() => telegram.botMessages(group.id)[before], 'the notification', 5000);
    expect(note.text ?? note.caption).toMatch(/Dexter: New Blood/);
    expect(telegram.botMessages(alice.id).some((m) => /New Blood/.test(m.text ?? m.caption ?? ''))).toBe(
      false,
    );
  });
});
