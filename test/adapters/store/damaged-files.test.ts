/**
 * requests.json and choices.json as a damaged disk, a bad restore or a hand edit leave them. What
 * can be read is loaded, what cannot is kept (the whole file beside it, bad records in a
 * quarantine file), and each problem is one error line naming the file and the record.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbChoiceStore } from '../../../adapters/store/choice-store.js';
import { LowdbFile } from '../../../adapters/store/lowdb-file.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { SCHEMA_VERSION } from '../../../adapters/store/schema.js';
import { newRequest } from '../../../src/core/media/request-lifecycle.js';
import type { MediaRequest, UserRef } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { alice as worldAlice, startWorld } from '../../helpers/world.js';

const alice: UserRef = { platform: 'telegram', userId: '1', chatId: '1' };

function requests(n: number): MediaRequest[] {
  return Array.from({ length: n }, (_, i) =>
    newRequest(`open${String(i).padStart(2, '0')}`, alice, { text: `add M${i}`, title: `M${i}` }, new Date()),
  );
}

function folderWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reelbot-damaged-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

async function open(dir: string, logger: CaptureLogger) {
  LowdbFile.forget(join(dir, 'requests.json'));
  return LowdbRequestStore.open(dir, logger);
}

const errorsAbout = (log: CaptureLogger, file: string) =>
  log.entries.filter((e) => e.level === 'error' && e.obj.file === file);

const quarantined = (path: string) =>
  readFileSync(`${path}.quarantine.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; reason: string; record: unknown });

describe('GIVEN requests.json has the wrong shape', () => {
  it('a list instead of {version, requests}: the 10 open requests load, the original is kept aside and the problem logged', async () => {
    const text = JSON.stringify(requests(10));
    const dir = folderWith('requests.json', text);
    const file = join(dir, 'requests.json');
    const log = new CaptureLogger();

    const store = await open(dir, log);
    expect(await store.list()).toHaveLength(10);
    const [err] = errorsAbout(log, file);
    expect(String(err?.obj.problem)).toMatch(/list/);
    const aside = readdirSync(dir).find((f) => f.startsWith('requests.json.corrupt-'));
    expect(readFileSync(join(dir, aside ?? 'none'), 'utf8')).toBe(text);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { version: number; requests: unknown[] };
    expect(rewritten.version).toBe(SCHEMA_VERSION);
    expect(rewritten.requests).toHaveLength(10);
    expect((await (await open(dir, new CaptureLogger())).list()).length).toBe(10);
  });

  it('an object where the list belongs: its records load', async () => {
    const byId = Object.fromEntries(requests(3).map((r) => [r.id, r]));
    const dir = folderWith('requests.json', JSON.stringify({ version: SCHEMA_VERSION, requests: byId }));
    const log = new CaptureLogger();
    const store = await open(dir, log);
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['open00', 'open01', 'open02']);
    expect(String(errorsAbout(log, join(dir, 'requests.json'))[0]?.obj.problem)).toMatch(/object/);
  });

  it('a file that is only `null` or `[]`: logged and kept aside, never replaced in silence', async () => {
    for (const text of ['null', '[]', '"requests"']) {
      const dir = folderWith('requests.json', text);
      const log = new CaptureLogger();
      expect(await (await open(dir, log)).list()).toEqual([]);
      expect(errorsAbout(log, join(dir, 'requests.json'))).toHaveLength(1);
      expect(readdirSync(dir).some((f) => f.startsWith('requests.json.corrupt-'))).toBe(true);
    }
  });
});

describe('GIVEN single bad records in requests.json', () => {
  it('`{}`, `null` and a partial request are quarantined by id; the rest loads and answers by user', async () => {
    const good = requests(2);
    const partial = { id: 'part01', status: 'approved', user: alice };
    const dir = folderWith(
      'requests.json',
      JSON.stringify({ version: SCHEMA_VERSION, requests: [good[0], {}, null, partial, good[1]] }),
    );
    const file = join(dir, 'requests.json');
    const log = new CaptureLogger();

    const store = await open(dir, log);
    expect((await store.list({ user: 'telegram:1' })).map((r) => r.id).sort()).toEqual(['open00', 'open01']);
    expect(await store.list({ status: ['approved'] })).toEqual([]);
    expect(errorsAbout(log, file).map((e) => e.obj.id)).toEqual(['#1', '#2', 'part01']);
    const kept = quarantined(file);
    expect(kept.map((q) => q.id)).toEqual(['#1', '#2', 'part01']);
    expect(kept[2]?.record).toEqual(partial);
    expect(kept[2]?.reason).toMatch(/query/);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { requests: { id: string }[] };
    expect(rewritten.requests.map((r) => r.id)).toEqual(['open00', 'open01']);
  });

  it('a field the core does not know yet is kept, not stripped', async () => {
    const [r] = requests(1);
    const dir = folderWith(
      'requests.json',
      JSON.stringify({ version: SCHEMA_VERSION, requests: [{ ...r, note: 'kept' }] }),
    );
    const store = await open(dir, new CaptureLogger());
    await store.update('open00', (x) => void (x.attempts = 1));
    const written = JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as {
      requests: Record<string, unknown>[];
    };
    expect(written.requests[0]).toMatchObject({ note: 'kept', attempts: 1 });
  });
});

describe('GIVEN bad records in choices.json', () => {
  it('THEN they are quarantined and the good buttons still work', async () => {
    const good = {
      token: 'tok001aaaa',
      owner: 'telegram:1',
      purpose: 'media.pick',
      values: ['a'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const dir = folderWith(
      'choices.json',
      JSON.stringify({ version: SCHEMA_VERSION, choices: [good, { token: 'tok002bbbb' }, 7] }),
    );
    const file = join(dir, 'choices.json');
    const log = new CaptureLogger();
    LowdbFile.forget(file);
    const choices = await LowdbChoiceStore.open(dir, log);
    expect(await choices.take('tok001aaaa')).toBe(true);
    expect(await choices.purgeExpired(new Date())).toBe(0);
    expect(errorsAbout(log, file).map((e) => e.obj.id)).toEqual(['tok002bbbb', '#2']);
    expect(quarantined(file).map((q) => q.id)).toEqual(['tok002bbbb', '#2']);
  });
});

describe('GIVEN the bot starts on a requests.json with a `{}` and a partial record', () => {
  it('THEN `requests` answers every user and the cron runs', async () => {
    const dataDir = folderWith(
      'requests.json',
      JSON.stringify({
        version: SCHEMA_VERSION,
        requests: [
          newRequest('good01', worldAlice, { text: 'add Heat', title: 'Heat' }, new Date()),
          {},
          { id: 'part01', status: 'approved', user: worldAlice },
        ],
      }),
    );
    const world = await startWorld({ dataDir, musicbrainz: false, sonarr: false, lidarr: false });
    try {
      const mine = await world.say('requests', worldAlice);
      expect(mine.code).toBe('requests.list');
      expect(mine.text).toContain('Heat');
      await expect(world.app.core.processPending()).resolves.toBeDefined();
    } finally {
      await world.close();
    }
  });
});
