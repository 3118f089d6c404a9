/**
 * An on-disk cache in front of a ScriptSource: one JSON file per movie or episode (keyed as in
 * movie-key.ts: `inception-2010`, `breaking-bad-2008-s01e01`) under its own folder, one per source
 * (IMSDb's is DATA_DIR/scripts/). A script is fetched once, however many people ask and however
 * often; concurrent asks for one not yet cached share one fetch. Only found scripts are cached;
 * misses are asked again.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import { movieKey } from '../../src/core/vocab/movie-key.js';
import type {
  ScriptLookup,
  ScriptQuery,
  ScriptSource,
  ScriptSourceKind,
} from '../../src/core/vocab/ports.js';
import { SingleFlight } from '../../src/core/vocab/single-flight.js';
import { fileNameFor, readJson, writeJsonAtomic } from '../store/atomic-json.js';

const cachedScript = z.object({
  key: z.string(),
  fetchedAt: z.string(),
  script: z.object({
    format: z.enum(['screenplay', 'transcript']),
    text: z.string(),
    source: z.string(),
    origin: z.string().optional(),
  }),
});

export interface ScriptCacheOptions {
  /** DATA_DIR/scripts */
  dir: string;
  logger?: Logger;
  now?: () => Date;
}

export class CachedScriptSource implements ScriptSource {
  readonly name: string;
  readonly kind: ScriptSourceKind;
  private readonly flights = new SingleFlight<ScriptLookup>();

  constructor(
    private readonly inner: ScriptSource,
    private readonly opts: ScriptCacheOptions,
  ) {
    this.name = inner.name;
    this.kind = inner.kind;
  }

  find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup> {
    const key = movieKey(query.title, query.year, query.episode);
    return this.flights.run(key, async () => {
      const path = join(this.opts.dir, fileNameFor(key));
      const cached = cachedScript.safeParse(await readJson(path));
      if (cached.success) {
        const { origin, ...rest } = cached.data.script;
        return { found: true, script: origin === undefined ? rest : { ...rest, origin } };
      }
      const lookup = await this.inner.find(query, signal);
      if (lookup.found) {
        const fetchedAt = (this.opts.now?.() ?? new Date()).toISOString();
        await writeJsonAtomic(path, { key, fetchedAt, script: lookup.script });
        this.opts.logger?.info({ key, chars: lookup.script.text.length }, 'script cached');
      }
      return lookup;
    });
  }
}
