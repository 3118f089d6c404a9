/**
 * "vocab …": the words after "vocab", parsed into one subcommand and sent where it belongs. A
 * list request goes to the vocabulary service, which `lists` builds on first use (loading the
 * NLP model and the CEFR lists takes about half a second that media-only use never pays);
 * `status`, `word`, `export`, `stats` and `backfill` go to the enrichment desk, which needs no model,
 * and so do the clicks in a list's browser (browser/vocab-browser.ts).
 */
import { parseVocabCommand } from '../commands/parse-vocab-command.js';
import type { IncomingMessage, Reply, UserRef } from '../types.js';
import { browserFor } from './browser/vocab-browser.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';
import type { VocabService } from './vocab-service.js';

export class VocabDesk {
  constructor(
    private readonly enrichment: EnrichmentDesk,
    /** The vocabulary service; rejects when it cannot be built (lists missing), and tries again next time. */
    private readonly lists: () => Promise<VocabService>,
  ) {}

  async handle(args: string, msg: IncomingMessage): Promise<Reply> {
    const parsed = parseVocabCommand(args);
    if (!parsed.ok) return { code: parsed.code, text: parsed.text };
    const cmd = parsed.command;
    if (cmd.kind === 'list') return (await this.lists()).handle(cmd.command, msg);
    return this.enrichment.handle(cmd, msg);
  }

  browse(data: string, user: UserRef): Promise<Reply> {
    return browserFor(this.enrichment).click(data, user);
  }
}
