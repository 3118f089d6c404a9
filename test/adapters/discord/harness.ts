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
import type { Core, ProcessReport } from '../../../src/core/core.js';
import type { Logger } from '../../../src/core/ports.js';
import type { IncomingMessage, KindHint, Reply, UserRef } from '../../../src/core/types.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: Record<string, unknown>;
  obj: Record<string, unknown>;
  msg?: string;
}

export class CaptureLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  debug = this.at('debug');
  info = this.at('info');
  warn = this.at('warn');
  error = this.at('error');
  child(bindings: Record<string, unknown>): Logger {
    return new CaptureLogger(this.entries, { ...this.bindings, ...bindings });
  }
  /** Everything logged, as one string, to search for secrets. */
  dump(): string {
    return JSON.stringify(this.entries);
  }
  private at(level: LogEntry['level']) {
    return (a: object | string, msg?: string) => {
      const entry: LogEntry =
        typeof a === 'string'
          ? { level, bindings: this.bindings, obj: {}, msg: a }
          : { level, bindings: this.bindings, obj: a as Record<string, unknown> };
      if (typeof a !== 'string' && msg !== undefined) entry.msg = msg;
      this.entries.push(entry);
    };
  }
}

/** A Core whose every answer comes from the test; calls are recorded. */
export class ScriptedCore implements Core {
  readonly handled: IncomingMessage[] = [];
  readonly chosen: Array<{ user: UserRef; token: string; option: number | 'none' }> = [];
  readonly suggested: Array<{ prefix: string; hint?: KindHint }> = [];
  onHandle: (msg: IncomingMessage) => Reply | Promise<Reply> = (msg) => ({
    code: 'echo',
    text: `echo: ${msg.text}`,
  });
  onChoose: (user: UserRef, token: string, option: number | 'none') => Reply | Promise<Reply> = () => ({
    code: 'media.added',
    text: 'Added.',
  });
  onSuggest: (prefix: string, hint?: KindHint) => string[] | Promise<string[]> = () => [];

  async handle(msg: IncomingMessage): Promise<Reply> {
    this.handled.push(msg);
    return this.onHandle(msg);
  }
  async choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply> {
    this.chosen.push({ user, token, option });
    return this.onChoose(user, token, option);
  }
  async suggest(prefix: string, hint?: KindHint): Promise<string[]> {
    this.suggested.push(hint === undefined ? { prefix } : { prefix, hint });
    return this.onSuggest(prefix, hint);
  }
  async processPending(): Promise<ProcessReport> {
    return { retried: 0, sent: 0, failed: 0, available: 0, skipped: false };
  }
  async idle(): Promise<void> {}
}

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
