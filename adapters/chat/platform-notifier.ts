/**
 * The app's Notifier: a later message goes to the chat adapter of the person's platform. With
 * several instances on one database, the one doing the work (the cron's tick, an enrichment job)
 * may not run that platform's chat: then the message goes on the relay (DATABASE_URL:
 * ../store/pg/pg-message-relay.ts) and an instance that runs the chat sends it. Without a relay
 * it is dropped with a warning, as a single process has nobody else to hand it to.
 */
import type { Logger, Notifier, SendOptions } from '../../src/core/ports.js';
import { userKey, type Platform, type Reply, type UserRef } from '../../src/core/types.js';

/** Messages kept for whichever instance runs the chat of their platform. */
export interface MessageRelay {
  /** Keep `reply` until an instance running `to.platform`'s chat takes it. */
  put(to: UserRef, reply: Reply): Promise<void>;
  /**
   * From now until stop(), hand each message kept for one of `platforms()` to `deliver`, once
   * per message (at least once should this instance die mid-send). A delivery that throws is
   * tried again later, a few times.
   */
  drain(platforms: () => readonly Platform[], deliver: Notifier): void;
  /** Stop draining; resolves once a delivery in flight has finished. put() still works. */
  stop(): Promise<void>;
  /** Stop, and release the relay's connections. Idempotent. */
  close(): Promise<void>;
}

/** Routes a later reply to the chat adapter of the platform the request came from. */
export class PlatformNotifier implements Notifier {
  readonly byPlatform = new Map<Platform, Notifier>();

  constructor(
    private readonly logger: Logger,
    private readonly relay?: MessageRelay,
  ) {}

  async send(to: UserRef, reply: Reply, opts?: SendOptions): Promise<void> {
    const target = this.byPlatform.get(to.platform);
    if (target) return target.send(to, reply, opts);
    const fields = { user: userKey(to), code: reply.code };
    // HTTP API callers poll GET /api/requests; there is nobody to push to, here or elsewhere.
    if (to.platform !== 'http' && this.relay) {
      await this.relay.put(to, reply);
      this.logger.debug(
        fields,
        'no chat adapter running here for this platform; relayed to the instance that runs it',
      );
      return;
    }
    const msg = 'no chat adapter running for this platform; notification dropped';
    if (to.platform === 'http') this.logger.debug(fields, msg);
    else this.logger.warn(fields, msg);
  }

  /** Send the relay's messages for the platforms attached here (call once the chats started). */
  startRelay(): void {
    this.relay?.drain(() => [...this.byPlatform.keys()], {
      send: async (to, reply) => {
        const target = this.byPlatform.get(to.platform);
        if (!target) throw new Error(`no ${to.platform} chat here any more`);
        await target.send(to, reply);
      },
    });
  }

  /** Stop sending the relay's messages (before the chats stop). */
  stopRelay(): Promise<void> {
    return this.relay?.stop() ?? Promise.resolve();
  }

  /** Release the relay's connections (after the last message is sent). */
  close(): Promise<void> {
    return this.relay?.close() ?? Promise.resolve();
  }
}
