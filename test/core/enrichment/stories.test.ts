/**
 * Enrichment stories through the real App (config → adapters → core → vocab → queue) against fake
 * IMSDb, TMDb and DeepL/LibreTranslate on 127.0.0.1, as people type them: the list comes at once
 * with a job to follow, everyone who asked is told when translations are ready, words open with
 * their examples, the export imports into Anki, and a process killed mid-job resumes after restart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EnrichmentJob } from '../../../src/core/vocab/enrichment/types.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../../fakes/libretranslate.js';
import { alice, bob, startWorld, type World } from '../../helpers/world.js';
import { writeDictd } from '../../adapters/translate/dictd.js';
import { person } from './helpers.js';

const KEY = 'deepl-story-key-0003:fx';
let imsdb: FakeImsdb;
let deepl: FakeDeepl;
let libre: FakeLibreTranslate;
let world: World | undefined;

beforeAll(async () => {
  imsdb = await startFakeImsdb();
  deepl = await startFakeDeepl({ apiKey: KEY });
  libre = await startFakeLibreTranslate({ batchLimit: 25 });
});
afterAll(async () => {
  await Promise.all([imsdb.close(), deepl.close(), libre.close()]);
});
beforeEach(() => {
  for (const f of [deepl, libre]) {
    f.calls.length = 0;
    f.translated.length = 0;
    f.setLatency(0);
    f.fail(null);
  }
  deepl.contexts.length = 0;
  deepl.billed = 0;
});
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const base = () => ({
  IMSDB_BASE_URL: imsdb.url,
  SCRIPT_TIMEOUT_MS: '3000',
});
const withDeepl = () => ({ ...base(), DEEPL_API_KEY: KEY, DEEPL_BASE_URL: deepl.url });

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Notifications posted anew (progress edits of the list carry `progress` and are left out). */
function pings(w: World | undefined) {
  return (w?.chat.sent ?? []).filter((s) => s.reply.progress === undefined);
}

function jobFile(w: { dataDir: string }, key: string): EnrichmentJob | undefined {
  try {
    return JSON.parse(readFileSync(join(w.dataDir, 'jobs', `${key}.json`), 'utf8')) as EnrichmentJob;
  } catch {
    return undefined;
  }
}

describe('GIVEN DeepL is configured', () => {
  it('THEN the list comes at once with a job to follow, and the asker is told when it is ready', async () => {
    world = await startWorld({ env: withDeepl(), musicbrainz: false, sonarr: false, lidarr: false });
    const reply = await world.say('vocab Inception in French');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Inception \(2010\): vocabulary from the IMSDb script/);
    expect(reply.text).toContain('Translations into French are on their way (DeepL)');
    const jobKey = reply.progress?.jobKey ?? '';
    expect(jobKey).toMatch(/^inception.*--fr$/);
    await until(() => pings(world).length === 1);
    const [note] = pings(world);
    expect(note?.to).toEqual(alice);
    expect(note?.reply.code).toBe('vocab.enrichReady');
    // Progress redraws the list in place: the same page, the translations beside its words as they
    // come, the job's line under it, ending "ready".
    const profile = reply.text.slice(0, reply.text.indexOf('B1+ words, most frequent first'));
    expect(reply.text).toMatch(/^2\. abandon \(verb\) B1 CEFR-J ×3/m);
    const edits = world.chat.sent.filter((s) => s.reply.progress?.jobKey === jobKey);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    for (const e of edits) {
      expect(e.to).toEqual(alice);
      expect(e.reply.code).toBe('vocab.enrichProgress');
      expect(e.reply.text.startsWith(profile)).toBe(true);
    }
    expect(edits[0]?.reply.text).toMatch(/^Translating into French \(DeepL\): \d+ of \d+ words…$/m);
    expect(edits.at(-1)?.reply.text).toMatch(/^2\. abandon = abandonner \(verb\) B1 CEFR-J ×3/m);
    expect(edits.at(-1)?.reply.text).toMatch(/Translations into French are ready \(\d+ words\)/);
    const job = jobFile(world, jobKey);
    expect(job?.status).toBe('ready');
    expect(deepl.requests).toBe(Math.ceil((job?.total ?? 0) / 50));
    expect(job?.chars.sentences).toBe(0);

    const status = await world.say('vocab status');
    expect(status.text).toMatch(/• Inception → French: ready, \d+ words \(DeepL\)/);

    // Opening a word: its translation, level with source, examples (speaker, word marked) translated now.
    const before = deepl.requests;
    const word = await world.say('vocab word abandon');
    expect(word.text).toMatch(/^abandon \(verb\) · B1 \(CEFR-J\) · ×3 in Inception/);
    expect(word.text).toContain('French: abandonner');
    expect(word.text).toMatch(/1\. \w+: “You «abandoned» the plan the moment you walked in\.”/);
    expect(word.text).toContain('   → fr:You abandoned the plan the moment you walked in.');
    expect(deepl.requests).toBe(before + 1);
    const afterWord = jobFile(world, jobKey);
    expect(afterWord?.chars.sentences).toBeGreaterThan(0);
    expect(afterWord?.chars.words).toBe(job?.chars.words);

    // Opening it again sends nothing.
    await world.say('vocab word abandon');
    expect(deepl.requests).toBe(before + 1);

    // The same movie asked again, and in the language again: instant, no new job.
    const again = await world.say('vocab Inception in French', bob);
    expect(again.text).toContain('Translations into French are ready');
    expect(again.progress).toBeUndefined(); // nothing under way to follow
  }, 20_000);

  it('THEN 20 people asking at once share one job and one set of calls, and each is told in their chat', async () => {
    world = await startWorld({ env: withDeepl(), musicbrainz: false, sonarr: false, lidarr: false });
    // Slow enough that the job cannot finish while the last of the 20 asks is still being read,
    // even on a loaded machine: then every asker joins it and is told when it ends.
    deepl.setLatency(600);
    const people = Array.from({ length: 20 }, (_, i) => ({ ...person(i), platform: 'terminal' as const }));
    const replies = await Promise.all(people.map((p) => world?.say('vocab Inception in French', p)));
    const keys = new Set(replies.map((r) => r?.progress?.jobKey));
    expect(keys.size).toBe(1);
    await until(() => pings(world).length === 20);
    const job = jobFile(world, [...keys][0] ?? '');
    expect(deepl.requests).toBe(Math.ceil((job?.total ?? 0) / 50));
    expect(deepl.translated).toHaveLength(job?.total ?? -1);
    expect(new Set(pings(world).map((s) => s.to.chatId))).toEqual(new Set(people.map((p) => p.chatId)));
    expect(pings(world).every((s) => s.reply.code === 'vocab.enrichReady')).toBe(true);
  }, 20_000);

  it('THEN switching language starts a new job, and switching back is instant', async () => {
    world = await startWorld({ env: withDeepl(), musicbrainz: false, sonarr: false, lidarr: false });
    await world.say('vocab Inception in French');
    await until(() => pings(world).length === 1);
    const german = await world.say('vocab Inception in German');
    expect(german.text).toContain('Translations into German are on their way');
    expect(german.progress?.jobKey).toMatch(/--de$/);
    await until(() => pings(world).length === 2);
    const calls = deepl.requests;
    const back = await world.say('vocab Inception in French');
    expect(back.text).toContain('Translations into French are ready');
    expect(deepl.requests).toBe(calls);
    expect((await world.say('vocab word abandon')).text).toContain('French: abandonner');
  }, 20_000);

  it('THEN the export is an Anki TSV with the header lines and six columns, tags for movie and level', async () => {
    world = await startWorld({ env: withDeepl(), musicbrainz: false, sonarr: false, lidarr: false });
    await world.say('vocab Inception in French B2+');
    await until(() => pings(world).length === 1);
    const reply = await world.say('vocab export');
    expect(reply.text).toMatch(/^Inception: \d+ B2\+ words for Anki/);
    const doc = reply.document;
    expect(doc?.mimeType).toBe('text/tab-separated-values');
    expect(doc?.filename).toMatch(/^inception.*-fr-B2\.tsv$/);
    const lines = (doc?.content ?? '').trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Word\tLevel\tTranslation\tExample\tExample translation\tTags',
      '#tags column:6',
    ]);
    const rows = lines.slice(4).map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r).toHaveLength(6);
      expect(r[1]).toMatch(/^~?(B2|C1|C2) \(/);
      expect(r[2]).not.toBe('');
      expect(r[5]).toMatch(/^reelbot::inception\S* cefr::(B2|C1|C2)$/);
      if (r[3]) expect(r[4]).toMatch(/^fr:/);
    }
    const totem = rows.find((r) => r[0] === 'totem');
    expect(totem?.[2]).toBe('totem');
    expect(totem?.[3]).toMatch(/«totem»/);
  }, 20_000);
});

describe('GIVEN an admin', () => {
  it('THEN "vocab backfill German" quietly starts a job for every stored movie; others may not; stats add up', async () => {
    world = await startWorld({
      env: { ...withDeepl(), ADMIN_USERS: 'terminal:alice' },
      musicbrainz: false,
      sonarr: false,
      lidarr: false,
    });
    const fr = await world.say('vocab Inception in French', bob);
    await until(() => pings(world).length === 1);
    expect((await world.say('vocab backfill German', bob)).code).toBe('vocab.adminOnly');
    const reply = await world.say('vocab backfill German');
    expect(reply.text).toBe('Backfill into German: 1 jobs started, 0 already under way, 0 already done.');
    const deKey = (fr.progress?.jobKey ?? '').replace(/--fr$/, '--de');
    await until(() => jobFile(world ?? { dataDir: '' }, deKey)?.status === 'ready');
    expect(jobFile(world, deKey)?.askers).toEqual([]);
    expect(pings(world)).toHaveLength(1);
    const again = await world.say('vocab backfill de');
    expect(again.text).toBe('Backfill into German: 0 jobs started, 0 already under way, 1 already done.');
    const stats = await world.say('vocab stats');
    const total = (jobFile(world, deKey)?.total ?? 0) * 2;
    expect(stats.text).toContain('Translation jobs: 2 (2 ready, 0 under way, 0 paused, 0 failed).');
    expect(stats.text).toContain(`Words translated: ${total}; example sentences translated: 0.`);
    expect(stats.text).toContain(
      `Characters sent: ${deepl.billed} for words, 0 for sentences, in ${deepl.requests} requests.`,
    );
  }, 20_000);
});

describe('GIVEN no translator', () => {
  it('THEN the list says translations need one, and words still open with level and examples', async () => {
    world = await startWorld({ env: base(), musicbrainz: false, sonarr: false, lidarr: false });
    const reply = await world.say('vocab Inception in French');
    expect(reply.text).toContain('Translations need a translator: set DEEPL_API_KEY or LIBRETRANSLATE_URL.');
    expect(reply.progress).toBeUndefined();
    const word = await world.say('vocab word abandon');
    expect(word.text).toMatch(/^abandon \(verb\) · B1 \(CEFR-J\)/);
    expect(word.text).toContain('«abandoned»');
    expect(word.text).toContain(
      'French: no translation (translations need DEEPL_API_KEY or LIBRETRANSLATE_URL)',
    );
    expect((await world.say('vocab status')).code).toBe('vocab.statusNone');
    const doc = (await world.say('vocab export')).document;
    expect(doc?.content.split('\n')[0]).toBe('#separator:tab');
  }, 20_000);
});

describe('GIVEN only an offline dictionary (FreeDict files)', () => {
  it('THEN words get glosses, a word without an entry says so, and sentences stay untranslated', async () => {
    const dictDir = mkdtempSync(join(tmpdir(), 'reelbot-dict-'));
    writeDictd(dictDir, 'eng-deu', [['abandon', 'abandon /əˈbændən/\n<verb>\n1. aufgeben\n2. verlassen\n']]);
    world = await startWorld({
      env: { ...base(), DICTIONARY_DIR: dictDir },
      musicbrainz: false,
      sonarr: false,
      lidarr: false,
    });
    const reply = await world.say('vocab Inception in German');
    expect(reply.text).toContain('Translations into German are on their way (FreeDict)');
    await until(() => pings(world).length === 1);
    const word = await world.say('vocab word abandon');
    expect(word.text).toContain('German: aufgeben; verlassen');
    expect(word.text).not.toContain('   → ');
    expect((await world.say('vocab word totem')).text).toContain('German: no entry in FreeDict');
    rmSync(dictDir, { recursive: true, force: true });
  }, 20_000);
});

describe('GIVEN LibreTranslate is configured (and no DeepL)', () => {
  it('THEN the words go to it in batches of its limit', async () => {
    world = await startWorld({
      env: { ...base(), LIBRETRANSLATE_URL: libre.url, LIBRETRANSLATE_BATCH: '25' },
      musicbrainz: false,
      sonarr: false,
      lidarr: false,
    });
    const reply = await world.say('vocab Inception in Spanish');
    expect(reply.text).toContain('on their way (LibreTranslate)');
    await until(() => pings(world).length === 1);
    const job = jobFile(world, reply.progress?.jobKey ?? '');
    expect(libre.requests).toBe(Math.ceil((job?.total ?? 0) / 25));
    expect((await world.say('vocab word abandon')).text).toContain('Spanish: es:abandon');
  }, 20_000);
});

describe('GIVEN the process is killed (SIGKILL) mid-job', () => {
  it('THEN after a restart the job resumes from its last saved word and no word is sent twice', async () => {
    world = await startWorld({ env: withDeepl(), musicbrainz: false, sonarr: false, lidarr: false });
    deepl.setLatency(400);
    // One bot per data folder: the in-process app lets go before the real one starts. Node runs
    // tsx as a loader, so SIGKILL reaches the bot itself, not a wrapper that would orphan it.
    await world.stopApp();
    const child = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', ...world.env, PROCESS_CRON: '0 0 1 1 *' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write('vocab Inception in French\n');
    let key = '';
    await until(() => {
      const files = (() => {
        try {
          return readdirJobs(world?.dataDir ?? '');
        } catch {
          return [];
        }
      })();
      key = files[0] ?? '';
      return key !== '' && (jobFile(world ?? { dataDir: '' }, key)?.done ?? 0) > 0;
    }, 25_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // A request in flight at the kill still reaches the fake: let it land before counting.
    await new Promise((r) => setTimeout(r, 600));
    const left = jobFile(world, key);
    expect(left?.status).toBe('running');
    expect(left?.done).toBeLessThan(left?.total ?? 0);
    const sentBefore = deepl.translated.length;
    deepl.setLatency(0);

    const restarted = await startWorld({ dataDir: world.dataDir, env: world.env });
    try {
      await until(() => jobFile(restarted, key)?.status === 'ready');
      const job = jobFile(restarted, key);
      // Words whose answer arrived before the kill but were not saved may go again; saved ones never.
      const saved = left?.done ?? 0;
      expect(deepl.translated.length - sentBefore).toBe((job?.total ?? 0) - saved);
      const unsaved = Object.keys(job?.words ?? {})
        .filter((k) => left?.words[k] === undefined)
        .map((k) => k.split('|')[0]);
      expect(deepl.translated.slice(sentBefore).sort()).toEqual(unsaved.sort());
      await until(() => pings(restarted).length === 1);
      expect(pings(restarted)[0]?.reply.code).toBe('vocab.enrichReady');
      expect(pings(restarted)[0]?.to.platform).toBe('terminal');
      // The list's message lived in the killed process: nothing to edit after the restart.
      expect(restarted.chat.sent.filter((s) => s.reply.progress)).toEqual([]);
    } finally {
      await restarted.stopApp();
    }
  }, 45_000);
});

function readdirJobs(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'jobs'))
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .map((f) => f.replace(/\.json$/, ''));
}

describe('GIVEN the HTTP API is on', () => {
  it('THEN /metrics reports the characters the job was billed and an empty queue once it is done', async () => {
    const token = 'metrics-story-token-0001';
    world = await startWorld({
      env: { ...withDeepl(), HTTP_PORT: '0', API_TOKEN: token },
      musicbrainz: false,
      sonarr: false,
      lidarr: false,
    });
    const reply = await world.say('vocab Inception in French');
    await until(() => pings(world).length === 1);
    const job = jobFile(world, reply.progress?.jobKey ?? '');
    expect(job?.chars.words).toBeGreaterThan(0);
    const text = await (await fetch(`${world.app.httpUrl}/metrics`)).text();
    expect(text).toMatch(/^reelbot_job_queue_length 0$/m);
    expect(text).toMatch(new RegExp(`^reelbot_translation_characters_total ${job?.chars.words}$`, 'm'));
    expect(deepl.billed).toBe(job?.chars.words);
  }, 20_000);
});

describe('GIVEN DeepL and LibreTranslate are both configured', () => {
  it('THEN each language goes to the first that supports it: French to DeepL, Catalan to LibreTranslate', async () => {
    world = await startWorld({
      env: { ...withDeepl(), LIBRETRANSLATE_URL: libre.url, LIBRETRANSLATE_BATCH: '25' },
      musicbrainz: false,
      sonarr: false,
      lidarr: false,
    });
    const libreBefore = libre.requests;
    const french = await world.say('vocab Inception in French');
    expect(french.text).toContain('on their way (DeepL)');
    await until(() => pings(world).length === 1);
    expect(jobFile(world, french.progress?.jobKey ?? '')).toMatchObject({
      status: 'ready',
      translator: 'DeepL',
    });
    expect(libre.requests).toBe(libreBefore);

    const catalan = await world.say('vocab Inception in Catalan');
    expect(catalan.text).toContain('on their way (LibreTranslate)');
    await until(() => pings(world).length === 2);
    expect(jobFile(world, catalan.progress?.jobKey ?? '')).toMatchObject({
      status: 'ready',
      translator: 'LibreTranslate',
    });
    expect(libre.requests).toBeGreaterThan(libreBefore);
  }, 20_000);
});
