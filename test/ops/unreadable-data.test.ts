/**
 * A data file the bot's user may not read (restored as root, a wrong `chown`) is not damage: the
 * bot must not move it aside and start empty, it must stop and say which file and why, so the
 * operator fixes the owner and loses nothing. A real start-up as an unprivileged user (root reads
 * everything, so under root the bot runs as `nobody`).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRequest } from '../../src/core/media/request-lifecycle.js';
import { alice } from '../helpers/world.js';

const ROOT = process.cwd();
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

function start(dataDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          DATA_DIR: dataDir,
          // An empty .env the unprivileged user can read, so a developer's own never leaks in.
          ENV_FILE: join(dataDir, 'empty.env'),
          MUSICBRAINZ_ENABLED: 'false',
          PROCESS_CRON: '0 0 1 1 *',
        },
        timeout: 20_000,
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      },
      (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
    );
  });
}

describe('GIVEN requests.json is not readable by the user the bot runs as', () => {
  it('THEN start-up fails naming the file and the permission problem, and the file stays as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reelbot-eacces-'));
    chmodSync(dataDir, 0o777);
    writeFileSync(join(dataDir, 'empty.env'), '', { mode: 0o644 });
    const file = join(dataDir, 'requests.json');
    const text = JSON.stringify({
      version: 2,
      requests: [newRequest('keep01', alice, { text: 'add Heat', title: 'Heat' }, new Date())],
    });
    writeFileSync(file, text);
    // Owned by root (or by us when not root) and readable by nobody else.
    chmodSync(file, asRoot ? 0o600 : 0o000);

    const run = await start(dataDir);
    chmodSync(file, 0o600);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/permission denied \(EACCES\)/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('requests.json'))).toEqual(['requests.json']);
  }, 30_000);
});
