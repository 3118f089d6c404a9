/**
 * The data folder's lock: one holder at a time, a refusal that names the holder, and a lock left
 * by a process that died (SIGKILL, power cut) taken over with a warning instead of blocking the
 * restart.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdLock, lockHolder } from '../../../adapters/store/instance-lock.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

const ROOT = process.cwd();
const folder = () => mkdtempSync(join(tmpdir(), 'reelbot-lock-'));

/** A real process that takes the lock, then dies without releasing it. */
async function killedHolder(dir: string): Promise<number> {
  const code = `const m = await import(${JSON.stringify(join(ROOT, 'adapters/store/instance-lock.ts'))});
await m.holdLock(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.once('exit', (c) => reject(new Error(`holder exited (${c})`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return child.pid ?? 0;
}

/** The lock as another machine (a second container on a shared volume) leaves it. */
function lockFromElsewhere(dir: string, ageMs: number): void {
  mkdirSync(join(dir, 'reelbot.lock'));
  writeFileSync(
    join(dir, 'reelbot.pid'),
    JSON.stringify({ pid: 4242, host: 'other-host', since: new Date().toISOString() }),
  );
  const t = new Date(Date.now() - ageMs);
  utimesSync(join(dir, 'reelbot.lock'), t, t);
}

describe('the data folder lock', () => {
  it('refuses a second holder and names the pid and the folder', async () => {
    const dir = folder();
    const lock = await holdLock(dir);
    try {
      await expect(holdLock(dir)).rejects.toThrow(`${dir} is in use by reelbot (pid ${process.pid}`);
    } finally {
      await lock.release();
    }
    expect(existsSync(join(dir, 'reelbot.lock'))).toBe(false);
    await (await holdLock(dir)).release();
  });

  it('takes over the lock of a process that was killed, with a warning naming it', async () => {
    const dir = folder();
    const dead = await killedHolder(dir);
    expect(lockHolder(dir)).toBeUndefined();
    const log = new CaptureLogger();
    const lock = await holdLock(dir, { logger: log });
    expect(log.entries.find((e) => e.level === 'warn')?.obj).toMatchObject({ holderPid: dead });
    await lock.release();
  }, 20_000);

  it('refuses a fresh lock held on another host, and takes over one left there long ago', async () => {
    const fresh = folder();
    lockFromElsewhere(fresh, 0);
    expect(lockHolder(fresh)).toMatchObject({ pid: 4242, host: 'other-host' });
    await expect(holdLock(fresh)).rejects.toThrow(/pid 4242 on other-host/);

    const stale = folder();
    lockFromElsewhere(stale, 10 * 60_000);
    expect(lockHolder(stale)).toBeUndefined();
    const log = new CaptureLogger();
    const lock = await holdLock(stale, { logger: log });
    expect(log.entries.find((e) => e.level === 'warn')?.obj).toMatchObject({ holderPid: 4242 });
    expect(lockHolder(stale)).toBeUndefined();
    await lock.release();
  });

  it('tells another process who holds the folder', async () => {
    const dir = folder();
    const lock = await holdLock(dir);
    const code = `const m = await import(${JSON.stringify(join(ROOT, 'adapters/store/instance-lock.ts'))});
console.log(JSON.stringify(m.lockHolder(${JSON.stringify(dir)})));`;
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: ROOT,
      });
      let s = '';
      child.stdout.on('data', (d: Buffer) => (s += d.toString()));
      child.once('exit', () => resolve(s));
    });
    await lock.release();
    expect(JSON.parse(out)).toMatchObject({ pid: process.pid, host: hostname() });
  }, 20_000);
});
