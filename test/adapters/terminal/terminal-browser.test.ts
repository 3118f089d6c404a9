/**
 * The vocabulary browser in the terminal: the real App with the terminal chat, against fake IMSDb
 * and DeepL. Words are numbered; `n` and `p` turn pages, a level typed as a word opens its tab,
 * a number opens a word, `b` goes back; when the job ends, the page is printed again with each
 * word's translation beside it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalAdapter } from '../../../adapters/chat/terminal/terminal-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';

const DEEPL_KEY = 'deepl-terminal-key-0006:fx';
let imsdb: FakeImsdb;
let deepl: FakeDeepl;
let app: App;
const input = new PassThrough();
const output = new PassThrough();
let printed = '';
output.on('data', (d: Buffer) => (printed += d.toString()));

beforeAll(async () => {
  [imsdb, deepl] = await Promise.all([startFakeImsdb(), startFakeDeepl({ apiKey: DEEPL_KEY })]);
  app = await createApp(
    loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-terminal-browser-')),
      LOG_LEVEL: 'silent',
      MUSICBRAINZ_ENABLED: 'false',
      IMSDB_BASE_URL: imsdb.url,
      DEEPL_API_KEY: DEEPL_KEY,
      DEEPL_BASE_URL: deepl.url,
    }),
    { startCron: false },
  );
  app.attach(new TerminalAdapter({ input, output, interactive: false }));
  await app.start();
});

afterAll(async () => {
  await app.stop();
  await Promise.all([imsdb.close(), deepl.close()]);
});

/** Type `line`, and resolve with what is printed once `shows` matches it. */
async function type(line: string, shows: RegExp): Promise<string> {
  const from = printed.length;
  input.write(`${line}\n`);
  const end = Date.now() + 15_000;
  while (!shows.test(printed.slice(from))) {
    if (Date.now() > end) throw new Error(`"${line}" never printed ${shows}; got:\n${printed.slice(from)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return printed.slice(from);
}

describe('browsing a list in the terminal', () => {
  it('numbers, n / p, a level, a number, b, and the page printed again with its translations', async () => {
    const release = deepl.hold();
    try {
      const first = await type('vocab Inception in French', /for another language\./);
      expect(first).toContain('B1+ words, most frequent first (1–20 of 67, page 1 of 4):');
      expect(first).toMatch(/^2\. abandon \(verb\) B1 CEFR-J ×3: “You abandoned the plan/m);
      expect(first).toContain(
        'Type a number to open a word · n / p for the next or previous page · B1+ A1 A2 B1 B2 C1 C2 for a level · e to export for Anki · l for another language.',
      );
      expect(await type('n', /page 2 of 4/)).toMatch(/^21\. explosion \(noun\)/m);
      expect(await type('p', /page 1 of 4/)).toMatch(/^1\. fold \(verb\)/m);
      const b2 = await type('B2', /B2 words, most frequent first \(1–20 of 20, page 1 of 1\)/);
      expect(b2).toMatch(/^3\. barefoot \(noun\) ~B2 estimated/m);
      const word = await type('1', /Type b to go back/);
      expect(word).toContain('corridor (noun) · B2 (CEFR-J) · ×3 in Inception');
      expect(word).toContain('French: translating… (0 of 187 words done)');
    } finally {
      release();
    }
    // The job ends: the word is printed again, translated, with its examples'.
    const end = Date.now() + 15_000;
    while (!/🔔 corridor \(noun\)[^]*French: fr:corridor[^]*→ fr:You build it/.test(printed)) {
      if (Date.now() > end) throw new Error(`the word was not printed again:\n${printed.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const back = await type('b', /B2 words/);
    expect(back).toMatch(/^1\. corridor = fr:corridor \(noun\) B2 CEFR-J ×3/m);
    expect(back).toMatch(/^2\. ceiling = fr:ceiling \(noun\)/m);
  }, 40_000);
});
