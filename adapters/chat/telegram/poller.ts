/**
 * Long polling (getUpdates with `timeout` and `offset`), run by us rather than `bot.launch()`:
 * launch() cannot be stopped until polling has actually begun ("Bot is not running!"), awaits the
 * slowest handler of each batch before polling again (one slow classification would hold every
 * other chat), and waits a fixed 5 s after a network error. Here a batch is confirmed (the next
 * getUpdates' offset) once its updates are taken — an "add" on disk, anything else answered — or
 * after TAKE_WITHIN_MS, so one slow answer holds the others briefly; a stop is honoured at any
 * moment, and the wait after a failure is configurable.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../../src/core/ports.js';
import { apiErrorOf, describeError } from './api-errors.js';

type CallApiOptions = NonNullable<Parameters<Telegram['callApi']>[2]>;
type Dispatch = (update: Update) => Promise<void>;

/** The longest a batch waits to be taken before the next poll confirms it anyway. */
const TAKE_WITHIN_MS = 1000;

export interface PollerOptions {
  /** Seconds the server may hold a getUpdates open (Telegram allows up to 50). */
  timeoutSec: number;
  /** Wait after a network error or 5xx without `retry_after`, in ms. */
  retryDelayMs: number;
  allowedUpdates: readonly ('message' | 'callback_query')[];
}

export class Poller {
  private readonly abort = new AbortController();
  private offset = 0;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly telegram: Telegram,
    private readonly opts: PollerOptions,
    private readonly logger: Logger,
    private readonly secrets: readonly string[],
  ) {}

  /** Start polling; `dispatch` is called for each update, must not reject, and resolves once it is taken. */
  start(dispatch: Dispatch, onFatal: (err: unknown) => void): void {
    this.loop = this.run(dispatch).catch(onFatal);
  }

  /** Stop polling and confirm the updates already handed off, so a restart won't see them again. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(dispatch: Dispatch): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.telegram.callApi(
          'getUpdates',
          {
            offset: this.offset,
            timeout: this.opts.timeoutSec,
            allowed_updates: [...this.opts.allowedUpdates],
          },
          // node-fetch takes the built-in AbortSignal; telegraf's typings name a polyfill's.
          { signal } as unknown as CallApiOptions,
        );
      } catch (err) {
        if (signal.aborted) break;
        const api = apiErrorOf(err);
        // 401: the token was revoked; 409: another instance is polling (or a webhook is set).
        if (api?.code === 401 || api?.code === 409) throw err;
        const waitMs = api?.retryAfterSec !== undefined ? api.retryAfterSec * 1000 : this.opts.retryDelayMs;
        this.logger.warn(
          { ...describeError(err, this.secrets), waitMs },
          'getUpdates failed; polling again soon',
        );
        await sleep(waitMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const taken = updates.map((update) => {
        this.offset = Math.max(this.offset, update.update_id + 1);
        return dispatch(update);
      });
      if (taken.length > 0) {
        const cap = new AbortController();
        const waited = sleep(TAKE_WITHIN_MS, undefined, { signal: AbortSignal.any([signal, cap.signal]) });
        await Promise.race([Promise.all(taken), waited.catch(() => undefined)]);
        cap.abort();
      }
    }
    if (this.offset > 0) {
      await this.telegram
        .callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 })
        .catch(() => undefined);
    }
  }
}
