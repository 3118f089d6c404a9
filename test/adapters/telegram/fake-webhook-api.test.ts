/**
 * The fake's webhook side must behave like Telegram's server (telegram-bot-api Client.cpp,
 * WebhookActor.cpp), or the webhook stories prove nothing. Driven through telegraf's client, with a
 * small HTTP server standing in for the bot behind its reverse proxy.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alice, bob, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: { update_id: number; message?: { text?: string } };
}

let fake: FakeTelegram;
let tg: Telegram;
let bot: Server;
let botUrl: string;
let received: Received[];
/** What the stand-in bot answers next; 200 when empty. */
let answers: { status: number; headers?: Record<string, string> }[];

beforeEach(async () => {
  fake = await startFakeTelegram({ webhookRetryUnitMs: 10 });
  tg = new Telegram(fake.token, { apiRoot: fake.url });
  received = [];
  answers = [];
  bot = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) as Received['body'] });
      const a = answers.shift() ?? { status: 200 };
      res.writeHead(a.status, a.headers).end();
    });
  });
  await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
  botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
  fake.webhook.route('bot.example.com', () => botUrl);
});
afterEach(async () => {
  await fake.close();
  await new Promise((r) => bot.close(r));
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: { response?: unknown }) => e.response,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const URL_ = 'https://bot.example.com/telegram/hook?x=1';

describe('fake Bot API: webhooks', () => {
  it('GIVEN a webhook THEN updates are POSTed with the secret header; getUpdates is 409; getWebhookInfo says so', async () => {
    await tg.setWebhook(URL_, { secret_token: 's3cret_-X', allowed_updates: ['message'] });
    fake.userSays(alice, fake.privateChat(alice), 'hello');
    await fake.until(() => fake.pendingUpdates === 0, 'delivered');
    expect(received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('s3cret_-X');
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(received[0]?.body.message?.text).toBe('hello');
    expect(await failure(tg.callApi('getUpdates', {}))).toMatchObject({
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    expect(await tg.getWebhookInfo()).toEqual({
      url: URL_,
      has_custom_certificate: false,
      pending_update_count: 0,
      max_connections: 40,
      ip_address: '127.0.0.1',
      allowed_updates: ['message'],
    });
    expect(fake.violations).toEqual([]);
  });

  it('GIVEN a long poll in progress WHEN a webhook is set THEN the poll ends with 409 "terminated by setWebhook request"', async () => {
    const poll = failure(tg.callApi('getUpdates', { timeout: 5 }));
    await sleep(50);
    await tg.setWebhook(URL_, { secret_token: 'a' });
    expect(await poll).toMatchObject({
      error_code: 409,
      description: 'Conflict: terminated by setWebhook request',
    });
  });

  it.each([
    [
      'plain http',
      'http://bot.example.com/x',
      'ok',
      'bad webhook: An HTTPS URL must be provided for webhook',
    ],
    [
      'port 8080',
      'https://bot.example.com:8080/x',
      'ok',
      'bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443',
    ],
    [
      'an unknown host',
      'https://nowhere.example.org/x',
      'ok',
      'bad webhook: Failed to resolve host: Name or service not known',
    ],
    ['a secret with a space', URL_, 'not allowed!', 'secret token contains unallowed characters'],
    ['a secret of 257 characters', URL_, 'x'.repeat(257), 'secret token is too long'],
  ])('GIVEN setWebhook with %s THEN 400 and no webhook', async (_what, url, secret, reason) => {
    expect(await failure(tg.setWebhook(url, { secret_token: secret }))).toEqual({
      ok: false,
      error_code: 400,
      description: `Bad Request: ${reason}`,
    });
    expect((await tg.getWebhookInfo()).url).toBe('');
  });

  it('GIVEN two setWebhook calls within a second THEN the second is 429 retry after 1; the same one later is "already set"', async () => {
    await tg.setWebhook(URL_, { secret_token: 'a' });
    expect(await failure(tg.setWebhook(URL_, { secret_token: 'a' }))).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await sleep(1000);
    await expect(tg.setWebhook(URL_, { secret_token: 'a' })).resolves.toBe(true);
  });

  it('GIVEN the bot answers 403 THEN Telegram sends the same update again (at once, then later) and getWebhookInfo shows the error', async () => {
    answers.push({ status: 403 }, { status: 403 });
    await tg.setWebhook(URL_, { secret_token: 'a' });
    fake.userSays(alice, fake.privateChat(alice), 'hello');
    await fake.until(() => fake.pendingUpdates === 0, 'delivered in the end', 2000);
    expect(received.map((r) => r.body.update_id)).toEqual(Array(3).fill(received[0]?.body.update_id));
    expect(fake.webhook.deliveries.map((d) => d.status)).toEqual([403, 403, 200]);
    expect(await tg.getWebhookInfo()).toMatchObject({
      last_error_date: expect.any(Number),
      last_error_message: 'Wrong response from the webhook: 403 Forbidden',
    });
  });

  it('GIVEN a chat’s update not yet answered THEN its next waits; another chat’s goes ahead', async () => {
    answers.push({ status: 503, headers: { 'retry-after': '20' } });
    await tg.setWebhook(URL_, { secret_token: 'a' });
    const a = fake.privateChat(alice);
    fake.userSays(alice, a, 'first');
    await fake.until(() => received.length === 1, 'the first attempt');
    fake.userSays(alice, a, 'second');
    fake.userSays(bob, fake.privateChat(bob), 'from bob');
    await fake.until(() => fake.pendingUpdates === 0, 'all delivered', 2000);
    expect(received.map((r) => r.body.message?.text)).toEqual(['first', 'from bob', 'first', 'second']);
  });

  it('GIVEN deleteWebhook THEN updates wait for getUpdates again', async () => {
    await tg.setWebhook(URL_, { secret_token: 'a' });
    await tg.deleteWebhook();
    fake.userSays(alice, fake.privateChat(alice), 'polled');
    const updates = await tg.callApi('getUpdates', {});
    expect(updates).toHaveLength(1);
    expect(received).toEqual([]);
  });
});
