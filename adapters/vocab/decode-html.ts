/**
 * Bytes of a web page → text. IMSDb pages declare iso-8859-1 and really use windows-1252 (curly
 * quotes at 0x92, "…" at 0x85), so that is the default; a charset in the Content-Type header or a
 * <meta> tag wins when it names something else (utf-8).
 *
 * Node 20's `new TextDecoder('windows-1252')` decodes 0x80–0x9F as C1 control characters (it takes
 * the latin1 fast path), so 0x92 would come out as U+0092 rather than ’. The 32 bytes where
 * windows-1252 differs from latin1 are mapped here instead.
 */

/** windows-1252 0x80–0x9F; 0 where the code page leaves the byte undefined (kept as is). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(body: Buffer): string {
  return body.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? 0;
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

/** The charset the page says it uses, or undefined. */
export function declaredCharset(contentType: string, head: Buffer): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const sniff = head.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(sniff)?.[1]?.toLowerCase();
}

export function decodeHtml(body: Buffer, contentType: string): string {
  const charset = declaredCharset(contentType, body);
  // Browsers read iso-8859-1 and us-ascii as windows-1252 too; so does anything we do not know.
  if (charset === 'utf-8' || charset === 'utf8') return new TextDecoder('utf-8').decode(body);
  return decodeWindows1252(body);
}

/** True when the answer is an HTML page (by its type, or by its first bytes when the type is missing or wrong). */
export function looksLikeHtml(contentType: string, body: Buffer): boolean {
  if (/html/i.test(contentType)) return true;
  if (contentType && !/^text\/plain/i.test(contentType)) return false;
  return /^\s*<(?:!doctype|html|head|body|table)/i.test(body.subarray(0, 512).toString('latin1'));
}
