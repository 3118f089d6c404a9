/** A hand-made movie vocabulary, a recording notifier and the usual settings for the enrichment tests. */
import type { Notifier } from '../../../src/core/ports.js';
import { userKey, type Reply, type UserRef } from '../../../src/core/types.js';
import {
  EnrichmentQueue,
  type EnrichmentQueueDeps,
  type EnrichmentSettings,
} from '../../../src/core/vocab/enrichment/queue.js';
import type { CefrLevel, MovieVocab, VocabEntry } from '../../../src/core/vocab/types.js';
import { quietLogger, type FakeTime } from './fakes.js';

const LEVELS: CefrLevel[] = ['A2', 'B1', 'B2', 'C1', 'C2'];

/** `n` graded words `word0…`, each with one dialogue line, plus one unlisted interjection. */
export function syntheticVocab(key: string, n: number, title = 'Test Movie'): MovieVocab {
  const entries: VocabEntry[] = [];
  const sentences: MovieVocab['sentences'] = [];
  for (let i = 0; i < n; i++) {
    sentences.push({
      text: `We need the word${i} before the music stops, Cobb.`,
      kind: 'dialogue',
      speaker: 'ARTHUR',
    });
    entries.push({
      lemma: `word${i}`,
      pos: 'noun',
      level: LEVELS[i % LEVELS.length] as CefrLevel,
      source: i % 7 === 0 ? 'estimated' : 'CEFR-J',
      count: n - i,
      forms: [`word${i}`],
      sentences: [i],
    });
  }
  entries.push({ lemma: 'whoa', pos: 'other', source: 'unlisted', count: 1, forms: ['whoa'], sentences: [] });
  const perLevel = { A1: 0, A2: 0, B1: 0, B2: 0, C1: 0, C2: 0 };
  return {
    key,
    title,
    script: { source: 'IMSDb', format: 'screenplay', characters: 1000 },
    analysisVersion: 1,
    analysedAt: new Date(0).toISOString(),
    profile: {
      runningWords: n * 9,
      distinctWords: n,
      perLevel,
      estimated: 0,
      unlisted: 1,
      coverage: { ...perLevel },
    },
    entries,
    sentences,
  };
}

export class RecordingNotifier implements Notifier {
  readonly sent: { to: UserRef; reply: Reply }[] = [];
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
  }
}

/**
 * A notifier in a process that is about to be killed: the send to one person never comes back (a
 * slow chat API, say Telegram's outbox at 30 messages a second), so whatever the process meant to
 * do after it never happens; once `kill`ed, nothing more goes out from it.
 */
export class StallingNotifier extends RecordingNotifier {
  private stallFor: string | undefined;
  private dead = false;
  private onStall: (() => void) | undefined;

  /** The sends to `user` from now on never come back; resolves when the first one is under way. */
  stallAt(user: UserRef): Promise<void> {
    this.stallFor = userKey(user);
    return new Promise((resolve) => (this.onStall = resolve));
  }

  kill(): void {
    this.dead = true;
  }

  override async send(to: UserRef, reply: Reply): Promise<void> {
    if (this.dead) throw new Error('the process is gone');
    if (userKey(to) === this.stallFor) {
      this.onStall?.();
      await new Promise<never>(() => {});
    }
    return super.send(to, reply);
  }
}

export function person(i: number): UserRef {
  return { platform: 'telegram', userId: `u${i}`, chatId: `chat-${i}` };
}

/** The defaults of src/config/vocab-env.ts and adapters/translate/create-enrichment.ts. */
export const SETTINGS: EnrichmentSettings = {
  concurrency: 2,
  perHour: 10,
  quotaPauseMinutes: 60,
  retryMinutes: 5,
  requestTimeoutMs: 80_000,
};

/** A queue on the fakes, with the fake clock as its clock and timers, quiet logs and SETTINGS. */
export function queueOn(
  deps: Omit<EnrichmentQueueDeps, 'clock' | 'timers' | 'logger' | 'settings'> & { time: FakeTime },
  settings: EnrichmentSettings = SETTINGS,
): EnrichmentQueue {
  const { time, ...rest } = deps;
  return new EnrichmentQueue({ ...rest, clock: time, timers: time, logger: quietLogger, settings });
}

/** Let the promises under way settle (the fake clock stands still). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
}

/** The people told "ready", by any of `notifiers`, sorted. */
export function toldReady(...notifiers: RecordingNotifier[]): string[] {
  return notifiers
    .flatMap((n) => n.sent)
    .filter((s) => s.reply.code === 'vocab.enrichReady')
    .map((s) => userKey(s.to))
    .sort();
}
