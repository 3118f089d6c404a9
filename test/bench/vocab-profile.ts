/**
 * Issue 6's benchmark: time from script text to the stored profile on a ~200 KB screenplay, with
 * model and list loading measured separately, peak memory, and the share of content lemmas that
 * have a listed level. Then quality figures on the layout fixtures (vocab-quality.ts): stage
 * terms and names in each top 100, inflected forms above their base, order-dependent entries.
 *
 *   npx tsx test/bench/vocab-profile.ts            (about 200 KB)
 *   SCRIPT_KB=800 npx tsx test/bench/vocab-profile.ts
 *   DUMP_SCRIPT=/tmp/bench.txt npx tsx test/bench/vocab-profile.ts   (also writes the screenplay)
 *   NO_WARMUP=1 npx tsx test/bench/vocab-profile.ts   (the first run pays for the JIT too)
 *
 * The screenplay is generated (deterministically) in IMSDb's layout: scene headings with scene
 * numbers, action, indented cues with (V.O.)/(CONT'D), parentheticals, dialogue, page numbers and
 * transitions. Its words come from the shipped lists, weighted towards A1–A2 as in real films,
 * plus character names and a few invented words so that names and estimates are exercised.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_CEFR_DIR,
  CEFRJ_FILE,
  OCTANOVE_FILE,
  loadCefrLexicon,
} from '../../adapters/vocab/cefr-lexicon.js';
import { parseCsv } from '../../adapters/vocab/csv.js';
import { decodeHtml } from '../../adapters/vocab/decode-html.js';
import { scriptText } from '../../adapters/vocab/imsdb-pages.js';
import { JsonVocabStore } from '../../adapters/store/json-vocab-store.js';
import { warmUp } from '../../adapters/vocab/warm-up.js';
import { WinkAnalyzer } from '../../adapters/vocab/wink-analyzer.js';
import { ANALYSIS_VERSION, VocabBuilder } from '../../src/core/vocab/build-vocab.js';
import { renderVocab } from '../../src/core/vocab/render-vocab.js';
import { DEFAULT_RANGE } from '../../src/core/vocab/levels.js';
import type { MovieVocab } from '../../src/core/vocab/types.js';
import { qualityFigures } from './vocab-quality.js';

const TARGET_BYTES = Number(process.env.SCRIPT_KB ?? 200) * 1024;
const RUNS = 5;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same text. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pools = Record<'noun' | 'verb' | 'adjective' | 'adverb', string[][]>;

/** Single-word headwords by class and level (0 = A1 … 5 = C2). */
function pools(): Pools {
  const out: Pools = { noun: [], verb: [], adjective: [], adverb: [] };
  for (const k of Object.keys(out) as (keyof Pools)[]) out[k] = [[], [], [], [], [], []];
  for (const file of [CEFRJ_FILE, OCTANOVE_FILE]) {
    const [, ...rows] = parseCsv(readFileSync(join(DEFAULT_CEFR_DIR, file), 'utf8'));
    for (const r of rows) {
      const word = (r[0] ?? '').split('/')[0]?.trim() ?? '';
      const pos = (r[1] ?? '').trim() as keyof Pools;
      const level = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].indexOf((r[2] ?? '').trim());
      if (!/^[a-z]{3,}$/.test(word) || level < 0 || !out[pos]) continue;
      out[pos][level]?.push(word);
    }
  }
  return out;
}

function generate(target: number): string {
  const rand = rng(6);
  const p = pools();
  const names = ['MARA', 'TEO', 'OKONKWO', 'LISBETH', 'DUVAL', 'KESTREL'];
  const invented = ['glimmerstone', 'vorticle', 'snarbling', 'quillotine', 'brankish', 'dromeway'];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const levelWeights = [0.45, 0.25, 0.15, 0.08, 0.045, 0.025];
  const word = (cls: keyof Pools): string => {
    if (rand() < 0.01) return pick(invented);
    let r = rand();
    let level = 0;
    while (level < 5 && r > (levelWeights[level] ?? 0)) r -= levelWeights[level++] ?? 0;
    const pool = p[cls][level] ?? [];
    // Zipf-like: the first words of each pool come up far more often.
    return pool[Math.floor(pool.length * rand() ** 3)] ?? 'thing';
  };
  const plural = (n: string) => (/(s|x|ch|sh|y)$/.test(n) ? n : `${n}s`);
  const third = (v: string) => (/(s|x|ch|sh|y|o)$/.test(v) ? v : `${v}s`);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const title = (n: string) => cap(n.toLowerCase());

  const action = [
    () => `${title(pick(names))} ${third(word('verb'))} the ${word('adjective')} ${word('noun')}.`,
    () => `The ${word('noun')} ${third(word('verb'))} ${word('adverb')} across the ${word('noun')}.`,
    () => `A ${word('adjective').toUpperCase()} ${word('noun').toUpperCase()} waits by the ${word('noun')}.`,
    () => `${cap(plural(word('noun')))} ${word('verb')} in the ${word('adjective')} light.`,
  ];
  const speech = [
    () => `I want to ${word('verb')} the ${word('noun')} before it gets ${word('adjective')}.`,
    () => `We're gonna ${word('verb')} every ${word('noun')} in this ${word('noun')}, ${title(pick(names))}.`,
    () => `Why would you ${word('verb')} a ${word('adjective')} ${word('noun')}?`,
    () => `Don't ${word('verb')} the ${plural(word('noun'))}. They ${word('verb')} ${word('adverb')}.`,
    () => `You gotta ${word('verb')} it over, all right? Because of the ${word('noun')}.`,
  ];

  const lines: string[] = [];
  let size = 0;
  let scene = 1;
  let page = 1;
  const push = (l: string) => {
    lines.push(l);
    size += l.length + 1;
  };
  while (size < target) {
    const place = `${word('adjective').toUpperCase()} ${word('noun').toUpperCase()}`;
    push(
      `${scene}  ${rand() < 0.6 ? 'INT.' : 'EXT.'} ${place} - ${pick(['DAY', 'NIGHT', 'CONTINUOUS', 'LATER'])}   ${scene}`,
    );
    scene++;
    for (let beat = 0; beat < 6; beat++) {
      const para = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(action)()).join(' ');
      for (const l of wrap(para, 60)) push(`   ${l}`);
      push('');
      const who = pick(names);
      push(`                         ${who}${pick(['', '', ' (V.O.)', ' (O.S.)', " (CONT'D)"])}`);
      if (rand() < 0.2) push(`                    (${word('adverb')})`);
      const said = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(speech)()).join(' ');
      for (const l of wrap(said, 40)) push(`          ${l}`);
      push('');
      if (rand() < 0.15) push(`                                                   ${++page}.`);
    }
    if (rand() < 0.3) push('                                                          CUT TO:\n');
  }
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const rssAtStart = process.memoryUsage().rss;
  const text = generate(TARGET_BYTES);
  if (process.env.DUMP_SCRIPT) writeFileSync(process.env.DUMP_SCRIPT, text);

  let t = performance.now();
  const analyzer = new WinkAnalyzer();
  const modelMs = performance.now() - t;
  t = performance.now();
  const lexicon = await loadCefrLexicon();
  const listsMs = performance.now() - t;
  const warmupMs = process.env.NO_WARMUP ? 0 : warmUp(new VocabBuilder(lexicon, analyzer));

  const dir = mkdtempSync(join(tmpdir(), 'vocab-bench-'));
  const store = new JsonVocabStore(dir);
  const builder = new VocabBuilder(lexicon, analyzer);
  const times: { build: number; store: number; total: number }[] = [];
  let last: MovieVocab | undefined;
  for (let run = 0; run < RUNS; run++) {
    // A fresh builder each run: no lookups memoised from the run before.
    const b = run === 0 ? builder : new VocabBuilder(lexicon, analyzer);
    const started = performance.now();
    const built = b.build({ format: 'screenplay', text, source: 'bench' });
    const builtAt = performance.now();
    last = {
      key: 'bench',
      title: 'Bench',
      script: { source: 'bench', format: 'screenplay', characters: text.length },
      analysisVersion: ANALYSIS_VERSION,
      analysedAt: new Date().toISOString(),
      profile: built.profile,
      entries: built.entries,
      sentences: built.sentences,
    };
    await store.put(last);
    const done = performance.now();
    times.push({ build: builtAt - started, store: done - builtAt, total: done - started });
  }
  t = performance.now();
  const reply = renderVocab(last as MovieVocab, { range: DEFAULT_RANGE });
  const renderMs = performance.now() - t;
  rmSync(dir, { recursive: true, force: true });

  const v = last as MovieVocab;
  const listed = v.entries.filter((e) => e.source === 'CEFR-J' || e.source === 'Octanove');
  const single = v.entries.filter((e) => e.pos !== 'phrase');
  const listedSingle = single.filter((e) => e.source === 'CEFR-J' || e.source === 'Octanove');
  const tokens = (es: typeof v.entries) => es.reduce((n, e) => n + e.count, 0);
  const totals = times.map((x) => x.total).sort((a, b) => a - b);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

  console.log(
    `screenplay: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${text.split('\n').length} lines`,
  );
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(
    `start-up (once per process, not in the figures below): wink model ${ms(modelMs)}, CEFR lists ${ms(listsMs)}, ` +
      `warm-up ${ms(warmupMs)}${process.env.NO_WARMUP ? ' (skipped: NO_WARMUP)' : ''}`,
  );
  console.log(
    `script text → stored profile: first run ${ms(times[0]?.total ?? 0)} (build ${ms(times[0]?.build ?? 0)}, store ${ms(times[0]?.store ?? 0)}); ` +
      `median of ${RUNS} ${ms(median(totals))} (build ${ms(median(times.map((x) => x.build)))}, store ${ms(median(times.map((x) => x.store)))}); ` +
      `best ${ms(totals[0] ?? 0)}, worst ${ms(totals[totals.length - 1] ?? 0)}`,
  );
  console.log(`reply rendering: ${ms(renderMs)} (${reply.length} characters)`);
  console.log(
    `memory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (at start ${mb(rssAtStart)}), heap in use now ${mb(process.memoryUsage().heapUsed)}`,
  );
  console.log(
    `words: ${v.profile.runningWords} running, ${v.entries.length} distinct entries (${v.entries.length - single.length} multiword), ` +
      `${v.profile.estimated} estimated, ${v.profile.unlisted} unlisted`,
  );
  console.log(
    `listed level: ${((listedSingle.length / Math.max(1, single.length)) * 100).toFixed(1)}% of distinct content lemmas, ` +
      `${((tokens(listed) / Math.max(1, tokens(v.entries))) * 100).toFixed(1)}% of content-word tokens`,
  );
  // The generated text draws its words from the lists, so its share is high by construction; the
  // fixture (our own screenplay prose) is a fairer sample of written English.
  const page = readFileSync(new URL('../fixtures/imsdb/inception.html', import.meta.url));
  const fixture = new VocabBuilder(lexicon, analyzer).build({
    format: 'screenplay',
    text: scriptText(decodeHtml(page, 'text/html')) ?? '',
    source: 'IMSDb',
  });
  const fx = fixture.entries.filter((e) => e.pos !== 'phrase');
  const fxListed = fx.filter((e) => e.source === 'CEFR-J' || e.source === 'Octanove');
  console.log(
    `listed level on the Inception fixture (hand-written prose): ${((fxListed.length / Math.max(1, fx.length)) * 100).toFixed(1)}% ` +
      `of ${fx.length} distinct content lemmas`,
  );
  const verdict = (n: number) => (n < 500 ? 'met' : 'NOT met');
  console.log(
    `goal (< 500 ms from text to stored profile): first script after start-up ${verdict(times[0]?.total ?? Infinity)}, ` +
      `later scripts ${verdict(median(totals))}; load average now ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${availableParallelism()} cores`,
  );
  for (const line of await qualityFigures()) console.log(line);
}

await main();
