/**
 * A generated screenplay in IMSDb's layout, the same text on every run (a seeded PRNG): scene
 * headings with scene numbers, action, indented cues with (V.O.)/(CONT'D), parentheticals,
 * dialogue, page numbers and transitions. Its words come from the shipped lists, weighted towards
 * A1–A2 as in real films, plus character names and a few invented words. For the vocabulary
 * benches (vocab-profile.ts, vocab-subtitles.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CEFRJ_FILE, DEFAULT_CEFR_DIR, OCTANOVE_FILE } from '../../adapters/vocab/cefr-lexicon.js';
import { parseCsv } from '../../adapters/vocab/csv.js';

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

export function generateScreenplay(target: number): string {
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
