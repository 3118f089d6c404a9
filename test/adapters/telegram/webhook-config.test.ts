/**
 * TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET: what a webhook needs is checked at start, with
 * every problem named at once and the secret never printed.
 */
import { describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/chat/telegram/create-telegram-adapter.js';
import { ConfigError, loadConfig, type ConfigProblem } from '../../../src/config.js';
import { CaptureLogger } from './harness.js';

const base = {
  DATA_DIR: '/tmp/reelbot-webhook-config',
  LOG_LEVEL: 'silent',
  TELEGRAM_BOT_TOKEN: '123:abc',
  HTTP_PORT: '8080',
  API_TOKEN: 'webhook-config-token-0001',
};
const URL_ = 'https://bot.example.com/telegram/hook-1';
const SECRET = 'Zq9_secret-value';

function problems(env: Record<string, string>): ConfigProblem[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('Telegram webhook configuration', () => {
  it('GIVEN no webhook URL THEN the adapter polls', () => {
    expect(createTelegramAdapter(loadConfig(base), new CaptureLogger())?.webhook).toBeUndefined();
  });

  it('GIVEN a URL and a secret THEN the adapter answers on the URL’s path', () => {
    const config = loadConfig({ ...base, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(createTelegramAdapter(config, new CaptureLogger())?.webhook?.path).toBe('/telegram/hook-1');
  });

  it('GIVEN a URL without HTTP_PORT or a secret THEN both are named, with what to do', () => {
    const { HTTP_PORT: _port, API_TOKEN: _token, ...noServer } = base;
    const found = problems({ ...noServer, TELEGRAM_WEBHOOK_URL: URL_ });
    expect(found.map((p) => p.variable).sort()).toEqual(['HTTP_PORT', 'TELEGRAM_WEBHOOK_SECRET']);
    expect(found.find((p) => p.variable === 'HTTP_PORT')?.message).toMatch(
      /webhook is served by the HTTP server.*HTTP_PORT and API_TOKEN/,
    );
  });

  it('GIVEN a URL without a bot token THEN a problem', () => {
    const { TELEGRAM_BOT_TOKEN: _t, ...noBot } = base;
    const found = problems({ ...noBot, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(found.map((p) => p.variable)).toEqual(['TELEGRAM_BOT_TOKEN']);
  });

  it.each([
    ['plain http', 'http://bot.example.com/telegram/hook', /https/],
    ['no path', 'https://bot.example.com', /path of its own/],
    ['a path the API uses', 'https://bot.example.com/api/telegram', /path of its own/],
    ['/healthz', 'https://bot.example.com/healthz', /path of its own/],
    ['not a URL', 'bot.example.com/telegram', /https/],
  ])('GIVEN a webhook URL with %s THEN a TELEGRAM_WEBHOOK_URL problem', (_what, url, message) => {
    const found = problems({ ...base, TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(found).toEqual([{ variable: 'TELEGRAM_WEBHOOK_URL', message: expect.stringMatching(message) }]);
  });

  it('GIVEN a secret Telegram would refuse THEN a problem that does not print it', () => {
    const secret = 'has spaces and ü';
    const found = problems({ ...base, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: secret });
    expect(found.map((p) => p.variable)).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(found[0]?.message).toMatch(/A-Z, a-z, 0-9, _ and -.*value hidden/);
    expect(JSON.stringify(found)).not.toContain(secret);
    const long = problems({ ...base, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) });
    expect(long.map((p) => p.variable)).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
  });
});
