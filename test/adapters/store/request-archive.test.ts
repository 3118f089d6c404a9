import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbFile } from '../../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { newRequest } from '../../../src/core/media/request-lifecycle.js';
import type { UserRef } from '../../../src/core/types.js';

const user: UserRef = { platform: 'telegram', userId: '1', chatId: '1' };

async function open(dir: string) {
  LowdbFile.forget(join(dir, 'requests.json'));
  return LowdbRequestStore.open(dir);
}

function openFileIds(dir: string): string[] {
  return (
    JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as { requests: { id: string }[] }
  ).requests.map((r) => r.id);
}

describe('finished requests leave the file that is rewritten on every change', () => {
  it('moves a request to the archive when it finishes, and keeps it readable after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    await store.insert(newRequest('open01', user, { text: 'add A', title: 'A' }, new Date()));
    await store.insert(newRequest('done01', user, { text: 'add B', title: 'B' }, new Date()));
    await store.update('done01', (r) => void (r.status = 'available'));
    expect(openFileIds(dir)).toEqual(['open01']);

    const again = await open(dir);
    expect((await again.get('done01'))?.status).toBe('available');
    expect((await again.list()).map((r) => r.id).sort()).toEqual(['done01', 'open01']);
  });

  it('brings a finished request back when it is reopened (an admin retry)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    await store.insert(newRequest('fail01', user, { text: 'add C', title: 'C' }, new Date()));
    await store.update('fail01', (r) => void (r.status = 'failed'));
    await store.update('fail01', (r) => void (r.status = 'failed_retryable'));
    expect(openFileIds(dir)).toEqual(['fail01']);
    expect((await (await open(dir)).get('fail01'))?.status).toBe('failed_retryable');
  });

  it('an update to a finished request that stays finished writes only the archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    await store.insert(newRequest('keep01', user, { text: 'add E', title: 'E' }, new Date()));
    await store.update('keep01', (r) => void (r.status = 'failed'));
    const before = statSync(join(dir, 'requests.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 30));
    await store.update('keep01', (r) => void (r.reason = 'noted by an admin'));
    expect(statSync(join(dir, 'requests.json')).mtimeMs).toBe(before);
    expect((await (await open(dir)).get('keep01'))?.reason).toBe('noted by an admin');
  });

  it('ignores a line a crash cut short and keeps the snapshot before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    await store.insert(newRequest('torn01', user, { text: 'add D', title: 'D' }, new Date()));
    await store.update('torn01', (r) => void (r.status = 'cancelled'));
    appendFileSync(join(dir, 'requests-archive.jsonl'), '{"id":"torn01","status":"avail');
    expect((await (await open(dir)).get('torn01'))?.status).toBe('cancelled');
  });

  it('reads archived requests back by byte offset, titles in any script included, after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    const titles = ['Amélie', '千と千尋の神隠し', 'Léon 🎬', 'Plain'];
    for (const [i, title] of titles.entries()) {
      await store.insert(newRequest(`utf${i}`, user, { text: `add ${title}`, title }, new Date(1000 * i)));
      await store.update(`utf${i}`, (r) => void (r.status = 'available'));
    }
    for (const s of [store, await open(dir)]) {
      expect(await Promise.all(titles.map(async (_, i) => (await s.get(`utf${i}`))?.query.title))).toEqual(
        titles,
      );
      expect((await s.list({ status: ['available'] })).map((r) => r.query.title)).toEqual(
        [...titles].reverse(),
      );
    }
  });

  it('compacts superseded lines and still answers reads made while it rewrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    for (let i = 0; i < 40; i += 1) {
      await store.insert(newRequest(`many${i}`, user, { text: 'add X', title: `X ${i}` }, new Date()));
      await store.update(`many${i}`, (r) => void (r.status = 'failed'));
    }
    // Each note is another line for the same id, until the archive is rewritten one line per id.
    const notes = [];
    for (let round = 0; round < 3; round += 1)
      for (let i = 0; i < 40; i += 1)
        notes.push(store.update(`many${i}`, (r) => void (r.reason = `note ${round}`)));
    const reads = Array.from({ length: 40 }, (_, i) => store.get(`many${i}`));
    await Promise.all(notes);
    expect((await Promise.all(reads)).every((r) => r?.status === 'failed')).toBe(true);
    const lines = readFileSync(join(dir, 'requests-archive.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(100);
    for (const s of [store, await open(dir)]) {
      const all = await s.list({ status: ['failed'] });
      expect(all).toHaveLength(40);
      expect(all.every((r) => r.reason === 'note 2')).toBe(true);
    }
  });
});
