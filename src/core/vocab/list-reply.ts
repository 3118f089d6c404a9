/**
 * The reply to a vocabulary list: the first page of the browser (browser/), with the profile and
 * the words at the asked level, buttons for the other levels, pages and words, and under it what
 * happens about translations (a job started, joined or ready).
 */
import type { Reply, UserRef } from '../types.js';
import { browserFor } from './browser/vocab-browser.js';
import { layoutFor } from './browser/layout.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';
import type { MovieVocab, VocabCommand } from './types.js';

export interface ListReplyDeps {
  /** Longest reply text (a page is shorter still where the chat allows less). */
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
  const maxChars = Math.min(deps.maxReplyChars, layoutFor(user.platform).maxChars);
  return browserFor(deps.enrichment).firstPage(vocab, cmd, user, footer, maxChars);
}
