/**
 * Bytes of a text we did not write (a subtitle file, a screenplay, a web page) → its characters.
 * A byte-order mark decides first, then a charset the text declares, then valid UTF-8 is UTF-8;
 * anything else is detected with chardet and decoded with iconv-lite (both MIT).
 *
 * ISO-8859-1 and ASCII, declared or detected, are read as windows-1252, their superset, as
 * browsers do (WHATWG Encoding Standard: the "latin1" label means windows-1252). IMSDb pages
 * declare iso-8859-1 and use 0x92 for ’.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

const WESTERN = 'windows-1252';
const READ_AS_WESTERN = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252']);
/** Below this chardet confidence (0–100) its guess is no better than the Western default. */
const MIN_CONFIDENCE = 30;

/** `declared`: a charset the text came with (HTTP header, <meta>), if any. */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buf);
  // iconv-lite drops the byte-order mark itself.
  if (bom) return iconv.decode(buf, bom);
  const label = declared?.trim().toLowerCase();
  if (label && !/^utf-?8$/.test(label)) {
    const named = READ_AS_WESTERN.has(label) ? WESTERN : label;
    if (iconv.encodingExists(named)) return iconv.decode(buf, named);
  }
  if (isUtf8(buf)) return buf.toString('utf8');
  return iconv.decode(buf, detected(buf));
}

function bomEncoding(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** chardet's best guess that iconv-lite can decode; windows-1252 when unsure. */
function detected(buf: Buffer): string {
  const best = chardet.analyse(buf).find((m) => iconv.encodingExists(m.name));
  if (!best || best.confidence < MIN_CONFIDENCE) return WESTERN;
  const name = best.name.toLowerCase();
  return READ_AS_WESTERN.has(name) ? WESTERN : name;
}
