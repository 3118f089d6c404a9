/**
 * A file a person sent with their message (a .srt/.vtt/.ass for "vocab … in French"): getFile, then a
 * download from `{apiRoot}/file/bot<token>/<file_path>`, capped in size and time. The download
 * URL carries the bot token, so it is never logged or put in an error.
 */
import type { Telegram } from 'telegraf';
import { textReply } from '../../../src/core/messages.js';
import { decodeText } from '../../vocab/decode-text.js';
import type { Reply } from '../../../src/core/types.js';

/** Subtitle files are small; the Bot API's own download limit is 20 MB. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const TEXT_FILE = /\.(srt|vtt|ass|ssa|txt)$/i;

export type Attachment = { ok: true; filename: string; content: string } | { ok: false; reply: Reply };

export async function downloadAttachment(
  telegram: Telegram,
  doc: { fileId: string; fileName: string; fileSize?: number },
  timeoutMs = 15_000,
): Promise<Attachment> {
  if (!TEXT_FILE.test(doc.fileName)) {
    return { ok: false, reply: textReply('chat.fileNotSubtitles', { file: doc.fileName }) };
  }
  if ((doc.fileSize ?? 0) > MAX_ATTACHMENT_BYTES) {
    return { ok: false, reply: tooLarge(doc.fileName) };
  }
  try {
    const link = await telegram.getFileLink(doc.fileId);
    const res = await fetch(link, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok)
      return {
        ok: false,
        reply: textReply('chat.fileRefused', {
          platform: 'Telegram',
          file: doc.fileName,
          status: res.status,
        }),
      };
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_ATTACHMENT_BYTES) {
      return { ok: false, reply: tooLarge(doc.fileName) };
    }
    // Subtitles come in every encoding (an ISO-8859-1 .srt is common): detected, not assumed.
    return { ok: true, filename: doc.fileName, content: decodeText(body) };
  } catch {
    return {
      ok: false,
      reply: textReply('chat.fileDownloadFailed', { platform: 'Telegram', file: doc.fileName }),
    };
  }
}

function tooLarge(file: string): Reply {
  return textReply('chat.fileTooLarge', { file, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
}
