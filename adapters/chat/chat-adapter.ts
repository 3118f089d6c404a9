import type { Core } from '../../src/core/core.js';
import type { Notifier } from '../../src/core/ports.js';
import type { Platform } from '../../src/core/types.js';
import type { WebhookReceiver } from '../http-server/webhook-routes.js';

/**
 * A chat platform: turns its events into core calls and core replies into its messages, and
 * delivers later notifications (it is the Notifier for its own platform).
 */
export interface ChatAdapter extends Notifier {
  readonly platform: Platform;
  /** Set when updates arrive by webhook: the HTTP server mounts it (before the chat starts). */
  readonly webhook?: WebhookReceiver;
  /**
   * Connect and start serving `core`. Resolves once the adapter is receiving. May be called again
   * after it rejected (chat-supervisor.ts retries it); an UpstreamError with failure `auth` (the
   * token was refused) means trying again cannot help. `lost` is called, at most once per start,
   * when the adapter stops receiving after it started: the supervisor stops it, then starts it
   * again, or (`final`: another receiver took over, the token was revoked) shows it failed.
   */
  start(core: Core, lost?: (err: unknown, final: boolean) => void): Promise<void>;
  /** Stop receiving and wait for handlers in flight. */
  stop(): Promise<void>;
}
