import { describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/chat/telegram/create-telegram-adapter.js';
import { TelegramAdapter } from '../../../adapters/chat/telegram/telegram-adapter.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { startFakeTelegram } from '../../fakes/telegram.js';
import { CaptureLogger, ScriptedCore } from './harness.js';

const base = { DATA_DIR: '/tmp/reelbot-telegram-config', LOG_LEVEL: 'silent' };

describe('Telegram configuration', () => {
  it('GIVEN no token THEN no adapter; the API root defaults to the public one', () => {
    const config = loadConfig(base);
    expect(config.telegram.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(createTelegramAdapter(config, new CaptureLogger())).toBeUndefined();
  });

  it('GIVEN a token and a local Bot API server THEN an adapter for it', () => {
    const config = loadConfig({
      ...base,
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
    });
    expect(config.telegram.TELEGRAM_API_ROOT).toBe('http://127.0.0.1:8081');
    expect(createTelegramAdapter(config, new CaptureLogger())).toBeInstanceOf(TelegramAdapter);
  });

  it('GIVEN a mangled token THEN a config problem that does not print it', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, TELEGRAM_BOT_TOKEN: '"123456:AAHsecret"' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable)).toEqual(['TELEGRAM_BOT_TOKEN']);
    expect((error as Error).message).not.toContain('AAHsecret');
  });

  it('GIVEN an API root with a path prefix THEN requests keep the prefix', async () => {
    const fake = await startFakeTelegram({ token: '42:prefix' });
    const logger = new CaptureLogger();
    // The fake serves /<anything>/<method>; a dropped prefix would hit /bot42:prefix/getMe and
    // succeed, so the check is on the path the fake saw.
    const adapter = new TelegramAdapter({
      token: '42:prefix',
      apiRoot: `${fake.url}/tg`,
      logger,
      pollTimeoutSec: 1,
    });
    await expect(adapter.start(new ScriptedCore())).rejects.toThrow(/Telegram refused to start the bot/);
    expect(fake.calls[0]?.path).toBe('/tg/bot42:prefix/getMe');
    expect(logger.dump()).not.toContain('42:prefix');
    await fake.close();
  });

  it('GIVEN a wrong token THEN start fails with a message that does not contain it', async () => {
    const fake = await startFakeTelegram();
    const adapter = new TelegramAdapter({
      token: '999:wrongtoken',
      apiRoot: fake.url,
      logger: new CaptureLogger(),
    });
    const error = await adapter.start(new ScriptedCore()).catch((e: unknown) => e as Error);
    expect(error?.message).toMatch(/401/);
    expect(error?.message).not.toContain('wrongtoken');
    await adapter.stop();
    await fake.close();
  });
});
