/**
 * Puts a rendered Reply into a chat, or into a message already there, through the outbox. The
 * poster goes out with sendPhoto; if Telegram can't fetch it, the reply goes out as text rather
 * than not at all. Edits that change nothing count as done, and an edit that can no longer be
 * made (message deleted, or over 48 h old) becomes a new message.
 */
import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup, LinkPreviewOptions, ReplyParameters } from 'telegraf/types';
import type { Logger } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/types.js';
import { apiErrorOf, isNotModified, isUneditable } from './api-errors.js';
import type { Outbox } from './outbox.js';
import { renderReply, type Rendered } from './render.js';

/** A message the bot sent, as far as editing it later needs to know. */
export interface SentMessage {
  chatId: string;
  messageId: number;
  /** Photos have a caption, not a text: they are edited with editMessageCaption. */
  hasPhoto: boolean;
}

type First = () => Promise<void>;

export class Sender {
  /** Per reply, what must happen just before its first request goes out (beforeSending). */
  private readonly firsts = new WeakMap<Reply, First>();

  constructor(
    private readonly telegram: Telegram,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {}

  /**
   * Run `hook` once, when `reply` (this very object) is next put into a chat: after the outbox's
   * wait for its turn, before the request to Telegram. A hook that throws is logged, not fatal.
   */
  beforeSending(reply: Reply, hook: First): void {
    this.firsts.set(reply, hook);
  }

  /** The hook registered for `reply`, taken so it runs once. */
  private first(reply: Reply): First {
    return async () => {
      const hook = this.firsts.get(reply);
      if (!hook) return;
      this.firsts.delete(reply);
      await hook().catch((err: unknown) => this.logger.warn({ err: String(err) }, 'before-send step failed'));
    };
  }

  /** Send `reply` as new messages; `replyTo` threads the first one under a message (groups). */
  async deliver(chatId: string, reply: Reply, replyTo?: number): Promise<SentMessage[]> {
    const r = renderReply(reply);
    const sent: SentMessage[] = [];
    const threading =
      replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true };
    const first = this.first(reply);
    if (r.photo !== undefined) {
      const photo = await this.sendPhoto(chatId, r, threading, first);
      if (photo === undefined) return this.deliverText(chatId, renderReply(reply, 'text'), threading);
      sent.push(photo);
    } else if (r.head !== '') {
      sent.push(await this.sendText(chatId, r.head, markupIfLast(r, 0), r.preview, threading, first));
    }
    sent.push(...(await this.sendRest(chatId, r)));
    await this.sendDocument(chatId, r);
    return sent;
  }

  /** Turn an existing message (a prompt, a status) into `reply`: its text or caption, its buttons. */
  async editInto(target: SentMessage, reply: Reply): Promise<void> {
    const r = renderReply(reply, target.hasPhoto ? 'caption' : 'text');
    const reply_markup = markupIfLast(r, 0);
    const first = this.first(reply);
    try {
      await this.outbox.send(
        target.chatId,
        target.hasPhoto ? 'editMessageCaption' : 'editMessageText',
        async (id) => {
          await first();
          return target.hasPhoto
            ? this.telegram.editMessageCaption(id, target.messageId, undefined, r.head, { reply_markup })
            : this.telegram.editMessageText(id, target.messageId, undefined, r.head, {
                reply_markup,
                ...previewOf(r.preview),
              });
        },
      );
    } catch (err) {
      if (isNotModified(err)) return;
      if (!isUneditable(err)) throw err;
      this.logger.info(
        { chatId: target.chatId, messageId: target.messageId },
        'message cannot be edited; sending anew',
      );
      await this.deliver(target.chatId, reply);
      return;
    }
    await this.sendRest(target.chatId, r);
    await this.sendDocument(target.chatId, r);
  }

  async remove(target: SentMessage): Promise<void> {
    await this.outbox
      .send(target.chatId, 'deleteMessage', (id) => this.telegram.deleteMessage(id, target.messageId))
      .catch((err: unknown) =>
        this.logger.debug({ ...apiErrorOf(err) }, 'could not delete a status message'),
      );
  }

  private async deliverText(
    chatId: string,
    r: Rendered,
    threading?: ReplyParameters,
  ): Promise<SentMessage[]> {
    const sent = [await this.sendText(chatId, r.head, markupIfLast(r, 0), r.preview, threading)];
    sent.push(...(await this.sendRest(chatId, r)));
    await this.sendDocument(chatId, r);
    return sent;
  }

  private async sendPhoto(
    chatId: string,
    r: Rendered,
    threading: ReplyParameters | undefined,
    first: First,
  ): Promise<SentMessage | undefined> {
    try {
      const m = await this.outbox.send(chatId, 'sendPhoto', async (id) => {
        await first();
        return this.telegram.sendPhoto(id, r.photo ?? '', {
          caption: r.head,
          reply_markup: markupIfLast(r, 0),
          reply_parameters: threading,
        });
      });
      return { chatId: String(m.chat.id), messageId: m.message_id, hasPhoto: true };
    } catch (err) {
      const e = apiErrorOf(err);
      // A poster URL Telegram can't fetch or won't take is no reason to drop the answer.
      if (e?.code !== 400) throw err;
      this.logger.warn({ description: e.description }, 'poster refused; sending the reply as text');
      return undefined;
    }
  }

  private async sendText(
    chatId: string,
    text: string,
    reply_markup: InlineKeyboardMarkup | undefined,
    preview: string | undefined,
    threading?: ReplyParameters,
    first?: First,
  ): Promise<SentMessage> {
    const m = await this.outbox.send(chatId, 'sendMessage', async (id) => {
      await first?.();
      return this.telegram.sendMessage(id, text, {
        reply_markup,
        reply_parameters: threading,
        ...previewOf(preview),
      });
    });
    return { chatId: String(m.chat.id), messageId: m.message_id, hasPhoto: false };
  }

  private async sendRest(chatId: string, r: Rendered): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    for (const [i, part] of r.rest.entries()) {
      sent.push(await this.sendText(chatId, part, markupIfLast(r, i + 1), undefined));
    }
    return sent;
  }

  private async sendDocument(chatId: string, r: Rendered): Promise<void> {
    const doc = r.document;
    if (!doc) return;
    await this.outbox.send(chatId, 'sendDocument', (id) =>
      this.telegram.sendDocument(id, { source: Buffer.from(doc.content, 'utf8'), filename: doc.filename }),
    );
  }
}

/** The keyboard rides on the last text part: part `index` of 1 + rest.length. */
function markupIfLast(r: Rendered, index: number): InlineKeyboardMarkup | undefined {
  return index === r.rest.length ? r.keyboard : undefined;
}

function previewOf(url: string | undefined): { link_preview_options?: LinkPreviewOptions } {
  return url === undefined
    ? {}
    : { link_preview_options: { url, prefer_large_media: true, show_above_text: true } };
}
