/**
 * Which subtitle files beside a video hold its English dialogue, best first. Names are read the
 * way Bazarr's own scanner reads them (morpheus65535/bazarr
 * custom_libs/subliminal_patch/core.py `_search_external_subtitles`): the video's file name
 * without its extension (any case), then dot tags, then .srt, .vtt, .ass or .ssa. A tag is a
 * language (`en`, `eng`, `english`, `en-US`; no language tag means the video's own, taken as
 * English) or a flag: `forced` (only the lines in another language: never the whole film),
 * `hi`/`sdh`/`cc` (hearing impaired: read only when there is nothing plainer), `default`/`normal`.
 * Any other tag (another language, "commentary") rules the file out.
 */

const EXTENSIONS = ['srt', 'vtt', 'ass', 'ssa'] as const;
const ENGLISH = /^(?:en|eng|english)(?:[-_][a-z]{2,4})?$/i;
const HEARING_IMPAIRED = new Set(['hi', 'sdh', 'cc']);
const NEUTRAL = new Set(['default', 'normal']);

export interface SubtitleRank {
  /** Hearing-impaired: sound notes and speaker labels besides the dialogue. */
  hi: boolean;
  /** Says it is English, rather than saying no language at all. */
  tagged: boolean;
  name: string;
}

/** Plain before hearing-impaired, said-English before untagged, then .srt, .vtt, .ass, .ssa. */
export function byPreference(a: SubtitleRank, b: SubtitleRank): number {
  return (
    Number(a.hi) - Number(b.hi) ||
    Number(b.tagged) - Number(a.tagged) ||
    extensionRank(a.name) - extensionRank(b.name) ||
    a.name.localeCompare(b.name)
  );
}

/** The place of a file's extension in EXTENSIONS; past the end when it is none of them. */
export function extensionRank(name: string): number {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const at = (EXTENSIONS as readonly string[]).indexOf(ext);
  return at < 0 ? EXTENSIONS.length : at;
}

/** The English subtitle files for `videoName` among `names` (one folder's entries), best first. */
export function englishSubtitles(videoName: string, names: readonly string[]): string[] {
  const stem = videoName.replace(/\.[^.]+$/, '').toLowerCase();
  const found: SubtitleRank[] = [];
  for (const name of names) {
    if (extensionRank(name) >= EXTENSIONS.length) continue;
    const root = name.replace(/\.[^.]+$/, '');
    if (!root.toLowerCase().startsWith(stem)) continue;
    const rest = root.slice(stem.length);
    if (rest !== '' && !rest.startsWith('.')) continue;
    const tags = rest.split('.').filter(Boolean);
    const languages = tags.filter((t) => ENGLISH.test(t));
    const flags = tags.filter((t) => !ENGLISH.test(t)).map((t) => t.toLowerCase());
    if (languages.length > 1 || flags.includes('forced')) continue;
    if (!flags.every((f) => HEARING_IMPAIRED.has(f) || NEUTRAL.has(f))) continue;
    found.push({ name, hi: flags.some((f) => HEARING_IMPAIRED.has(f)), tagged: languages.length === 1 });
  }
  return found.sort(byPreference).map((f) => f.name);
}
