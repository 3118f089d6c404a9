/**
 * Updates by webhook instead of long polling (TELEGRAM_WEBHOOK_URL): setWebhook at start, and the
 * receiving end the HTTP server mounts (webhook-routes.ts). Not telegraf's webhookCallback: it
 * answers Telegram only once every handler of the update has finished (telegraf.js handleUpdate
 * ends the response in its `finally`), and Telegram sends a chat's next update only after the
 * previous one was answered (telegram-bot-api WebhookActor.cpp), so one slow "add" would hold up
 * that chat. Here Telegram is answered once the update is taken (an "add" is on disk; anything
 * else has its answer delivered), or after TAKE_WITHIN_MS, inside the 60 s Telegram waits for an answer
 * (WebhookActor.cpp: its HttpOutboundConnection's idle timeout): an instance killed before that
 * never confirmed it, so Telegram sends it again, to another instance. setWebhook asks for the
 * most connections the Bot API allows (100, not its default 40), since a slow answer holds one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Logger } from '../../../src/core/ports.js';
import type { WebhookReceiver, WebhookVerdict } from '../../http-server/webhook-routes.js';

export interface WebhookSettings {
  /** The public https URL Telegram posts to; its path is the one this server answers on. */
  url: string;
  /** setWebhook's secret_token, sent back in every update's X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
}

type CallApiOptions = NonNullable<Parameters<Telegram['callApi']>[2]>;

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Telegram resends an update whose answer it missed (a proxy timeout); ids this recent are dropped. */
const REMEMBERED_IDS = 1000;
/** Under Telegram's 60 s wait for an answer, with room for the proxy in between. */
const TAKE_WITHIN_MS = 50_000;
const updateShape = z.looseObject({ update_id: z.number().int() });
/** Equal-length digests, so timingSafeEqual neither throws nor leaks the secret's length. */
const digest = (s: string) => createHash('sha256').update(s).digest();

export class TelegramWebhook implements WebhookReceiver {
  readonly path: string;
  private readonly expected: Buffer;
  private readonly seen = new Set<number>();
  private dispatch: ((update: Update) => Promise<void>) | undefined;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
  ) {
    this.path = new URL(settings.url).pathname;
    this.expected = digest(settings.secret);
  }

  /** Resolves once Telegram could reach the URL; a 400 "bad webhook: …" says why it could not. */
  async register(
    telegram: Telegram,
    allowedUpdates: readonly ('message' | 'callback_query')[],
    options: CallApiOptions,
  ): Promise<void> {
    await telegram.callApi(
      'setWebhook',
      {
        url: this.settings.url,
        secret_token: this.settings.secret,
        allowed_updates: [...allowedUpdates],
        max_connections: 100,
        // Updates that came while no instance was running are still wanted.
        drop_pending_updates: false,
      },
      options,
    );
  }

  /**
   * Hand accepted updates to `dispatch` (which must not reject; it resolves once the update is
   * taken); before this, and after close, Telegram is told to retry.
   */
  open(dispatch: (update: Update) => Promise<void>): void {
    this.dispatch = dispatch;
  }

  close(): void {
    this.dispatch = undefined;
  }

  async receive(body: unknown, headers: IncomingHttpHeaders): Promise<WebhookVerdict> {
    const given = headers[SECRET_HEADER];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), this.expected)) {
      this.logger.warn(
        { path: this.path, secretHeader: given === undefined ? 'missing' : 'wrong' },
        'webhook request refused (403): X-Telegram-Bot-Api-Secret-Token is not TELEGRAM_WEBHOOK_SECRET',
      );
      return 'forbidden';
    }
    const dispatch = this.dispatch;
    if (!dispatch) return 'not_ready';
    const parsed = updateShape.safeParse(body);
    if (!parsed.success) return 'invalid';
    const id = parsed.data.update_id;
    if (this.seen.has(id)) {
      this.logger.debug({ updateId: id }, 'Telegram sent an update again; already handled');
      return 'accepted';
    }
    this.seen.add(id);
    // A Set keeps insertion order: the first value is the oldest.
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as number);
    const taken = dispatch(parsed.data as unknown as Update);
    const cap = new AbortController();
    await Promise.race([
      taken,
      sleep(TAKE_WITHIN_MS, undefined, { signal: cap.signal }).catch(() => undefined),
    ]);
    cap.abort();
    return 'accepted';
  }
}
