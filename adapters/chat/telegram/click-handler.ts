/**
 * A button click (callback_query). Telegram shows a spinner on the button until the query is
 * answered, and refuses an answer that comes late or twice ("query is too old"), so every click
 * gets exactly one answerCallbackQuery, soon: with the core's words as an alert when the answer
 * is only for the clicker (not their buttons, expired, already used) — the prompt then stays as
 * it was — or empty, after which the prompt is edited into the outcome and loses its buttons.
 * A click in a vocabulary list's browser edits the list into the next view (with its buttons);
 * only a file (the Anki export) comes as a new message, leaving the list where it is.
 */
import type { Telegram } from 'telegraf';
import { z } from 'zod';
import { decodeChoice } from '../../../src/core/choice-data.js';
import { isBrowseData } from '../../../src/core/vocab/browser/payload.js';
import type { Core } from '../../../src/core/core.js';
import { say } from '../../../src/core/messages.js';
import type { Logger } from '../../../src/core/ports.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { apiErrorOf } from './api-errors.js';
import type { Outbox } from './outbox.js';
import { within } from './progress.js';
import type { SentMessage } from './sender.js';
import { takeHead } from './split-text.js';

/** answerCallbackQuery `text` is 0–200 characters. */
const ALERT_LIMIT = 200;

const callbackQuery = z.object({
  id: z.string().min(1),
  from: z.object({ id: z.number().int(), first_name: z.string(), username: z.string().optional() }),
  data: z.string().optional(),
  /** Absent for inline-mode messages; `date: 0` when the message is no longer accessible. */
  message: z
    .object({
      message_id: z.number().int(),
      date: z.number().int(),
      chat: z.object({ id: z.number().int() }),
      photo: z.array(z.unknown()).optional(),
    })
    .optional(),
});

export interface ClickDeps {
  telegram: Telegram;
  outbox: Outbox;
  core: Core;
  logger: Logger;
  /** How long to wait for the core before answering the query without text, in ms. */
  answerWithinMs: number;
  slowAfterMs: number;
  /** Show "typing…" in a chat until the returned function is called. */
  typing: (chatId: string) => () => void;
  /** Put the outcome where the prompt was (`prompt` undefined: it can't be edited, send anew). */
  showOutcome: (chatId: string, prompt: SentMessage | undefined, reply: Reply) => Promise<void>;
  /** An answer meant for the clicker alone that came too late for an alert. */
  tellLate: (chatId: string, reply: Reply, replyTo: number | undefined) => Promise<void>;
}

export class ClickHandler {
  constructor(private readonly d: ClickDeps) {}

  async handle(raw: unknown): Promise<void> {
    const parsed = callbackQuery.safeParse(raw);
    if (!parsed.success) {
      this.d.logger.warn({ issues: parsed.error.issues.length }, 'callback_query of an unexpected shape');
      const id = z.object({ id: z.string() }).safeParse(raw);
      if (id.success) await this.answer(id.data.id);
      return;
    }
    const q = parsed.data;
    const choice = decodeChoice(q.data);
    const browse = isBrowseData(q.data) ? q.data : undefined;
    const ask = choice
      ? (u: UserRef) => this.d.core.choose(u, choice.token, choice.option)
      : browse !== undefined
        ? (u: UserRef) => this.d.core.browse(u, browse)
        : undefined;
    if (!ask) {
      await this.answer(q.id, say('choice.expired'));
      return;
    }
    const message = q.message && q.message.date !== 0 ? q.message : undefined;
    const chatId = String(message?.chat.id ?? q.from.id);
    const user: UserRef = {
      platform: 'telegram',
      userId: String(q.from.id),
      chatId,
      name: q.from.username ?? q.from.first_name,
    };
    const prompt: SentMessage | undefined = message && {
      chatId,
      messageId: message.message_id,
      hasPhoto: message.photo !== undefined,
    };

    const work = ask(user);
    let early: { value: Reply } | undefined;
    try {
      early = await within(work, this.d.answerWithinMs);
    } catch (err) {
      // The core broke its promise never to throw: still stop the spinner, then let bot.catch log it.
      await this.answer(q.id, say('internal.error'));
      throw err;
    }
    if (early?.value.private) {
      await this.answer(q.id, early.value.text);
      return;
    }
    await this.answer(q.id);
    let reply: Reply;
    if (early) reply = early.value;
    else {
      const quick = await within(work, Math.max(0, this.d.slowAfterMs - this.d.answerWithinMs));
      if (quick) reply = quick.value;
      else {
        const stopTyping = this.d.typing(chatId);
        try {
          reply = await work;
        } finally {
          stopTyping();
        }
      }
    }
    if (reply.private || (browse !== undefined && reply.document))
      await this.d.tellLate(chatId, reply, prompt?.messageId);
    else await this.d.showOutcome(chatId, prompt, reply);
  }

  /** Answer once; with text it shows as an alert the clicker must dismiss. */
  private async answer(queryId: string, text?: string): Promise<void> {
    const extra = text === undefined ? undefined : { show_alert: true };
    const shown =
      text === undefined || text.length <= ALERT_LIMIT ? text : `${takeHead(text, ALERT_LIMIT - 1)[0]}…`;
    try {
      await this.d.outbox.now(() => this.d.telegram.answerCbQuery(queryId, shown, extra));
    } catch (err) {
      // Too old or already answered: the click is still handled, the spinner just timed out.
      this.d.logger.debug({ ...apiErrorOf(err) }, 'answerCallbackQuery refused');
    }
  }
}
