/**
 * "vocab Inception in French" end to end: parseVocab → the service createVocab wires (IMSDb
 * client, script cache, CEFR lists, wink-nlp, JSON store) → a fake IMSDb on 127.0.0.1.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVocab } from '../../../adapters/vocab/create-vocab.js';
import { vocabEnv } from '../../../src/config/vocab-env.js';
import type { Logger } from '../../../src/core/ports.js';
import type { IncomingMessage, Platform } from '../../../src/core/types.js';
import { parseVocab } from '../../../src/core/commands/parse-vocab.js';
import type { TitleResolver } from '../../../src/core/vocab/ports.js';
import type { MovieVocab } from '../../../src/core/vocab/types.js';
import type { VocabService } from '../../../src/core/vocab/vocab-service.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const srt = readFileSync(new URL('../../fixtures/imsdb/dream-heist.srt', import.meta.url), 'utf8');

let imsdb: FakeImsdb;
let dataDir: string;

beforeAll(async () => {
  imsdb = await startFakeImsdb();
});
afterAll(() => imsdb.close());
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'reelbot-vocab-'));
  imsdb.calls.length = 0;
  imsdb.fail(null);
  imsdb.setLatency(0);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function bot(env: Record<string, string> = {}, titles?: TitleResolver): Promise<VocabService> {
  const parsed = vocabEnv.parse({ IMSDB_BASE_URL: imsdb.url, SCRIPT_TIMEOUT_MS: '2000', ...env });
  return (await createVocab({ ...parsed, DATA_DIR: dataDir }, quiet, titles ? { titles } : {})).service;
}

function msg(
  text: string,
  platform: Platform = 'telegram',
  userId = '42',
  attachment?: IncomingMessage['attachment'],
) {
  const m: IncomingMessage = { user: { platform, userId, chatId: userId }, text };
  if (attachment) m.attachment = attachment;
  return m;
}

async function ask(service: VocabService, rest: string, m = msg(`vocab ${rest}`)) {
  const parsed = parseVocab(rest);
  if (!parsed.ok) throw new Error(parsed.text);
  return service.handle(parsed.command, m);
}

function stored(key: string): MovieVocab {
  return JSON.parse(readFileSync(join(dataDir, 'vocab', `${key}.json`), 'utf8')) as MovieVocab;
}

describe('GIVEN "vocab Inception in French"', () => {
  it('THEN the reply has the profile, the coverage and the B1+ words with level, source and a line', async () => {
    const reply = await ask(await bot(), 'Inception in French');
    expect(reply.code).toBe('vocab.profile');
    const t = reply.text;
    expect(t).toMatch(/^Inception: vocabulary from the IMSDb script/);
    expect(t).toContain('For a French speaker (fr).');
    expect(t).toMatch(/running words · \d+ distinct words/);
    expect(t).toMatch(/^A1 +\d+ █+/m);
    expect(t).toMatch(/^C2 +\d+ █/m);
    expect(t).toMatch(/A1 \d+% · A2 \d+% · B1 \d+% · B2 \d+% · C1 \d+% · C2 \d+%/);
    expect(t).toMatch(/^B1\+ words, most frequent first \(1–15 of \d+, page 1 of \d+\):$/m);
    expect(t).toContain('• abandon (verb) B1 CEFR-J ×3: “You abandoned the plan the moment you walked in.”');
    expect(t).toMatch(/• totem \(noun\) ~C1 estimated ×2: “.*totem.*”/);
    expect(t.length).toBeLessThanOrEqual(3500);
    const listed = t.split('\n').filter((l) => l.startsWith('• '));
    expect(listed.length).toBeGreaterThan(10);
    for (const line of listed) {
      expect(line).not.toMatch(/^• (cobb|saito|arthur|eames|yusuf|ariadne|mal|mombasa) /);
      expect(line).toMatch(/ ~?(B1|B2|C1|C2) /);
    }
  });

  it('THEN the full list is stored per movie, and the script cached, both atomically', async () => {
    await ask(await bot(), 'Inception in French');
    const v = stored('inception');
    expect(v).toMatchObject({
      key: 'inception',
      title: 'Inception',
      script: { source: 'IMSDb', format: 'screenplay' },
    });
    const abandon = v.entries.find((e) => e.lemma === 'abandon');
    expect(abandon).toMatchObject({ pos: 'verb', level: 'B1', source: 'CEFR-J', count: 3 });
    expect(abandon?.sentences.map((i) => v.sentences[i]?.text)).toContain(
      'You abandoned the plan the moment you walked in.',
    );
    expect(v.entries.some((e) => e.source === 'estimated')).toBe(true);
    expect(v.entries.every((e) => e.sentences.every((i) => v.sentences[i] !== undefined))).toBe(true);
    const cached = JSON.parse(readFileSync(join(dataDir, 'scripts', 'inception.json'), 'utf8')) as {
      script: { text: string };
    };
    expect(cached.script.text).toContain('Every dream starts in the middle');
    for (const dir of ['vocab', 'scripts'])
      expect(readdirSync(join(dataDir, dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('THEN a level filter lists only those levels', async () => {
    const t = (await ask(await bot(), 'Inception fr C1-C2')).text;
    expect(t).toMatch(/^C1\+ words, most frequent first/m);
    const listed = t.split('\n').filter((l) => l.startsWith('• '));
    expect(listed.length).toBeGreaterThan(3);
    for (const line of listed) expect(line).toMatch(/ ~?C[12] /);
  });

  it('THEN a long list comes in pages that fit, with buttons for the next page and the other levels', async () => {
    const reply = await ask(await bot({ VOCAB_REPLY_MAX_CHARS: '1200' }), 'Inception B1+');
    expect(reply.text.length).toBeLessThanOrEqual(1200);
    expect(reply.text).toMatch(/^B1\+ words, most frequent first \(1–15 of (\d+), page 1 of \d+\):$/m);
    const labels = (reply.buttons ?? []).flat().map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['Next ›', '★ B1+', 'A1', 'C2', 'Export for Anki']));
  });
});

describe('GIVEN two people asking for the same movie at once', () => {
  it('THEN the script is fetched once, and later asks are answered from the store', async () => {
    imsdb.setLatency(150);
    const service = await bot();
    const [a, b] = await Promise.all([
      ask(service, 'Inception in French', msg('vocab Inception in French', 'telegram', '1')),
      ask(service, 'inception in German', msg('vocab inception in German', 'discord', '2')),
    ]);
    expect(a.code).toBe('vocab.profile');
    expect(b.code).toBe('vocab.profile');
    expect(b.text).toContain('For a German speaker (de).');
    expect(imsdb.scriptFetches()).toBe(1);

    await ask(service, 'Inception B2');
    const restarted = await bot();
    expect((await ask(restarted, 'Inception in Spanish')).code).toBe('vocab.profile');
    expect(imsdb.scriptFetches()).toBe(1);
  });

  it('THEN a cached script is not fetched again even when the analysis must be redone', async () => {
    await ask(await bot(), 'Inception');
    rmSync(join(dataDir, 'vocab'), { recursive: true });
    expect((await ask(await bot(), 'Inception')).code).toBe('vocab.profile');
    expect(imsdb.scriptFetches()).toBe(1);
  });
});

describe('GIVEN a subtitle file sent with the command', () => {
  it('THEN the .srt is the script, and IMSDb is not asked', async () => {
    const reply = await ask(
      await bot(),
      'Dream Heist in French',
      msg('vocab Dream Heist in French', 'telegram', '42', { filename: 'dream-heist.srt', content: srt }),
    );
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Dream Heist: vocabulary from your subtitle file/);
    expect(reply.text).toContain('• abandon (verb) B1 CEFR-J ×2');
    expect(reply.text).not.toContain('THUNDER');
    expect(imsdb.calls).toHaveLength(0);
  });

  it('THEN "vocab in French" with the file takes the title from the file name', async () => {
    const reply = await ask(
      await bot(),
      'in French',
      msg('vocab in French', 'discord', '7', { filename: 'dream-heist.en.srt', content: srt }),
    );
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Dream Heist: vocabulary from your subtitle file/);
  });

  it('THEN without a file or a title it asks which movie', async () => {
    expect(await ask(await bot(), 'in French')).toMatchObject({ code: 'vocab.emptyTitle' });
  });

  it('THEN a subtitle file with nothing usable in it gets a clear answer naming the file', async () => {
    const service = await bot();
    const reply = (content: string) =>
      ask(service, 'Heist', msg('vocab Heist', 'telegram', '42', { filename: 'heist.srt', content }));
    expect(await reply('no timings here')).toMatchObject({
      code: 'vocab.fileNotScript',
      text: expect.stringContaining('heist.srt'),
    });
    expect(await reply('1\n00:00:01,000 --> 00:00:02,000\nHi.\n')).toMatchObject({
      code: 'vocab.fileTooShort',
      text: expect.stringContaining('3 characters'),
    });
  });

  it('THEN a file that is not subtitles is refused by name', async () => {
    const reply = await ask(
      await bot(),
      'Inception',
      msg('vocab Inception', 'telegram', '42', { filename: 'poster.jpg', content: 'xx' }),
    );
    expect(reply).toMatchObject({
      code: 'vocab.attachmentUnsupported',
      text: expect.stringContaining('poster.jpg'),
    });
  });
});

describe('GIVEN no usable script', () => {
  it.each([
    ['Nothing Like This', 'vocab.noScript', /no script for Nothing Like This on IMSDb.*\.srt/],
    ['Untitled Project', 'vocab.scriptTooShort', /too short to grade \(39 characters/],
    ['Huge Script', 'vocab.scriptTooLarge', /over 2 MB/],
    ['Maintenance Mode', 'vocab.notAScript', /not a script page \(application\/json\)/],
  ])('%s → %s, a clear answer', async (title, code, text) => {
    const reply = await ask(await bot(), `${title} in French`);
    expect(reply.code).toBe(code);
    expect(reply.text).toMatch(text);
    expect(readdirSync(dataDir)).not.toContain('vocab');
  });

  it('THEN IMSDb being down is said, and nothing throws', async () => {
    const service = await bot({ IMSDB_BASE_URL: 'http://127.0.0.1:9', SCRIPT_TIMEOUT_MS: '500' });
    const reply = await ask(service, 'Inception in French');
    expect(reply).toMatchObject({ code: 'vocab.sourceDown', text: expect.stringContaining('IMSDb') });
  });

  it('THEN a miss is remembered for a while instead of asking IMSDb again at once', async () => {
    const service = await bot();
    await ask(service, 'Nothing Like This');
    const calls = imsdb.calls.length;
    expect((await ask(service, 'Nothing Like This')).code).toBe('vocab.noScript');
    expect(imsdb.calls.length).toBe(calls);
  });
});

describe('GIVEN a canonical title from the catalog', () => {
  it('THEN the stored key and the header carry the year', async () => {
    const titles: TitleResolver = { resolve: async () => ({ title: 'Inception', year: 2010 }) };
    const reply = await ask(await bot({}, titles), 'inception in French');
    expect(reply.text).toMatch(/^Inception \(2010\): vocabulary/);
    expect(stored('inception-2010').year).toBe(2010);
  });

  it('THEN a failing catalog falls back to the title as typed', async () => {
    const titles: TitleResolver = {
      resolve: async () => {
        throw new Error('tmdb down');
      },
    };
    expect((await ask(await bot({}, titles), 'inception')).code).toBe('vocab.profile');
    expect(stored('inception').title).toBe('Inception');
  });
});

describe('GIVEN a path to a local script', () => {
  it('THEN the terminal may use it', async () => {
    const file = join(dataDir, 'heist.srt');
    writeFileSync(file, srt);
    const reply = await ask(await bot(), `${file} in French`, msg(`vocab ${file} in French`, 'terminal'));
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Heist: vocabulary from the file heist\.srt/);
  });

  it('THEN a path that does not exist is said so', async () => {
    const reply = await ask(await bot(), '/nowhere/heist.txt', msg('vocab /nowhere/heist.txt', 'terminal'));
    expect(reply).toMatchObject({ code: 'vocab.fileNotFound', text: 'There is no file “heist.txt”.' });
  });

  it('THEN a chat user may not name files on the server', async () => {
    const reply = await ask(await bot(), '/etc/passwd.txt', msg('vocab /etc/passwd.txt', 'telegram'));
    expect(reply.code).toBe('vocab.pathNotAllowed');
  });
});
