/**
 * Issue 8 over real Telegram: the real App with the real telegraf against the fake Bot API.
 * An unlisted person is refused and nothing is stored; with REQUIRE_APPROVAL, an allowed
 * person's pick waits, the admin gets Approve/Decline in their private chat (chat id = user id),
 * and the admin's click sends it and tells the person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import type { FakeSonarr } from '../../fakes/sonarr.js';
import { alice, bob, type FakeTelegram, type TgUser } from '../../fakes/telegram.js';
import type { FakeTmdb } from '../../fakes/tmdb.js';
import { startTelegramApp, type TelegramApp } from './harness.js';

const carol: TgUser = { id: 6_100_000_001, is_bot: false, first_name: 'Carol', username: 'carol_admin' };

let t: TelegramApp;
let telegram: FakeTelegram;
let tmdb: FakeTmdb;
let sonarr: FakeSonarr;
let app: App;

beforeAll(async () => {
  t = await startTelegramApp({
    AUTO_MIN_SCORE: '1',
    ALLOWED_USERS: `telegram:${alice.id}`,
    ADMIN_USERS: `telegram:${carol.id}`,
    REQUIRE_APPROVAL: 'true',
  });
  ({ telegram, tmdb, sonarr, app } = t);
});

afterAll(() => t.close());

const seriesPosts = () => sonarr.posted.filter((p) => p.method === 'POST' && p.path === '/api/v3/series');
const textOf = (m: { text?: string; caption?: string } | undefined) => m?.text ?? m?.caption ?? '';

describe('access over Telegram', () => {
  it('an unlisted user is refused politely, with their id, and nothing is stored or searched', async () => {
    const chat = telegram.privateChat(bob);
    telegram.userSays(bob, chat, '/add Dexter');
    const refusal = await telegram.until(() => telegram.botMessages(chat.id)[0], 'the refusal', 5000);
    expect(textOf(refusal)).toContain('you can’t make requests with this bot');
    expect(textOf(refusal)).toContain(`telegram:${bob.id}`);
    expect(refusal.reply_markup).toBeUndefined();
    await app.core.idle();
    expect(await app.requests.list()).toEqual([]);
    expect(tmdb.calls).toEqual([]);
  });

  it('the unlisted user cannot run admin commands either, and the listed one is told they are not an admin', async () => {
    const bobChat = telegram.privateChat(bob);
    telegram.userSays(bob, bobChat, '/report');
    await telegram.until(() => telegram.botMessages(bobChat.id)[1], 'the second refusal', 5000);
    expect(textOf(telegram.botMessages(bobChat.id)[1])).toContain('you can’t make requests');
    const aliceChat = telegram.privateChat(alice);
    telegram.userSays(alice, aliceChat, '/report');
    const denied = await telegram.until(
      () => telegram.botMessages(aliceChat.id)[0],
      'the admin refusal',
      5000,
    );
    expect(textOf(denied)).toBe('Only the bot’s admins can use “report”.');
  });

  it('approval: the pick waits, the admin approves from a private chat, Sonarr gets it, the asker is told', async () => {
    const adminChat = telegram.privateChat(carol); // carol has pressed Start once
    const chat = telegram.privateChat(alice);
    const before = telegram.botMessages(chat.id).length;
    telegram.userSays(alice, chat, 'add Fargo');
    const prompt = await telegram.until(
      () =>
        telegram
          .botMessages(chat.id)
          .slice(before)
          .find((m) => m.reply_markup !== undefined),
      'the prompt',
      5000,
    );
    telegram.clickButton(alice, prompt, '📺 Fargo (2014)');
    await telegram.until(
      () => /waiting for an admin’s approval/.test(textOf(telegram.message(chat.id, prompt.message_id))),
      'the "waiting" outcome',
      5000,
    );
    expect(seriesPosts()).toEqual([]);

    const notice = await telegram.until(
      () => telegram.botMessages(adminChat.id).find((m) => m.reply_markup !== undefined),
      'the admin’s approval prompt',
      5000,
    );
    expect(textOf(notice)).toMatch(/asks for Fargo \(2014\) → Sonarr/);
    expect(notice.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual([
      '✅ Approve',
      '✖ Decline',
    ]);

    const told = telegram.botMessages(chat.id).length;
    telegram.clickButton(carol, notice, '✅ Approve');
    await telegram.until(() => seriesPosts()[0], 'the Sonarr POST', 5000);
    expect(seriesPosts()[0]).toMatchObject({ status: 201, body: { tvdbId: 269613 } });
    const note = await telegram.until(
      () => telegram.botMessages(chat.id)[told],
      'the asker’s notification',
      5000,
    );
    expect(textOf(note)).toMatch(/An admin approved your request .*Fargo/s);
  });
});
