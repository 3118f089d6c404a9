/**
 * The Bot API is unreachable when reelbot starts. Discord serves at once; Telegram is retried
 * with a doubling wait (capped), /healthz says "retrying" with when and why, and once the API is
 * back Telegram connects and answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice } from '../../fakes/telegram.js';
import { chatIn, startTwoChats, type TwoChats } from '../../helpers/two-chats.js';

let t: TwoChats;
beforeAll(async () => {
  t = await startTwoChats({ telegramDown: true });
}, 20_000);
afterAll(() => t?.close());

describe('Telegram down at start-up', () => {
  it('Discord works meanwhile', async () => {
    const i = t.discord.slashCommand('add', { title: 'Heat' });
    const answer = await t.discord.waitFor(() => t.discord.original(i), 5000, 'the /add answer');
    expect(JSON.stringify([answer.api.content, answer.api.embeds])).toMatch(/Heat/);
  });

  it('/healthz is 503 with telegram retrying: next attempt and last error, no token', async () => {
    const h = await t.healthz();
    expect(h.status).toBe(503);
    expect(h.body.status).toBe('degraded');
    expect(chatIn(h, 'discord')).toMatchObject({ state: 'connected' });
    const tg = chatIn(h, 'telegram');
    expect(tg).toMatchObject({
      state: 'retrying',
      attempts: expect.any(Number),
      nextAttemptAt: expect.any(String),
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(Number.isNaN(Date.parse(String(tg?.nextAttemptAt)))).toBe(false);
    expect(h.text).not.toContain(t.telegram.token);
  });

  it('waits twice as long after each failure, up to the cap', async () => {
    await t.healthUntil((h) => Number(chatIn(h, 'telegram')?.attempts) >= 4, 'four attempts');
    const waits = t.logger.entries
      .filter((e) => e.bindings.chat === 'telegram' && e.obj.retryInMs !== undefined)
      .map((e) => e.obj.retryInMs);
    expect(waits.slice(0, 4)).toEqual([100, 200, 400, 400]);
  });

  it('connects once the API is back, and answers', async () => {
    await t.telegram.up();
    const h = await t.healthUntil((x) => x.status === 200, 'telegram connected');
    expect(h.body.status).toBe('ok');
    expect(chatIn(h, 'telegram')).toMatchObject({ state: 'connected' });
    const chat = t.telegram.privateChat(alice);
    t.telegram.userSays(alice, chat, 'add Inception');
    const reply = await t.telegram.until(
      () => t.telegram.botMessages(chat.id).find((m) => /Inception/.test(m.text ?? m.caption ?? '')),
      'the answer on Telegram',
      5000,
    );
    expect(reply).toBeDefined();
    expect(t.logger.dump()).not.toContain(t.telegram.token);
  });
});
