/**
 * `npm start`: read .env and the environment, validate it (every problem at once, then exit 1),
 * and serve every chat that has a token; with none, chat in this terminal. With DISCORD_SHARDS,
 * supervise the Discord shard processes instead (src/discord-sharding.ts).
 */
import { existsSync } from 'node:fs';
import process from 'node:process';
import { createDiscordAdapter } from '../adapters/chat/discord/discord-adapter.js';
import { createTelegramAdapter } from '../adapters/chat/telegram/create-telegram-adapter.js';
import { TerminalAdapter } from '../adapters/chat/terminal/terminal-adapter.js';
import { createApp } from './app.js';
import { ConfigError, formatProblems, loadConfig } from './config.js';
import { runDiscordShards } from './discord-sharding.js';

async function main(): Promise<number> {
  // ENV_FILE picks another file (e.g. test/fakes/fakes.env to run against `npm run fakes`).
  const envFile = process.env.ENV_FILE ?? '.env';
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  else if (process.env.ENV_FILE) {
    process.stderr.write(`reelbot: ENV_FILE ${envFile} does not exist\n`);
    return 1;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(
        `reelbot: the configuration has problems:\n${formatProblems(e.problems)}\nSee .env.example and README.md, or run \`npm run doctor\`.\n`,
      );
      return 1;
    }
    throw e;
  }
  // DISCORD_SHARDS: this process only supervises shard processes (README: "Discord → Sharding").
  if (config.discord.DISCORD_SHARDS !== undefined) return runDiscordShards(config);

  // With no chat token the bot chats in this terminal instead (README: "Quick start").
  const terminalMode = !config.telegram.TELEGRAM_BOT_TOKEN && !config.discord.DISCORD_TOKEN;
  // In the terminal, JSON logs would drown the conversation: errors only, unless asked for.
  const quiet =
    terminalMode && !process.env.LOG_LEVEL
      ? { ...config, core: { ...config.core, LOG_LEVEL: 'error' as const } }
      : config;
  let app;
  try {
    app = await createApp(quiet);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`reelbot: the configuration has problems:\n${formatProblems(e.problems)}\n`);
      return 1;
    }
    throw e;
  }
  for (const chat of [createTelegramAdapter(config, app.logger), createDiscordAdapter(config, app.logger)]) {
    if (chat) app.attach(chat);
  }

  let terminal: TerminalAdapter | undefined;
  if (terminalMode) {
    terminal = new TerminalAdapter({
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    app.attach(terminal);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  // A library's internal failure (a malformed gateway packet) must be logged, not kill the bot.
  process.on('unhandledRejection', (err) => app.logger.error({ err }, 'unhandled rejection'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.start();
  if (terminal) {
    await terminal.finished;
    await app.stop();
    return 0;
  }
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reelbot: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
