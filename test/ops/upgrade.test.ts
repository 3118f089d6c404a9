/**
 * Upgrading keeps old data readable: a requests.json from schema 1 (before approvals existed)
 * opens, is migrated, and is written back as the current schema; one from a newer release is
 * refused with a sentence rather than misread.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbFile } from '../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../adapters/store/request-store.js';
import { migrateRequests, SCHEMA_VERSION } from '../../adapters/store/schema.js';
import { newRequest } from '../../src/core/media/request-lifecycle.js';
import { alice } from '../helpers/world.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) LowdbFile.forget(join(d, 'requests.json'));
});

function folderWith(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-upgrade-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'requests.json'), JSON.stringify(content));
  return dir;
}

describe('data file versioning', () => {
  it('GIVEN a schema-1 file (or one with no version) THEN it opens, and the next write stores the current schema', async () => {
    const old = newRequest(
      'old001',
      alice,
      { text: 'add Heat', title: 'Heat' },
      new Date('2024-01-01T00:00:00Z'),
    );
    const dir = folderWith({ requests: [old] });
    const store = await LowdbRequestStore.open(dir);
    expect((await store.get('old001'))?.query.title).toBe('Heat');
    await store.update('old001', (r) => void (r.status = 'awaiting_approval'));
    const written = JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as { version: number };
    expect(written.version).toBe(SCHEMA_VERSION);
  });

  it('GIVEN a file from a newer release THEN it is refused with what to do', async () => {
    const dir = folderWith({ version: SCHEMA_VERSION + 1, requests: [] });
    await expect(LowdbRequestStore.open(dir)).rejects.toThrow(/written by a newer reelbot .*upgrade reelbot/);
  });

  it('runs each step in order', () => {
    const data = { version: 1, requests: [] };
    migrateRequests(data);
    expect(data.version).toBe(SCHEMA_VERSION);
  });
});
