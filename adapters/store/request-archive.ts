/**
 * Finished requests (available, already present, failed, cancelled), one JSON line each in
 * DATA_DIR/requests-archive.jsonl. They rarely change again, and lowdb rewrites its whole file on
 * every write, so keeping them out of requests.json keeps each write proportional to the open
 * requests, not to history. Appends are O(1) and flushed; the last line for an id wins.
 *
 * Opening only reads: a line that does not parse (an append cut short) or is not a valid request
 * is skipped and logged. The first append then does the repairs: skipped lines go to the
 * quarantine file and the archive is rewritten without them, compacted to one line per id when it
 * holds many superseded lines. Deferring them to a write means a second process that opens the
 * folder and is then refused the lock (app.ts) never rewrites the archive under the running bot.
 */
import type { Logger } from '../../src/core/ports.js';
import type { MediaRequest } from '../../src/core/types.js';
import { appendLines, readIfExists, writeFileDurable } from './durable-file.js';
import { describeIssues, idOf, logRejected, quarantine, type Rejected } from './quarantine.js';
import { storedRequest } from './record-schemas.js';

export class RequestArchive {
  private constructor(
    readonly path: string,
    /** Latest snapshot per id, as read at start-up plus what was appended since. */
    readonly requests: Map<string, MediaRequest>,
    /** Non-empty lines in the file. */
    private lines: number,
    /** Lines skipped at open, quarantined by the first append. */
    private rejected: Rejected[],
  ) {}

  static async open(path: string, logger?: Logger): Promise<RequestArchive> {
    const latest = new Map<string, MediaRequest>();
    const rejected: Rejected[] = [];
    let lines = 0;
    const text = (await readIfExists(path)) ?? '';
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      lines += 1;
      const where = `line ${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line) as unknown;
      } catch {
        rejected.push({ id: where, reason: 'not valid JSON (an append cut short?)', record: line });
        return;
      }
      const parsed = storedRequest.safeParse(raw);
      if (parsed.success) latest.set(parsed.data.id, parsed.data);
      else rejected.push({ id: idOf(raw, 'id') ?? where, reason: describeIssues(parsed.error), record: raw });
    });
    logRejected(path, rejected, logger);
    return new RequestArchive(path, latest, lines, rejected);
  }

  async append(r: MediaRequest): Promise<void> {
    const compactDue = this.lines > 100 && this.lines > this.requests.size * 1.5;
    if (this.rejected.length > 0 || compactDue) await this.rewrite(r);
    else {
      await appendLines(this.path, JSON.stringify(r));
      this.lines += 1;
    }
    this.requests.set(r.id, r);
  }

  /** Quarantine what was skipped, then write one line per id (with `r`), atomically. */
  private async rewrite(r: MediaRequest): Promise<void> {
    await quarantine(this.path, this.rejected);
    const all = new Map(this.requests).set(r.id, r);
    await writeFileDurable(this.path, [...all.values()].map((x) => `${JSON.stringify(x)}\n`).join(''));
    this.rejected = [];
    this.lines = all.size;
  }
}
