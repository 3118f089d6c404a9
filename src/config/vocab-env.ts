import { z } from 'zod';
import { intWithDefault, optionalString, optionalUrl, urlWithDefault } from './env-helpers.js';
import { mediaPathMap } from './media-path-map-env.js';

/** Script sources and translators for "vocab <movie> in <language>". */
export const vocabEnv = z.object({
  IMSDB_BASE_URL: urlWithDefault('https://imsdb.com'),
  OPENSUBTITLES_API_KEY: optionalString(),
  OPENSUBTITLES_BASE_URL: urlWithDefault('https://api.opensubtitles.com/api/v1'),
  /** Sent as the User-Agent "<name> v<version>" that OpenSubtitles requires of every app. */
  OPENSUBTITLES_APP_NAME: optionalString(),
  /** An OpenSubtitles account: without one, downloads count against the API key's small anonymous quota. */
  OPENSUBTITLES_USERNAME: optionalString(),
  OPENSUBTITLES_PASSWORD: optionalString(),
  /** Bazarr, the *arr family's subtitle manager: English subtitles it already holds for your library. */
  BAZARR_URL: optionalUrl(),
  BAZARR_API_KEY: optionalString(),
  /** "arr-path:bot-path" pairs, comma-separated, for subtitle files next to the media (/data/movies:/mnt/movies). */
  MEDIA_PATH_MAP: mediaPathMap(),
  DEEPL_API_KEY: optionalString(),
  /** Host root; when unset, keys ending ":fx" use the free host. */
  DEEPL_BASE_URL: optionalUrl(),
  LIBRETRANSLATE_URL: optionalUrl(),
  LIBRETRANSLATE_API_KEY: optionalString(),
  /** An Apertium APy server (rule-based, self-hosted; few English pairs: Spanish, Catalan …). */
  APERTIUM_URL: optionalUrl(),
  /** A folder of FreeDict dictd files (eng-deu.index + eng-deu.dict.dz …): offline word glosses. */
  DICTIONARY_DIR: optionalString(),
  /** Texts per LibreTranslate request (match the server's --batch-limit). */
  LIBRETRANSLATE_BATCH: intWithDefault(50, 1, 1000),
  /** Enrichment jobs (translations per movie and language) running at once. */
  ENRICH_CONCURRENCY: intWithDefault(2, 1, 16),
  /** New enrichment jobs one person may start per hour (asking for a finished one never counts). */
  ENRICH_PER_HOUR: intWithDefault(10, 0, 10_000),
  /** Minutes a job waits after the translation quota ran out (DeepL 456) before trying again. */
  ENRICH_QUOTA_PAUSE_MINUTES: intWithDefault(60, 1, 7 * 24 * 60),
  /** On PostgreSQL: seconds between looks for jobs a dead instance left (and ends it did not tell). */
  ENRICH_TAKEOVER_SECONDS: intWithDefault(30, 1, 3600),
  /** Milliseconds one translation request may take. */
  TRANSLATE_TIMEOUT_MS: intWithDefault(20_000, 500, 120_000),
  /** Largest script page or file read, in bytes (IMSDb pages are 100–800 KB). */
  SCRIPT_MAX_BYTES: intWithDefault(2 * 1024 * 1024, 10_000, 50 * 1024 * 1024),
  /** Milliseconds one request to a script site may take. */
  SCRIPT_TIMEOUT_MS: intWithDefault(15_000, 500, 120_000),
  /** Longest vocabulary reply, in characters (Telegram's limit is 4096). */
  VOCAB_REPLY_MAX_CHARS: intWithDefault(3500, 500, 4000),
});
export type VocabEnv = z.infer<typeof vocabEnv>;
