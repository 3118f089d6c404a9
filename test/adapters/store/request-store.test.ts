import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbChoiceStore } from '../../../adapters/store/choice-store.js';
import { LowdbFile } from '../../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { newRequest } from '../../../src/core/media/request-lifecycle.js';
import type { UserRef } from '../../../src/core/types.js';

const user: UserRef = { platform: 'telegram', userId: '4503599627370495', chatId: '-1001234567890' };

function reopen(dir: string) {
  LowdbFile.forget(join(dir, 'requests.json'));
  return LowdbRequestStore.open(dir);
}

describe('the request store', () => {
  it('keeps requests across a restart, with 52-bit chat ids intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    const store = await LowdbRequestStore.open(dir);
    await store.insert(newRequest('abc123', user, { text: 'add Dexter', title: 'Dexter' }, new Date()));
    await store.update('abc123', (r) => {
      r.status = 'approved';
    });
    const again = await reopen(dir);
    const r = await again.get('abc123');
    expect(r?.status).toBe('approved');
    expect(r?.user.userId).toBe('4503599627370495');
    expect(r?.user.chatId).toBe('-1001234567890');
  });

  it('loses no update when many arrive at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    const store = await LowdbRequestStore.open(dir);
    await store.insert(newRequest('cnt001', user, { text: 'add X', title: 'X' }, new Date()));
    await Promise.all(
      Array.from({ length: 50 }, () => store.update('cnt001', (r) => void (r.attempts += 1))),
    );
    expect((await (await reopen(dir)).get('cnt001'))?.attempts).toBe(50);
  });

  it('returns copies, so a caller cannot change stored data by accident', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    const store = await LowdbRequestStore.open(dir);
    await store.insert(newRequest('cpy001', user, { text: 'add X', title: 'X' }, new Date()));
    const r = await store.get('cpy001');
    if (r) r.status = 'failed';
    expect((await store.get('cpy001'))?.status).toBe('received');
  });

  it('moves a corrupt file aside instead of overwriting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    writeFileSync(join(dir, 'requests.json'), '{"version":1,"requests":[{"id":');
    const store = await LowdbRequestStore.open(dir);
    expect(await store.list()).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith('requests.json.corrupt-'))).toBe(true);
  });

  it('refuses a file written by a newer version rather than misreading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    writeFileSync(join(dir, 'requests.json'), JSON.stringify({ version: 99, requests: [] }));
    await expect(LowdbRequestStore.open(dir)).rejects.toThrow(/newer reelbot/);
  });
});

describe('the choice store', () => {
  it('hands a token out once and purges expired ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-store-'));
    const choices = await LowdbChoiceStore.open(dir);
    const base = { owner: 'telegram:1', purpose: 'media.pick', values: ['a'] };
    await choices.put({
      ...base,
      token: 'tok001aaaa',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await choices.put({ ...base, token: 'tok002aaaa', expiresAt: new Date(Date.now() - 1).toISOString() });
    const [first, second] = await Promise.all([choices.take('tok001aaaa'), choices.take('tok001aaaa')]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await choices.purgeExpired(new Date())).toBe(1);
    expect(await choices.get('tok002aaaa')).toBeUndefined();
  });
});
