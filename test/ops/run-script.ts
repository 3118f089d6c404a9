/** Runs `tsx scripts/admin.ts …` as the host would (`npm run doctor`), with exactly the env given. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The ✗ lines, in order. */
  failures: string[];
}

/** An empty .env to point ENV_FILE at, so a developer's own .env never leaks into a test. */
export function emptyEnvFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-env-'));
  const path = join(dir, 'empty.env');
  writeFileSync(path, '');
  return path;
}

export function runAdmin(
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/admin.ts'), ...args],
      {
        env: { PATH: process.env.PATH ?? '', ...env },
        cwd: opts.cwd ?? ROOT,
        timeout: opts.timeoutMs ?? 30_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, failures: stdout.split('\n').filter((l) => l.startsWith('✗')) });
      },
    );
  });
}

/** A URL on 127.0.0.1 where nothing listens (connection refused at once). */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}
