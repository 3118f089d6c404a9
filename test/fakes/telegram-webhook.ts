/**
 * The webhook half of the fake Bot API (telegram.ts): setWebhook, deleteWebhook, getWebhookInfo
 * and the delivery of updates to the URL as Telegram's server does it. Rules from
 * tdlib/telegram-bot-api @01a3679c (telegram-bot-api/Client.cpp process_set_webhook_query,
 * do_set_webhook, JsonWebhookInfo; telegram-bot-api/WebhookActor.cpp), parameters per the Bot API
 * spec (/work/shared/contracts/specs/telegram-bot-api.json, setWebhook, getWebhookInfo).
 *
 * The fake cannot reach a real https host, so a test says where a public host leads (`route`):
 * that is DNS plus the reverse proxy (nginx `proxy_pass` keeps the path) in one step.
 */
import { STATUS_CODES } from 'node:http';
import { bad, Refusal } from './telegram-rules.js';
import type { Params } from './telegram-params.js';

export type TgUpdate = { update_id: number } & Params;

/** What the fake Bot API keeps that the webhook reads and changes. */
export interface UpdateQueue {
  /** Updates not yet confirmed, of the allowed types, oldest first. */
  deliverable(): TgUpdate[];
  /** Delivered with a 2xx: gone from the queue (WebhookActor::drop_event → tqueue forget). */
  forget(updateId: number): void;
  /** drop_pending_updates. */
  clear(): void;
  setAllowedUpdates(types: unknown): void;
  /** A long poll in progress ends with this 409 (Client::abort_long_poll). */
  abortLongPoll(description: string): void;
  /** A delivery attempt ended: tests waiting in until() look again. */
  attempted(): void;
}

interface Webhook {
  url: URL;
  secret: string;
  maxConnections: number;
}

interface Attempt {
  failCount: number;
  delay: number;
  wakeupAt: number;
}

/** WebhookActor.cpp: HttpOutboundConnection(…, idle_timeout 60, …) for each webhook connection. */
const ANSWER_WAIT_MS = 60_000;
/** WebhookActor::start_up: outside --local mode only these ports. */
const PORTS = new Set(['443', '80', '88', '8443']);
/** Client.cpp process_get_updates_query. */
export const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

export class FakeWebhook {
  /** Every delivery attempt: the status the bot answered (0: no connection), and where the route led. */
  readonly deliveries: { updateId: number; status: number; secretSent: boolean; target?: string }[] = [];
  private current: Webhook | undefined;
  private lastError: { date: number; message: string } | undefined;
  private nextAllowedSetAt = 0;
  private readonly routes = new Map<string, () => string | undefined>();
  private readonly attempts = new Map<number, Attempt>();
  private readonly inFlight = new Map<string, number>();
  private lostAnswers = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly queue: UpdateQueue,
    /** WebhookActor's delays are whole seconds (0, 2, 4, … capped near 60–120); tests shrink the unit. */
    private readonly retryUnitMs: number,
  ) {}

  get active(): boolean {
    return this.current !== undefined;
  }

  get url(): string | undefined {
    return this.current?.url.href;
  }

  /** Requests for `host` reach `target()` (an http origin), path and query kept; undefined = nothing listens. */
  route(host: string, target: () => string | undefined): void {
    this.routes.set(host, target);
  }

  /** The next `n` answers from the bot never reach Telegram (a proxy timed out): Telegram sends those updates again. */
  loseAnswers(n = 1): void {
    this.lostAnswers += n;
  }

  /** POST one update to the webhook URL as Telegram does; `secret` null sends no header. Resolves with the status. */
  async post(update: TgUpdate, opts: { secret?: string | null } = {}): Promise<number> {
    return (await this.attempt(update, opts)).status;
  }

  private async attempt(
    update: TgUpdate,
    opts: { secret?: string | null } = {},
  ): Promise<{ status: number; retryAfterSec: number; target?: string }> {
    const hook = this.current;
    if (!hook) throw new Error('no webhook is set');
    const target = this.routes.get(hook.url.hostname)?.();
    if (!target) return { status: 0, retryAfterSec: 0 };
    const secret = opts.secret === undefined ? hook.secret : opts.secret;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // WebhookActor::send_update: the header only when a secret_token was set.
    if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
    try {
      // WebhookActor.cpp: the connection's idle timeout is 60 s; an answer later than that is an error.
      const res = await fetch(`${target}${hook.url.pathname}${hook.url.search}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(ANSWER_WAIT_MS),
      });
      await res.arrayBuffer();
      // HttpQuery::get_retry_after: a Retry-After in seconds is honoured.
      const retryAfterSec = Number(res.headers.get('retry-after') ?? 0);
      return {
        status: res.status,
        retryAfterSec: Number.isInteger(retryAfterSec) ? retryAfterSec : 0,
        target,
      };
    } catch {
      return { status: 0, retryAfterSec: 0, target };
    }
  }

  // ---------------------------------------------------------------- the API

  setWebhook(p: Params): true {
    const url = String(p.url ?? '');
    if (url === '') return this.deleteWebhook(p);
    const now = Date.now();
    // Client::process_set_webhook_query: one setWebhook with a URL per second.
    if (now < this.nextAllowedSetAt)
      throw new Refusal({
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    this.nextAllowedSetAt = now + 1000;
    const secret = p.secret_token === undefined ? '' : String(p.secret_token);
    const maxConnections = Math.min(100, Math.max(1, Number(p.max_connections ?? 40)));
    const drop = p.drop_pending_updates === true;
    const same = this.current;
    if (same?.url.href === url && same.secret === secret && same.maxConnections === maxConnections && !drop) {
      // "Webhook is already set": only allowed_updates may change.
      if (p.allowed_updates !== undefined) this.queue.setAllowedUpdates(p.allowed_updates);
      return true;
    }
    // A different webhook: the old one is closed first and stays gone if the new one fails.
    this.current = undefined;
    this.attempts.clear();
    if (drop) this.queue.clear();
    const parsed = URL.canParse(url)
      ? new URL(url)
      : URL.canParse(`https://${url}`)
        ? new URL(`https://${url}`)
        : undefined;
    if (!parsed || !/^https?:$/.test(parsed.protocol)) bad('invalid webhook URL specified');
    // Client::do_set_webhook.
    if (secret.length > 256) bad('secret token is too long');
    if (!/^[A-Za-z0-9_-]*$/.test(secret)) bad('secret token contains unallowed characters');
    // WebhookActor::start_up and the host lookup; Client::on_webhook_closed turns them into "bad webhook: …".
    if (parsed.protocol !== 'https:') this.refuse('An HTTPS URL must be provided for webhook');
    if (!PORTS.has(parsed.port || '443'))
      this.refuse('Webhook can be set up only on ports 80, 88, 443 or 8443');
    // The wording of td's resolver as commonly quoted (see test/fixtures/SOURCES.md).
    if (!this.routes.has(parsed.hostname)) this.refuse('Failed to resolve host: Name or service not known');
    this.current = { url: parsed, secret, maxConnections };
    this.lastError = undefined;
    if (p.allowed_updates !== undefined) this.queue.setAllowedUpdates(p.allowed_updates);
    // Client::process_set_webhook_query → abort_long_poll(true).
    this.queue.abortLongPoll('Conflict: terminated by setWebhook request');
    this.kick();
    return true;
  }

  deleteWebhook(p: Params): true {
    if (p.drop_pending_updates === true) this.queue.clear();
    this.current = undefined;
    this.lastError = undefined;
    this.attempts.clear();
    return true;
  }

  /** Client.cpp JsonWebhookInfo: optional fields only when they have a value. */
  info(pendingUpdateCount: number, allowedUpdates: readonly string[]): Params {
    const hook = this.current;
    const out: Params = {
      url: hook?.url.href ?? '',
      has_custom_certificate: false,
      pending_update_count: pendingUpdateCount,
    };
    if (this.lastError) {
      out.last_error_date = this.lastError.date;
      out.last_error_message = this.lastError.message;
    }
    if (hook) {
      out.max_connections = hook.maxConnections;
      out.ip_address = '127.0.0.1';
    }
    if (allowedUpdates.length > 0) out.allowed_updates = [...allowedUpdates];
    return out;
  }

  /** New updates or a retry is due: send what may go now. */
  kick(): void {
    const hook = this.current;
    if (!hook || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    let nextWake = Infinity;
    const busy = new Set(this.inFlight.keys());
    for (const update of this.queue.deliverable()) {
      if (this.inFlight.size >= hook.maxConnections) break;
      const key = queueOf(update);
      // WebhookActor: one update per queue at a time, the next only after it was answered.
      if (busy.has(key)) continue;
      busy.add(key);
      const wakeupAt = this.attempts.get(update.update_id)?.wakeupAt ?? 0;
      if (wakeupAt > now) {
        nextWake = Math.min(nextWake, wakeupAt);
        continue;
      }
      this.inFlight.set(key, update.update_id);
      void this.send(hook, key, update);
    }
    if (nextWake !== Infinity) this.timer = setTimeout(() => this.kick(), nextWake - now);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async send(hook: Webhook, key: string, update: TgUpdate): Promise<void> {
    const { status, retryAfterSec, target } = await this.attempt(update);
    this.deliveries.push({
      updateId: update.update_id,
      status,
      secretSent: hook.secret !== '',
      ...(target ? { target } : {}),
    });
    this.inFlight.delete(key);
    if (this.current !== hook) return this.queue.attempted();
    const lost = status >= 200 && status <= 299 && this.lostAnswers > 0;
    if (lost) this.lostAnswers -= 1;
    if (status >= 200 && status <= 299 && !lost) {
      this.attempts.delete(update.update_id);
      this.queue.forget(update.update_id);
    } else {
      // WebhookActor::handle: the text getWebhookInfo shows afterwards.
      const message =
        status === 0 || lost
          ? lost
            ? 'Webhook connection closed'
            : "Can't connect to the webhook"
          : `Wrong response from the webhook: ${status} ${STATUS_CODES[status] ?? ''}`;
      this.lastError = { date: Math.floor(Date.now() / 1000), message };
      this.delay(update.update_id, retryAfterSec);
    }
    this.queue.attempted();
    this.kick();
  }

  /** WebhookActor::on_update_error: Retry-After if given, else at once, then 2, 4, 8 … units, at most about 60. */
  private delay(updateId: number, retryAfterSec: number): void {
    const a = this.attempts.get(updateId) ?? { failCount: 0, delay: 1, wakeupAt: 0 };
    let wait = Math.min(retryAfterSec, 3600);
    if (wait === 0 && a.failCount > 0) {
      a.delay = Math.min(60, a.delay * 2);
      wait = a.delay;
    }
    a.failCount += 1;
    a.wakeupAt = Date.now() + wait * this.retryUnitMs;
    this.attempts.set(updateId, a);
  }

  private refuse(reason: string): never {
    bad(`bad webhook: ${reason}`);
  }
}

/** Client.cpp add_update: messages queue by chat, callback queries by the user who clicked. */
function queueOf(update: TgUpdate): string {
  const message = update.message as { chat?: { id?: number } } | undefined;
  if (message?.chat?.id !== undefined) return `chat:${message.chat.id}`;
  const query = update.callback_query as { from?: { id?: number } } | undefined;
  if (query?.from?.id !== undefined) return `query:${query.from.id}`;
  return `update:${update.update_id}`;
}
