/**
 * A real bot process, as systemd starts one: `node --import tsx src/main.ts` (no tsx wrapper, so
 * the pid is the bot's own) with exactly the env given, an empty ENV_FILE (a developer's .env never
 * leaks in), its own DATA_DIR and HTTP_PORT on a free loopback port. `startBotProcess` resolves
 * once its /healthz (no token: health-routes.ts) answers 200 with every chat connected. `kill()` is
 * SIGKILL (no clean stop: nothing flushed, locks dropped with the connections), `stop()` is SIGTERM
 * (src/main.ts: app.stop(), exit 0). `killBotProcesses()` in afterAll ends any still running.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedUrl, emptyEnvFile } from '../ops/run-script.js';

const ROOT = process.cwd();
const running = new Set<BotProcess>();
// Should the test worker end without afterAll, the bots go with it.
process.once('exit', () => {
  for (const b of running) b.child.kill('SIGKILL');
});

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  pid: number;
  /** http://127.0.0.1:<port>, where its HTTP server (API, /healthz, the webhook) listens. */
  httpUrl: string;
  dataDir: string;
  stdout(): string;
  stderr(): string;
  readonly exited: boolean;
  /** SIGKILL, resolved once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), resolved with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface BotProcessOptions {
  /** Platforms whose chat must be connected on /healthz before it counts as ready (default: telegram when a token is given). */
  chats?: string[];
  readyTimeoutMs?: number;
}

const healthShape = (
  body: unknown,
): { status?: string; chats?: { platform: string; connected: boolean }[] } =>
  typeof body === 'object' && body !== null ? (body as Record<string, never>) : {};

export async function startBotProcess(
  env: Record<string, string>,
  opts: BotProcessOptions = {},
): Promise<BotProcess> {
  const port = new URL(await closedUrl()).port;
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'reelbot-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ENV_FILE: emptyEnvFile(),
      LOG_LEVEL: 'warn',
      MUSICBRAINZ_ENABLED: 'false',
      HTTP_HOST: '127.0.0.1',
      API_TOKEN: 'bot-process-api-token-0001',
      ...env,
      DATA_DIR: dataDir,
      HTTP_PORT: port,
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const bot: BotProcess = {
    child,
    pid: child.pid ?? -1,
    httpUrl: `http://127.0.0.1:${port}`,
    dataDir,
    stdout: () => out,
    stderr: () => err,
    get exited() {
      return exited();
    },
    async kill() {
      if (!exited()) child.kill('SIGKILL');
      await gone;
      running.delete(bot);
    },
    async stop(timeoutMs = 15_000) {
      if (!exited()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await gone;
      clearTimeout(timer);
      running.delete(bot);
      return child.exitCode;
    },
  };
  running.add(bot);
  const chats = opts.chats ?? (env.TELEGRAM_BOT_TOKEN ? ['telegram'] : []);
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exited()) throw new Error(`the bot exited with ${child.exitCode ?? child.signalCode}: ${err.trim()}`);
    const health = await fetch(`${bot.httpUrl}/healthz`)
      .then(async (r) => ({ ok: r.status === 200, body: healthShape(await r.json()) }))
      .catch(() => undefined);
    const connected = (p: string) => health?.body.chats?.some((c) => c.platform === p && c.connected);
    if (health?.ok && chats.every(connected)) return bot;
    if (Date.now() > deadline) {
      await bot.kill();
      throw new Error(
        `the bot was not ready in time (health ${JSON.stringify(health?.body)}): ${err.trim()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** End every bot process still running (afterAll). */
export async function killBotProcesses(): Promise<void> {
  await Promise.all([...running].map((b) => b.kill()));
}
