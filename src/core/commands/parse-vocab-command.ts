/**
 * Everything after "vocab" → one typed subcommand: `status`, `word kick`, `export`, `stats`,
 * `backfill French` (admins), or else a list request ("Inception in French", parse-vocab.ts), or
 * the reason it is none (with the text to show). Never throws.
 */
import type { VocabCode } from '../vocab/messages.js';
import type { VocabCommand } from '../vocab/types.js';
import { parseVocab } from './parse-vocab.js';

/** What people do with a movie's translations, once they have asked for its list. */
export type EnrichmentCommand =
  | { kind: 'status' }
  | { kind: 'word'; word: string }
  | { kind: 'export' }
  | { kind: 'stats' }
  | { kind: 'backfill'; language: string };

export type VocabSubcommand = EnrichmentCommand | { kind: 'list'; command: VocabCommand };

export type VocabCommandParse =
  { ok: true; command: VocabSubcommand } | { ok: false; code: VocabCode; text: string };

export function parseVocabCommand(rest: string): VocabCommandParse {
  const enrichment = parseEnrichmentCommand(rest);
  if (enrichment) return { ok: true, command: enrichment };
  const list = parseVocab(rest);
  return list.ok ? { ok: true, command: { kind: 'list', command: list.command } } : list;
}

/** "status", "word kick", "export", "stats", "backfill French"; undefined for anything else. */
function parseEnrichmentCommand(rest: string): EnrichmentCommand | undefined {
  const s = rest
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/?vocab(?:ulary)?(?:@\w+)?\b\s*/i, '')
    .replace(/[\s.!?]+$/, '');
  if (/^status$/i.test(s)) return { kind: 'status' };
  if (/^export$/i.test(s)) return { kind: 'export' };
  if (/^stats$/i.test(s)) return { kind: 'stats' };
  const b = /^backfill(?: (?:in |into )?(.*))?$/i.exec(s);
  if (b) return { kind: 'backfill', language: (b[1] ?? '').trim() };
  const w = /^word(?: (.*))?$/i.exec(s);
  if (w) return { kind: 'word', word: (w[1] ?? '').replace(/^["“”'‘’«]+|["“”'‘’»]+$/g, '').trim() };
  return undefined;
}
