/**
 * Two bots on one data folder overwrite each other's files (each keeps its own copy in memory).
 * Real processes, as systemd or a second terminal would start them: the second one refuses to
 * start and says which process holds the folder; after the first one is killed (no clean exit,
 * the lock stays behind), the next start takes the folder over.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyEnvFile } from './run-script.js';

const ROOT = process.cwd();
const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

interface Bot {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
}

/** `node --import tsx src/main.ts`: no tsx wrapper process, so the pid is the bot's own. */
function startBot(dataDir: string, envFile: string): Bot {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      ENV_FILE: envFile,
      MUSICBRAINZ_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      PROCESS_CRON: '0 0 1 1 *',
    },
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { child, stdout: () => out, stderr: () => err };
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started = (b: Bot) => b.stdout().includes('type “help” for commands');
const exited = (b: Bot) => b.child.exitCode !== null || b.child.signalCode !== null;

describe('GIVEN a bot is running on a data folder', () => {
  it('THEN a second one refuses to start, naming the pid; once the first is killed, the next one takes over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reelbot-two-'));
    const envFile = emptyEnvFile();
    const first = startBot(dataDir, envFile);
    await until(() => started(first), 15_000, 'the first bot started');

    const second = startBot(dataDir, envFile);
    await until(() => exited(second) || started(second), 15_000, 'the second bot exited or started');
    await until(() => exited(second), 3_000, 'the second bot exited');
    expect(second.child.exitCode).toBe(1);
    expect(second.stderr()).toContain(`pid ${first.child.pid}`);
    expect(second.stderr()).toContain(dataDir);
    expect(exited(first)).toBe(false);

    first.child.kill('SIGKILL');
    await until(() => exited(first), 5_000, 'the first bot died');
    const third = startBot(dataDir, envFile);
    await until(() => started(third) || exited(third), 15_000, 'the third bot started');
    expect(started(third)).toBe(true);
    const takeover = third
      .stderr()
      .split('\n')
      .find((l) => l.includes('taking over the data folder lock'));
    expect(JSON.parse(takeover ?? '{}')).toMatchObject({ level: 40, holderPid: first.child.pid, dataDir });

    third.child.stdin.end();
    await until(() => exited(third), 10_000, 'the third bot stopped');
    expect(third.child.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'reelbot.lock'))).toBe(false);
  }, 60_000);
});
