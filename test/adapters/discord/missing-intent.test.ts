/**
 * The Discord application's owner never turned on the Message Content intent: Discord closes the
 * gateway with 4014 when the bot asks for it. reelbot starts again without it and keeps serving
 * what Discord still delivers (slash commands, DMs, mentions), Telegram is untouched, and the log
 * and the doctor say how to turn it on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../../adapters/doctor/doctor.js';
import type { StoredMessage } from '../../fakes/discord.js';
import { alice } from '../../fakes/telegram.js';
import { chatIn, startTwoChats, type TwoChats } from '../../helpers/two-chats.js';

const MESSAGE_CONTENT = 1 << 15;
const FIX = 'Developer Portal → your app → Bot → Privileged Gateway Intents → Message Content Intent';

let t: TwoChats;
beforeAll(async () => {
  t = await startTwoChats({ discord: { privilegedIntents: [] } });
}, 20_000);
afterAll(() => t?.close());

const shown = (m: StoredMessage | undefined) => JSON.stringify([m?.api.content, m?.api.embeds]);

describe('a Discord app without the Message Content intent', () => {
  it('starts anyway, connected without the intent, and /healthz is ok', async () => {
    expect(Number(t.discord.identify?.intents) & MESSAGE_CONTENT).toBe(0);
    const h = await t.healthz();
    expect(h.status).toBe(200);
    expect(chatIn(h, 'discord')).toMatchObject({ state: 'connected' });
    expect(chatIn(h, 'telegram')).toMatchObject({ state: 'connected' });
  });

  it('Telegram answers "add Inception"', async () => {
    const chat = t.telegram.privateChat(alice);
    t.telegram.userSays(alice, chat, 'add Inception');
    const reply = await t.telegram.until(
      () => t.telegram.botMessages(chat.id).find((m) => /Inception/.test(m.text ?? m.caption ?? '')),
      'the answer on Telegram',
      5000,
    );
    expect(reply).toBeDefined();
  });

  it('a slash command, a mention and a DM still work on Discord', async () => {
    const slash = t.discord.slashCommand('add', { title: 'Heat' });
    expect(shown(await t.discord.waitFor(() => t.discord.original(slash), 5000, 'the /add answer'))).toMatch(
      /Heat/,
    );

    const mention = t.discord.say('add Dexter', { mention: true });
    const reply = await t.discord.waitFor(
      () =>
        t.discord
          .channelMessages(t.discord.channels.general)
          .find(
            (m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === mention,
          ),
      5000,
      'the reply to the mention',
    );
    expect(shown(reply)).toMatch(/Dexter/);

    const dm = t.discord.dmChannelOf(t.discord.users.alice);
    t.discord.say('help', { dm: true });
    await t.discord.waitFor(() => t.discord.channelMessages(dm).length > 0, 5000, 'the answer in the DM');
    expect(t.discord.rejections).toEqual([]);
  });

  it('a plain "add …" in a listed channel arrives empty, so it goes unanswered', async () => {
    t.discord.say('add Fargo', { channelId: t.discord.channels.requests });
    await new Promise((r) => setTimeout(r, 400));
    expect(t.discord.channelMessages(t.discord.channels.requests)).toEqual([]);
  });

  it('a warning says what is missing and how to turn it on', () => {
    const warning = t.logger.entries.find((e) => e.level === 'warn' && /Message Content/.test(e.msg ?? ''));
    expect(warning?.obj.fix).toBe(FIX);
  });

  it('the doctor shows the ✗ line with the fix', async () => {
    const checks = await runDoctor({ config: t.app.config, catalogs: [], timeoutMs: 2000 });
    expect(checks.find((c) => c.name === 'Discord Message Content intent')).toEqual({
      status: 'fail',
      name: 'Discord Message Content intent',
      detail: 'off: plain messages in channels arrive empty (slash commands, DMs and mentions work)',
      fix: `turn it on: ${FIX}`,
    });
  });

  it('with the intent on, the doctor has a ✓ line', async () => {
    const other = await startTwoChats();
    try {
      const checks = await runDoctor({ config: other.app.config, catalogs: [], timeoutMs: 2000 });
      expect(checks.find((c) => c.name === 'Discord Message Content intent')?.status).toBe('ok');
      expect(Number(other.discord.identify?.intents) & MESSAGE_CONTENT).toBe(MESSAGE_CONTENT);
    } finally {
      await other.close();
    }
  }, 20_000);
});
