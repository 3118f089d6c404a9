/**
 * A Telegram message → what the core reads, or null when it is not for the bot. In a private
 * chat every message is. In a group the bot answers its commands (`/add`, or `/add@thisbot`
 * but not `/add@otherbot`), messages that mention it, and replies to its own messages; the rest
 * is people talking to each other. (With privacy mode on, the default, Telegram only delivers
 * those to the bot anyway.) `/add@bot Dexter` and `@bot add Dexter` both reach the core as
 * "add Dexter".
 */
import { z } from 'zod';
import type { IncomingMessage } from '../../../src/core/types.js';

const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  username: z.string().optional(),
});

const entity = z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() });

/** A text message, or a file sent with a caption (a subtitle file for "vocab … in French"). */
const textMessage = z
  .object({
    message_id: z.number().int(),
    from: user,
    chat: z.object({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']) }),
    text: z.string().optional(),
    entities: z.array(entity).optional(),
    caption: z.string().optional(),
    caption_entities: z.array(entity).optional(),
    document: z
      .object({
        file_id: z.string(),
        file_name: z.string().optional(),
        file_size: z.number().int().optional(),
      })
      .optional(),
    reply_to_message: z.object({ from: z.object({ id: z.number().int() }).optional() }).optional(),
  })
  .transform((m) => ({
    ...m,
    text: m.text ?? m.caption ?? '',
    entities: m.text !== undefined ? m.entities : m.caption_entities,
  }));

export interface BotIdentity {
  id: number;
  username: string;
}

export interface Incoming {
  message: IncomingMessage;
  /** A file sent with the message, still on Telegram's servers. */
  document?: { fileId: string; fileName: string; fileSize?: number };
  /** To thread the answer under the question in a group. */
  messageId: number;
  isGroup: boolean;
}

export function toIncoming(raw: unknown, bot: BotIdentity): Incoming | null {
  const parsed = textMessage.safeParse(raw);
  if (!parsed.success) return null;
  const m = parsed.data;
  if (m.from.is_bot || m.chat.type === 'channel') return null;
  const isGroup = m.chat.type !== 'private';
  const name = bot.username.toLowerCase();
  const entities = m.entities ?? [];
  const slice = (e: { offset: number; length: number }) => m.text.slice(e.offset, e.offset + e.length);

  const command = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  const addressee = command ? /@(\w+)$/.exec(slice(command))?.[1]?.toLowerCase() : undefined;
  if (addressee !== undefined && addressee !== name) return null;
  const mentioned = entities.some((e) => e.type === 'mention' && slice(e).toLowerCase() === `@${name}`);
  const repliedToBot = m.reply_to_message?.from?.id === bot.id;
  if (isGroup && !command && !mentioned && !repliedToBot) return null;

  const text = normalize(m.text, command ? slice(command) : undefined, name);
  if (text === '') return null;
  const id = String(m.from.id);
  return {
    message: {
      user: {
        platform: 'telegram',
        userId: id,
        chatId: String(m.chat.id),
        name: m.from.username ?? m.from.first_name,
      },
      text,
      // Message ids are per chat (and per bot): the three together name this message everywhere.
      origin: `telegram:${bot.id}:${m.chat.id}:${m.message_id}`,
    },
    messageId: m.message_id,
    isGroup,
    ...(m.document
      ? {
          document: {
            fileId: m.document.file_id,
            fileName: m.document.file_name ?? 'file',
            ...(m.document.file_size !== undefined ? { fileSize: m.document.file_size } : {}),
          },
        }
      : {}),
  };
}

/** "/add@bot Dexter" → "add Dexter"; "@bot, add Dexter" and "add Dexter @bot" → "add Dexter". */
function normalize(text: string, command: string | undefined, botName: string): string {
  const body =
    command === undefined ? text : `${command.slice(1).replace(/@\w+$/, '')} ${text.slice(command.length)}`;
  const leading = new RegExp(`^\\s*@${botName}\\b[\\s,:]*`, 'i');
  const anywhere = new RegExp(`(^|\\s)@${botName}\\b`, 'gi');
  return body.replace(leading, '').replace(anywhere, '$1').replace(/\s+/g, ' ').trim();
}
