/**
 * The answers of the vocabulary service that are not a profile: why there is no script (from a
 * site or from a file), and why a script site could not be asked.
 */
import type { UpstreamError } from '../errors.js';
import type { Reply } from '../types.js';
import { vocabReply } from './messages.js';
import type { ScriptLookup } from './ports.js';

/** Where a script was looked for: a site by name, or a file (sent or local) by file name. */
export type Origin = { site: string } | { file: string };

export function missReply(lookup: ScriptLookup & { found: false }, title: string, from: Origin): Reply {
  const mb = Number(lookup.detail) / (1024 * 1024);
  const maxMb = Number.isFinite(mb) ? +mb.toFixed(1) : 2;
  if ('file' in from) {
    const file = from.file;
    switch (lookup.miss) {
      case 'not_found':
        return vocabReply('vocab.fileNotFound', { file });
      case 'too_short':
        return vocabReply('vocab.fileTooShort', { file, chars: lookup.detail ?? '?' });
      case 'too_large':
        return vocabReply('vocab.fileTooLarge', { file, maxMb });
      case 'not_script':
      case 'quota':
        return vocabReply('vocab.fileNotScript', { file, detail: lookup.detail ?? 'unknown content' });
    }
  }
  const source = from.site;
  switch (lookup.miss) {
    case 'not_found':
      return vocabReply('vocab.noScript', { title, source });
    case 'too_short':
      return vocabReply('vocab.scriptTooShort', { title, source, chars: lookup.detail ?? '?' });
    case 'too_large':
      return vocabReply('vocab.scriptTooLarge', { title, source, maxMb });
    case 'not_script':
      return vocabReply('vocab.notAScript', { title, source, detail: lookup.detail ?? 'unknown content' });
    case 'quota':
      return vocabReply('vocab.sourceQuota', { title, source, resets: resetsAt(lookup.detail) });
  }
}

/** " (it resets at 00:00 UTC)" from an ISO time; empty when the source did not say. */
function resetsAt(iso: string | undefined): string {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return '';
  return ` (it resets at ${at.toISOString().slice(11, 16)} UTC)`;
}

/** "dream-heist.en.srt" → "dream heist". */
export function fileTitle(filename: string): string {
  return filename
    .replace(/(?:\.[a-z]{2,3})?\.[^.]+$/i, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
}

export function why(e: UpstreamError): string {
  switch (e.failure) {
    case 'unavailable':
      return 'it is not answering';
    case 'timeout':
      return 'it took too long to answer';
    case 'rate_limited':
      return 'it asked us to slow down';
    case 'server_error':
      return `it had an error${e.status ? ` (${e.status})` : ''}`;
    case 'auth':
      return 'it refused access';
    default:
      return 'it sent an answer I could not read';
  }
}

export function sourceName(service: string, fallback: string): string {
  return service === 'imsdb' ? 'IMSDb' : service || fallback;
}
