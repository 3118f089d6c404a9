/**
 * Messages that stand for work in progress: the "working on it" message of a slow command, and
 * the message of a background job (a Reply with `progress.jobKey`) that later replies for the
 * same job edit instead of piling up new messages. Each message has its own edit throttle.
 */
import type { Reply } from '../../../src/core/types.js';
import { ThrottledEditor } from './progress.js';
import type { Sender, SentMessage } from './sender.js';

export interface Tracked {
  target: SentMessage;
  editor: ThrottledEditor<Reply>;
}

export class StatusBoard {
  /** By `<chatId>|<jobKey>`; insertion order doubles as age for eviction. */
  private readonly jobs = new Map<string, Tracked>();

  constructor(
    private readonly sender: Sender,
    private readonly minIntervalMs: number,
    private readonly maxJobs = 500,
  ) {}

  /** Start throttling edits to a message that was just sent. */
  track(target: SentMessage): Tracked {
    const editor = new ThrottledEditor<Reply>((r) => this.sender.editInto(target, r), this.minIntervalMs);
    return { target, editor };
  }

  /** Later replies for `key` edit this message; edits still waiting for the one before are dropped. */
  follow(key: string, tracked: Tracked): void {
    const before = this.jobs.get(key);
    // A pending edit drew what the message showed before (a list page the person has left since).
    if (before && before !== tracked) before.editor.cancel();
    this.jobs.delete(key);
    this.jobs.set(key, tracked);
    while (this.jobs.size > this.maxJobs) {
      const oldest = this.jobs.keys().next().value;
      if (oldest === undefined) break;
      this.jobs.get(oldest)?.editor.cancel();
      this.jobs.delete(oldest);
    }
  }

  /** The job's message, when one is followed and can show `reply` (a file needs a new message). */
  forJob(key: string, reply: Reply): Tracked | undefined {
    const tracked = this.jobs.get(key);
    return tracked && reply.document === undefined ? tracked : undefined;
  }
}
