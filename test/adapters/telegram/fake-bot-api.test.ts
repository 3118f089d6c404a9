/**
 * The fake Bot API must refuse what the real one refuses, or the adapter tests prove nothing.
 * Driven through telegraf's own client, the way the adapter talks to it.
 */
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';

let fake: FakeTelegram;
let tg: Telegram;

beforeAll(async () => {
  fake = await startFakeTelegram();
  tg = new Telegram(fake.token, { apiRoot: fake.url });
});
afterAll(() => fake.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: { response?: unknown }) => e.response,
  );

describe('fake Bot API', () => {
  it('GIVEN the wrong token THEN 401 Unauthorized; an unknown method THEN 404', async () => {
    const wrong = new Telegram('999:nope', { apiRoot: fake.url });
    expect(await failure(wrong.getMe())).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect(await failure(tg.callApi('sendSticker' as 'getMe', {}))).toMatchObject({ error_code: 404 });
  });

  it('GIVEN getMe THEN the recorded bot, with an id above 2^32', async () => {
    const me = await tg.getMe();
    expect(me).toMatchObject({ is_bot: true, username: 'reelbot_test_bot' });
    expect(me.id).toBeGreaterThan(2 ** 32);
  });

  it('GIVEN a chat the bot has never seen THEN chat not found', async () => {
    expect(await failure(tg.sendMessage(424242, 'hi'))).toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
  });

  it('GIVEN text of 4097 characters or none THEN refused; 4096 THEN sent', async () => {
    const chat = fake.privateChat(alice);
    expect(await failure(tg.sendMessage(chat.id, 'x'.repeat(4097)))).toMatchObject({
      description: 'Bad Request: message is too long',
    });
    expect(await failure(tg.sendMessage(chat.id, ' '))).toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    await expect(tg.sendMessage(chat.id, 'x'.repeat(4096))).resolves.toMatchObject({ chat: { id: chat.id } });
  });

  it('GIVEN callback_data of 65 bytes (33 Cyrillic letters) THEN BUTTON_DATA_INVALID; 64 bytes THEN fine', async () => {
    const chat = fake.privateChat(alice);
    const kb = (data: string) => ({
      reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: data }]] },
    });
    expect(await failure(tg.sendMessage(chat.id, 'pick', kb('я'.repeat(32) + 'x')))).toMatchObject({
      error_code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    await expect(tg.sendMessage(chat.id, 'pick', kb('я'.repeat(32)))).resolves.toBeTruthy();
  });

  it('GIVEN a caption over 1024 characters THEN refused', async () => {
    const chat = fake.privateChat(alice);
    expect(
      await failure(tg.sendPhoto(chat.id, 'https://image.example/p.jpg', { caption: 'c'.repeat(1025) })),
    ).toMatchObject({
      description: 'Bad Request: message caption is too long',
    });
  });

  it('GIVEN an edit that changes nothing THEN "message is not modified"; leaving out the markup THEN the keyboard goes', async () => {
    const chat = fake.privateChat(alice);
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'c:abcdef:0' }]] };
    const m = await tg.sendMessage(chat.id, 'Which?', { reply_markup: markup });
    expect(
      await failure(tg.editMessageText(chat.id, m.message_id, undefined, 'Which?', { reply_markup: markup })),
    ).toMatchObject({
      error_code: 400,
      description: expect.stringMatching(/^Bad Request: message is not modified/),
    });
    await tg.editMessageText(chat.id, m.message_id, undefined, 'Done');
    expect(fake.message(chat.id, m.message_id)).toMatchObject({ text: 'Done' });
    expect(fake.message(chat.id, m.message_id)?.reply_markup).toBeUndefined();
    expect(await failure(tg.editMessageCaption(chat.id, m.message_id, undefined, 'c'))).toMatchObject({
      description: 'Bad Request: there is no caption in the message to edit',
    });
  });

  it('GIVEN a callback query answered twice THEN the second is "query is too old"', async () => {
    const chat = fake.privateChat(alice);
    const m = await tg.sendMessage(chat.id, 'Which?', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'c:abcdef:0' }]] },
    });
    const stored = fake.message(chat.id, m.message_id);
    if (!stored) throw new Error('message not stored');
    const id = fake.clickButton(alice, stored, 0);
    expect(await failure(tg.answerCbQuery(id, 'x'.repeat(201)))).toMatchObject({ error_code: 400 });
    await tg.answerCbQuery(id, 'ok', { show_alert: true });
    expect(fake.answers.get(id)).toEqual({ text: 'ok', show_alert: true });
    expect(await failure(tg.answerCbQuery(id))).toMatchObject({
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });

  it('GIVEN an injected 429 THEN the body carries retry_after', async () => {
    const chat = fake.privateChat(bob);
    fake.rateLimitNext('sendMessage', 3);
    expect(await failure(tg.sendMessage(chat.id, 'hi'))).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    await expect(tg.sendMessage(chat.id, 'hi')).resolves.toBeTruthy();
  });

  it('GIVEN a migrated group THEN writes to the old id say where it went', async () => {
    const old = fake.group('Movie night', 'group');
    const moved = fake.migrate(old);
    expect(await failure(tg.sendMessage(old.id, 'hi'))).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: moved.id },
    });
  });

  it('GIVEN getUpdates with a timeout THEN it holds until an update, and an offset confirms', async () => {
    // Drain what earlier tests queued (clicks, migration service messages).
    const queued = await tg.callApi('getUpdates', { timeout: 0 });
    const after = (queued.at(-1)?.update_id ?? 0) + 1;
    const started = Date.now();
    const poll = tg.callApi('getUpdates', { offset: after, timeout: 5 });
    setTimeout(() => fake.userSays(alice, fake.privateChat(alice), '/add Dexter'), 150);
    const updates = await poll;
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      message: { text: '/add Dexter', entities: [{ type: 'bot_command', offset: 0, length: 4 }] },
    });
    const id = updates[0]?.update_id ?? 0;
    await tg.callApi('getUpdates', { offset: id + 1, timeout: 0 });
    expect(fake.pendingUpdates).toBe(0);
    expect(fake.confirmedOffset).toBe(id + 1);
  });

  it('GIVEN an upload THEN multipart is read like JSON; a stray parameter is a violation', async () => {
    const chat = fake.privateChat(alice);
    const before = fake.violations.length;
    const m = await tg.sendDocument(chat.id, {
      source: Buffer.from('word,level\nhello,A1\n'),
      filename: 'vocab.csv',
    });
    expect(m.document).toMatchObject({ file_name: 'vocab.csv', file_size: 20 });
    expect(fake.violations.slice(before)).toEqual([]);
    await tg.sendMessage(chat.id, 'hi', { hide_keyboard: true } as object);
    expect(fake.violations.slice(before)).toEqual(['sendMessage: unknown parameter hide_keyboard']);
  });
});
