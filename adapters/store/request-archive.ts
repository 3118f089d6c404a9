/**
 * Finished requests (available, already present, failed, cancelled), one JSON line each in
 * DATA_DIR/requests-archive.jsonl. They rarely change again, and lowdb rewrites its whole file on
 * every write, so keeping them out of requests.json keeps each write proportional to the open
 * requests, not to history. Appends are O(1) and flushed; the last line for an id wins.
 *
 * Memory stays proportional to the open requests too: for each archived id only a small summary
 * is held (where its latest line is, its status, owner and creation time, which is all that
 * filtering and sorting need), and the record itself is read back from the file when asked for.
 * A bot that has served 20,000 requests holds about 3 MB of summaries instead of every audit trail
 * (test/bench/soak.ts).
 *
 * Opening only reads: a line that does not parse (an append cut short) or is not a valid request
 * is skipped and logged. The first append then does the repairs: skipped lines go to the
 * quarantine file and the archive is rewritten without them, compacted to one line per id when it
 * holds many superseded lines. Deferring them to a write means a second process that opens the
 * folder and is then refused the lock (app.ts) never rewrites the archive under the running bot.
 */
import { open } from 'node:fs/promises';
import type { Logger } from '../../src/core/ports.js';
import { userKey, type MediaRequest, type RequestStatus } from '../../src/core/types.js';
import { appendLines, DataFileError, readBytesIfExists, writeFileDurable } from './durable-file.js';
import { describeIssues, idOf, logRejected, quarantine, type Rejected } from './quarantine.js';
import { storedRequest } from './record-schemas.js';

/** What is kept in memory for an archived request. */
export interface ArchivedSummary {
  status: RequestStatus;
  /** userKey of the person who asked. */
  user: string;
  createdAt: string;
}

interface Entry extends ArchivedSummary {
  /** Byte offset and length of the request's latest line in the file. */
  offset: number;
  length: number;
}

export class RequestArchive {
  /** Bumped when a rewrite starts and when it ends: a read that saw it change reads again. */
  private generation = 0;
  private rewriting: Promise<void> | undefined;
  /** Repeated strings (owners, statuses) shared rather than held once per request. */
  private readonly interned = new Map<string, string>();

  private constructor(
    readonly path: string,
    private readonly entries: Map<string, Entry>,
    /** Non-empty lines in the file. */
    private lines: number,
    /** Lines skipped at open, quarantined by the first append. */
    private rejected: Rejected[],
  ) {}

  static async open(path: string, logger?: Logger): Promise<RequestArchive> {
    const archive = new RequestArchive(path, new Map(), 0, []);
    const bytes = (await readBytesIfExists(path)) ?? Buffer.alloc(0);
    let start = 0;
    let lineNo = 0;
    while (start < bytes.length) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl === -1 ? bytes.length : nl;
      lineNo += 1;
      archive.readLine(bytes.subarray(start, end), start, lineNo);
      start = end + 1;
    }
    logRejected(path, archive.rejected, logger);
    return archive;
  }

  private readLine(line: Buffer, offset: number, lineNo: number): void {
    const text = line.toString('utf8');
    if (!text.trim()) return;
    this.lines += 1;
    const where = `line ${lineNo}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      this.rejected.push({ id: where, reason: 'not valid JSON (an append cut short?)', record: text });
      return;
    }
    const parsed = storedRequest.safeParse(raw);
    if (parsed.success) this.remember(parsed.data, offset, line.length);
    else
      this.rejected.push({ id: idOf(raw, 'id') ?? where, reason: describeIssues(parsed.error), record: raw });
  }

  private remember(r: MediaRequest, offset: number, length: number): void {
    this.entries.set(r.id, {
      offset,
      length,
      status: this.intern(r.status) as RequestStatus,
      user: this.intern(userKey(r.user)),
      createdAt: r.createdAt,
    });
  }

  private intern(s: string): string {
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    this.interned.set(s, s);
    return s;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Every archived id with its summary, to filter and sort before reading any record. */
  summaries(): IterableIterator<[string, ArchivedSummary]> {
    return this.entries.entries();
  }

  async get(id: string): Promise<MediaRequest | undefined> {
    if (!this.entries.has(id)) return undefined;
    const [found] = await this.getMany([id]);
    return found;
  }

  /** The records of `ids` (archived ones; others are left out), read from the file in one pass. */
  async getMany(ids: readonly string[]): Promise<MediaRequest[]> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await this.rewriting;
      const generation = this.generation;
      const wanted = ids.flatMap((id) => {
        const e = this.entries.get(id);
        return e ? [{ id, ...e }] : [];
      });
      if (wanted.length === 0) return [];
      const out = await this.readAt(wanted);
      if (out && generation === this.generation) return out;
    }
    throw new DataFileError(this.path, `${this.path}: archived requests could not be read back`);
  }

  /** Undefined when a line is not the record the index expected (the file was rewritten meanwhile). */
  private async readAt(wanted: (Entry & { id: string })[]): Promise<MediaRequest[] | undefined> {
    const fh = await open(this.path, 'r');
    try {
      const out: MediaRequest[] = [];
      for (const w of wanted) {
        const buf = Buffer.alloc(w.length);
        await fh.read(buf, 0, w.length, w.offset);
        let raw: unknown;
        try {
          raw = JSON.parse(buf.toString('utf8')) as unknown;
        } catch {
          return undefined;
        }
        const parsed = storedRequest.safeParse(raw);
        if (!parsed.success || parsed.data.id !== w.id) return undefined;
        out.push(parsed.data);
      }
      return out;
    } finally {
      await fh.close();
    }
  }

  async append(r: MediaRequest): Promise<void> {
    const compactDue = this.lines > 100 && this.lines > this.entries.size * 1.5;
    if (this.rejected.length > 0 || compactDue) {
      await this.rewrite(r);
      return;
    }
    const line = JSON.stringify(r);
    const offset = await appendLines(this.path, line);
    this.lines += 1;
    this.remember(r, offset, Buffer.byteLength(line));
  }

  /** Quarantine what was skipped, then write one line per id (with `r`), atomically. */
  private async rewrite(r: MediaRequest): Promise<void> {
    let done!: () => void;
    const rewriting = new Promise<void>((resolve) => (done = resolve));
    const others = [...this.entries.keys()].filter((id) => id !== r.id);
    const kept = await this.getMany(others);
    this.rewriting = rewriting;
    this.generation += 1;
    try {
      await quarantine(this.path, this.rejected);
      const all = [...kept, r];
      const lines = all.map((x) => JSON.stringify(x));
      await writeFileDurable(this.path, lines.map((l) => `${l}\n`).join(''));
      this.entries.clear();
      let offset = 0;
      all.forEach((x, i) => {
        const length = Buffer.byteLength(lines[i] as string);
        this.remember(x, offset, length);
        offset += length + 1;
      });
      this.rejected = [];
      this.lines = all.length;
    } finally {
      this.generation += 1;
      this.rewriting = undefined;
      done();
    }
  }
}
