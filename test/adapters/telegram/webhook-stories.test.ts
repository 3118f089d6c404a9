/**
 * TELEGRAM_WEBHOOK_URL set: reelbot registers its webhook instead of polling, and Telegram POSTs
 * every update to it with the secret header. The real App with the real telegraf, against the fake
 * Bot API playing Telegram's side (setWebhook, deliveries, resends), TMDb, Radarr and Sonarr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, type FakeTelegram, type TgMessage } from '../../fakes/telegram.js';
import { postsTo } from '../../helpers/world.js';
import { chatIn } from '../../helpers/two-chats.js';
import { startWebhookApp, WEBHOOK_SECRET, WEBHOOK_URL, type WebhookApp } from './webhook-harness.js';

let t: WebhookApp;
let telegram: FakeTelegram;

beforeAll(async () => {
  t = await startWebhookApp();
  ({ telegram } = t);
});
afterAll(() => t.close());

const movieAdds = () => postsTo(t.radarr, '/api/v3/movie');
const said = (m: TgMessage) => m.text ?? m.caption ?? '';

describe('Telegram by webhook', () => {
  it('sets the webhook with its URL and secret, 100 connections, keeps pending updates, and never polls', async () => {
    const [set, ...again] = telegram.callsOf('setWebhook');
    expect(again).toEqual([]);
    expect(set).toMatchObject({
      status: 200,
      params: {
        url: WEBHOOK_URL,
        secret_token: WEBHOOK_SECRET,
        allowed_updates: ['message', 'callback_query'],
        max_connections: 100,
        drop_pending_updates: false,
      },
    });
    expect(telegram.callsOf('getUpdates')).toEqual([]);
    expect(telegram.callsOf('deleteWebhook')).toEqual([]);
    const h = await t.healthz();
    expect(h.status).toBe(200);
    expect(chatIn(h, 'telegram')).toMatchObject({ state: 'connected' });
  });

  it('"add Inception" arrives by webhook → the answer by sendMessage → Radarr gets the movie', async () => {
    const chat = telegram.privateChat(alice);
    telegram.userSays(alice, chat, 'add Inception');
    const reply = await telegram.until(
      () => telegram.botMessages(chat.id).find((m) => /Inception/.test(said(m))),
      'the answer',
      5000,
    );
    expect(said(reply)).toMatch(/Radarr/);
    expect(movieAdds()).toEqual([expect.objectContaining({ title: 'Inception', tmdbId: 27205 })]);
    expect(telegram.webhook.deliveries).toEqual([
      { updateId: expect.any(Number), status: 200, secretSent: true, target: expect.any(String) },
    ]);
    expect(telegram.pendingUpdates).toBe(0);
    expect(telegram.callsOf('getUpdates')).toEqual([]);
  });

  it('a button click arrives by webhook too: the prompt becomes the outcome and Radarr gets the film', async () => {
    const chat = telegram.privateChat(bob);
    telegram.userSays(bob, chat, 'add Fargo');
    const prompt = await telegram.until(
      () => telegram.botMessages(chat.id).find((m) => m.reply_markup !== undefined),
      'the prompt with buttons',
      5000,
    );
    const q = telegram.clickButton(bob, prompt, 'Fargo (1996)');
    const outcome = await telegram.until(
      () => {
        const m = telegram.message(chat.id, prompt.message_id);
        return m && m.reply_markup === undefined ? m : undefined;
      },
      'the outcome',
      5000,
    );
    expect(telegram.answers.has(q)).toBe(true);
    expect(said(outcome)).toMatch(/Fargo/);
    expect(movieAdds().at(-1)).toMatchObject({ title: 'Fargo', year: 1996 });
    expect(telegram.callsOf('getUpdates')).toEqual([]);
  });

  it('a POST without the right secret is refused with 403, logged without the secret, and not handled', async () => {
    const carol = { id: 6_100_000_001, is_bot: false, first_name: 'Carol', username: 'carol' };
    const chat = telegram.privateChat(carol);
    const adds = movieAdds().length;
    const forged = telegram.forgedUpdate(carol, chat, 'add The Matrix');
    expect(await telegram.webhook.post(forged, { secret: 'guessed-secret' })).toBe(403);
    expect(await telegram.webhook.post(forged, { secret: null })).toBe(403);
    await t.app.core.idle();
    expect(telegram.botMessages(chat.id)).toEqual([]);
    expect(movieAdds().length).toBe(adds);
    const refusals = t.logger.entries.filter(
      (e) => e.level === 'warn' && /refused \(403\)/.test(e.msg ?? ''),
    );
    expect(refusals.map((e) => e.obj.secretHeader)).toEqual(['wrong', 'missing']);
    expect(t.logger.dump()).not.toContain('guessed-secret');
  });

  it('an update Telegram sends twice (its answer was lost) is handled once', async () => {
    const dave = { id: 6_100_000_002, is_bot: false, first_name: 'Dave', username: 'dave' };
    const chat = telegram.privateChat(dave);
    const adds = movieAdds().length;
    telegram.webhook.loseAnswers(1);
    telegram.userSays(dave, chat, 'add The Matrix');
    const id = telegram.lastUpdateId;
    await telegram.until(
      () => telegram.webhook.deliveries.filter((d) => d.updateId === id && d.status === 200).length === 2,
      'the update delivered twice',
      5000,
    );
    const reply = await telegram.until(
      () => telegram.botMessages(chat.id).find((m) => /Matrix/.test(said(m))),
      'the answer',
      5000,
    );
    await t.app.core.idle();
    // Another test's update may be answered after this one: Telegram hears "delivered" only once
    // an update's answer went out (webhook.ts).
    expect(telegram.webhook.deliveries.filter((d) => d.updateId === id && d.status === 200)).toHaveLength(2);
    expect(telegram.botMessages(chat.id)).toEqual([reply]);
    expect(movieAdds().length).toBe(adds + 1);
  });
});

describe('Telegram cannot reach the webhook URL at start', () => {
  let s: WebhookApp;
  beforeAll(async () => {
    s = await startWebhookApp({ routed: false });
  });
  afterAll(() => s.close());

  it('/healthz shows telegram retrying with Telegram’s "bad webhook" reason, no secret', async () => {
    const h = await s.healthUntil((x) => chatIn(x, 'telegram')?.state === 'retrying', 'telegram retrying');
    expect(h.status).toBe(503);
    expect(chatIn(h, 'telegram')).toMatchObject({
      state: 'retrying',
      lastError: expect.stringMatching(
        /TELEGRAM_WEBHOOK_URL.*bad webhook: Failed to resolve host: Name or service not known/,
      ),
    });
    expect(h.text).not.toContain(WEBHOOK_SECRET);
    expect(h.text).not.toContain(s.telegram.token);
  });

  it('an update reaching the server before the chat has started gets 503, so Telegram sends it again', async () => {
    const res = await fetch(`${s.app.httpUrl}${new URL(WEBHOOK_URL).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(s.telegram.forgedUpdate(alice, s.telegram.privateChat(alice), 'hello')),
    });
    expect(res.status).toBe(503);
  });

  it('connects once the URL leads to the bot, and answers what was said meanwhile', async () => {
    const chat = s.telegram.privateChat(alice);
    s.telegram.userSays(alice, chat, 'add Inception');
    s.telegram.webhook.route('bot.example.com', () => s.app.httpUrl);
    const h = await s.healthUntil((x) => x.status === 200, 'telegram connected');
    expect(chatIn(h, 'telegram')).toMatchObject({ state: 'connected' });
    const reply = await s.telegram.until(
      () => s.telegram.botMessages(chat.id).find((m) => /Inception/.test(said(m))),
      'the answer to the message sent while the webhook was not set',
      5000,
    );
    expect(said(reply)).toMatch(/Radarr/);
    expect(s.telegram.callsOf('getUpdates')).toEqual([]);
  });
});

describe('setWebhook refuses the token', () => {
  it('/healthz shows telegram failed, not retried', async () => {
    const s = await startWebhookApp({
      prepare: (tg) => tg.failNext('setWebhook', { error_code: 401, description: 'Unauthorized' }),
    });
    try {
      const h = await s.healthz();
      expect(chatIn(h, 'telegram')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/401/) });
      await new Promise((r) => setTimeout(r, 300));
      expect(s.telegram.callsOf('setWebhook')).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});

describe('shutdown', () => {
  it('leaves the webhook set, for the other instances behind the same URL', async () => {
    const s = await startWebhookApp();
    await s.close();
    expect(s.telegram.callsOf('deleteWebhook')).toEqual([]);
    expect(s.telegram.webhook.url).toBe(WEBHOOK_URL);
  });
});
