/** Writes a dictd dictionary as FreeDict ships it: `<stem>.index` (TSV, base64 numbers) + `<stem>.dict.dz`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encode(n: number): string {
  let s = '';
  do {
    s = (B64[n % 64] ?? '') + s;
    n = Math.floor(n / 64);
  } while (n > 0);
  return s;
}

export function writeDictd(dir: string, stem: string, entries: [headword: string, body: string][]): void {
  let data = '';
  const index: string[] = [];
  for (const [head, body] of entries) {
    const offset = Buffer.byteLength(data);
    data += body;
    index.push(`${head}\t${encode(offset)}\t${encode(Buffer.byteLength(body))}`);
  }
  writeFileSync(join(dir, `${stem}.index`), `${index.join('\n')}\n`);
  writeFileSync(join(dir, `${stem}.dict.dz`), gzipSync(Buffer.from(data)));
}
