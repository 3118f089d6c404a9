/**
 * A file sent with a command (a subtitle file for "vocab …") is downloaded here and handed to the
 * core as text; the core decides whether it can read it. Discord's CDN needs no token, and the
 * size is known before downloading, so an oversized upload costs nothing.
 */
import type { Core } from '../../../src/core/core.js';
import { textReply } from '../../../src/core/messages.js';
import { decodeText } from '../../vocab/decode-text.js';
import type { IncomingMessage, Reply } from '../../../src/core/types.js';

/** Subtitle files are a few hundred KB; anything this big is not one. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export interface DiscordFile {
  name: string;
  url: string;
  /** Bytes, as Discord reports it. */
  size: number;
}

export type Download =
  { ok: true; file: { filename: string; content: string } } | { ok: false; reason: 'tooLarge' };

export async function downloadText(file: DiscordFile, timeoutMs = 10_000): Promise<Download> {
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
  const res = await fetch(file.url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`downloading attachment ${file.name} failed: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
  // Subtitles come in every encoding (an ISO-8859-1 .srt is common): detected, not assumed.
  const content = decodeText(bytes);
  return { ok: true, file: { filename: file.name, content } };
}

export function tooLarge(file: DiscordFile): Reply {
  return {
    ...textReply('chat.fileTooLarge', { file: file.name, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
    private: true,
  };
}

/** `core.handle`, with the first attached file downloaded and passed along (vocab from subtitles). */
export async function handleWithFile(
  core: Core,
  msg: IncomingMessage,
  file: DiscordFile | undefined,
): Promise<Reply> {
  // A person the core will refuse gets its refusal without us downloading their file first.
  if (!file || !core.allows(msg.user)) return core.handle(msg);
  const download = await downloadText(file);
  if (!download.ok) return tooLarge(file);
  return core.handle({ ...msg, attachment: download.file });
}
