/**
 * The reply to a vocabulary list: the profile and the words at the asked level, and under it what
 * happens about translations (a job started, joined or ready).
 */
import type { Reply, UserRef } from '../types.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';
import { renderVocab } from './render-vocab.js';
import type { MovieVocab, VocabCommand } from './types.js';

export interface ListReplyDeps {
  /** Longest reply text. */
  maxReplyChars: number;
  enrichment?: EnrichmentDesk;
}

export async function listReply(
  vocab: MovieVocab,
  cmd: VocabCommand,
  user: UserRef,
  deps: ListReplyDeps,
): Promise<Reply> {
  const footer = await deps.enrichment?.onList(vocab, cmd, user);
  const maxChars = deps.maxReplyChars;
  const text = renderVocab(vocab, {
    range: cmd.range,
    ...(cmd.language ? { language: cmd.language } : {}),
    maxChars: footer ? Math.max(200, maxChars - footer.text.length - 2) : maxChars,
  });
  const reply: Reply = { code: 'vocab.profile', text: footer ? `${text}\n\n${footer.text}` : text };
  if (footer?.progress) {
    reply.progress = footer.progress;
    deps.enrichment?.shown(user, footer.progress.jobKey, text);
  }
  return reply;
}
