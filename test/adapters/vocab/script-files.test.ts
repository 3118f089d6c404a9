/** The on-disk pieces: the script cache, the vocabulary store and local script files. */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonVocabStore } from '../../../adapters/store/json-vocab-store.js';
import { LocalFileScriptSource } from '../../../adapters/vocab/local-file-script-source.js';
import { CachedScriptSource } from '../../../adapters/vocab/script-cache.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../../src/core/vocab/ports.js';
import type { MovieVocab } from '../../../src/core/vocab/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelbot-vocab-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A script source that answers slowly and counts its calls. */
class SlowSource implements ScriptSource {
  readonly name = 'slow';
  readonly kind = 'screenplay' as const;
  calls: ScriptQuery[] = [];
  constructor(private readonly answer: ScriptLookup) {}
  async find(query: ScriptQuery): Promise<ScriptLookup> {
    this.calls.push(query);
    await new Promise((r) => setTimeout(r, 50));
    return this.answer;
  }
}

const found: ScriptLookup = {
  found: true,
  script: { format: 'screenplay', text: 'INT. ROOM - DAY\n\nA chair.', source: 'slow', origin: 'x' },
};

describe('GIVEN the script cache', () => {
  it('THEN concurrent asks for one movie make one fetch, and a new process reads the file', async () => {
    const inner = new SlowSource(found);
    const cache = new CachedScriptSource(inner, { dir: join(dir, 'scripts') });
    const signal = AbortSignal.timeout(5000);
    const answers = await Promise.all(
      [1, 2, 3].map(() => cache.find({ title: 'Inception', year: 2010 }, signal)),
    );
    expect(answers).toEqual([found, found, found]);
    expect(inner.calls).toHaveLength(1);
    expect(readdirSync(join(dir, 'scripts'))).toEqual(['inception-2010.json']);

    const again = new CachedScriptSource(inner, { dir: join(dir, 'scripts') });
    expect(await again.find({ title: 'Inception', year: 2010 }, signal)).toEqual(found);
    expect(inner.calls).toHaveLength(1);
  });

  it('THEN a miss is not cached, and a damaged file is fetched again', async () => {
    const missing = new SlowSource({ found: false, miss: 'not_found' });
    const cache = new CachedScriptSource(missing, { dir });
    await cache.find({ title: 'Nope' }, AbortSignal.timeout(5000));
    await cache.find({ title: 'Nope' }, AbortSignal.timeout(5000));
    expect(missing.calls).toHaveLength(2);

    writeFileSync(join(dir, 'broken.json'), '{"key": "broken", "script": ');
    const inner = new SlowSource(found);
    expect(
      await new CachedScriptSource(inner, { dir }).find({ title: 'Broken' }, AbortSignal.timeout(5000)),
    ).toEqual(found);
    expect(inner.calls).toHaveLength(1);
  });
});

describe('GIVEN the vocabulary store', () => {
  const vocab: MovieVocab = {
    key: 'inception-2010',
    title: 'Inception',
    year: 2010,
    script: { source: 'IMSDb', format: 'screenplay', characters: 1234 },
    analysisVersion: 1,
    analysedAt: '2026-11-21T10:00:00.000Z',
    profile: {
      runningWords: 10,
      distinctWords: 1,
      perLevel: { A1: 0, A2: 0, B1: 1, B2: 0, C1: 0, C2: 0 },
      estimated: 0,
      unlisted: 0,
      coverage: { A1: 0.9, A2: 0.9, B1: 1, B2: 1, C1: 1, C2: 1 },
    },
    entries: [
      {
        lemma: 'abandon',
        pos: 'verb',
        level: 'B1',
        source: 'CEFR-J',
        count: 1,
        forms: ['abandoned'],
        sentences: [0],
      },
    ],
    sentences: [{ text: 'You abandoned the plan.', kind: 'dialogue', speaker: 'ARTHUR' }],
  };

  it('THEN what is put comes back, from one file per movie, with no temp file left', async () => {
    const store = new JsonVocabStore(dir);
    await store.put(vocab);
    expect(await store.get('inception-2010')).toEqual(vocab);
    expect(readdirSync(dir)).toEqual(['inception-2010.json']);
    expect(await store.get('heat-1995')).toBeUndefined();
  });

  it('THEN concurrent writes of one movie leave one whole file', async () => {
    const store = new JsonVocabStore(dir);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.put({ ...vocab, analysedAt: `2026-11-21T10:00:0${i}.000Z` }),
      ),
    );
    expect(readdirSync(dir)).toEqual(['inception-2010.json']);
    expect(JSON.parse(readFileSync(join(dir, 'inception-2010.json'), 'utf8'))).toMatchObject({
      key: 'inception-2010',
    });
  });

  it('THEN a damaged or foreign file reads as absent, so the movie is analysed again', async () => {
    writeFileSync(join(dir, 'inception-2010.json'), '{"key":"inception-2010","entries":"nope"}');
    expect(await new JsonVocabStore(dir).get('inception-2010')).toBeUndefined();
    writeFileSync(join(dir, 'inception-2010.json'), '{"key": ');
    expect(await new JsonVocabStore(dir).get('inception-2010')).toBeUndefined();
  });
});

describe('GIVEN a local script file (terminal)', () => {
  const files = () => new LocalFileScriptSource({ cwd: dir, maxBytes: 100_000 });

  it('THEN a saved IMSDb page is read through its script block', async () => {
    writeFileSync(
      join(dir, 'inception.html'),
      readFileSync(new URL('../../fixtures/imsdb/inception.html', import.meta.url)),
    );
    const r = await files().read('inception.html');
    expect(r).toMatchObject({
      found: true,
      script: { format: 'screenplay', source: 'file', origin: 'inception.html' },
    });
    expect(r.found && r.script.text).toContain('That’s the');
  });

  it('THEN plain text is a screenplay and subtitles are a transcript', async () => {
    writeFileSync(join(dir, 'a.txt'), 'INT. ROOM - DAY\n\nA chair.');
    writeFileSync(join(dir, 'b.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello there.\n');
    expect(await files().read('a.txt')).toMatchObject({ found: true, script: { format: 'screenplay' } });
    expect(await files().read('b.srt')).toMatchObject({
      found: true,
      script: { format: 'transcript', text: 'Hello there.' },
    });
  });

  it('THEN a missing file, a directory and a file over the cap are misses', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(100_001));
    mkdirSync(join(dir, 'folder.txt'), { recursive: true });
    expect(await files().read('nope.txt')).toMatchObject({ found: false, miss: 'not_found' });
    expect(await files().read('folder.txt')).toMatchObject({ found: false, miss: 'not_found' });
    expect(await files().read('big.txt')).toMatchObject({ found: false, miss: 'too_large' });
  });

  it('THEN /proc files, and links to them named like scripts, are never read', async () => {
    symlinkSync('/proc/self/environ', join(dir, 'environ.txt'));
    expect(await files().read('/proc/self/environ')).toMatchObject({ found: false, miss: 'not_script' });
    expect(await files().read('environ.txt')).toMatchObject({ found: false, miss: 'not_script' });
    expect(await files().read('/etc/hostname')).toMatchObject({ found: false, miss: 'not_script' });
  });
});
