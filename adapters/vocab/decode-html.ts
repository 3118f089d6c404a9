/**
 * Bytes of a web page → text: the charset in the Content-Type header or a <meta> tag, read with
 * decode-text.ts (so IMSDb's "iso-8859-1" is windows-1252, and a page that declares nothing is
 * detected).
 */
import { decodeText } from './decode-text.js';

/** The charset the page says it uses, or undefined. */
export function declaredCharset(contentType: string, head: Buffer): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const sniff = head.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(sniff)?.[1]?.toLowerCase();
}

export function decodeHtml(body: Buffer, contentType: string): string {
  const charset = declaredCharset(contentType, body);
  // A page that says utf-8 but is not (a mislabelled export) is detected instead.
  if (charset && /^utf-?8$/.test(charset)) return decodeText(body);
  return decodeText(body, charset);
}

/** True when the answer is an HTML page (by its type, or by its first bytes when the type is missing or wrong). */
export function looksLikeHtml(contentType: string, body: Buffer): boolean {
  if (/html/i.test(contentType)) return true;
  if (contentType && !/^text\/plain/i.test(contentType)) return false;
  return /^\s*<(?:!doctype|html|head|body|table)/i.test(body.subarray(0, 512).toString('latin1'));
}
