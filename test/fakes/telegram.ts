/**
 * A fake Telegram Bot API on 127.0.0.1 for running the real telegraf against. Same URLs
 * (`POST /bot<token>/<method>`), shapes, status codes and error bodies as the real one
 * (test/fixtures/telegram, from recorded exchanges and the Bot API spec), and the same rules:
 * getUpdates long-polls and confirms by offset; callback_data over 64 bytes is
 * BUTTON_DATA_INVALID; text over 4096 or a caption over 1024 characters is too long; an edit that
 * changes nothing is "message is not modified"; a callback query answered late or twice is "query
 * is too old"; a bot can't write to a chat it has never seen; a migrated group answers with
 * `migrate_to_chat_id`. Tests inject updates the way a Telegram client would produce them
 * (commands and mentions come with their entities) and read the chat back as users would see it.
 * Once a webhook is set (telegram-webhook.ts), updates are POSTed to it instead of polled.
 */
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';
import { checkParams, knownMethod, readParams, type Params } from './telegram-params.js';
import {
  bad,
  captionOf,
  CHAT_ACTIONS,
  checkMarkup,
  checkText,
  documentOf,
  entitiesOf,
  fixture,
  MIGRATED,
  NOT_MODIFIED,
  now,
  photoOf,
  QUERY_TOO_OLD,
  Refusal,
  strip,
  type ApiError,
  type TgChat,
  type TgMessage,
  type TgUser,
} from './telegram-rules.js';
import { FakeWebhook, WEBHOOK_ACTIVE, type TgUpdate } from './telegram-webhook.js';

export type { ApiError, TgChat, TgMessage, TgUser } from './telegram-rules.js';

export interface ApiCall {
  method: string;
  params: Params;
  at: number;
  status: number;
  result?: unknown;
  error?: ApiError;
}

export interface FloodControl {
  /** Sends to one chat closer together than this are answered 429. */
  perChatMinIntervalMs?: number;
  /** retry_after in those 429s, in seconds. */
  retryAfterSec?: number;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Overrides for the bot user from the recorded getMe (whose id is above 2^32). */
  bot?: Partial<TgUser>;
  /** How long a callback query can still be answered, in ms. */
  callbackTtlMs?: number;
  floodControl?: FloodControl;
  /** One second of Telegram's webhook resend delays, in ms (default 1000). */
  webhookRetryUnitMs?: number;
}

interface ChatState {
  chat: TgChat;
  nextMessageId: number;
  messages: Map<number, TgMessage>;
  lastSendAt: number;
}

interface Waiter {
  wake: () => void;
  conflict: (description: string) => void;
}

export class FakeTelegram extends FakeHttp {
  readonly token: string;
  readonly bot: TgUser;
  readonly apiCalls: ApiCall[] = [];
  /** Requests the real server would accept but the spec doesn't describe (unknown fields…). */
  readonly violations: string[] = [];
  /** Answers given to callback queries, by query id. */
  readonly answers = new Map<string, { text?: string; show_alert?: boolean }>();
  commands: { command: string; description: string }[] = [];
  /** The highest offset getUpdates has confirmed. */
  confirmedOffset = 0;
  floodControl: FloodControl;
  /** setWebhook's state, deliveries to the bot's URL, and the switches tests use on them. */
  readonly webhook: FakeWebhook;

  private readonly callbackTtlMs: number;
  private readonly chats = new Map<number, ChatState>();
  private readonly migrated = new Map<number, number>();
  private readonly queries = new Map<string, { at: number; answered: boolean }>();
  private readonly injected = new Map<string, ApiError[]>();
  private updates: TgUpdate[] = [];
  private nextUpdateId = 251886145;
  private nextQueryId = 4_382_991_117_650_000;
  private allowedUpdates: string[] = [];
  private waiter: Waiter | undefined;
  private readonly listeners = new Set<() => void>();
  /** Files users sent, by file_id: what getFile describes and /file/bot<token>/<path> serves. */
  private readonly files = new Map<string, { path: string; content: Buffer }>();

  constructor(opts: FakeTelegramOptions = {}) {
    super();
    this.token = opts.token ?? '123:abc';
    const me = (fixture('get-me.json') as { result: TgUser }).result;
    this.bot = { ...me, first_name: 'reelbot', username: 'reelbot_test_bot', ...opts.bot };
    this.callbackTtlMs = opts.callbackTtlMs ?? 15_000;
    this.floodControl = opts.floodControl ?? {};
    this.webhook = new FakeWebhook(
      {
        deliverable: () => this.deliverable(),
        forget: (id) => {
          this.updates = this.updates.filter((u) => u.update_id !== id);
        },
        clear: () => {
          this.updates = [];
        },
        setAllowedUpdates: (types) => {
          if (Array.isArray(types)) this.allowedUpdates = types.map(String);
        },
        abortLongPoll: (description) => this.waiter?.conflict(description),
        attempted: () => {
          for (const l of [...this.listeners]) l();
        },
      },
      opts.webhookRetryUnitMs ?? 1000,
    );
    const handler = (req: FakeRequest) => this.handle(req);
    this.route('POST', '/:bot/:method', handler).route('GET', '/:bot/:method', handler);
    // Downloads: GET /file/bot<token>/<file_path> (the path getFile returned).
    this.route('GET', '/file/:bot/documents/:name', (req) => {
      if (req.params.bot !== `bot${this.token}`)
        return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
      const file = [...this.files.values()].find((f) => f.path === `documents/${req.params.name}`);
      return file
        ? { status: 200, raw: file.content, headers: { 'content-type': 'application/octet-stream' } }
        : { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    });
  }

  // ---------------------------------------------------------------- test helpers

  /** A private chat with `user` (the user has pressed Start, so the bot may write to them). */
  privateChat(user: TgUser): TgChat {
    const chat: TgChat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.username) chat.username = user.username;
    return this.state(chat).chat;
  }

  /** A group the bot is in. Supergroup ids are -100…, basic group ids -4…. */
  group(title: string, type: 'group' | 'supergroup' = 'supergroup'): TgChat {
    const n = this.chats.size + 1;
    const id = type === 'supergroup' ? -1002541595015 - n : -4882300333 - n;
    return this.state({ id, type, title }).chat;
  }

  /** `user` types `text` in `chat`; commands and @mentions get their entities as real clients send them. */
  userSays(user: TgUser, chat: TgChat, text: string, opts: { replyTo?: TgMessage } = {}): TgMessage {
    const state = this.state(chat);
    const message: TgMessage = {
      message_id: state.nextMessageId++,
      from: user,
      chat: state.chat,
      date: now(),
      text,
    };
    const entities = entitiesOf(text);
    if (entities.length > 0) message.entities = entities;
    if (opts.replyTo) message.reply_to_message = structuredClone(opts.replyTo);
    state.messages.set(message.message_id, message);
    this.push({ message });
    return message;
  }

  /** An update for `user` saying `text` that Telegram never sent (someone else POSTing to the webhook). */
  forgedUpdate(user: TgUser, chat: TgChat, text: string): TgUpdate {
    const message: TgMessage = { message_id: 999_999, from: user, chat, date: now(), text };
    return { update_id: this.nextUpdateId + 1_000_000, message };
  }

  /** `user` sends a file (a document) with an optional caption, as Telegram delivers it. */
  userSendsDocument(
    user: TgUser,
    chat: TgChat,
    file: { name: string; content: string | Buffer },
    caption?: string,
  ): TgMessage {
    const state = this.state(chat);
    const fileId = `BQACAgQAAxkBAAI${this.files.size + 1}`;
    const content = Buffer.from(file.content);
    this.files.set(fileId, {
      path: `documents/file_${this.files.size + 1}${file.name.slice(file.name.lastIndexOf('.'))}`,
      content,
    });
    const message: TgMessage = {
      message_id: state.nextMessageId++,
      from: user,
      chat: state.chat,
      date: now(),
      document: {
        file_id: fileId,
        file_unique_id: `u${fileId}`,
        file_name: file.name,
        mime_type: 'application/x-subrip',
        file_size: content.length,
      },
    };
    if (caption !== undefined) {
      message.caption = caption;
      const entities = entitiesOf(caption);
      if (entities.length > 0) message.caption_entities = entities;
    }
    state.messages.set(message.message_id, message);
    this.push({ message });
    return message;
  }

  /** `user` presses the button with `data` under `message`; returns the callback query id. */
  click(user: TgUser, message: TgMessage, data: string): string {
    const id = String(this.nextQueryId++);
    this.queries.set(id, { at: Date.now(), answered: false });
    const current = this.chats.get(message.chat.id)?.messages.get(message.message_id) ?? message;
    this.push({
      callback_query: {
        id,
        from: user,
        message: strip(current),
        chat_instance: String(-4_000_000_000_000 - Math.abs(message.chat.id)),
        data,
      },
    });
    return id;
  }

  /** Press a button by its position or by (part of) its label. */
  clickButton(user: TgUser, message: TgMessage, which: number | string): string {
    const current = this.message(message.chat.id, message.message_id);
    const buttons = current?.reply_markup?.inline_keyboard.flat() ?? [];
    const button = typeof which === 'number' ? buttons[which] : buttons.find((b) => b.text.includes(which));
    if (!button?.callback_data) throw new Error(`no button ${which} on message ${message.message_id}`);
    return this.click(user, message, button.callback_data);
  }

  /**
   * The group became a supergroup: writes to the old id fail with `migrate_to_chat_id`, and (unless
   * `announce` is false, as for a bot that was offline then) the service messages arrive as updates.
   */
  migrate(chat: TgChat, announce = true): TgChat {
    const to = this.state({
      id: -1002727576573 - this.chats.size,
      type: 'supergroup',
      title: chat.title ?? '',
    }).chat;
    this.migrated.set(chat.id, to.id);
    const from = this.state(chat);
    const into = this.state(to);
    const service = { from: alice, date: now() };
    if (!announce) return to;
    this.push({
      message: { ...service, message_id: from.nextMessageId++, chat: from.chat, migrate_to_chat_id: to.id },
    });
    this.push({
      message: { ...service, message_id: into.nextMessageId++, chat: to, migrate_from_chat_id: chat.id },
    });
    return to;
  }

  /** Every message in a chat as it is now (after edits and deletions); copies, so they don't change under a test. */
  messagesIn(chatId: number): TgMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].map((m) => structuredClone(m));
  }

  botMessages(chatId: number): TgMessage[] {
    return this.messagesIn(chatId).filter((m) => m.from.id === this.bot.id);
  }

  message(chatId: number, messageId: number): TgMessage | undefined {
    const m = this.chats.get(chatId)?.messages.get(messageId);
    return m && structuredClone(m);
  }

  /** Answer the next `times` calls of `method` with this error. */
  failNext(method: string, error: ApiError, times = 1): void {
    const list = this.injected.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.injected.set(method, list);
  }

  rateLimitNext(method: string, retryAfterSec: number, times = 1): void {
    this.failNext(
      method,
      {
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfterSec}`,
        parameters: { retry_after: retryAfterSec },
      },
      times,
    );
  }

  callsOf(method: string): ApiCall[] {
    return this.apiCalls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (past or future) of `method` that matches. */
  waitFor(
    method: string,
    match: (call: ApiCall) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<ApiCall> {
    return this.until(
      () => this.apiCalls.find((c) => c.method === method && match(c)),
      `${method} call`,
      timeoutMs,
    );
  }

  /** Resolves when `check` returns something, re-checked after every API call. */
  until<T>(check: () => T | undefined | false, what: string, timeoutMs = 3000): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = () => {
        const got = check();
        if (got === undefined || got === false) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(got);
        return true;
      };
      const listener = () => void tryNow();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      if (!tryNow()) this.listeners.add(listener);
    });
  }

  /** Updates queued and not yet confirmed by an offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  /** The update_id of the update queued last (the last userSays or click). */
  get lastUpdateId(): number {
    return this.nextUpdateId - 1;
  }

  override async close(): Promise<void> {
    this.webhook.stop();
    this.waiter?.wake();
    await super.close();
  }

  // ---------------------------------------------------------------- the API

  private async handle(req: FakeRequest): Promise<FakeResponse> {
    const method = req.params.method ?? '';
    const raw = readParams(req);
    const call: ApiCall = { method, params: raw, at: Date.now(), status: 200 };
    this.apiCalls.push(call);
    let response: FakeResponse;
    if (req.params.bot !== `bot${this.token}`) {
      response = this.error(call, { error_code: 401, description: 'Unauthorized' });
    } else if (!knownMethod(method)) {
      response = this.error(call, { error_code: 404, description: 'Not Found' });
    } else {
      try {
        const injected = this.injected.get(method)?.shift();
        if (injected) throw new Refusal(injected);
        const checked = checkParams(method, raw, this.violations);
        if (!checked.ok)
          bad(checked.missing === 'text' ? 'message text is empty' : `${checked.missing} is empty`);
        const params = checked.ok ? checked.params : {};
        call.params = params;
        const result = await this.run(method, params);
        call.result = result;
        response = { status: 200, body: { ok: true, result } };
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        response = this.error(call, err.api);
      }
    }
    for (const l of [...this.listeners]) l();
    return response;
  }

  private error(call: ApiCall, api: ApiError): FakeResponse {
    call.status = api.error_code;
    call.error = api;
    return { status: api.error_code, body: { ok: false, ...api } };
  }

  private run(method: string, p: Params): unknown {
    switch (method) {
      case 'getMe':
        return {
          ...this.bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'setWebhook':
        return this.webhook.setWebhook(p);
      case 'deleteWebhook':
        return this.webhook.deleteWebhook(p);
      case 'getWebhookInfo':
        return this.webhook.info(this.updates.length, this.allowedUpdates);
      case 'getUpdates':
        return this.getUpdates(p);
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'sendMessage':
        return this.send(p, { text: checkText(p.text, 4096) });
      case 'sendPhoto':
        return this.send(p, { ...captionOf(p), ...photoOf(p.photo) });
      case 'sendDocument':
        return this.send(p, { ...captionOf(p), ...documentOf(p.document) });
      case 'sendChatAction':
        this.chat(p.chat_id);
        if (!CHAT_ACTIONS.has(String(p.action))) bad('wrong parameter action in request');
        return true;
      case 'editMessageText':
        return this.edit(p, (m) => {
          if (m.text === undefined) bad('there is no text in the message to edit');
          return { text: checkText(p.text, 4096) };
        });
      case 'editMessageCaption':
        return this.edit(p, (m) => {
          if (m.photo === undefined && m.document === undefined)
            bad('there is no caption in the message to edit');
          return captionOf(p);
        });
      case 'editMessageReplyMarkup':
        return this.edit(p, () => ({}));
      case 'deleteMessage': {
        const state = this.chat(p.chat_id);
        if (!state.messages.delete(Number(p.message_id))) bad('message to delete not found');
        return true;
      }
      case 'answerCallbackQuery':
        return this.answer(p);
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) throw new Refusal({ error_code: 400, description: 'Bad Request: invalid file_id' });
        return {
          file_id: p.file_id,
          file_unique_id: `u${String(p.file_id)}`,
          file_size: file.content.length,
          file_path: file.path,
        };
      }
      default:
        throw new Refusal({ error_code: 404, description: 'Not Found' });
    }
  }

  private getUpdates(p: Params): Promise<unknown[]> | unknown[] {
    const offset = Number(p.offset ?? 0);
    const limit = Number(p.limit ?? 100);
    const timeout = Number(p.timeout ?? 0);
    if (this.webhook.active) throw new Refusal({ error_code: 409, description: WEBHOOK_ACTIVE });
    if (limit < 1 || limit > 100) bad('limit must be in range 1-100');
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.map(String);
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      this.updates = this.updates.filter((u) => u.update_id >= offset);
    }
    // A second poller ends the first, as the real server does.
    this.waiter?.conflict(
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    const ready = () => this.deliverable().slice(0, limit);
    const now = ready();
    if (now.length > 0 || timeout <= 0) return now;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const waiter: Waiter = {
        wake: () => {
          done();
          resolve(ready());
        },
        conflict: (description) => {
          done();
          reject(new Refusal({ error_code: 409, description }));
        },
      };
      const timer = setTimeout(waiter.wake, timeout * 1000);
      this.waiter = waiter;
    });
  }

  private setMyCommands(p: Params): true {
    const list = p.commands as { command?: string; description?: string }[];
    if (list.length > 100) bad('too many commands');
    for (const c of list) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.command ?? '')) bad('BOT_COMMAND_INVALID');
      const d = c.description ?? '';
      if (d.length < 1 || d.length > 256) bad('command description must be 1-256 characters');
    }
    this.commands = list.map((c) => ({ command: c.command ?? '', description: c.description ?? '' }));
    return true;
  }

  private send(p: Params, content: Partial<TgMessage>): TgMessage {
    const state = this.chat(p.chat_id);
    this.flood(state);
    const markup = checkMarkup(p.reply_markup);
    const message: TgMessage = {
      message_id: state.nextMessageId,
      from: this.bot,
      chat: state.chat,
      date: now(),
      ...content,
    };
    if (markup) message.reply_markup = markup;
    if (p.link_preview_options) message.link_preview_options = p.link_preview_options as Params;
    const replyTo = p.reply_parameters as
      { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    if (replyTo?.message_id !== undefined) {
      const target = state.messages.get(replyTo.message_id);
      if (target) message.reply_to_message = strip(target);
      else if (!replyTo.allow_sending_without_reply) bad('message to be replied not found');
    }
    state.nextMessageId += 1;
    state.messages.set(message.message_id, message);
    return strip(message);
  }

  private edit(p: Params, change: (m: TgMessage) => Partial<TgMessage>): TgMessage {
    if (p.inline_message_id !== undefined) bad('inline messages are not supported by this fake');
    const state = this.chat(p.chat_id);
    const message = state.messages.get(Number(p.message_id));
    if (!message) bad('message to edit not found');
    if (message.from.id !== this.bot.id) bad("message can't be edited");
    const m = message;
    const content = change(m);
    // Leaving reply_markup out of an edit removes the inline keyboard.
    const markup = checkMarkup(p.reply_markup);
    const same =
      Object.entries(content).every(([k, v]) => m[k as keyof TgMessage] === v) &&
      JSON.stringify(m.reply_markup ?? null) === JSON.stringify(markup ?? null);
    if (same) bad(NOT_MODIFIED.replace(/^Bad Request: /, ''));
    Object.assign(m, content);
    if (markup) m.reply_markup = markup;
    else delete m.reply_markup;
    if (p.link_preview_options) m.link_preview_options = p.link_preview_options as Params;
    m.edit_date = now();
    return strip(m);
  }

  private answer(p: Params): true {
    const id = String(p.callback_query_id);
    const q = this.queries.get(id);
    if (!q || q.answered || Date.now() - q.at > this.callbackTtlMs)
      bad(QUERY_TOO_OLD.replace(/^Bad Request: /, ''));
    const text = p.text === undefined ? undefined : String(p.text);
    if (text !== undefined && text.length > 200) bad('MESSAGE_TOO_LONG');
    q.answered = true;
    const answer: { text?: string; show_alert?: boolean } = {};
    if (text !== undefined) answer.text = text;
    if (p.show_alert !== undefined) answer.show_alert = Boolean(p.show_alert);
    this.answers.set(id, answer);
    return true;
  }

  // ---------------------------------------------------------------- state

  private chat(chatId: unknown): ChatState {
    const id = Number(chatId);
    const moved = this.migrated.get(id);
    if (moved !== undefined) bad(MIGRATED.replace(/^Bad Request: /, ''), { migrate_to_chat_id: moved });
    const state = this.chats.get(id);
    if (!state) bad('chat not found');
    return state;
  }

  private state(chat: TgChat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) {
      state = { chat, nextMessageId: 1, messages: new Map(), lastSendAt: 0 };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  private flood(state: ChatState): void {
    const gap = this.floodControl.perChatMinIntervalMs;
    const t = Date.now();
    if (gap !== undefined && t - state.lastSendAt < gap) {
      const retry_after = this.floodControl.retryAfterSec ?? 1;
      throw new Refusal({
        error_code: 429,
        description: `Too Many Requests: retry after ${retry_after}`,
        parameters: { retry_after },
      });
    }
    state.lastSendAt = t;
  }

  private deliverable(): TgUpdate[] {
    return this.updates.filter(
      (u) => this.allowedUpdates.length === 0 || this.allowedUpdates.some((t) => t in u),
    );
  }

  private push(update: Params): void {
    this.updates.push({ update_id: this.nextUpdateId++, ...structuredClone(update) });
    this.waiter?.wake();
    this.webhook.kick();
  }
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  return new FakeTelegram(opts).start();
}

/** Users as Telegram describes them; ids above 2^31 like many real ones. */
export const alice: TgUser = { id: 1394032416, is_bot: false, first_name: 'Alice', username: 'alice' };
export const bob: TgUser = { id: 5_123_456_789, is_bot: false, first_name: 'Bob', username: 'bob_b' };
