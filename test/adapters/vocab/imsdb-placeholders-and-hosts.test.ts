/**
 * Two ways the real IMSDb hides a script that it has: the URL built from the title answers 200
 * with an empty script instead of 404, and the configured host name redirects to the other one
 * (imsdb.com ↔ www.imsdb.com), which under fetch's rules turns the search form's POST into a GET
 * without the form.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImsdbScriptSource } from '../../../adapters/vocab/imsdb-script-source.js';
import {
  startFakeImsdb,
  startFakeImsdbOtherHost,
  type FakeImsdb,
  type FakeImsdbOtherHost,
} from '../../fakes/imsdb.js';

let imsdb: FakeImsdb;
let otherHost: FakeImsdbOtherHost;
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  imsdb = await startFakeImsdb();
  otherHost = await startFakeImsdbOtherHost(imsdb);
});
afterAll(async () => {
  await otherHost.close();
  await imsdb.close();
});
beforeEach(() => {
  imsdb.calls.length = 0;
  otherHost.calls.length = 0;
});

describe('GIVEN the guessed script URL answers 200 with an empty script', () => {
  it('THEN it counts as not found and the site search leads to the script', async () => {
    const source = new ImsdbScriptSource({ baseUrl: imsdb.url, timeoutMs: 2000 });
    const lookup = await source.find({ title: 'Heist Night' }, signal());
    expect(lookup).toMatchObject({ found: true, script: { source: 'IMSDb' } });
    expect(imsdb.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /scripts/Heist-Night.html',
      'POST /search.php',
      'GET /Movie Scripts/Heist Night Script.html',
      'GET /scripts/Heist-Night-shooting-draft.html',
    ]);
  });

  it('THEN a film the site lists with that empty page only is still too short, fetched once', async () => {
    const source = new ImsdbScriptSource({ baseUrl: imsdb.url, timeoutMs: 2000 });
    expect(await source.find({ title: 'Untitled Project' }, signal())).toEqual({
      found: false,
      miss: 'too_short',
      detail: '39',
    });
    expect(imsdb.scriptFetches()).toBe(1);
  });
});

describe('GIVEN IMSDB_BASE_URL names the host that redirects to the other', () => {
  it('THEN the search still posts the title, and the script is found', async () => {
    const source = new ImsdbScriptSource({ baseUrl: otherHost.url, timeoutMs: 2000 });
    const lookup = await source.find({ title: 'Dream Heist: Part One' }, signal());
    expect(lookup).toMatchObject({ found: true });
    expect(imsdb.callsTo('POST', '/search.php')[0]?.body).toMatchObject({
      search_query: 'Dream Heist: Part One',
    });
    expect(imsdb.callsTo('GET', '/search.php')).toHaveLength(0);
  });
});
