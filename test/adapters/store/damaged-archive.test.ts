/**
 * requests-archive.jsonl is append-only, so a crash mid-append leaves half a line at its end.
 * That half line must cost only itself: the next finished request is still read back, and the
 * fragment is kept (in a quarantine file), with a log line saying where it was.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbFile } from '../../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { newRequest, transition } from '../../../src/core/media/request-lifecycle.js';
import type { UserRef } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

const user: UserRef = { platform: 'telegram', userId: '1', chatId: '1' };
const ARCHIVE = 'requests-archive.jsonl';

function open(dir: string, logger = new CaptureLogger()) {
  LowdbFile.forget(join(dir, 'requests.json'));
  return LowdbRequestStore.open(dir, logger);
}

function finished(id: string) {
  const r = newRequest(id, user, { text: `add ${id}`, title: id }, new Date());
  transition(r, 'available', 'cron', new Date());
  return r;
}

describe('GIVEN a crash cut the last line of the archive short', () => {
  it('THEN the next finished request is still there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    writeFileSync(
      join(dir, ARCHIVE),
      `${JSON.stringify(finished('done01'))}\n{"id":"torn01","status":"avail`,
    );

    const store = await open(dir);
    await store.insert(newRequest('next01', user, { text: 'add Heat', title: 'Heat' }, new Date()));
    await store.update('next01', (r) => transition(r, 'available', 'cron', new Date()));

    const again = await open(dir);
    expect((await again.get('next01'))?.status).toBe('available');
    expect((await again.get('done01'))?.status).toBe('available');
  });

  it('THEN the half line is logged with file and line, and the next write moves it to the quarantine file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const torn = '{"id":"torn01","status":"avail';
    writeFileSync(join(dir, ARCHIVE), `${JSON.stringify(finished('done01'))}\n${torn}`);
    const log = new CaptureLogger();

    const store = await open(dir, log);
    const line = log.entries.find((e) => e.obj.file === join(dir, ARCHIVE));
    expect(line?.level).toBe('error');
    expect(line?.obj).toMatchObject({ id: 'line 2' });

    await store.insert(finished('next01'));
    const quarantined = readFileSync(join(dir, `${ARCHIVE}.quarantine.jsonl`), 'utf8');
    expect(JSON.parse(quarantined.trim())).toMatchObject({ id: 'line 2', record: torn });
    expect(readFileSync(join(dir, ARCHIVE), 'utf8')).not.toContain('torn01');
  });
});

describe('GIVEN archive lines that parse but are not requests', () => {
  it('THEN each is quarantined by id and the others load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const partial = { id: 'part01', status: 'failed' };
    writeFileSync(
      join(dir, ARCHIVE),
      [JSON.stringify(finished('good01')), 'null', '{}', JSON.stringify(partial)].join('\n') + '\n',
    );
    const log = new CaptureLogger();

    const store = await open(dir, log);
    expect((await store.list()).map((r) => r.id)).toEqual(['good01']);
    expect((await store.list({ user: 'telegram:1' })).map((r) => r.id)).toEqual(['good01']);
    const named = log.entries.filter((e) => e.obj.file === join(dir, ARCHIVE)).map((e) => e.obj.id);
    expect(named).toEqual(['line 2', 'line 3', 'part01']);

    await store.insert(finished('next01'));
    const kept = readFileSync(join(dir, `${ARCHIVE}.quarantine.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(kept.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['line 2', 'line 3', 'part01']);
    expect(existsSync(join(dir, ARCHIVE))).toBe(true);
    expect((await (await open(dir)).list()).map((r) => r.id).sort()).toEqual(['good01', 'next01']);
  });

  it('THEN an append after a failed append starts on a line of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-archive-'));
    const store = await open(dir);
    await store.insert(finished('one001'));
    // What a disk-full error mid-append leaves behind.
    appendFileSync(join(dir, ARCHIVE), '{"id":"half01"');
    await store.insert(finished('two002'));
    expect((await (await open(dir)).get('two002'))?.status).toBe('available');
  });
});
