/**
 * Long polling that ends after a good start: Telegram answers getUpdates with 409 when a newer
 * getUpdates (another bot on the same token) or a setWebhook took the updates over (tdlib
 * telegram-bot-api Client.cpp: "Conflict: terminated by other getUpdates request; make sure that
 * only one bot instance is running"). The bot used to log it and go on showing "connected" while
 * receiving nothing; now /healthz shows Telegram failed, with why and what to do, and the bot does
 * not poll again (that would take the updates back from the other one).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/chat/telegram/create-telegram-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { FAST } from './harness.js';

const CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
let telegram: FakeTelegram | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await telegram?.close();
});

type Chat = { platform: string; state?: string; reason?: string };
const telegramChat = async (url: string): Promise<Chat | undefined> => {
  const body = (await (await fetch(`${url}/healthz`)).json()) as { chats: Chat[] };
  return body.chats.find((c) => c.platform === 'telegram');
};

describe('GIVEN a polling bot that is receiving', () => {
  it('WHEN getUpdates answers 409 (another bot took the updates) THEN /healthz shows Telegram failed with the fix, and it stops polling', async () => {
    telegram = await startFakeTelegram();
    const logger = new CaptureLogger();
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-lost-')),
      LOG_LEVEL: 'silent',
      MUSICBRAINZ_ENABLED: 'false',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      HTTP_PORT: '0',
      API_TOKEN: 'lost-api-token-0001',
    });
    app = await createApp(config, {
      logger,
      startCron: false,
      chatRetry: { firstDelayMs: 100, maxDelayMs: 200 },
    });
    const adapter = createTelegramAdapter(config, app.logger, { ...FAST, pollTimeoutSec: 1 });
    if (!adapter) throw new Error('no Telegram adapter');
    app.attach(adapter);
    await app.start();
    const url = app.httpUrl!;
    expect(await telegramChat(url)).toMatchObject({ state: 'connected' });

    telegram.failNext('getUpdates', { error_code: 409, description: CONFLICT });
    let chat = await telegramChat(url);
    for (const t = Date.now(); chat?.state !== 'failed'; chat = await telegramChat(url)) {
      if (Date.now() - t > 5000) throw new Error(`Telegram still ${JSON.stringify(chat)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(chat?.reason).toContain('HTTP 409');
    expect(chat?.reason).toContain(
      'run one polling bot per token, or put every bot behind TELEGRAM_WEBHOOK_URL',
    );
    const polls = telegram.callsOf('getUpdates').length;
    await new Promise((r) => setTimeout(r, 500));
    expect(telegram.callsOf('getUpdates').length).toBe(polls);
    expect(logger.dump()).not.toContain(telegram.token);
  });
});
