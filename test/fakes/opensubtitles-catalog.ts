/**
 * What the fake OpenSubtitles holds: features (films, episodes) and their subtitles, with the
 * flags the real search answers carry (official API reference, GET /subtitles 200 example:
 * hearing_impaired, machine_translated, ai_translated, foreign_parts_only, download_count). The
 * dialogue is our own, written for the tests; each file opens with a line naming it, so a test
 * can tell which one was downloaded. Answers list them in catalog order, not by downloads, as the
 * API does when `order_by` is not sent.
 */

export interface FakeFeature {
  type: 'Movie' | 'Episode';
  title: string;
  year: number;
  imdbId: number;
  tmdbId: number;
  /** Episodes only. */
  parent?: { title: string; imdbId: number; tmdbId: number; featureId: number };
  season?: number;
  episode?: number;
  featureId: number;
}

export interface FakeSubtitle {
  subtitleId: string;
  fileId: number;
  language: string;
  release: string;
  /** As the API stores it: often without an extension (reference example "…s01e05.en"). */
  fileName: string;
  downloads: number;
  hearingImpaired?: boolean;
  machineTranslated?: boolean;
  aiTranslated?: boolean;
  foreignPartsOnly?: boolean;
  feature: FakeFeature;
  /** The file the download link serves (UTF-8, as the reference promises). */
  content: string;
}

const BODY = [
  'Every dream starts in the middle.',
  'You never remember how you got there, do you?',
  'The architect builds the maze, and the dreamer fills it with secrets.',
  "I'm gonna need a totem before we go any deeper.",
  'We have to abandon the plan and improvise, all right?',
  'If we go too deep, we lose ourselves in limbo for years.',
  'The kick has to be perfectly synchronised with the music.',
  'Nobody has ever done this before, so we will be the first.',
  'Wait, you want me to forge a whole identity in three days?',
  'Trust me. The mind is the scene of the crime.',
  'When the van hits the water, that is our signal to wake up.',
  'Take a leap of faith and come back so we can be young men together.',
];

/** An .srt file: its label line, then the shared dialogue, one cue each. */
export function srt(label: string, extra: string[] = []): string {
  const lines = [`This is the ${label} subtitle.`, ...BODY, ...extra];
  return lines
    .map((text, i) => {
      const at = (s: number) =>
        `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},000`;
      return `${i + 1}\n${at(i * 3)} --> ${at(i * 3 + 2)}\n${text}\n`;
    })
    .join('\n');
}

const inception: FakeFeature = {
  type: 'Movie',
  title: 'Inception',
  year: 2010,
  imdbId: 1375666,
  tmdbId: 27205,
  featureId: 500001,
};
const prestige: FakeFeature = {
  type: 'Movie',
  title: 'The Prestige',
  year: 2006,
  imdbId: 482571,
  tmdbId: 1124,
  featureId: 500002,
};
/** Known to OpenSubtitles by title only: its catalog ids are not linked here. */
const heistNight: FakeFeature = {
  type: 'Movie',
  title: 'Heist Night',
  year: 2021,
  imdbId: 0,
  tmdbId: 0,
  featureId: 500003,
};
const heistNightClub: FakeFeature = {
  type: 'Movie',
  title: 'Heist Night Club',
  year: 2015,
  imdbId: 7000001,
  tmdbId: 880001,
  featureId: 500004,
};
const dreamStreet = { title: 'Dream Street', imdbId: 900001, tmdbId: 7001, featureId: 600000 };
const episode = (n: number, imdbId: number, tmdbId: number): FakeFeature => ({
  type: 'Episode',
  title: `Episode ${n}`,
  year: 2019,
  imdbId,
  tmdbId,
  parent: dreamStreet,
  season: 1,
  episode: n,
  featureId: 600000 + n,
});

let nextFile = 9_000_000;
function sub(
  feature: FakeFeature,
  label: string,
  downloads: number,
  flags: Partial<FakeSubtitle> = {},
): FakeSubtitle {
  const fileId = nextFile++;
  const release = `${feature.parent?.title ?? feature.title}.${feature.year}.${label.replace(/\W+/g, '.')}`;
  return {
    subtitleId: String(fileId - 8_000_000),
    fileId,
    language: 'en',
    release,
    fileName: `${release}.en`,
    downloads,
    feature,
    content: srt(label),
    ...flags,
  };
}

/** A fresh copy per fake: tests may add subtitles of their own. */
export function catalog(): FakeSubtitle[] {
  nextFile = 9_000_000;
  return [
    sub(inception, 'machine-translated', 90_000, { machineTranslated: true }),
    sub(inception, 'AI-translated', 85_000, { aiTranslated: true }),
    sub(inception, 'foreign-parts', 100_000, { foreignPartsOnly: true }),
    sub(inception, 'Spanish', 95_000, { language: 'es' }),
    sub(inception, 'hearing-impaired', 70_000, { hearingImpaired: true }),
    sub(inception, 'plain', 30_000),
    sub(inception, 'rare', 500),
    sub(prestige, 'HI popular', 4_000, { hearingImpaired: true }),
    sub(prestige, 'HI rare', 200, { hearingImpaired: true }),
    sub(heistNightClub, 'club', 9_000),
    sub(heistNight, 'heist night', 1_200),
    sub(episode(1, 900011, 70011), 'S01E01', 800),
    sub(episode(2, 900012, 70012), 'S01E02', 700),
    sub(episode(2, 900012, 70012), 'S01E02 HI', 900, { hearingImpaired: true }),
  ];
}
