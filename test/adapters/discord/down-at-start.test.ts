/**
 * Discord's API is unreachable when reelbot starts: Telegram serves at once, Discord is retried
 * and connects once the API is back, and /healthz says so meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice } from '../../fakes/telegram.js';
import { chatIn, startTwoChats, type TwoChats } from '../../helpers/two-chats.js';

let t: TwoChats;
beforeAll(async () => {
  t = await startTwoChats({ discordDown: true });
}, 20_000);
afterAll(() => t?.close());

describe('Discord down at start-up', () => {
  it('Telegram answers meanwhile; /healthz shows discord retrying, with why', async () => {
    const chat = t.telegram.privateChat(alice);
    t.telegram.userSays(alice, chat, 'add Inception');
    await t.telegram.until(
      () => t.telegram.botMessages(chat.id).find((m) => /Inception/.test(m.text ?? m.caption ?? '')),
      'the answer on Telegram',
      5000,
    );
    const h = await t.healthz();
    expect(h.status).toBe(503);
    expect(chatIn(h, 'discord')).toMatchObject({
      state: 'retrying',
      lastError: expect.stringMatching(/Discord is not reachable.*ECONNREFUSED/),
    });
    expect(h.text).not.toContain(t.discord.token);
  });

  it('connects once the API is back, and answers a slash command', async () => {
    await t.discord.up();
    const h = await t.healthUntil((x) => x.status === 200, 'discord connected');
    expect(chatIn(h, 'discord')).toMatchObject({ state: 'connected' });
    const i = t.discord.slashCommand('help');
    await t.discord.waitFor(() => t.discord.original(i), 5000, 'the /help answer');
    expect(t.logger.dump()).not.toContain(t.discord.token);
  });
});
