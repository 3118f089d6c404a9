/**
 * ScriptSource over the subtitle files beside the media: Radarr or Sonarr says where the film or
 * episode file is (arr-media-locator.ts), MEDIA_PATH_MAP says where that is on this disk
 * (media-path-map.ts), and the folder's English .srt/.vtt/.ass/.ssa of the same name are read,
 * best first (subtitle-names.ts). The folder and every file are resolved with realpath and must
 * lie inside the mapped folders: a link may point elsewhere in the library, never out of it. A
 * refusal is a ScriptMiss and a log line; the miss never names a host path.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../src/core/ports.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../src/core/vocab/ports.js';
import type { ArrMediaLocator } from './arr-media-locator.js';
import { readSubtitleFile } from './library-subtitle-file.js';
import { arrParts, refusalDetail, type MediaPathMap } from './media-path-map.js';
import { englishSubtitles } from './subtitle-names.js';

export interface LibraryFilesOptions {
  locator: ArrMediaLocator;
  paths: MediaPathMap;
  maxBytes: number;
  logger?: Logger | undefined;
}

export class LibraryFilesSource implements ScriptSource {
  readonly name = 'library files';
  readonly kind = 'library' as const;

  constructor(private readonly opts: LibraryFilesOptions) {}

  async find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup> {
    const located = await this.opts.locator.locate(query, signal);
    if (!located.found) return { found: false, miss: 'not_found', detail: located.detail };
    const { dir, name } = arrParts(located.file.path);
    const folder = await this.opts.paths.resolve(dir);
    if (!folder.ok) return this.refused(dir, folder.why);
    const names = await fileNames(folder.path);
    let last: ScriptLookup = {
      found: false,
      miss: 'not_found',
      detail: 'no English subtitle file beside the media file',
    };
    for (const candidate of englishSubtitles(name, names)) {
      const real = await this.opts.paths.inside(join(folder.path, candidate));
      if (!real.ok) {
        last = this.refused(join(folder.path, candidate), real.why);
        continue;
      }
      const lookup = await readSubtitleFile(real.path, { maxBytes: this.opts.maxBytes, source: 'library' });
      if (lookup.found) return lookup;
      last = lookup;
    }
    return last;
  }

  private refused(path: string, why: Parameters<typeof refusalDetail>[0]): ScriptLookup {
    this.opts.logger?.warn({ path, why }, 'library files: path refused');
    return { found: false, miss: 'not_found', detail: refusalDetail(why) };
  }
}

/** The names of the folder's files and links (folders left out); none when it cannot be read. */
async function fileNames(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return [];
  }
}
