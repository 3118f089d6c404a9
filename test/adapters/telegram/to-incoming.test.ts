import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toIncoming } from '../../../adapters/chat/telegram/to-incoming.js';

const recorded = JSON.parse(
  readFileSync(new URL('../../fixtures/telegram/updates.json', import.meta.url), 'utf8'),
) as { update_id: number; message: Record<string, unknown> }[];
const recordedMessage = (id: number) => {
  const u = recorded.find((x) => x.update_id === id);
  if (!u) throw new Error(`no recorded update ${id}`);
  return u.message;
};

const bot = { id: 7617087239, username: 'reelbot_test_bot' };
const carol = { id: 5_123_456_789, is_bot: false, first_name: 'Carol', username: 'carol' };
const group = { id: -1002541595015, type: 'supergroup', title: 'Movie night' };

function msg(text: string, extra: Record<string, unknown> = {}) {
  const entities: { type: string; offset: number; length: number }[] = [];
  const cmd = /^\/\w+(@\w+)?/.exec(text);
  if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/@\w{5,}/g)) {
    if (m.index !== 0 || !cmd) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  return { message_id: 7, from: carol, chat: group, date: 1750736720, text, entities, ...extra };
}

describe('toIncoming', () => {
  it('GIVEN a recorded private /start THEN the core reads "start", ids as strings, and the message by bot, chat and id', () => {
    const raw = recordedMessage(251886146) as { message_id: number };
    const got = toIncoming(raw, bot);
    expect(got?.message).toEqual({
      user: { platform: 'telegram', userId: '1394032416', chatId: '1394032416', name: 'chehxlpp' },
      text: 'start',
      origin: `telegram:7617087239:1394032416:${raw.message_id}`,
    });
    expect(got?.isGroup).toBe(false);
  });

  it('GIVEN a recorded private plain message THEN it is for the bot', () => {
    expect(toIncoming(recordedMessage(251886147), bot)?.message.text).toBe('d');
  });

  it('GIVEN a service message (group migrated) THEN nothing reaches the core', () => {
    expect(toIncoming(recordedMessage(251886155), bot)).toBeNull();
  });

  it('GIVEN /add@thisbot in a group THEN the core reads "add Dexter" and keeps 52-bit ids', () => {
    const got = toIncoming(msg('/add@reelbot_test_bot Dexter'), bot);
    expect(got?.message.text).toBe('add Dexter');
    expect(got?.message.user).toMatchObject({ userId: '5123456789', chatId: '-1002541595015' });
    expect(got).toMatchObject({ isGroup: true, messageId: 7 });
  });

  it('GIVEN a bare /add in a group THEN it is for the bot', () => {
    expect(toIncoming(msg('/add Dexter'), bot)?.message.text).toBe('add Dexter');
  });

  it('GIVEN /add@otherbot THEN it is not for us', () => {
    expect(toIncoming(msg('/add@other_bot Dexter'), bot)).toBeNull();
  });

  it('GIVEN plain chatter in a group THEN it is ignored', () => {
    expect(toIncoming(msg('add Dexter please, anyone?'), bot)).toBeNull();
  });

  it('GIVEN a mention in a group THEN the mention is stripped, wherever it is', () => {
    expect(toIncoming(msg('@reelbot_test_bot, add Dexter'), bot)?.message.text).toBe('add Dexter');
    expect(toIncoming(msg('@REELBOT_TEST_BOT add Dexter'), bot)?.message.text).toBe('add Dexter');
    expect(toIncoming(msg('add Dexter @reelbot_test_bot'), bot)?.message.text).toBe('add Dexter');
  });

  it('GIVEN a mention of someone else THEN it is chatter', () => {
    expect(toIncoming(msg('@someone_else add Dexter'), bot)).toBeNull();
  });

  it('GIVEN a reply to the bot’s own message in a group THEN it is for the bot', () => {
    const reply = msg('the second one', { reply_to_message: { message_id: 3, from: { id: bot.id } } });
    expect(toIncoming(reply, bot)?.message.text).toBe('the second one');
    const toOther = msg('lol', { reply_to_message: { message_id: 2, from: { id: carol.id } } });
    expect(toIncoming(toOther, bot)).toBeNull();
  });

  it('GIVEN a message from another bot, a channel post or a photo THEN it is ignored', () => {
    expect(toIncoming({ ...msg('/add Dexter'), from: { ...carol, is_bot: true } }, bot)).toBeNull();
    expect(toIncoming({ ...msg('/add Dexter'), chat: { id: -100123, type: 'channel' } }, bot)).toBeNull();
    const { text: _text, ...photo } = msg('x');
    expect(toIncoming({ ...photo, photo: [] }, bot)).toBeNull();
  });
});
