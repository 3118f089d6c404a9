/**
 * "Written" must mean on the disk, not in the page cache: after a power cut the request a user
 * was told about is still there. Each store write flushes the new file (fsync) before renaming
 * it into place, then flushes the folder so the rename itself survives; appends flush the file.
 * The flushes are observed on node's own FileHandle (a spy that calls through), by path.
 */
import { readlinkSync } from 'node:fs';
import { mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LowdbFile } from '../../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { JsonJobStore } from '../../../adapters/store/json-job-store.js';
import { newRequest, transition } from '../../../src/core/media/request-lifecycle.js';
import type { UserRef } from '../../../src/core/types.js';

const user: UserRef = { platform: 'telegram', userId: '1', chatId: '1' };
const linux = process.platform === 'linux';

let synced: string[] = [];
beforeEach(async () => {
  synced = [];
  const probe = await open(import.meta.filename, 'r');
  const FileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
  await probe.close();
  const real = FileHandle.sync;
  vi.spyOn(FileHandle, 'sync').mockImplementation(function (this: { fd: number }) {
    synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
    return real.call(this);
  });
});
afterEach(() => vi.restoreAllMocks());

describe.runIf(linux)('a store write is flushed to disk before the caller goes on', () => {
  it('requests.json: the new file, then the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reelbot-fsync-'));
    LowdbFile.forget(join(dir, 'requests.json'));
    const store = await LowdbRequestStore.open(dir);
    await store.insert(newRequest('sync01', user, { text: 'add Heat', title: 'Heat' }, new Date()));
    const tmp = synced.findIndex((p) => basename(p).startsWith('.requests.json.'));
    expect(tmp).toBeGreaterThanOrEqual(0);
    expect(synced.indexOf(dir, tmp)).toBeGreaterThan(tmp);
  });

  it('requests-archive.jsonl: the appended line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reelbot-fsync-'));
    LowdbFile.forget(join(dir, 'requests.json'));
    const store = await LowdbRequestStore.open(dir);
    const r = newRequest('sync02', user, { text: 'add Heat', title: 'Heat' }, new Date());
    transition(r, 'cancelled', 'telegram:1', new Date());
    await store.insert(r);
    expect(synced).toContain(join(dir, 'requests-archive.jsonl'));
  });

  it('a vocabulary job file under jobs/', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reelbot-fsync-'));
    const jobs = new JsonJobStore(join(dir, 'jobs'));
    const at = new Date().toISOString();
    await jobs.put({
      key: 'heat-1995--de',
      movieKey: 'heat-1995',
      title: 'Heat',
      language: 'de',
      status: 'queued',
      total: 1,
      done: 0,
      translator: 'deepl',
      words: {},
      sentences: {},
      chars: { words: 0, sentences: 0 },
      requests: 1,
      askers: [],
      createdBy: 'telegram:1',
      createdAt: at,
      updatedAt: at,
    });
    expect(synced.some((p) => basename(p).startsWith('.heat-1995--de.json.'))).toBe(true);
    expect(synced).toContain(join(dir, 'jobs'));
  });
});
