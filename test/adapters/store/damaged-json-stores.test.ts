/**
 * The vocabulary and job files (one JSON file per movie or job) follow the same rule as the
 * request files: a file that does not parse or is not a record is kept beside its place (so the
 * next write cannot overwrite it), with an error line naming the file and its key; the others load.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonJobStore } from '../../../adapters/store/json-job-store.js';
import { JsonVocabStore } from '../../../adapters/store/json-vocab-store.js';
import type { EnrichmentJob } from '../../../src/core/vocab/enrichment/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

function job(key: string): EnrichmentJob {
  const at = new Date().toISOString();
  return {
    key,
    movieKey: key.split('--')[0] ?? key,
    title: 'Heat',
    language: 'de',
    status: 'queued',
    total: 1,
    done: 0,
    translator: 'DeepL',
    words: {},
    sentences: {},
    chars: { words: 0, sentences: 0 },
    requests: 1,
    askers: [],
    createdBy: 'telegram:1',
    createdAt: at,
    updatedAt: at,
  };
}

function jobsDir(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'reelbot-jobs-')), 'jobs');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('GIVEN damaged job files', () => {
  it('THEN the good ones list, each bad one is set aside with a log line, and nothing overwrites it', async () => {
    const torn = '{"key":"heat-1995--fr","movieKey":"heat-1995","tit';
    const partial = JSON.stringify({ key: 'heat-1995--es', status: 'running' });
    const dir = jobsDir({
      'heat-1995--de.json': JSON.stringify(job('heat-1995--de')),
      'heat-1995--fr.json': torn,
      'heat-1995--es.json': partial,
    });
    const log = new CaptureLogger();
    const jobs = new JsonJobStore(dir, log);

    expect((await jobs.list()).map((j) => j.key)).toEqual(['heat-1995--de']);
    const errors = log.entries.filter((e) => e.level === 'error');
    expect(errors.map((e) => e.obj.file).sort()).toEqual([
      join(dir, 'heat-1995--es.json'),
      join(dir, 'heat-1995--fr.json'),
    ]);
    expect(errors.find((e) => e.obj.file === join(dir, 'heat-1995--es.json'))?.obj.id).toBe('heat-1995--es');

    await jobs.put(job('heat-1995--fr'));
    const aside = readdirSync(dir).filter((f) => f.startsWith('heat-1995--fr.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(torn);
    expect((await jobs.list()).map((j) => j.key).sort()).toEqual(['heat-1995--de', 'heat-1995--fr']);
  });
});

describe('GIVEN a vocabulary file that is not a vocabulary', () => {
  it('THEN it reads as absent (analysed again), and the file is kept aside with a log line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reelbot-vocab-'));
    writeFileSync(join(dir, 'heat-1995.json'), '{"key":"heat-1995","entries":"none"}');
    const log = new CaptureLogger();
    expect(await new JsonVocabStore(dir, log).get('heat-1995')).toBeUndefined();
    expect(log.entries.find((e) => e.level === 'error')?.obj).toMatchObject({
      file: join(dir, 'heat-1995.json'),
      id: 'heat-1995',
    });
    expect(readdirSync(dir).some((f) => f.startsWith('heat-1995.json.corrupt-'))).toBe(true);
  });
});

describe('GIVEN two movies whose titles are in a script a file name cannot hold', () => {
  it('THEN each keeps a file of its own: neither overwrites the other', async () => {
    const dir = jobsDir({});
    const jobs = new JsonJobStore(dir);
    const keys = ['брат-2001--de', '千と千尋の神隠し-2001--de', 'heat-1995--de'];
    for (const key of keys) await jobs.put(job(key));
    for (const key of keys) expect((await jobs.get(key))?.key).toBe(key);
    expect(readdirSync(dir)).toHaveLength(3);
    // Latin-script keys keep the plain file names they always had.
    expect(readdirSync(dir)).toContain('heat-1995--de.json');
  });
});
