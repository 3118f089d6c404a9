/**
 * Finished requests (available, already present, failed, cancelled), one JSON line each in
 * DATA_DIR/requests-archive.jsonl. They rarely change again, and lowdb rewrites its whole file on
 * every write, so keeping them out of requests.json keeps each write proportional to the open
 * requests, not to history. Appends are O(1); the last line for an id wins; the file is compacted
 * at start-up once it holds many superseded lines.
 */
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import type { MediaRequest } from '../../src/core/types.js';

export class RequestArchive {
  private constructor(
    readonly path: string,
    /** Latest snapshot per id, as read at start-up plus what was appended since. */
    readonly requests: Map<string, MediaRequest>,
  ) {}

  static async open(path: string): Promise<RequestArchive> {
    const latest = new Map<string, MediaRequest>();
    let lines = 0;
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      lines += 1;
      try {
        const r = JSON.parse(line) as MediaRequest;
        latest.set(r.id, r);
      } catch {
        // A line cut short by a crash mid-append: the snapshot before it still stands.
      }
    }
    const archive = new RequestArchive(path, latest);
    if (lines > 100 && lines > latest.size * 1.5) await archive.compact();
    return archive;
  }

  async append(r: MediaRequest): Promise<void> {
    await appendFile(this.path, `${JSON.stringify(r)}\n`);
    this.requests.set(r.id, r);
  }

  /** Rewrite with one line per id (atomically: temp file, then rename). */
  private async compact(): Promise<void> {
    const tmp = `${this.path}.tmp`;
    await writeFile(tmp, [...this.requests.values()].map((r) => `${JSON.stringify(r)}\n`).join(''));
    await rename(tmp, this.path);
  }
}
