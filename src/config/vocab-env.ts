import { z } from 'zod';
import { optionalString, optionalUrl, urlWithDefault } from './env-helpers.js';

/** Script sources and translators for "vocab <movie> in <language>". */
export const vocabEnv = z.object({
  IMSDB_BASE_URL: urlWithDefault('https://imsdb.com'),
  OPENSUBTITLES_API_KEY: optionalString(),
  OPENSUBTITLES_BASE_URL: urlWithDefault('https://api.opensubtitles.com/api/v1'),
  DEEPL_API_KEY: optionalString(),
  /** Host root; when unset, keys ending ":fx" use the free host. */
  DEEPL_BASE_URL: optionalUrl(),
  LIBRETRANSLATE_URL: optionalUrl(),
  LIBRETRANSLATE_API_KEY: optionalString(),
});
export type VocabEnv = z.infer<typeof vocabEnv>;
