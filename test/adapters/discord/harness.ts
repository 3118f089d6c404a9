/**
 * Test plumbing for the Discord adapter: a logger that keeps every entry (so a test can find the
 * error it caused and prove no token leaked), a Core whose answers a test scripts, and a starter
 * that runs the real adapter against the fake Discord.
 */
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from '../../../adapters/chat/discord/discord-adapter.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { ScriptedCore } from '../../helpers/scripted-core.js';

export { CaptureLogger, ScriptedCore };
export type { LogEntry } from '../../helpers/capture-logger.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Discord env for a config pointing at `fake`. */
export function discordEnv(fake: FakeDiscord, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_BASE: fake.apiBase,
    ...extra,
  };
}

export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  core: ScriptedCore;
  logger: CaptureLogger;
  close(): Promise<void>;
}

/** The real adapter on the fake Discord, serving a scripted core. */
export async function startHarness(
  env: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>) = {},
  tuning: Pick<DiscordAdapterOptions, 'deferAfterMs' | 'suggestTimeoutMs' | 'progressEditIntervalMs'> = {},
): Promise<Harness> {
  const discord = await startFakeDiscord();
  const logger = new CaptureLogger();
  const extra = typeof env === 'function' ? env(discord) : env;
  const adapter = createDiscordAdapter(loadConfig(discordEnv(discord, extra)), logger, {
    rest: { retries: 0, timeout: 2000 },
    progressEditIntervalMs: 200,
    ...tuning,
  });
  if (!adapter) throw new Error('no adapter: DISCORD_TOKEN missing');
  const core = new ScriptedCore();
  await adapter.start(core);
  return {
    fake: discord,
    adapter,
    core,
    logger,
    async close() {
      await adapter.stop();
      await discord.close();
    },
  };
}
