/**
 * The subtitle path of the vocabulary feature, timed: a film's worth of subtitles (about 1,500
 * cues, as a feature film has) as .srt and as .ass with karaoke and positioning tags, parsed to a
 * transcript, graded, and then fetched end to end through the real OpenSubtitles source from the
 * fake on 127.0.0.1 (search, POST /download, the link). The dialogue is that of the generated
 * screenplay (generated-screenplay.ts), so the figures compare with vocab-profile.ts.
 *
 *   npx tsx test/bench/vocab-subtitles.ts
 *   CUES=3000 npx tsx test/bench/vocab-subtitles.ts
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadCefrLexicon } from '../../adapters/vocab/cefr-lexicon.js';
import { createOpenSubtitlesSource } from '../../adapters/vocab/opensubtitles-source.js';
import { subtitleTranscript } from '../../adapters/vocab/subtitles.js';
import { warmUp } from '../../adapters/vocab/warm-up.js';
import { WinkAnalyzer } from '../../adapters/vocab/wink-analyzer.js';
import { vocabEnv } from '../../src/config/vocab-env.js';
import { VocabBuilder } from '../../src/core/vocab/build-vocab.js';
import { startFakeOpenSubtitles } from '../fakes/opensubtitles.js';
import { CaptureLogger } from '../helpers/capture-logger.js';
import { generateScreenplay } from './generated-screenplay.js';

const CUES = Number(process.env.CUES ?? 1500);
const RUNS = 5;

/** The dialogue lines of the generated screenplay (indented ten spaces), in order. */
function dialogue(count: number): string[] {
  const lines: string[] = [];
  let kb = 100;
  while (lines.length < count) {
    lines.length = 0;
    for (const l of generateScreenplay(kb * 1024).split('\n'))
      if (/^ {10}\S/.test(l) && !/^ {10,}\(/.test(l)) lines.push(l.trim());
    kb *= 2;
  }
  return lines.slice(0, count);
}

const stamp = (ms: number, sep: string) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return sep === ','
    ? `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`
    : `${h}:${pad(m)}:${pad(s)}.${pad(Math.floor((ms % 1000) / 10))}`;
};

function toSrt(lines: string[]): string {
  return lines
    .map((t, i) => `${i + 1}\n${stamp(i * 3000, ',')} --> ${stamp(i * 3000 + 2500, ',')}\n${t}\n`)
    .join('\n');
}

function toAss(lines: string[]): string {
  const head = [
    '[Script Info]',
    'ScriptType: v4.00+',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment, MarginL, MarginR, MarginV',
    'Style: Default,Arial,20,&H00FFFFFF,0,0,2,10,10,10',
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ];
  const events = lines.map((t, i) => {
    // Every third line sung word by word (karaoke), every fifth placed on screen.
    const text =
      i % 3 === 0
        ? t
            .split(' ')
            .map((w) => `{\\k${20 + (i % 7)}}${w}`)
            .join(' ')
        : i % 5 === 0
          ? `{\\pos(320,50)\\fad(200,200)}${t}`
          : t;
    return `Dialogue: 0,${stamp(i * 3000, '.')},${stamp(i * 3000 + 2500, '.')},Default,,0,0,0,,${text}`;
  });
  return [...head, ...events].join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function timed<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

async function main(): Promise<void> {
  const lines = dialogue(CUES);
  const srt = toSrt(lines);
  const ass = toAss(lines);
  const analyzer = new WinkAnalyzer();
  const lexicon = await loadCefrLexicon();
  warmUp(new VocabBuilder(lexicon, analyzer));

  const parseSrt: number[] = [];
  const parseAss: number[] = [];
  const grade: number[] = [];
  let transcript = '';
  let words = 0;
  let distinct = 0;
  for (let run = 0; run < RUNS; run++) {
    const s = timed(() => subtitleTranscript(srt));
    const a = timed(() => subtitleTranscript(ass));
    if (s.value !== a.value) throw new Error('the .srt and the .ass should read as the same transcript');
    transcript = s.value;
    parseSrt.push(s.ms);
    parseAss.push(a.ms);
    const builder = new VocabBuilder(lexicon, analyzer);
    const built = timed(() => builder.build({ format: 'transcript', text: transcript, source: 'bench' }));
    grade.push(built.ms);
    words = built.value.profile.runningWords;
    distinct = built.value.entries.length;
  }

  const os = await startFakeOpenSubtitles({ apiKey: 'bench-key', anonymousDownloads: 1000 });
  const fileId = 9_900_000;
  os.subtitles.push({
    subtitleId: String(fileId),
    fileId,
    language: 'en',
    release: 'Bench.Film.2020.1080p',
    fileName: 'Bench.Film.2020.1080p.en',
    downloads: 5000,
    feature: {
      type: 'Movie',
      title: 'Bench Film',
      year: 2020,
      imdbId: 9900001,
      tmdbId: 9900001,
      featureId: fileId,
    },
    content: srt,
  });
  const env = vocabEnv.parse({ OPENSUBTITLES_API_KEY: 'bench-key', OPENSUBTITLES_BASE_URL: os.baseUrl });
  const fetchTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    // A fresh source each time: nothing remembered between runs (the bot caches on disk instead).
    const source = createOpenSubtitlesSource(env, new CaptureLogger());
    if (!source) throw new Error('no source');
    const t = performance.now();
    const found = await source.find(
      { title: 'Bench Film', year: 2020, kind: 'movie', tmdbId: 9900001 },
      AbortSignal.timeout(30_000),
    );
    fetchTimes.push(performance.now() - t);
    if (!found.found || found.script.text !== transcript) throw new Error('the fake served another file');
  }
  await os.close();

  console.log(
    [
      `node ${process.version}; ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`,
      `subtitles: ${CUES} cues, .srt ${(srt.length / 1024).toFixed(0)} KB, .ass ${(ass.length / 1024).toFixed(0)} KB; ${words} running words, ${distinct} distinct`,
      `parse .srt ${median(parseSrt).toFixed(1)} ms, .ass ${median(parseAss).toFixed(1)} ms (median of ${RUNS})`,
      `grade the transcript ${median(grade).toFixed(0)} ms (median of ${RUNS})`,
      `OpenSubtitles search + download + link from the fake: ${median(fetchTimes).toFixed(0)} ms (median of 3; the client keeps the documented 5 requests/s)`,
    ].join('\n'),
  );
}

await main();
