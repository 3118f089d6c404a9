/**
 * Quality figures for the vocab bench, on the layout fixtures of test/fixtures/vocab/: stage terms
 * and names among each film's top 100 words, inflected forms two levels or more above their listed
 * base, and entries that change when other scripts were analysed first in the same process.
 *
 * "Alone" is measured in a child process that reads only that one fixture, so nothing the parent
 * process analysed can leak into it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  SCREENPLAYS,
  SUBTITLES,
  buildFixture,
  freshBuilder,
  inflectedAboveBase,
  namesInTop,
  shippedLexicon,
  stageTermsInTop,
  type FixtureName,
} from '../core/vocab/fixture-scripts.js';

const FIXTURES: FixtureName[] = [...SCREENPLAYS, ...SUBTITLES];
const ALONE = 'VOCAB_QUALITY_ALONE';

/** The entries of one fixture analysed in a process that read nothing else. */
function aloneInChild(name: FixtureName): string[] {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [ALONE]: name },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`alone run of ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

const serialise = (entries: readonly object[]) => entries.map((e) => JSON.stringify(e));

/** Entries present in one list and not (identically) in the other. */
function changed(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  return a.filter((x) => !sb.has(x)).length + b.filter((x) => !sa.has(x)).length;
}

/** Lines for the bench report. */
export async function qualityFigures(): Promise<string[]> {
  const lexicon = await shippedLexicon();
  const shared = await freshBuilder();
  for (const name of FIXTURES) await buildFixture(name, shared);
  const lines: string[] = ['quality on the layout fixtures (test/fixtures/vocab):'];
  const totals = { stage: 0, names: 0, inflected: 0, changed: 0 };
  for (const name of FIXTURES) {
    const v = await buildFixture(name, shared);
    const stage = stageTermsInTop(v);
    const names = namesInTop(name, v);
    const inflected = inflectedAboveBase(v, lexicon);
    const moved = changed(aloneInChild(name), serialise(v.entries));
    totals.stage += stage.length;
    totals.names += names.length;
    totals.inflected += inflected.length;
    totals.changed += moved;
    const list = (xs: string[]) => (xs.length ? ` [${xs.join(', ')}]` : '');
    lines.push(
      `  ${name.padEnd(20)} stage terms in top 100: ${stage.length}${list(stage)}; names in top 100: ${names.length}${list(names)}; ` +
        `inflected ≥2 levels above base: ${inflected.length}${list(inflected)}; entries changed by earlier scripts: ${moved}`,
    );
  }
  lines.push(
    `  total: stage terms ${totals.stage}, names ${totals.names}, inflected above base ${totals.inflected}, ` +
      `order-dependent entries ${totals.changed}`,
  );
  return lines;
}

if (process.env[ALONE]) {
  const v = await buildFixture(process.env[ALONE] as FixtureName);
  process.stdout.write(JSON.stringify(serialise(v.entries)));
}
