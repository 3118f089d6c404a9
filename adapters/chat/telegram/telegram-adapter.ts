/**
 * Telegram for the core: telegraf's client and update routing, updates by our own long polling
 * (poller.ts) or by webhook (webhook.ts), and every write through one rate-limited outbox.
 * Handlers run without holding up the next update; a failing one is logged (token scrubbed), the
 * person gets an apology, and the bot keeps answering everyone else.
 */
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Core } from '../../../src/core/core.js';
import { textReply } from '../../../src/core/messages.js';
import type { Logger, SendOptions } from '../../../src/core/ports.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import type { ChatAdapter } from '../chat-adapter.js';
import { describeError } from './api-errors.js';
import { apologise } from './apologise.js';
import { pollingLost } from './start-failure.js';
import { ClickHandler } from './click-handler.js';
import { ALLOWED_UPDATES, connect } from './connect.js';
import { DEFAULT_LIMITS, Outbox } from './outbox.js';
import { Poller } from './poller.js';
import { keepTyping, settledWithin, within } from './progress.js';
import { Sender, type SentMessage } from './sender.js';
import { StatusBoard } from './status-board.js';
import { downloadAttachment } from './attachment.js';
import { toIncoming } from './to-incoming.js';
import { TelegramWebhook } from './webhook.js';
import type { TelegramAdapterOptions, Timings } from './adapter-options.js';

export type { TelegramAdapterOptions } from './adapter-options.js';

interface Running {
  bot: Telegraf;
  core: Core;
  poller: Poller | undefined;
  sender: Sender;
  board: StatusBoard;
  clicks: ClickHandler;
}

/** Shown while slow work runs; replaced by the answer. */
const WORKING: Reply = textReply('chat.working');

const migration = z.object({
  chat: z.object({ id: z.number().int() }),
  migrate_to_chat_id: z.number().int(),
});

export class TelegramAdapter implements ChatAdapter {
  readonly platform = 'telegram' as const;
  readonly webhook: TelegramWebhook | undefined;
  private readonly token: string;
  private readonly apiRoot: string;
  private readonly logger: Logger;
  private readonly outbox: Outbox;
  private readonly t: Timings;
  private readonly inflight = new Set<Promise<unknown>>();
  /** "Working on it…" messages whose answer has not come yet. */
  private readonly statuses = new Set<SentMessage>();
  /** Per update handed to telegraf: say it is taken (webhook.ts and poller.ts confirm it then). */
  private readonly takers = new WeakMap<Update, () => void>();
  private running: Running | undefined;

  constructor(opts: TelegramAdapterOptions) {
    this.token = opts.token;
    // telegraf resolves `./bot<token>/<method>` against the root: a path prefix needs its trailing slash.
    this.apiRoot = opts.apiRoot.endsWith('/') ? opts.apiRoot : `${opts.apiRoot}/`;
    this.logger = opts.logger.child({ module: 'telegram' });
    this.outbox = new Outbox({ ...DEFAULT_LIMITS, ...opts.limits }, this.logger);
    this.webhook = opts.webhook && new TelegramWebhook(opts.webhook, this.logger);
    this.t = {
      slowAfterMs: opts.slowAfterMs ?? 1000,
      editIntervalMs: opts.editIntervalMs ?? 2000,
      answerWithinMs: opts.answerWithinMs ?? 800,
      typingEveryMs: opts.typingEveryMs ?? 4500,
      pollTimeoutSec: opts.pollTimeoutSec ?? 50,
      pollRetryDelayMs: opts.pollRetryDelayMs ?? 5000,
      stopGraceMs: opts.stopGraceMs ?? 10_000,
    };
  }

  async start(core: Core, lost?: (err: unknown, final: boolean) => void): Promise<void> {
    if (this.running) throw new Error('Telegram adapter already started');
    const bot = new Telegraf(this.token, { telegram: { apiRoot: this.apiRoot } });
    bot.catch((err, ctx) => this.onHandlerError(err, ctx.update));
    bot.on('message', (ctx) => this.onMessage(ctx.message, this.takers.get(ctx.update)));
    bot.on('callback_query', (ctx) => this.running?.clicks.handle(ctx.callbackQuery));
    await connect(bot, this.webhook, this.token, this.logger);

    const sender = new Sender(bot.telegram, this.outbox, this.logger);
    const poller = this.webhook
      ? undefined
      : new Poller(
          bot.telegram,
          {
            timeoutSec: this.t.pollTimeoutSec,
            retryDelayMs: this.t.pollRetryDelayMs,
            allowedUpdates: ALLOWED_UPDATES,
          },
          this.logger,
          [this.token],
        );
    const clicks = new ClickHandler({
      telegram: bot.telegram,
      outbox: this.outbox,
      core,
      logger: this.logger,
      answerWithinMs: this.t.answerWithinMs,
      slowAfterMs: this.t.slowAfterMs,
      typing: (chatId) => this.typing(chatId),
      showOutcome: (chatId, prompt, reply) => this.showOutcome(chatId, prompt, reply),
      tellLate: (chatId, reply, replyTo) => this.respond(chatId, reply, replyTo),
    });
    this.running = {
      bot,
      core,
      poller,
      sender,
      clicks,
      board: new StatusBoard(sender, this.t.editIntervalMs),
    };
    // Resolves once the update is taken: an "add" on disk (Core.handle's `stored`), or the update
    // handled to the end, its answer delivered.
    const dispatch = (update: Update) =>
      new Promise<void>((taken) => {
        this.takers.set(update, taken);
        void this.track(bot.handleUpdate(update)).then(() => taken());
      });
    const username = bot.botInfo?.username;
    if (this.webhook) {
      this.webhook.open(dispatch);
      this.logger.info({ bot: username, path: this.webhook.path }, 'Telegram: receiving updates by webhook');
      return;
    }
    poller?.start(dispatch, (err) => {
      this.logger.error(this.describe(err), 'Telegram polling stopped');
      lost?.(...pollingLost(err, this.token));
    });
    this.logger.info({ bot: username }, 'Telegram: polling for updates');
  }

  /** Stop receiving, let handlers in flight finish, and send what they queued. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.webhook?.close();
    await running.poller?.stop();
    // At most stopGraceMs for handlers in flight: what they leave is on disk for the cron, which
    // answers it as a new message, so their "Working on it…" messages go.
    if (!(await settledWithin(this.inflight, this.t.stopGraceMs))) {
      this.logger.warn(
        { handlers: this.inflight.size },
        'stopped with handlers in flight; the cron takes up what they leave',
      );
      await Promise.all([...this.statuses].map((m) => running.sender.remove(m)));
    }
    await this.outbox.drain();
    this.running = undefined;
  }

  /** Notifier: a later answer (cron, enrichment) to the chat the request came from. */
  async send(to: UserRef, reply: Reply, opts?: SendOptions): Promise<void> {
    if (to.platform !== 'telegram') throw new Error(`not a Telegram user: ${to.platform}`);
    if (opts?.beforeSend) this.running?.sender.beforeSending(reply, opts.beforeSend);
    await this.respond(to.chatId, reply);
  }

  private async onMessage(raw: unknown, taken?: () => void): Promise<void> {
    const running = this.running;
    const me = running?.bot.botInfo;
    if (!running || !me) return;
    const moved = migration.safeParse(raw);
    if (moved.success) this.outbox.migrate(String(moved.data.chat.id), String(moved.data.migrate_to_chat_id));
    const incoming = toIncoming(raw, { id: me.id, username: me.username });
    if (!incoming) return;
    const { chatId, userId } = incoming.message.user;
    const replyTo = incoming.isGroup ? incoming.messageId : undefined;
    if (incoming.document) {
      const file = await downloadAttachment(running.bot.telegram, incoming.document);
      if (!file.ok) return this.respond(chatId, file.reply, replyTo);
      incoming.message.attachment = { filename: file.filename, content: file.content };
    }
    this.logger.debug({ chatId, userId }, 'message for the bot');

    const work = running.core.handle(incoming.message, taken);
    // The request stops owing its answer (Core.delivered) just before the answer goes out, after
    // its wait in the outbox: a kill while it waits leaves it to the cron; one during the request
    // to Telegram may lose it, rather than have it sent twice.
    const owed = (reply: Reply) => {
      const id = reply.requestId;
      if (id !== undefined && !reply.silent && incoming.message.origin !== undefined)
        running.sender.beforeSending(reply, () => running.core.delivered(id));
    };
    await this.answer(running, chatId, work, owed, replyTo);
  }

  /** The core's answer to a message: at once, or after "typing…" and a status message it replaces. */
  private async answer(
    running: Running,
    chatId: string,
    work: Promise<Reply>,
    owed: (reply: Reply) => void,
    replyTo?: number,
  ): Promise<void> {
    const quick = await within(work, this.t.slowAfterMs);
    if (quick) {
      owed(quick.value);
      return this.respond(chatId, quick.value, replyTo);
    }
    const stopTyping = this.typing(chatId);
    const status = await running.sender
      .deliver(chatId, WORKING, replyTo)
      .then((sent) => sent[0] && (this.statuses.add(sent[0]), running.board.track(sent[0])))
      .catch((err: unknown) => void this.logger.warn(this.describe(err), 'could not send a status message'));
    let reply: Reply;
    try {
      reply = await work;
    } finally {
      stopTyping();
      if (status) this.statuses.delete(status.target);
    }
    owed(reply);
    // The status message becomes the answer, unless the answer is a photo, a file or nothing.
    if (!status || reply.silent || reply.card?.posterUrl !== undefined || reply.document !== undefined) {
      if (status) await running.sender.remove(status.target);
      return this.respond(chatId, reply, replyTo);
    }
    await status.editor.edit(reply);
    this.followJob(chatId, reply, status.target);
  }

  /** Send a reply; one that follows a job (`progress`) edits that job's message in this chat. */
  private async respond(chatId: string, reply: Reply, replyTo?: number): Promise<void> {
    const running = this.running;
    if (!running) throw new Error('Telegram adapter is not running');
    // A redelivered message: whoever took it first answers it.
    if (reply.silent) return;
    const key = this.jobKey(chatId, reply);
    const tracked = key === undefined ? undefined : running.board.forJob(key, reply);
    if (tracked) return tracked.editor.edit(reply);
    const sent = await running.sender.deliver(chatId, reply, replyTo);
    if (sent[0]) this.followJob(chatId, reply, sent[0]);
  }

  /** After a click: the prompt becomes the outcome (and loses its buttons). */
  private async showOutcome(chatId: string, prompt: SentMessage | undefined, reply: Reply): Promise<void> {
    const running = this.running;
    if (!running) return;
    if (!prompt) return this.respond(chatId, reply);
    await running.sender.editInto(prompt, reply);
    this.followJob(chatId, reply, prompt);
  }

  private followJob(chatId: string, reply: Reply, message: SentMessage): void {
    const key = this.jobKey(chatId, reply);
    if (key !== undefined && this.running) this.running.board.follow(key, this.running.board.track(message));
  }

  private jobKey(chatId: string, reply: Reply): string | undefined {
    const job = reply.progress?.jobKey;
    return job === undefined ? undefined : `${this.outbox.resolve(chatId)}|${job}`;
  }

  private typing(chatId: string): () => void {
    const telegram = this.running?.bot.telegram;
    if (!telegram) return () => undefined;
    return keepTyping(
      () => this.outbox.now(() => telegram.sendChatAction(this.outbox.resolve(chatId), 'typing')),
      this.t.typingEveryMs,
    );
  }

  private async onHandlerError(err: unknown, update: Update): Promise<void> {
    this.logger.error(
      { ...this.describe(err), updateId: update.update_id },
      'Telegram handler failed; carrying on',
    );
    const telegram = this.running?.bot.telegram;
    if (telegram) await apologise(update, telegram, this.outbox, (e) => this.describe(e), this.logger);
  }

  private track<T>(p: Promise<T>): Promise<T | undefined> {
    const safe = p.catch((err: unknown) => {
      this.logger.error(this.describe(err), 'Telegram update failed');
      return undefined;
    });
    this.inflight.add(safe);
    void safe.finally(() => this.inflight.delete(safe));
    return safe;
  }

  private describe(err: unknown): Record<string, unknown> {
    return describeError(err, [this.token]);
  }
}
