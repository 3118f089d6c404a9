import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detailScriptLink, scriptPath, searchHits } from '../../../adapters/vocab/imsdb-pages.js';
import { ImsdbScriptSource } from '../../../adapters/vocab/imsdb-script-source.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { ScriptLookup } from '../../../src/core/vocab/ports.js';
import { parseScreenplay } from '../../../src/core/vocab/screenplay.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';

let imsdb: FakeImsdb;
let source: ImsdbScriptSource;
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  imsdb = await startFakeImsdb();
  imsdb.scripts.push({
    title: 'Soft Missing',
    file: 'Soft-Missing.html',
    page: () => ({
      status: 200,
      raw: '<html><body><h1>Script not found</h1></body></html>',
      headers: { 'content-type': 'text/html' },
    }),
  });
});
afterAll(() => imsdb.close());
beforeEach(() => {
  imsdb.calls.length = 0;
  imsdb.fail(null);
  source = new ImsdbScriptSource({ baseUrl: imsdb.url, timeoutMs: 2000 });
});

function script(l: ScriptLookup): string {
  if (!l.found) throw new Error(`expected a script, got ${l.miss}`);
  return l.script.text;
}

describe('GIVEN a title whose script page exists', () => {
  it('THEN the text inside td.scrtext pre comes back, decoded as windows-1252', async () => {
    const text = script(await source.find({ title: 'Inception' }, signal()));
    expect(text).toContain('That’s the');
    expect(text).toContain('café');
    expect(text).toContain('Eames — the kick');
    expect(text).toContain('problem…');
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('Writers');
    expect(text).not.toContain('Latest Comments');
    expect(imsdb.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /scripts/Inception.html']);
    expect(String(imsdb.calls[0]?.headers.accept)).toContain('text/html');
  });

  it('THEN the page becomes the expected blocks', async () => {
    const { blocks, characters } = parseScreenplay(
      script(await source.find({ title: 'Inception' }, signal())),
    );
    expect(blocks.slice(0, 5)).toEqual([
      { kind: 'heading', text: 'EXT. GREY SHORELINE - DAWN', scene: 0 },
      {
        kind: 'action',
        text: 'Waves fold over black sand. A MAN lies face down at the edge of the water, his suit heavy with salt. This is COBB (40s), unshaven, exhausted.',
        scene: 0,
      },
      { kind: 'action', text: 'A small BRASS TOP slips from his hand and rolls toward the foam.', scene: 0 },
      {
        kind: 'dialogue',
        text: 'Every dream starts in the middle. You never remember how you got there.',
        speaker: 'COBB',
        scene: 0,
      },
      {
        kind: 'action',
        text: 'Two GUARDS drag him up the beach toward a house made of paper lanterns.',
        scene: 0,
      },
    ]);
    expect(blocks.find((b) => b.kind === 'parenthetical')).toEqual({
      kind: 'parenthetical',
      text: 'quietly',
      speaker: 'COBB',
      scene: 2,
    });
    expect(blocks.filter((b) => b.kind === 'heading')).toHaveLength(8);
    expect(characters).toEqual(['COBB', 'SAITO', 'ARTHUR', 'EAMES', 'YUSUF', 'ARIADNE', 'MAL']);
    const all = blocks.map((b) => b.text).join('\n');
    for (const debris of [
      'CUT TO',
      'DISSOLVE',
      'FADE',
      "CONT'D",
      '(V.O.)',
      '2.',
      'THE END',
      'reelbot tests',
    ]) {
      expect(all).not.toContain(debris);
    }
  });
});

describe('GIVEN a title the URL cannot be built for', () => {
  it('THEN the site search and the detail page lead to the script', async () => {
    const text = script(await source.find({ title: 'Dream Heist: Part One' }, signal()));
    expect(text).toContain('Every dream starts in the middle');
    expect(imsdb.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /scripts/Dream-Heist-Part-One.html',
      'POST /search.php',
      'GET /Movie Scripts/Dream Heist: Part One Script.html',
      'GET /scripts/Dream-Heist-Part-One-first-draft.html',
    ]);
    expect(imsdb.calls[1]?.body).toMatchObject({ search_query: 'Dream Heist: Part One' });
  });

  it('THEN a title only the sidebar mentions is not taken for a search result', async () => {
    expect(await source.find({ title: 'Heat' }, signal())).toEqual({ found: false, miss: 'not_found' });
    expect(imsdb.callsTo('GET', '/Movie Scripts/*')).toHaveLength(0);
  });
});

describe('GIVEN no usable script', () => {
  it('THEN a title the site does not have is not_found, after the search', async () => {
    expect(await source.find({ title: 'Nothing Like This' }, signal())).toEqual({
      found: false,
      miss: 'not_found',
    });
    expect(imsdb.callsTo('POST', '/search.php')).toHaveLength(1);
  });

  it('THEN a 200 page with no script block counts as not found', async () => {
    expect(await source.find({ title: 'Soft Missing' }, signal())).toMatchObject({
      found: false,
      miss: 'not_found',
    });
  });

  it('THEN an empty script page is too_short, with its length', async () => {
    expect(await source.find({ title: 'Untitled Project' }, signal())).toEqual({
      found: false,
      miss: 'too_short',
      detail: '39',
    });
  });

  it('THEN a 5 MB page is too_large, not read to the end', async () => {
    const small = new ImsdbScriptSource({ baseUrl: imsdb.url, maxBytes: 2 * 1024 * 1024 });
    expect(await small.find({ title: 'Huge Script' }, signal())).toEqual({
      found: false,
      miss: 'too_large',
      detail: String(2 * 1024 * 1024),
    });
  });

  it('THEN a JSON answer is not_script, saying what came back', async () => {
    expect(await source.find({ title: 'Maintenance Mode' }, signal())).toEqual({
      found: false,
      miss: 'not_script',
      detail: 'application/json',
    });
  });
});

describe('GIVEN IMSDb failing', () => {
  it('THEN a site that is down throws an UpstreamError naming imsdb', async () => {
    const gone = new ImsdbScriptSource({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    const err = await gone.find({ title: 'Inception' }, signal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'imsdb', failure: 'unavailable' });
  });

  it('THEN a server error is thrown after retrying', async () => {
    imsdb.fail({ kind: 'status', status: 503, body: 'overloaded' });
    const err = await source.find({ title: 'Inception' }, signal()).catch((e: unknown) => e);
    expect(err).toMatchObject({ service: 'imsdb', failure: 'server_error' });
    expect(imsdb.calls.length).toBeGreaterThan(1);
  });

  it('THEN a page that never comes times out', async () => {
    imsdb.fail({ kind: 'hang' });
    const quick = new ImsdbScriptSource({ baseUrl: imsdb.url, timeoutMs: 300 });
    const err = await quick.find({ title: 'Inception' }, signal()).catch((e: unknown) => e);
    expect(err).toMatchObject({ service: 'imsdb', failure: 'timeout' });
  });
});

describe('IMSDb addresses and pages', () => {
  it.each([
    ['Inception', '/scripts/Inception.html'],
    ['The Matrix', '/scripts/Matrix,-The.html'],
    ['A Serious Man', '/scripts/Serious-Man,-A.html'],
    ['2001: A Space Odyssey', '/scripts/2001-A-Space-Odyssey.html'],
    ["Schindler's List", "/scripts/Schindler's-List.html"],
  ])('%s → %s', (title, path) => {
    expect(scriptPath(title)).toBe(path);
  });

  it('reads search hits and the detail page link the way the site writes them', () => {
    const search =
      '<td><a href="/Movie Scripts/Heat Script.html">Heat</a><td valign="top"><h1>Search results for \'matrix\'</h1>' +
      '<p><a href="/Movie Scripts/Matrix, The Script.html" title="Matrix, The Script">Matrix, The</a> (1999-03)</p></td>';
    expect(searchHits(search)).toEqual([
      { title: 'Matrix, The', href: '/Movie Scripts/Matrix, The Script.html' },
    ]);
    expect(
      detailScriptLink(
        '<a href="/genre/Action">Action</a><a href="https://imsdb.com/scripts/Matrix,-The.html">Read</a>',
      ),
    ).toBe('/scripts/Matrix,-The.html');
  });
});
