/**
 * Instances on ClusterLocks: each holds the run lock `instance:<id>` for as long as it runs, so
 * another finds it alive while that lock is taken. On PostgreSQL the lock is a session's advisory
 * lock, gone with the session when the process dies; in one process, ids of earlier runs are
 * never held, so what a crashed run owned is taken up after the restart.
 */
import type { ClusterLocks, Instances } from './ports.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export class LiveInstances implements Instances {
  readonly self: string;
  private release: (() => void) | undefined;
  private held: Promise<unknown> | undefined;

  constructor(
    private readonly locks: ClusterLocks,
    readonly shared: boolean,
    random: () => number = Math.random,
  ) {
    let id = '';
    for (let i = 0; i < 12; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
    this.self = id;
  }

  /** Take this instance's lock; resolves once it is held. */
  async start(): Promise<void> {
    if (this.held) return;
    let taken!: () => void;
    const holding = new Promise<void>((r) => (taken = r));
    const released = new Promise<void>((r) => (this.release = r));
    this.held = this.locks.tryRun(`instance:${this.self}`, async () => {
      taken();
      await released;
    });
    // Resolves with `ran: false` only if the id were already held: then it is not ours to wait on.
    await Promise.race([holding, this.held]);
  }

  async stop(): Promise<void> {
    this.release?.();
    await this.held;
    this.held = undefined;
  }

  async isAlive(id: string): Promise<boolean> {
    if (id === this.self) return true;
    const probe = await this.locks.tryRun(`instance:${id}`, async () => undefined);
    return !probe.ran;
  }
}
