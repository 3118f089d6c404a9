/**
 * MEDIA_PATH_MAP: where the folders Radarr, Sonarr and Bazarr name are on the bot's disk, as
 * "arr-path:bot-path" pairs, comma-separated (`/data/movies:/mnt/movies,/data/tv:/mnt/tv`). Both
 * sides are absolute; the *arr side may be a Windows path (`D:\Movies:/mnt/movies`), so the pair
 * is split at the one colon that leaves an absolute path on each side. The same folder seen the
 * same way by both is written as itself (`/data/media:/data/media`). These folders are the only
 * ones the bot reads subtitles from.
 */
import { z } from 'zod';

export interface MediaPathPair {
  /** The folder as the *arr reports it. */
  from: string;
  /** The same folder on this machine. */
  to: string;
}

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;
const DOT_SEGMENT = /(?:^|[\\/])\.\.?(?:[\\/]|$)/;

const usable = (p: string) => ABSOLUTE.test(p) && !DOT_SEGMENT.test(p) && !p.includes('\0');

/** The pair `entry` stands for, when exactly one colon splits it into two absolute paths. */
function split(entry: string): MediaPathPair | undefined {
  const pairs: MediaPathPair[] = [];
  for (let i = entry.indexOf(':'); i >= 0; i = entry.indexOf(':', i + 1)) {
    const from = entry.slice(0, i).trim();
    const to = entry.slice(i + 1).trim();
    if (usable(from) && usable(to)) pairs.push({ from, to });
  }
  return pairs.length === 1 ? pairs[0] : undefined;
}

/** `/data/movies/` and `/data/movies` are one folder; Windows folders ignore case. */
export function folderKey(path: string): string {
  const unified = path.replace(/\\/g, '/').replace(/(.)\/+$/, '$1');
  return /^(?:[A-Za-z]:|\/\/)/.test(unified) ? unified.toLowerCase() : unified;
}

export const mediaPathMap = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const out: MediaPathPair[] = [];
      for (const entry of (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const pair = split(entry);
        if (!pair) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not arr-path:bot-path with an absolute path on each side and no "..": e.g. /data/movies:/mnt/movies`,
          });
          continue;
        }
        if (out.some((p) => folderKey(p.from) === folderKey(pair.from))) {
          ctx.addIssue({ code: 'custom', message: `"${pair.from}" is mapped twice` });
          continue;
        }
        out.push(pair);
      }
      return out;
    });
