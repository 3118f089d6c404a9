/**
 * DISCORD_TOKEN is wrong. discord.js asks GET /gateway/bot first and Discord answers 401, so the
 * gateway is never reached (4004 would need a token REST accepts). Discord is marked failed with
 * the reason and not retried (the same token cannot start working); Telegram carries on, and
 * /healthz says what is wrong without the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice } from '../../fakes/telegram.js';
import { chatIn, startTwoChats, type TwoChats } from '../../helpers/two-chats.js';

const WRONG = 'MTIz.wrong.token-value-0123456789';

let t: TwoChats;
beforeAll(async () => {
  t = await startTwoChats({ discordToken: WRONG });
}, 20_000);
afterAll(() => t?.close());

describe('a wrong Discord token', () => {
  it('Telegram still answers', async () => {
    const chat = t.telegram.privateChat(alice);
    t.telegram.userSays(alice, chat, 'add Inception');
    const reply = await t.telegram.until(
      () => t.telegram.botMessages(chat.id).find((m) => /Inception/.test(m.text ?? m.caption ?? '')),
      'the answer on Telegram',
      5000,
    );
    expect(reply).toBeDefined();
  });

  it('/healthz is 503 "degraded": discord failed with the reason, no token anywhere', async () => {
    const h = await t.healthz();
    expect(h.status).toBe(503);
    expect(h.body.status).toBe('degraded');
    expect(chatIn(h, 'telegram')).toMatchObject({ state: 'connected' });
    expect(chatIn(h, 'discord')).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/DISCORD_TOKEN.*401/),
    });
    expect(h.text).not.toContain(WRONG);
    expect(t.logger.dump()).not.toContain(WRONG);
  });

  it('is not retried: one refused lookup, however long the bot runs', async () => {
    await new Promise((r) => setTimeout(r, 600));
    expect(t.discord.callsTo('GET', '/api/v10/gateway/bot')).toHaveLength(1);
  });
});
