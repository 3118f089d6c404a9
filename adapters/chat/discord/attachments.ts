/**
 * A file sent with a command (a subtitle file for "vocab …") is downloaded here and handed to the
 * core as text; the core decides whether it can read it. Discord's CDN needs no token, and the
 * size is known before downloading, so an oversized upload costs nothing.
 */
import { textReply } from '../../../src/core/messages.js';
import { decodeText } from '../../vocab/decode-text.js';
import type { Reply } from '../../../src/core/types.js';

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
