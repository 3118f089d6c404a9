/**
 * What the fake Bot API (telegram.ts) knows about Telegram's objects and rules: the message
 * shapes it stores and returns, the recorded error descriptions, and the checks on text,
 * captions, files and inline keyboards that the real server makes.
 */
import { readFileSync } from 'node:fs';
import { isFilePart, type Params } from './telegram-params.js';

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface Button {
  text: string;
  callback_data?: string;
}

export interface TgMessage {
  message_id: number;
  from: TgUser;
  chat: TgChat;
  date: number;
  text?: string;
  entities?: { type: string; offset: number; length: number }[];
  caption?: string;
  caption_entities?: { type: string; offset: number; length: number }[];
  photo?: { file_id: string; file_unique_id: string; width: number; height: number }[];
  document?: {
    file_id: string;
    file_unique_id: string;
    file_name: string;
    mime_type: string;
    file_size: number;
  };
  reply_markup?: { inline_keyboard: Button[][] };
  reply_to_message?: TgMessage;
  link_preview_options?: Params;
  edit_date?: number;
  migrate_to_chat_id?: number;
  migrate_from_chat_id?: number;
  /** Not in the API: the photo URL or the uploaded file's text, so tests can check it. */
  _photoUrl?: string;
  _documentText?: string;
}

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/telegram/${name}`, import.meta.url), 'utf8'));

const recordedErrors = fixture('error-bodies.json') as { method: string; body: ApiError }[];
const recorded = (method: string, code: number): ApiError => {
  const found = recordedErrors.find((e) => e.method === method && e.body.error_code === code)?.body;
  if (!found) throw new Error(`no recorded ${code} for ${method}`);
  return found;
};
export const NOT_MODIFIED = recorded('editMessageText', 400).description;
export const QUERY_TOO_OLD = recorded('answerCallbackQuery', 400).description;
const BUTTON_DATA_INVALID = recorded('sendMessage', 400).description;
export const MIGRATED = (fixture('send-message.400-chat-migrated.json') as ApiError).description;

export const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

export class Refusal extends Error {
  constructor(readonly api: ApiError) {
    super(api.description);
  }
}
export function bad(description: string, parameters?: ApiError['parameters']): never {
  throw new Refusal({
    error_code: 400,
    description: `Bad Request: ${description}`,
    ...(parameters ? { parameters } : {}),
  });
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** A message as the API returns it: without the fake's own bookkeeping fields. */
export function strip(m: TgMessage): TgMessage {
  const copy = structuredClone(m);
  delete copy._photoUrl;
  delete copy._documentText;
  if (copy.reply_to_message) delete copy.reply_to_message.reply_to_message;
  return copy;
}

export function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const out: { type: string; offset: number; length: number }[] = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) out.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(^|\s)(@\w{5,32})/g)) {
    out.push({ type: 'mention', offset: (m.index ?? 0) + (m[1]?.length ?? 0), length: m[2]?.length ?? 0 });
  }
  return out;
}

export function checkText(text: unknown, max: number): string {
  const t = String(text ?? '');
  if (t.trim() === '') bad('message text is empty');
  if (t.length > max) bad('message is too long');
  return t;
}

export function captionOf(p: Params): Partial<TgMessage> {
  if (p.caption === undefined) return {};
  const caption = String(p.caption);
  if (caption.length > 1024) bad('message caption is too long');
  return caption === '' ? {} : { caption };
}

export function photoOf(photo: unknown): Partial<TgMessage> {
  const url = typeof photo === 'string' ? photo : isFilePart(photo) ? `upload:${photo.filename}` : '';
  if (typeof photo === 'string' && !/^https?:\/\/\S+$/.test(photo) && !/^[\w-]{20,}$/.test(photo)) {
    bad('wrong remote file identifier specified: Wrong string length');
  }
  const file_id = `AgACAgUAAyEGAASXfamHAAMEaFoh${Buffer.from(url).toString('base64url').slice(0, 24)}`;
  return {
    photo: [
      { file_id, file_unique_id: 'AQADdMMxGyUk0FZ4', width: 90, height: 135 },
      { file_id: `${file_id}x`, file_unique_id: 'AQADdMMxGyUk0FZy', width: 500, height: 750 },
    ],
    _photoUrl: url,
  };
}

export function documentOf(doc: unknown): Partial<TgMessage> {
  if (!isFilePart(doc)) bad('wrong remote file identifier specified: Wrong string length');
  const file = doc;
  return {
    document: {
      file_id: `BQACAgUAAyEGAASXfamHAAMF${Buffer.from(file.filename).toString('base64url').slice(0, 16)}`,
      file_unique_id: 'AgADdMMxGyUk0FZ5',
      file_name: file.filename,
      mime_type: file.contentType,
      file_size: Buffer.byteLength(file.content),
    },
    _documentText: file.content,
  };
}

/** Inline keyboards: callback_data is 1–64 bytes of UTF-8, every button has a text. */
export function checkMarkup(markup: unknown): { inline_keyboard: Button[][] } | undefined {
  if (markup === undefined) return undefined;
  const rows = (markup as { inline_keyboard?: Button[][] }).inline_keyboard;
  if (!Array.isArray(rows)) bad("can't parse reply keyboard markup JSON object");
  for (const row of rows) {
    for (const b of row) {
      if (!b.text) bad('text buttons are unallowed in the inline keyboard');
      const bytes = Buffer.byteLength(b.callback_data ?? '', 'utf8');
      if (b.callback_data !== undefined && (bytes < 1 || bytes > 64))
        bad(BUTTON_DATA_INVALID.replace(/^Bad Request: /, ''));
    }
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
